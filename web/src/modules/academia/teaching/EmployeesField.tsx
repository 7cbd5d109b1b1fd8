import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { employeePage } from '#shared/platform/people/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useAcademiaT } from '../i18n/index.ts';

/**
 * The company's lecturers or mentors: employees found by name or number as the user types (from the people
 * register the user may read), with the names already on the record.
 */
export function EmployeesField({
  label,
  value,
  known,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  known: readonly { employeeId: string; fullName: string }[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const t = useAcademiaT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState(() => new Map(known.map((k) => [k.employeeId, k.fullName])));
  const found = useQuery({
    queryKey: ['academia-employee-search', q],
    queryFn: () => api.get('/api/people/employees', employeePage, { q: q || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
  const options = new Map(picked);
  for (const e of found.data?.items ?? []) options.set(e.id, `${e.fullName} · ${e.employeeNo}`);
  return (
    <MultiSelect
      label={label}
      placeholder={t('teaching.findEmployee')}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(ids) => {
        setPicked(new Map(ids.map((id) => [id, options.get(id) ?? id])));
        onChange(ids);
      }}
      error={error}
    />
  );
}

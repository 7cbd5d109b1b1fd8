import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { employeePage } from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { useServerSearch } from '../ui/server-search.ts';

/**
 * Employees of the company (lecturers, mentors, people who may access a trade secret): found by name or number
 * as the user types, from the people register the user may read, with the names already on the record.
 */
export function EmployeesField({
  label,
  description,
  placeholder,
  value,
  known,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  placeholder: string;
  value: string[];
  known: readonly { employeeId: string; fullName: string }[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { q, selectProps } = useServerSearch();
  const [picked, setPicked] = useState(() => new Map(known.map((k) => [k.employeeId, k.fullName])));
  const found = useQuery({
    queryKey: ['employee-search', q],
    queryFn: () => api.get('/api/people/employees', employeePage, { q: q || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
  const options = new Map(picked);
  for (const e of found.data?.items ?? []) options.set(e.id, `${e.fullName} · ${e.employeeNo}`);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={placeholder}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      {...selectProps}
      onChange={(ids) => {
        setPicked(new Map(ids.map((id) => [id, options.get(id) ?? id])));
        onChange(ids);
      }}
      error={error}
    />
  );
}

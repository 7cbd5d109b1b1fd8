import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { employeePage } from '#shared/platform/people/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useServerSearch } from '../../../platform/ui/server-search.ts';

const colleaguePage = z.object({
  items: z.array(z.object({ id: z.string(), fullName: z.string(), employeeNo: z.string() })),
});

/**
 * Employees found by name or number: from the people register for those who keep it, or, for a person
 * disclosing an invention, the colleagues at the sites they see.
 */
async function findEmployees(q: string, colleagues: boolean) {
  if (colleagues)
    return (await api.get('/api/ip/disclosure-colleagues', colleaguePage, { q: q || undefined })).items;
  return (
    await api.get('/api/people/employees', employeePage, {
      q: q || undefined,
      pageSize: 20,
      sort: 'fullName',
    })
  ).items;
}

/** One employee, found by name or number as the user types; `onChange` gets the id and the shown name. */
export function EmployeeSelect({
  label,
  ariaLabel,
  description,
  placeholder,
  value,
  name,
  onChange,
  error,
  colleagues = false,
  style,
}: {
  label?: string;
  ariaLabel?: string;
  description?: string;
  placeholder?: string;
  value: string | null;
  /** The chosen employee's name as shown, before any search has found it. */
  name?: string;
  onChange: (id: string | null, name: string) => void;
  error?: string;
  colleagues?: boolean;
  style?: React.CSSProperties;
}) {
  const { q, selectProps } = useServerSearch();
  const found = useQuery({
    queryKey: ['ip-employee-search', colleagues, q],
    queryFn: () => findEmployees(q, colleagues),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (value && name) options.set(value, name);
  for (const e of found.data ?? []) options.set(e.id, `${e.fullName} · ${e.employeeNo}`);
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      description={description}
      placeholder={placeholder}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      {...selectProps}
      onChange={(id) => onChange(id, id ? (options.get(id) ?? '') : '')}
      error={error}
      style={style}
    />
  );
}

import { employeePage } from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { SearchMultiSelect } from '../ui/SearchMultiSelect.tsx';

async function findEmployees(q: string) {
  const page = await api.get('/api/people/employees', employeePage, { q: q || undefined, pageSize: 20 });
  return page.items.map((e) => ({ value: e.id, label: `${e.fullName} · ${e.employeeNo}` }));
}

/**
 * Employees of the company (lecturers, mentors, people who may access a trade secret): found by name or number
 * as the user types, from the people register the user may read, with the names already on the record.
 */
export function EmployeesField({
  known,
  ...field
}: {
  label: string;
  description?: string;
  placeholder: string;
  value: string[];
  known: readonly { employeeId: string; fullName: string }[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  return (
    <SearchMultiSelect
      {...field}
      queryKey={['employee-search']}
      find={findEmployees}
      known={known.map((k) => ({ value: k.employeeId, label: k.fullName }))}
    />
  );
}

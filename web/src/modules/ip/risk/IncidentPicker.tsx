import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { incidentChoices } from '#shared/modules/ip/risk/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useServerSearch } from '../../../platform/ui/server-search.ts';
import { ipKeys } from '../api.ts';

type Option = { value: string; label: string };

/** Picks a security incident the user may read (the server offers no other), by reference or title. */
export function IncidentPicker({
  label,
  description,
  placeholder,
  value,
  known,
  onChange,
  error,
}: {
  label: string;
  description: string;
  placeholder: string;
  value: string | null;
  known: Option | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
}) {
  const { q, selectProps } = useServerSearch();
  const query = useQuery({
    queryKey: [ipKeys.riskCases, 'incidents', q],
    queryFn: () => api.get('/api/ip/risk-case-incidents', incidentChoices, { q: q || undefined }),
  });
  const options = new Map<string, Option>();
  if (known) options.set(known.value, known);
  for (const i of query.data?.items ?? [])
    options.set(i.id, { value: i.id, label: `${i.reference} · ${i.title}` });
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={[...options.values()]}
      value={value}
      onChange={onChange}
      {...selectProps}
      clearable
      error={error}
    />
  );
}

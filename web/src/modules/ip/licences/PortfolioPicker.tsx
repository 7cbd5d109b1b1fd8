import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { familyPage, matterPage } from '#shared/modules/ip/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useServerSearch } from '../../../platform/ui/server-search.ts';
import { ipKeys } from '../api.ts';

type Option = { value: string; label: string };

/**
 * Picks families or matters of the portfolio by reference or number: the list asks the server as the user
 * types (the reader's sites only), and the options already chosen keep their labels.
 */
export function PortfolioPicker({
  kind,
  label,
  placeholder,
  value,
  known,
  onChange,
  error,
}: {
  kind: 'families' | 'matters';
  label: string;
  placeholder: string;
  value: string[];
  known: Option[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
}) {
  const { q, selectProps } = useServerSearch();
  const [seen, setSeen] = useState<Option[]>(known);
  const query = useQuery({
    queryKey: [kind === 'families' ? ipKeys.families : ipKeys.matters, 'pick', q],
    queryFn: async (): Promise<Option[]> => {
      if (kind === 'families') {
        const page = await api.get('/api/ip/families', familyPage, { q: q || undefined, pageSize: 30 });
        return page.items.map((f) => ({ value: f.id, label: `${f.reference} · ${f.title}` }));
      }
      const page = await api.get('/api/ip/matters', matterPage, { q: q || undefined, pageSize: 30 });
      return page.items.map((m) => ({
        value: m.id,
        label: `${m.office} ${m.applicationNo} · ${m.familyReference}`,
      }));
    },
  });
  const options = new Map<string, Option>();
  for (const o of [...seen, ...(query.data ?? [])]) options.set(o.value, o);
  return (
    <MultiSelect
      label={label}
      placeholder={placeholder}
      data={[...options.values()]}
      value={value}
      onChange={(ids) => {
        setSeen([...options.values()].filter((o) => ids.includes(o.value)));
        onChange(ids);
      }}
      {...selectProps}
      error={error}
    />
  );
}

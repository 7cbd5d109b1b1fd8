import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useServerSearch } from './server-search.ts';

export type SearchOption = { value: string; label: string };

/**
 * A multi-select whose options the server finds as the user types (`find`), keeping the labels of those
 * already chosen (`known` at first, then each one picked) while other searches run.
 */
export function SearchMultiSelect({
  queryKey,
  find,
  known,
  value,
  onChange,
  ...field
}: {
  queryKey: readonly unknown[];
  find: (q: string) => Promise<SearchOption[]>;
  known: readonly SearchOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  description?: string;
  placeholder: string;
  required?: boolean;
  error?: string;
}) {
  const { q, selectProps } = useServerSearch();
  const [picked, setPicked] = useState(() => new Map(known.map((k) => [k.value, k.label])));
  const found = useQuery({ queryKey: [...queryKey, q], queryFn: () => find(q), staleTime: 30_000 });
  const options = new Map(picked);
  for (const o of found.data ?? []) options.set(o.value, o.label);
  return (
    <MultiSelect
      {...field}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      {...selectProps}
      onChange={(ids) => {
        setPicked(new Map(ids.map((id) => [id, options.get(id) ?? id])));
        onChange(ids);
      }}
    />
  );
}

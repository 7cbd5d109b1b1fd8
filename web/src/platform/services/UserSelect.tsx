import { Group, Select, type SelectProps, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userDirectory } from '#shared/platform/users/contract.ts';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.ts';
import { useServicesT } from './texts.ts';

export type KnownUser = { id: string; name: string; hint?: string | null };

/**
 * Picks an active user from the directory by name or email (searched on the server). `known` are people
 * already named on the record (its owner, a committee's members): they are offered first and keep their
 * label when the directory search does not return them. `outsideSearch`: an endpoint of the record that
 * finds people outside the company (answering as the directory does), for a record that may be granted to
 * one of them; they are offered after the staff, marked as outside. `onlyOutside`: the record goes to a person
 * outside the company only (a student's sign-in), so the staff are not offered.
 */
export function UserSelect({
  known = [],
  outsideSearch,
  onlyOutside = false,
  ...props
}: Omit<SelectProps, 'data' | 'searchable' | 'onSearchChange' | 'searchValue' | 'filter'> & {
  known?: KnownUser[];
  outsideSearch?: string;
  onlyOutside?: boolean;
}) {
  const t = useServicesT();
  const session = useSession();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const value = typeof props.value === 'string' ? props.value : null;
  const me = t('users.me', { name: session.user.displayName });
  const currentLabel =
    chosen ?? known.find((k) => k.id === value)?.name ?? (value === session.user.id ? me : null);
  // The search box shows the chosen person's name: that is not a search.
  const [q] = useDebouncedValue(search === currentLabel ? '' : search.trim(), 250);
  const directory = useQuery({
    queryKey: ['/api/users/directory', q],
    queryFn: ({ signal }) =>
      api.get('/api/users/directory', userDirectory, { q: q || undefined, limit: 20 }, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled: !onlyOutside,
  });
  const outside = useQuery({
    queryKey: [outsideSearch, q],
    queryFn: ({ signal }) =>
      api.get(outsideSearch ?? '', userDirectory, { q: q || undefined, limit: 20 }, signal),
    enabled: Boolean(outsideSearch),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

  const hints = new Map<string, string>();
  const labels = new Map<string, string>();
  const add = (id: string, name: string, hint?: string | null) => {
    if (!labels.has(id)) labels.set(id, name);
    if (hint && !hints.has(id)) hints.set(id, hint);
  };
  const needle = q.toLowerCase();
  for (const k of known) if (!needle || k.name.toLowerCase().includes(needle)) add(k.id, k.name, k.hint);
  if (!onlyOutside && (!needle || session.user.displayName.toLowerCase().includes(needle)))
    add(session.user.id, me, session.user.email);
  for (const u of directory.data?.items ?? []) add(u.id, u.displayName, u.email);
  for (const u of outside.data?.items ?? []) add(u.id, u.displayName, t('users.outside', { email: u.email }));
  // The chosen person keeps a label whatever the search.
  if (value && !labels.has(value)) labels.set(value, currentLabel ?? '…');
  const data = [...labels.entries()].map(([id, name]) => ({ value: id, label: name }));

  return (
    <Select
      placeholder={t('users.search')}
      nothingFoundMessage={
        directory.isFetching || outside.isFetching ? t('common.loading') : t('users.nothingFound')
      }
      // Focus alone (a dialog's first field) does not open the list over the form; typing or a click does.
      openOnFocus={false}
      {...props}
      data={data}
      searchable
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(v, option) => {
        setChosen(option?.label ?? null);
        props.onChange?.(v, option);
      }}
      renderOption={({ option }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{option.label}</Text>
          {hints.get(option.value) && (
            <Text size="xs" c="dimmed">
              {hints.get(option.value)}
            </Text>
          )}
        </Group>
      )}
    />
  );
}

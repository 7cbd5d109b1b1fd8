import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sitePage } from '#shared/platform/org/contract.ts';
import { api } from '../api/client.ts';
import { useLocalName } from '../ui/labels.ts';

/** The sites in the user's scope, for filters and forms. */
export function useSites() {
  const localName = useLocalName();
  const query = useQuery({
    queryKey: ['/api/org/sites', 'all'],
    queryFn: () => api.get('/api/org/sites', sitePage, { pageSize: 500, sort: 'code' }),
    staleTime: 60_000,
  });
  const sites = query.data?.items ?? [];
  return {
    sites,
    options: sites.map((s) => ({ value: s.id, label: `${s.code} · ${localName(s)}` })),
    loading: query.isLoading,
  };
}

/**
 * For a form's site field: someone who sees exactly one site has it chosen for them, also when the form
 * opened before the list of sites had arrived.
 */
export function useOnlySiteByDefault(
  options: { value: string }[],
  current: string,
  choose: (siteId: string) => void,
) {
  const only = options.length === 1 ? options[0].value : null;
  useEffect(() => {
    if (only && !current) choose(only);
  }, [only, current, choose]);
}

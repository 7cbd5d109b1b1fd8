import { useQuery } from '@tanstack/react-query';
import { sitePage } from '../../../../server/platform/org/contract.ts';
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

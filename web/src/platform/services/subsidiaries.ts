import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { subsidiaryView } from '#shared/platform/org/contract.ts';
import { api } from '../api/client.ts';
import { useLocalName } from '../ui/labels.ts';

/** The subsidiaries, for forms of records that a subsidiary holds (a certificate, a committee). */
export function useSubsidiaries() {
  const localName = useLocalName();
  const query = useQuery({
    queryKey: ['/api/org/subsidiaries'],
    queryFn: () => api.get('/api/org/subsidiaries', z.object({ items: z.array(subsidiaryView) })),
    staleTime: 60_000,
  });
  return {
    subsidiaries: query.data?.items ?? [],
    options: (query.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${localName(s)}` })),
  };
}

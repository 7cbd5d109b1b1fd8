import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ResponseView, responseView } from '#shared/modules/infosec/response/contract.ts';
import { api } from '../../../../platform/api/client.ts';
import { infosecKeys } from '../../api.ts';

export const responseUrl = (incidentId: string) => `/api/infosec/incidents/${incidentId}/response`;

/** The incident's response work, as one query that every card of it reads. */
export function useIncidentResponse(incidentId: string) {
  return useQuery({
    queryKey: [responseUrl(incidentId)],
    queryFn: () => api.get(responseUrl(incidentId), responseView),
  });
}

/**
 * A write to the response work: each answers with the whole response, which replaces the cached one; the
 * incident is refetched too (its timeline and counts move).
 */
export function useResponseWrite<I>(
  incidentId: string,
  write: (input: I) => Promise<ResponseView | undefined>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (view) => {
      if (view) queryClient.setQueryData([responseUrl(incidentId)], view);
      else await queryClient.invalidateQueries({ queryKey: [responseUrl(incidentId)] });
      await queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
      onDone?.();
    },
  });
}

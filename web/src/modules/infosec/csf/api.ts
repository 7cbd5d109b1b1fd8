import type { QueryClient } from '@tanstack/react-query';
import { assessmentView, catalogueView } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';

/** Query keys of the NIST CSF assessment: a change refreshes every list and view that starts with one. */
export const csfKeys = {
  root: '/api/infosec/csf',
  campaigns: '/api/infosec/csf/campaigns',
  assessments: '/api/infosec/csf/assessments',
  catalogues: '/api/infosec/csf/catalogues',
};

/** Refreshes every NIST CSF list and view (the lists' keys are their endpoints, all under one path). */
export function invalidateCsf(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(csfKeys.root),
  });
}

export const csfAssessmentQuery = (id: string) => ({
  queryKey: [csfKeys.assessments, id],
  queryFn: () => api.get(`/api/infosec/csf/assessments/${id}`, assessmentView),
});

export const csfCatalogueQuery = (id: string | undefined) => ({
  queryKey: [csfKeys.catalogues, id],
  queryFn: () => api.get(`/api/infosec/csf/catalogues/${id}`, catalogueView),
  enabled: Boolean(id),
  staleTime: 10 * 60_000,
});

import type { QueryClient } from '@tanstack/react-query';
import { assessmentView, supplierView, templateList } from '#shared/modules/infosec/suppliers/contract.ts';
import { api } from '../../../platform/api/client.ts';

/** Query keys of suppliers and their assessments: a change refreshes every list and view under one. */
export const supplierKeys = {
  suppliers: '/api/infosec/suppliers',
  assessments: '/api/infosec/supplier-assessments',
  templates: '/api/infosec/supplier-templates',
};

export const supplierQuery = (id: string) => ({
  queryKey: [supplierKeys.suppliers, id],
  queryFn: () => api.get(`/api/infosec/suppliers/${id}`, supplierView),
});

export const assessmentQuery = (id: string) => ({
  queryKey: [supplierKeys.assessments, id],
  queryFn: () => api.get(`/api/infosec/supplier-assessments/${id}`, assessmentView),
});

export const templatesQuery = () => ({
  queryKey: [supplierKeys.templates],
  queryFn: () => api.get('/api/infosec/supplier-templates', templateList),
});

export function invalidateSuppliers(queryClient: QueryClient) {
  return Promise.all(
    Object.values(supplierKeys).map((k) => queryClient.invalidateQueries({ queryKey: [k] })),
  );
}

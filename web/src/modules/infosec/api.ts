import { incidentView } from '#shared/modules/infosec/contract.ts';
import { api } from '../../platform/api/client.ts';

/** Query keys of information security data: a change refreshes every list and view that starts with one. */
export const infosecKeys = {
  incidents: '/api/infosec/incidents',
  systems: '/api/infosec/systems',
  obligations: '/api/obligations',
};

export const securityIncidentQuery = (id: string) => ({
  queryKey: [infosecKeys.incidents, id],
  queryFn: () => api.get(`/api/infosec/incidents/${id}`, incidentView),
});

/** A `datetime-local` input's value as an ISO timestamp with the browser's offset, and back. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function isoToLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { areaView } from '#shared/platform/org/contract.ts';
import { api } from '../../platform/api/client.ts';

/** Query keys of monitoring data: a change refreshes every list and view that starts with one. */
export const smartKeys = {
  sensors: '/api/smart/sensors',
  alarms: '/api/smart/alarms',
};

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

/** The areas of a site (buildings, floors, lines), for the sensor form's picker. */
export function useAreas(siteId: string | null | undefined) {
  return useQuery({
    queryKey: ['/api/org/sites', siteId, 'areas'],
    queryFn: () => api.get(`/api/org/sites/${siteId}/areas`, z.object({ items: z.array(areaView) })),
    enabled: !!siteId,
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

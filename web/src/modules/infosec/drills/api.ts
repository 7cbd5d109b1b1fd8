import type { QueryClient } from '@tanstack/react-query';
import { drillView } from '#shared/modules/infosec/drills/contract.ts';
import { phishingCampaignDetail } from '#shared/modules/infosec/drills/phishing.ts';
import { api } from '../../../platform/api/client.ts';

/** Query keys of drills and phishing campaigns: a change refreshes every list and view under one. */
export const drillKeys = {
  drills: '/api/infosec/drills',
  phishing: '/api/infosec/phishing',
  obligations: '/api/obligations',
};

export const drillQuery = (id: string) => ({
  queryKey: [drillKeys.drills, id],
  queryFn: () => api.get(`/api/infosec/drills/${id}`, drillView),
});

export const phishingCampaignQuery = (id: string) => ({
  queryKey: [drillKeys.phishing, id],
  queryFn: () => api.get(`/api/infosec/phishing/campaigns/${id}`, phishingCampaignDetail),
});

export function invalidateDrills(queryClient: QueryClient) {
  return Promise.all(Object.values(drillKeys).map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
}

/** Lines of a text area, trimmed, without the empty ones. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "30 | Restore the database" → 30 minutes and the step; a line without minutes takes 0. */
export function stepOf(line: string) {
  const m = /^(\d{1,5})\s*\|\s*(.+)$/.exec(line);
  return m ? { minutes: Number(m[1]), description: m[2].trim() } : { minutes: 0, description: line };
}

/** "risk | mitigation"; a line without a bar is a risk whose mitigation is still to write ("—"). */
export function pairOf(line: string): [string, string] {
  const at = line.indexOf('|');
  return at < 0 ? [line, '—'] : [line.slice(0, at).trim(), line.slice(at + 1).trim() || '—'];
}

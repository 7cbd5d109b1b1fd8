import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { areaView } from '#shared/platform/org/contract.ts';
import { contractorWorkerPage, employeePage } from '#shared/platform/people/contract.ts';
import { userDirectory } from '#shared/platform/users/contract.ts';
import { api } from '../../platform/api/client.ts';
import { useSession } from '../../platform/auth/session.ts';

/** Query keys of OHS data: a change refreshes every list and view that starts with one of them. */
export const ohsKeys = {
  incidents: '/api/ohs/incidents',
  investigations: '/api/ohs/investigations',
  hours: '/api/ohs/hours',
  statistics: '/api/ohs/statistics',
  hazards: '/api/ohs/hazards',
  permits: '/api/ohs/permits',
  qualifications: '/api/ohs/qualifications',
  health: '/api/ohs/health',
  wellbeing: '/api/ohs/wellbeing',
  goals: '/api/ohs/goals',
  actions: '/api/actions',
  documents: '/api/documents',
  obligations: '/api/obligations',
};

/** The areas of a site (buildings, floors, lines), for pickers. */
export function useAreas(siteId: string | null | undefined) {
  return useQuery({
    queryKey: ['/api/org/sites', siteId, 'areas'],
    queryFn: () => api.get(`/api/org/sites/${siteId}/areas`, z.object({ items: z.array(areaView) })),
    enabled: !!siteId,
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

/** True when the user holds an OHS role over the whole group (the group OHS office, administrators). */
export function useGroupWide(): boolean {
  const session = useSession();
  return session.assignments.some(
    (a) =>
      a.scopeKind === 'group' &&
      (a.role === 'group_admin' ||
        (a.role === 'program_owner' && (a.program === null || a.program === 'ohs'))),
  );
}

export type Option = { value: string; label: string };

/**
 * Users to pick as a lead, team member or owner, from the staff directory as the user types (`q`). People
 * already named (`known`) and those seen in earlier searches keep their names while selected.
 */
const seenUsers = new Map<string, string>();
export function useUserOptions(known: { id: string; name: string }[] = [], q = ''): Option[] {
  const session = useSession();
  const directory = useQuery({
    queryKey: ['/api/users/directory', q],
    queryFn: () => api.get('/api/users/directory', userDirectory, { q: q || undefined, limit: 50 }),
    staleTime: 60_000,
  });
  seenUsers.set(session.user.id, session.user.displayName);
  for (const k of known) seenUsers.set(k.id, k.name);
  for (const u of directory.data?.items ?? []) seenUsers.set(u.id, u.displayName);
  return [...seenUsers.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Searches the employees or contractor workers of a site, for the person picker of an injury or screening. */
export function usePeopleSearch(kind: 'employee' | 'contractor_worker', siteId: string | null, q: string) {
  return useQuery({
    queryKey: ['people-search', kind, siteId, q],
    queryFn: async (): Promise<Option[]> => {
      if (kind === 'employee') {
        const page = await api.get('/api/people/employees', employeePage, {
          q: q || undefined,
          siteId: siteId ?? undefined,
          pageSize: 20,
          sort: 'fullName',
          status: 'all',
        });
        return page.items.map((e) => ({ value: e.id, label: `${e.fullName} · ${e.employeeNo}` }));
      }
      const page = await api.get('/api/people/contractor-workers', contractorWorkerPage, {
        q: q || undefined,
        siteId: siteId ?? undefined,
        pageSize: 20,
        sort: 'fullName',
      });
      return page.items.map((w) => ({
        value: w.id,
        label: `${w.fullName} · ${w.workerNo} · ${w.companyName}`,
      }));
    },
    staleTime: 30_000,
  });
}

/** Local date-time input value (YYYY-MM-DDTHH:mm) to an ISO string with the browser's offset. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(Math.abs(Math.trunc(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** An ISO instant to a local date-time input value (YYYY-MM-DDTHH:mm). */
export function isoToLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

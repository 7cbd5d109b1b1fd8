// The page's search parameters, read by the route before the page's own code loads (pages load on demand).
import { actionStatuses } from '#shared/platform/actions/rules/status.ts';

export type Status = (typeof actionStatuses)[number];
export type ActionsSearch = { view?: 'mine' | 'scope'; status?: Status; overdue?: boolean };

export function validateActionsSearch(s: Record<string, unknown>): ActionsSearch {
  return {
    view: s.view === 'scope' || s.view === 'mine' ? s.view : undefined,
    status:
      typeof s.status === 'string' && (actionStatuses as readonly string[]).includes(s.status)
        ? (s.status as Status)
        : undefined,
    overdue: s.overdue === true || s.overdue === 'true' ? true : undefined,
  };
}

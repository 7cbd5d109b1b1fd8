// The pages' search parameters, read by the route before the page's own code loads (pages load on demand).
import { calendarStates } from '#shared/platform/obligations/contract.ts';

type CalendarState = (typeof calendarStates)[number];
/** The state filter: a calendar state, 'open' (not done yet: the default) or 'all'. */
export type StateFilter = CalendarState | 'open' | 'all';
export const stateFilters: StateFilter[] = ['open', ...calendarStates, 'all'];
export type ObligationsSearch = {
  state?: StateFilter;
  show?: 'list' | 'calendar';
  month?: string;
  siteId?: string;
  kind?: string;
};

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The search parameters of the obligation pages (the home page links to ?state=overdue). */
export function validateObligationsSearch(s: Record<string, unknown>): ObligationsSearch {
  const state = str(s.state);
  const month = str(s.month);
  return {
    state:
      state && state !== 'open' && (stateFilters as string[]).includes(state)
        ? (state as StateFilter)
        : undefined,
    show: s.show === 'calendar' ? 'calendar' : undefined,
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    siteId: str(s.siteId),
    kind: str(s.kind),
  };
}

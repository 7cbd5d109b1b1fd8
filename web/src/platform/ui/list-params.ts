import type { QueryValue } from '../api/client.ts';

type Params = Record<string, QueryValue>;

/**
 * The query of a list request: the paging and sorting, the list's view, then the page's filters. A filter the
 * page leaves unset (undefined) keeps the view's value: "my open obligations" stays open while no state is
 * chosen.
 */
export function listParams(base: Params, view: Params = {}, filters: Params = {}): Params {
  const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  return { ...base, ...view, ...set };
}

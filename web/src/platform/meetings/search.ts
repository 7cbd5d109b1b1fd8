// The page's search parameters, read by the route before the page's own code loads (pages load on demand).

export type CommitteesSearch = { tab?: 'meetings' };

export function validateCommitteesSearch(s: Record<string, unknown>): CommitteesSearch {
  return { tab: s.tab === 'meetings' ? 'meetings' : undefined };
}

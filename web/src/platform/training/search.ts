// The page's search parameters, read by the route before the page's own code loads (pages load on demand).

export type Tab = 'courses' | 'completions' | 'figures';
export type TrainingSearch = { tab?: Exclude<Tab, 'courses'> };

export function validateTrainingSearch(s: Record<string, unknown>): TrainingSearch {
  return { tab: s.tab === 'completions' || s.tab === 'figures' ? s.tab : undefined };
}

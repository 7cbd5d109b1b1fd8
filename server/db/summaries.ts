import { programModules } from '../modules/index.ts';
import type { AnyProgramModule, KeptSummary } from '../platform/modules/manifest.ts';

/**
 * Summary tables that triggers keep exact (the training figures of a year, and those the modules declare):
 * each can be recomputed from its rows, after a bulk load with triggers off, after a restore, or on demand
 * (`steward summaries rebuild`).
 */
export const platformSummaries: readonly KeptSummary[] = [
  {
    name: 'training years',
    rebuild: 'select training_year_summary_rebuild()',
    since: '0011_training_year_summary',
    restoredAsSaved: true,
  },
  {
    name: 'training latest completions',
    rebuild: 'select training_course_latest_rebuild()',
    since: '0035_training_course_latest',
  },
  { name: 'site headcounts', rebuild: 'select site_headcounts_rebuild()', since: '0036_site_headcounts' },
  {
    name: 'obligation counts',
    rebuild: 'select obligation_counts_rebuild()',
    since: '0064_obligation_counts',
  },
  {
    name: 'training campaign version',
    rebuild: "select data_version_bump('training.campaign')",
    since: '0076_training_campaign_version',
  },
];

/** The modules' summaries. */
export function moduleSummaries(modules: readonly AnyProgramModule[] = programModules): KeptSummary[] {
  return modules.flatMap((m) => [...(m.summaries ?? [])]);
}

/** The summaries a restore recomputes from the rows it loaded. */
export function summariesToRecompute(modules: readonly AnyProgramModule[] = programModules): KeptSummary[] {
  return allSummaries(modules).filter((s) => !s.restoredAsSaved);
}

/** Every summary: the platform's, then the modules'. */
export function allSummaries(modules: readonly AnyProgramModule[] = programModules): KeptSummary[] {
  return [...platformSummaries, ...moduleSummaries(modules)];
}

/**
 * Recomputes summaries through `run` (a statement on the caller's transaction: a Kysely transaction or a raw
 * client), one after the other; returns their names.
 */
export async function rebuildSummaries(
  run: (statement: string) => Promise<unknown>,
  summaries: readonly KeptSummary[] = allSummaries(),
): Promise<string[]> {
  for (const s of summaries) await run(s.rebuild);
  return summaries.map((s) => s.name);
}

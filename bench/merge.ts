#!/usr/bin/env node
// A partial run (BENCH_ONLY=…) leaves bench/results/latest.* as they are; with BENCH_MERGE=1 (or afterwards:
// `node bench/merge.ts /tmp/steward-bench-results/partial.json`) the parts it measured replace those parts of
// bench/results/latest.json, each marked with the run it comes from, and latest.md and the README's section
// are written again. The read suite is merged case by case (`BENCH_ONLY=data,reads BENCH_CASES=<regex>
// BENCH_MERGE=1`): the cases the run measured replace those rows of the committed read table, the other rows
// stay, and the rows merged in name their run, with its own hello-world figure, load average and dataset, since
// a read's limits (its SQL, hello-world) are only comparable within one run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/proc.ts';
import { updateReadme } from './readme.ts';
import { type BenchResults, evaluateTargets, mainSuite, readmeSection, toMarkdown } from './report.ts';

/** The parts of the suite that can be merged, and the key of BenchResults each one fills. */
export const MERGEABLE = {
  nab: 'nab',
  startup: 'startup',
  web: 'web',
  identity: 'identity',
  import: 'import',
  infosec: 'infosec',
  backup: 'backup',
  smart: 'smart',
} as const;

/** The read suite at the large scale on PostgreSQL: merged by case, not as a whole. */
export const READS = 'reads';

export type MergeablePart = keyof typeof MERGEABLE | typeof READS;

const LATEST = path.join(ROOT, 'bench/results/latest.json');

/** `latest` with the parts of `partial` that it measured; throws on a part it did not measure. */
export function mergeParts(
  latest: BenchResults,
  partial: BenchResults,
  parts: MergeablePart[],
): BenchResults {
  // The fixes are the code's list (bench/fixes.ts), which the later run holds in full.
  let merged: BenchResults = { ...latest, fixes: partial.fixes, partRuns: { ...latest.partRuns } };
  for (const part of parts) {
    if (part === READS) {
      merged = mergeReadCases(merged, partial);
      continue;
    }
    const key = MERGEABLE[part];
    if (partial[key] === undefined) throw new Error(`the run has no ${part} figures to merge`);
    (merged as Record<string, unknown>)[key] = partial[key];
    (merged.partRuns as NonNullable<BenchResults['partRuns']>)[part] = {
      startedAt: partial.startedAt,
      finishedAt: partial.finishedAt,
      commit: partial.commit,
      loadAverageStart: partial.machine.loadAverageStart,
      loadAverageEnd: partial.machine.loadAverageEnd,
      failures: (partial.failures ?? []).filter((f) => f.toLowerCase().includes(part)),
    };
  }
  merged.targets = evaluateTargets(merged);
  return merged;
}

/**
 * `latest` with the read cases `partial` measured at the large scale on PostgreSQL (all but hello-world, or
 * those whose name matches `only`) in place of its rows of the same name, new cases after the others. The
 * rows merged in point to the run they come from (`partRuns`, under "reads <finished at>"), which keeps that
 * run's hello-world figure, load average, commit and dataset; a run no row points to any more is dropped.
 */
export function mergeReadCases(latest: BenchResults, partial: BenchResults, only?: RegExp): BenchResults {
  const from = mainSuite(partial);
  const key = `postgres-s${partial.settings.scales.large}`;
  if (!from) throw new Error('the run has no read figures at the large scale on PostgreSQL to merge');
  if (latest.settings.scales.large !== partial.settings.scales.large)
    throw new Error(
      `the run's large scale is ${partial.settings.scales.large}, the committed results' ${latest.settings.scales.large}`,
    );
  const cases = from.results.filter((c) => c.kind !== 'baseline' && (!only || only.test(c.name)));
  if (!cases.length) throw new Error('the run measured no read case to merge');
  const run = `${READS} ${partial.finishedAt.slice(0, 16).replace('T', ' ')}`;
  const hello = from.results.find((c) => c.kind === 'baseline')?.http[partial.settings.clients];
  const dataset = partial.datasets[key];
  const datasetKey = `${key}, ${run}`;
  const into = latest.reads[key] ?? { ...from, results: from.results.filter((c) => c.kind === 'baseline') };
  const results = into.results.map((c) => {
    const replacement = cases.find((x) => x.name === c.name);
    return replacement ? { ...replacement, run } : c;
  });
  for (const c of cases) if (!results.some((x) => x.name === c.name)) results.push({ ...c, run });
  const partRuns: NonNullable<BenchResults['partRuns']> = {
    ...latest.partRuns,
    [run]: {
      startedAt: partial.startedAt,
      finishedAt: partial.finishedAt,
      commit: partial.commit,
      loadAverageStart: partial.machine.loadAverageStart,
      loadAverageEnd: partial.machine.loadAverageEnd,
      failures: (partial.failures ?? []).filter((f) => f.toLowerCase().includes('reads')),
      cases: cases.map((c) => c.name),
      hello,
      dataset: dataset ? datasetKey : undefined,
      selection: partial.settings.cases,
    },
  };
  const datasets = { ...latest.datasets, ...(dataset ? { [datasetKey]: dataset } : {}) };
  // Runs whose every case was measured again since: their record and dataset go.
  for (const [name, r] of Object.entries(partRuns)) {
    if (!name.startsWith(`${READS} `) || results.some((c) => c.run === name)) continue;
    delete partRuns[name];
    if (r.dataset) delete datasets[r.dataset];
  }
  return {
    ...latest,
    datasets,
    reads: { ...latest.reads, [key]: { ...into, results } },
    partRuns,
  };
}

/** Merges the parts into bench/results/latest.json and writes latest.md and the README's section again. */
export function mergeIntoLatest(partial: BenchResults, parts: MergeablePart[]): void {
  const latest = JSON.parse(readFileSync(LATEST, 'utf8')) as BenchResults;
  const merged = mergeParts(latest, partial, parts);
  writeFileSync(LATEST, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(path.join(ROOT, 'bench/results/latest.md'), toMarkdown(merged));
  updateReadme(readmeSection(merged));
}

/** The mergeable parts a run measured. */
export function measuredParts(r: BenchResults): MergeablePart[] {
  const measured = (v: unknown) =>
    v !== undefined && !(typeof v === 'object' && !Object.keys(v ?? {}).length);
  const parts: MergeablePart[] = (Object.keys(MERGEABLE) as (keyof typeof MERGEABLE)[]).filter((p) =>
    measured(r[MERGEABLE[p]]),
  );
  return mainSuite(r)?.results.some((c) => c.kind !== 'baseline') ? [...parts, READS] : parts;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/merge.ts <partial.json> [part,…]');
  const partial = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  if (partial.quick) throw new Error(`${file} is a quick run (BENCH_QUICK=1): its figures are not merged`);
  const parts = process.argv[3] ? (process.argv[3].split(',') as MergeablePart[]) : measuredParts(partial);
  for (const p of parts) if (!(p in MERGEABLE) && p !== READS) throw new Error(`${p} cannot be merged`);
  mergeIntoLatest(partial, parts);
  console.log(
    `Merged ${parts.join(', ')} into bench/results/latest.json, latest.md and the README's section.`,
  );
}

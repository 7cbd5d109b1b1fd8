#!/usr/bin/env node
// A partial run (BENCH_ONLY=…) leaves bench/results/latest.* as they are; with BENCH_MERGE=1 (or afterwards:
// `node bench/merge.ts /tmp/steward-bench-results/partial.json`) the parts it measured replace those parts of
// bench/results/latest.json, each marked with the run it comes from, and latest.md and the README's section
// are written again. Only parts whose figures stand alone can be merged: a read suite's figures sit beside
// limits measured in the same run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/proc.ts';
import { updateReadme } from './readme.ts';
import { type BenchResults, evaluateTargets, readmeSection, toMarkdown } from './report.ts';

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

export type MergeablePart = keyof typeof MERGEABLE;

const LATEST = path.join(ROOT, 'bench/results/latest.json');

/** `latest` with the parts of `partial` that it measured; throws on a part it did not measure. */
export function mergeParts(
  latest: BenchResults,
  partial: BenchResults,
  parts: MergeablePart[],
): BenchResults {
  const merged: BenchResults = { ...latest, partRuns: { ...latest.partRuns } };
  for (const part of parts) {
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
  return (Object.keys(MERGEABLE) as MergeablePart[]).filter((p) => measured(r[MERGEABLE[p]]));
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/merge.ts <partial.json> [part,…]');
  const partial = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  if (partial.quick) throw new Error(`${file} is a quick run (BENCH_QUICK=1): its figures are not merged`);
  const parts = process.argv[3] ? (process.argv[3].split(',') as MergeablePart[]) : measuredParts(partial);
  for (const p of parts) if (!(p in MERGEABLE)) throw new Error(`${p} cannot be merged`);
  mergeIntoLatest(partial, parts);
  console.log(
    `Merged ${parts.join(', ')} into bench/results/latest.json, latest.md and the README's section.`,
  );
}

#!/usr/bin/env node
// Regenerates bench/results/latest.md and the benchmark section of README.md (between its markers) from
// bench/results/latest.json, e.g. after the notes in bench/notes.ts or the fixes in bench/fixes.ts change:
//   node bench/readme.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXES } from './fixes.ts';
import { ROOT } from './lib/proc.ts';
import { type BenchResults, evaluateTargets, readmeSection, toMarkdown } from './report.ts';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const README = path.join(ROOT, 'README.md');

/** Replaces what is between the markers; the rest of the README is left as it is. */
export function updateReadme(section: string): void {
  const text = readFileSync(README, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync(README, `${text.slice(0, a + START.length)}\n${section}\n${text.slice(b)}`);
}

if (import.meta.main) {
  const file = path.join(ROOT, 'bench/results/latest.json');
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  results.fixes = FIXES;
  results.targets = evaluateTargets(results);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, 'bench/results/latest.md'), toMarkdown(results));
  updateReadme(readmeSection(results));
  console.log('bench/results/latest.md and the README section regenerated from bench/results/latest.json');
}

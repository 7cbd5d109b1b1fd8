import { describe, expect, it } from 'vitest';
import type { LoadReport } from './data/load.ts';
import type { LoadFigures } from './lib/load.ts';
import { measuredParts, mergeParts, mergeReadCases } from './merge.ts';
import { type BenchResults, evaluateTargets, toMarkdown } from './report.ts';
import type { ReadResult } from './suites/reads.ts';

const figures = (p50: number, rps: number): LoadFigures => ({
  p50,
  p99: p50 * 2,
  rps,
  requests: rps * 2,
  errors: 0,
  seconds: 2,
});

function read(name: string, kind: ReadResult['kind'], http: number, sql: number, rps = 100): ReadResult {
  return {
    name,
    kind,
    url: `/api/${name}`,
    sql: kind === 'baseline' ? '—' : '1 → 1',
    queries: kind === 'baseline' ? 0 : 2,
    http: { 32: figures(http, rps) },
    direct: kind === 'baseline' ? {} : { 32: figures(sql, rps * 2) },
  };
}

function dataset(rows: number): LoadReport {
  return {
    scale: 10,
    clock: '2026-12-06',
    seed: 'seed',
    database: 'postgres',
    counts: { employees: rows },
    picks: { siteKh: 'kh', year: 2026, courseIds: [] },
    generateSeconds: 1,
    loadSeconds: 2,
    rowsPerSecond: rows,
  };
}

function run(o: {
  finishedAt: string;
  sha: string;
  load: number;
  results: ReadResult[];
  cases?: string;
}): BenchResults {
  const r: BenchResults = {
    version: 1,
    startedAt: o.finishedAt.replace(/:\d\d\.\d+Z$/, ':00.000Z'),
    finishedAt: o.finishedAt,
    durationSeconds: 60,
    quick: false,
    commit: { sha: o.sha, subject: 'a commit', dirty: false },
    machine: {
      cpus: 2,
      cpuModel: 'cpu',
      memoryGb: 24,
      os: 'linux',
      node: '24',
      postgres: '17',
      loadAverageStart: [o.load, 1, 1],
      loadAverageEnd: [o.load + 1, 1, 1],
    },
    settings: {
      clients: 32,
      seconds: 2,
      serverPoolSize: 10,
      directPoolSize: 10,
      clock: '2026-12-06',
      scales: { small: 1, large: 10 },
      importRows: 1000,
      cases: o.cases,
    },
    datasets: { 'postgres-s10': dataset(o.results.length * 1000) },
    reads: {
      'postgres-s10': {
        scale: 10,
        database: 'postgres',
        rssIdleMb: 100,
        rssUnderLoadMb: 200,
        rssPeakMb: 250,
        results: o.results,
      },
    },
    fixes: [],
    targets: [],
  };
  r.targets = evaluateTargets(r);
  return r;
}

const committed = run({
  finishedAt: '2026-12-03T15:21:27.001Z',
  sha: 'aaaaaaaaaaaaaaaa',
  load: 1.7,
  results: [
    read('hello world (/api/health)', 'baseline', 5, 0, 4000),
    read('employees list', 'list', 20, 15, 1500),
    read('home', 'aggregate', 90, 80),
  ],
});

const later = run({
  finishedAt: '2026-12-06T05:30:00.000Z',
  sha: 'bbbbbbbbbbbbbbbb',
  load: 12.5,
  cases: '^(home|contribution)',
  results: [
    read('hello world (/api/health)', 'baseline', 9, 0, 2000),
    read('home', 'aggregate', 300, 100),
    read('contribution', 'aggregate', 40, 30),
  ],
});

const rowsOf = (r: BenchResults) => r.reads['postgres-s10']?.results ?? [];

describe('merging read cases from a run of some cases alone', () => {
  it('replaces the cases that run measured and keeps the other rows and the committed hello-world', () => {
    const merged = mergeParts(committed, later, measuredParts(later));
    const rows = rowsOf(merged);
    expect(rows.map((c) => c.name)).toEqual([
      'hello world (/api/health)',
      'employees list',
      'home',
      'contribution',
    ]);
    expect(rows[0].http[32].p50).toBe(5);
    expect(rows[1]).toEqual(rowsOf(committed)[1]);
    expect(rows[2].http[32].p50).toBe(300);
    expect(rows[2].run).toBe('reads 2026-12-06 05:30');
    expect(rows[3].run).toBe('reads 2026-12-06 05:30');
  });

  it('records the run the merged rows come from: its cases, hello-world, load average, commit and dataset', () => {
    const merged = mergeReadCases(committed, later);
    const record = merged.partRuns?.['reads 2026-12-06 05:30'];
    expect(record?.cases).toEqual(['home', 'contribution']);
    expect(record?.hello?.p50).toBe(9);
    expect(record?.loadAverageStart).toEqual([12.5, 1, 1]);
    expect(record?.commit.sha).toBe('bbbbbbbbbbbbbbbb');
    expect(record?.selection).toBe('^(home|contribution)');
    expect(record?.dataset).toBe('postgres-s10, reads 2026-12-06 05:30');
    expect(merged.datasets['postgres-s10, reads 2026-12-06 05:30'].counts.employees).toBe(3000);
    expect(merged.datasets['postgres-s10'].counts.employees).toBe(3000);
    // The committed run's own figures stay the report's header.
    expect(merged.commit.sha).toBe('aaaaaaaaaaaaaaaa');
    expect(merged.machine.loadAverageStart[0]).toBe(1.7);
  });

  it('evaluates the merged cases against their own run: p50 ÷ SQL and a list against its own hello-world', () => {
    const merged = mergeParts(committed, later, ['reads']);
    const home = merged.targets.find((t) => t.id === 'reads.p50.home');
    expect(home?.met).toBe(false);
    expect(home?.missedBy).toBe('3.00× SQL');
    const contribution = merged.targets.find((t) => t.id === 'reads.p50.contribution');
    expect(contribution?.met).toBe(true);
    expect(contribution?.limit).toBe('SQL 30.0 ms');

    const listRun = run({
      finishedAt: '2026-12-06T06:00:00.000Z',
      sha: 'cccccccccccccccc',
      load: 3,
      results: [
        read('hello world (/api/health)', 'baseline', 9, 0, 1000),
        read('employees list', 'list', 20, 15, 400),
      ],
    });
    const withList = mergeReadCases(merged, listRun);
    // 400 requests/s is 40% of that run's hello-world (1,000/s), though 10% of the committed one's (4,000/s).
    const rps = evaluateTargets(withList).find((t) => t.id === 'reads.rps.employees list');
    expect(rps?.met).toBe(true);
    expect(rps?.limit).toBe('hello 1,000/s');
  });

  it('marks the merged rows in latest.md and says which run they come from', () => {
    const markdown = toMarkdown(mergeParts(committed, later, ['reads']));
    expect(markdown).toContain('| home † | 1 → 1 | 300.0 ms | 100.0 ms |');
    expect(markdown).toContain('| contribution † |');
    expect(markdown).toContain('| employees list | 1 → 1 | 20.0 ms |');
    expect(markdown).toMatch(
      /The read cases marked † \(home; contribution\) come from a later run of those cases alone \(`BENCH_ONLY=data,reads BENCH_CASES='\^\(home\|contribution\)'`\) on 2026-12-06 05:30 UTC, commit `bbbbbbbbbb`, load average 12\.5, 1, 1 at its start and 13\.5, 1, 1 at its end; hello-world in that run: p50 9\.00 ms, 2,000 requests\/s/,
    );
    expect(markdown).toContain('| table | postgres-s10 | postgres-s10, reads 2026-12-06 05:30 |');
  });

  it('drops the record and dataset of an earlier run once every case of it is measured again', () => {
    const first = mergeReadCases(committed, later);
    const again = run({
      finishedAt: '2026-12-06T06:10:00.000Z',
      sha: 'dddddddddddddddd',
      load: 2,
      results: [
        read('hello world (/api/health)', 'baseline', 6, 0, 3000),
        read('home', 'aggregate', 95, 80),
        read('contribution', 'aggregate', 35, 30),
      ],
    });
    const second = mergeReadCases(first, again);
    expect(Object.keys(second.partRuns ?? {})).toEqual(['reads 2026-12-06 06:10']);
    expect(Object.keys(second.datasets)).toEqual(['postgres-s10', 'postgres-s10, reads 2026-12-06 06:10']);
    expect(toMarkdown(second)).toContain('| home † | 1 → 1 | 95.0 ms |');
  });

  it('merges only the cases asked for, and refuses a run without read figures', () => {
    const onlyHome = mergeReadCases(committed, later, /^home$/);
    expect(rowsOf(onlyHome).map((c) => c.name)).toEqual([
      'hello world (/api/health)',
      'employees list',
      'home',
    ]);
    const noReads = { ...later, reads: {} };
    expect(measuredParts(noReads)).not.toContain('reads');
    expect(() => mergeParts(committed, noReads, ['reads'])).toThrow(/no read figures/);
  });
});

import os from 'node:os';
import type { LoadReport } from '../data/load.ts';
import { type Capturer, describePlan, type Executor, type QueryPlan, runPlan } from '../lib/direct.ts';
import { ms, pct, rate } from '../lib/format.ts';
import { httpLoad, type LoadFigures, loopLoad } from '../lib/load.ts';
import { memoryOf, round } from '../lib/proc.ts';
import type { Target } from '../report.ts';

/**
 * The read suite: list endpoints with the filters and sorting people use, and the dashboard aggregates.
 * A module adds its hot paths here as it lands: one line per endpoint.
 */
export type ReadCase = {
  name: string;
  kind: 'list' | 'aggregate' | 'baseline';
  /** Who asks: the group admin sees the whole group; the SPIL officer is scoped to a subsidiary's sites. */
  user: 'admin' | 'officer';
  url: (p: LoadReport['picks']) => string;
  /** The targets of an aggregate: p50 of one client alone (ms), requests/s under the suite's clients. */
  targets?: { aloneP50Ms?: number; minRps?: number };
  /**
   * The data version its answer is kept under (migration 0075): the suite also times the first answer after a
   * change, renewing the version before each request.
   */
  keptUnder?: string;
};

export const USERS = {
  admin: 'admin@steward.demo',
  officer: 'officer.spil@steward.demo',
} as const;

export const READ_CASES: ReadCase[] = [
  { name: 'hello world (/api/health)', kind: 'baseline', user: 'admin', url: () => '/api/health' },
  {
    name: 'employees: one site, active, by name',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/people/employees?siteId=${p.siteKh}&status=active&sort=fullName&pageSize=50`,
  },
  {
    name: 'employees: whole group, by hire date desc',
    kind: 'list',
    user: 'admin',
    url: () => '/api/people/employees?sort=hireDate&order=desc&pageSize=50',
  },
  {
    name: 'employees: search a name',
    kind: 'list',
    user: 'admin',
    url: () => `/api/people/employees?q=${encodeURIComponent('志偉')}&sort=fullName`,
  },
  {
    name: 'employees: SPIL officer, by department',
    kind: 'list',
    user: 'officer',
    url: () => '/api/people/employees?sort=department&pageSize=50',
  },
  {
    name: 'contractor workers: one site, by name',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/people/contractor-workers?siteId=${p.siteKh}&sort=fullName`,
  },
  {
    name: 'certifications: by expiry',
    kind: 'list',
    user: 'admin',
    url: () => '/api/certifications?sort=validUntil',
  },
  {
    name: 'actions: open, by due date',
    kind: 'list',
    user: 'admin',
    url: () => '/api/actions?status=open&sort=dueDate',
  },
  { name: 'audit events: newest first', kind: 'list', user: 'admin', url: () => '/api/audit/events' },
  {
    name: 'audit events: one site',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/audit/events?siteId=${p.siteKh}`,
  },
  {
    name: 'training completions: one site, this year',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/training/completions?siteId=${p.siteKh}&from=${p.year}-01-01`,
  },
  {
    name: 'training completions: SPIL officer',
    kind: 'list',
    user: 'officer',
    url: () => '/api/training/completions',
  },
  {
    name: 'OHS incidents: one site, newest first',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/ohs/incidents?siteId=${p.siteKh}`,
  },
  {
    name: 'home',
    kind: 'aggregate',
    user: 'admin',
    url: () => '/api/home',
    targets: { aloneP50Ms: 30 },
  },
  {
    name: 'training figures of the year',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/training/figures?year=${p.year}`,
  },
  {
    name: 'training figures of one site',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/training/figures?year=${p.year}&siteId=${p.siteKh}`,
  },
  {
    name: 'training campaign progress',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/training/courses/${p.courseIds[0]}/campaign`,
    targets: { aloneP50Ms: 30 },
    keptUnder: 'training.campaign',
  },
  {
    name: 'OHS injury rates: 25 sites × 10 years',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/ohs/statistics?from=${p.year - 9}&to=${p.year}&by=site`,
    targets: { aloneP50Ms: 30, minRps: 300 },
    keptUnder: 'ohs.statistics',
  },
  {
    name: 'NIST CSF heat map: 25 sites × 106 subcategories',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/infosec/csf/heatmap?year=${p.year - 1}`,
  },
  {
    name: 'NIST CSF trend: every year since 2019',
    kind: 'aggregate',
    user: 'admin',
    url: () => '/api/infosec/csf/trend',
  },
  {
    name: 'NIST CSF: one site assessment page',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/infosec/csf/assessments/${p.csfAssessmentId}`,
  },
  {
    name: 'security incidents: one site, newest first',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/infosec/incidents?siteId=${p.siteKh}&pageSize=50`,
  },
  {
    name: 'security incidents: SPIL officer',
    kind: 'list',
    user: 'officer',
    url: () => '/api/infosec/incidents?pageSize=50',
  },
  {
    name: 'findings: open at one site, most severe first',
    kind: 'list',
    user: 'admin',
    url: (p) => `/api/infosec/findings?siteId=${p.siteKh}&status=open&sort=severity&order=desc&pageSize=50`,
  },
  {
    name: 'findings: open by site, severity and age',
    kind: 'aggregate',
    user: 'admin',
    url: () => '/api/infosec/findings/ageing',
  },
  { name: 'certification matrix', kind: 'aggregate', user: 'admin', url: () => '/api/certifications/matrix' },
  {
    name: 'obligations summary',
    kind: 'aggregate',
    user: 'admin',
    url: () => '/api/obligations/summary',
    targets: { aloneP50Ms: 30 },
  },
  {
    name: 'IP deadline calendar: annuities of the next 12 months',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => {
      const from = p.today ?? `${p.year}-01-01`;
      return `/api/obligations?view=scope&kind=ip.annuity&from=${from}&to=${yearAfter(from)}&sort=dueDate&pageSize=500&count=true`;
    },
  },
  {
    name: 'IP portfolio as of 2024-01-31 by office and status',
    kind: 'aggregate',
    user: 'admin',
    url: () => '/api/ip/portfolio/counts?asOf=2024-01-31',
  },
  {
    name: 'academia contribution of last year',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/academia/contribution?year=${p.year - 1}`,
  },
  {
    name: 'academia intern-to-hire conversion: 10 years',
    kind: 'aggregate',
    user: 'admin',
    url: (p) => `/api/academia/conversion?fromYear=${p.year - 9}&toYear=${p.year}`,
  },
];

/** The day before the same day a year later: the last day of twelve months from `day` (YYYY-MM-DD). */
export function yearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** BENCH_CASES=regex runs only the matching cases (and hello-world) while working on an endpoint. */
export function selectedCases(cases = READ_CASES): ReadCase[] {
  const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES, 'i') : null;
  return cases.filter((c) => !only || c.kind === 'baseline' || only.test(c.name));
}

export type ReadResult = {
  name: string;
  kind: ReadCase['kind'];
  url: string;
  /** Stages of the endpoint's SQL: "1 → 1 → 2∥" is two queries one after the other, then two at once. */
  sql: string;
  queries: number;
  /** Each query of the endpoint alone, one client, median of three runs (ms): where the SQL time goes. */
  queryMs?: { sql: string; ms: number }[];
  /** Median of a few requests one after the other, one client, after a warm-up (ms). */
  aloneP50Ms?: number;
  /** With `keptUnder`: the same median, each request right after a change of its data's version (ms). */
  afterChangeP50Ms?: number;
  /** Set when the endpoint could not be measured in this run. */
  error?: string;
  http: Record<string, LoadFigures>;
  direct: Record<string, LoadFigures>;
  /** Merged in from a later run of some cases alone (bench/merge.ts): that run's key in `partRuns`. */
  run?: string;
};

export type ReadSuiteOptions = {
  base: string;
  cookies: Record<ReadCase['user'], string>;
  capturer: Capturer;
  capturerCookies: Record<ReadCase['user'], string>;
  executor: Executor | null;
  picks: LoadReport['picks'];
  concurrency: number[];
  /** Concurrency of the direct SQL runs (default: the same as over HTTP). */
  directConcurrency?: number[];
  seconds: number;
  serverPid?: number;
  log: (line: string) => void;
  /** Runs the direct SQL of every case first (PGlite: the bench and the server cannot open the folder at once). */
  phase?: 'direct' | 'http' | 'both';
  plans?: Map<string, QueryPlan>;
  /** A request slower than this alone is measured alone, not under load (default BENCH_SLOW_MS or 2 s). */
  slowSingleMs?: number;
  /** Waits until the database runs nothing left over from the last measurement. */
  settle?: () => Promise<{ waitedMs: number; cancelled: number }>;
};

/** Captures each case's SQL plan (from this process's app over the same database). */
export async function capturePlans(
  capturer: Capturer,
  cookies: Record<ReadCase['user'], string>,
  picks: LoadReport['picks'],
  cases = READ_CASES,
): Promise<Map<string, QueryPlan>> {
  const plans = new Map<string, QueryPlan>();
  for (const c of cases) plans.set(c.name, await capturer.capture(c.url(picks), cookies[c.user]));
  return plans;
}

/** Runs the suite; memory of the server is sampled while the HTTP runs go on. */
export async function runReads(
  o: ReadSuiteOptions,
  results: Map<string, ReadResult> = new Map(),
): Promise<{ results: Map<string, ReadResult>; maxRssMb: number }> {
  const phase = o.phase ?? 'both';
  let maxRssMb = 0;
  const sample = () => {
    if (o.serverPid) maxRssMb = Math.max(maxRssMb, memoryOf(o.serverPid).rssMb);
  };
  const timer = o.serverPid ? setInterval(sample, 250) : null;
  const settle = async () => {
    const r = await o.settle?.();
    if (r?.cancelled)
      o.log(`  (cancelled ${r.cancelled} queries still running ${r.waitedMs} ms after the last window)`);
  };
  try {
    for (const c of selectedCases()) {
      try {
        await runCase(c);
      } catch (error) {
        // One endpoint failing (or timing out) is reported with it; the others are still measured.
        const r = results.get(c.name);
        if (r) r.error = (error as Error).message.split('\n')[0];
        o.log(`  ${c.name}: FAILED ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    if (timer) clearInterval(timer);
  }
  sample();
  return { results, maxRssMb: round(maxRssMb) };

  async function runCase(c: ReadCase) {
    await settle();
    const url = c.url(o.picks);
    const plan =
      o.plans?.get(c.name) ??
      (c.kind === 'baseline' ? [] : await o.capturer.capture(url, o.capturerCookies[c.user]));
    const r: ReadResult = results.get(c.name) ?? {
      name: c.name,
      kind: c.kind,
      url,
      sql: c.kind === 'baseline' ? '—' : describePlan(plan),
      queries: plan.flat().length,
      http: {},
      direct: {},
    };
    results.set(c.name, r);
    const headers: Record<string, string> = c.kind !== 'baseline' ? { cookie: o.cookies[c.user] } : {};
    // One request alone, over HTTP and query by query, to size the window of the loaded runs.
    let single = 0;
    if (phase !== 'direct') single = await timeGet(`${o.base}${url}`, headers, 120_000);
    if (phase !== 'direct' && c.targets?.aloneP50Ms !== undefined)
      r.aloneP50Ms = await medianGet(`${o.base}${url}`, headers, single > 1000 ? 3 : 7);
    const { executor } = o;
    if (phase !== 'direct' && c.keptUnder && executor) {
      const renew = { sql: 'select data_version_bump($1)', parameters: [c.keptUnder] };
      r.afterChangeP50Ms = await medianGet(`${o.base}${url}`, headers, 7, () => executor.run(renew));
    }
    if (phase !== 'http' && o.executor && plan.length) {
      r.queryMs = await profilePlan(o.executor, plan);
      single = Math.max(
        single,
        r.queryMs.reduce((a, q) => a + q.ms, 0),
      );
    }
    // An endpoint whose one request already takes seconds would only queue 32 clients behind each other
    // (and leave their queries running past the window): it is reported as it is, alone.
    const backlogMs = (single * Math.max(...o.concurrency)) / CORES;
    if (single > (o.slowSingleMs ?? SLOW_SINGLE_MS) || backlogMs > MAX_BACKLOG_MS) {
      r.error = `one request alone takes ${Math.round(single).toLocaleString('en-US')} ms`;
      o.log(`  ${c.name.padEnd(46)} not loaded: ${r.error}`);
      return;
    }
    for (const n of o.concurrency) {
      // At least the default window, or long enough for every client to finish about two requests.
      const seconds = Math.min(MAX_WINDOW_SECONDS, Math.max(o.seconds, (2 * single * n) / CORES / 1000));
      if (phase !== 'direct') {
        r.http[n] = await httpLoad(`${o.base}${url}`, { connections: n, seconds, headers });
        // Requests cut off at the end of the window still hold the server: wait for one behind them.
        if (c.kind !== 'baseline') await timeGet(`${o.base}${url}`, headers, 20_000).catch(() => 0);
        await settle();
      }
      if (
        phase !== 'http' &&
        o.executor &&
        c.kind !== 'baseline' &&
        (o.directConcurrency ?? o.concurrency).includes(n)
      ) {
        const executor = o.executor;
        r.direct[n] = await loopLoad(() => runPlan(executor, plan), { concurrency: n, seconds });
      }
      const h = r.http[n];
      const d = phase === 'http' ? undefined : r.direct[n];
      o.log(
        `  ${c.name.padEnd(46)} ${String(n).padStart(2)} clients` +
          (h
            ? `  http p50 ${fmt(h.p50)} p99 ${fmt(h.p99)} ${String(h.rps).padStart(5)}/s${h.errors ? ` (${h.errors} errors)` : ''}`
            : '') +
          (d ? `  sql p50 ${fmt(d.p50)} p99 ${fmt(d.p99)} ${String(d.rps).padStart(5)}/s` : ''),
      );
    }
  }
}

const CORES = os.cpus().length;
/** A request slower than this alone is measured alone, not under load. */
const SLOW_SINGLE_MS = Number(process.env.BENCH_SLOW_MS ?? 2000);
/**
 * Nor is an endpoint whose requests, all clients at once, would take longer than this to work through (a
 * 1.5 s request under 32 clients on 2 cores: 24 s): no request would finish within the window.
 */
const MAX_BACKLOG_MS = 15_000;
/** The longest window of one loaded run: the suite has to finish within its time budget. */
const MAX_WINDOW_SECONDS = Number(process.env.BENCH_MAX_WINDOW ?? 5);

/** Milliseconds of one GET (by default after one warm-up GET); throws unless 200. */
async function timeGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 60_000,
  times = 2,
): Promise<number> {
  let ms = 0;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    ms = performance.now() - t;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  }
  return ms;
}

/** The median of `n` GETs one after the other (ms), each after `before` (untimed) when given. */
async function medianGet(
  url: string,
  headers: Record<string, string>,
  n: number,
  before?: () => Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await before?.();
    times.push(await timeGet(url, headers, 120_000, 1));
  }
  return round(times.sort((a, b) => a - b)[Math.floor(n / 2)], 1);
}

/** Each query of a plan alone, three times, the median of each. */
async function profilePlan(executor: Executor, plan: QueryPlan): Promise<{ sql: string; ms: number }[]> {
  const out: { sql: string; ms: number }[] = [];
  for (const q of plan.flat()) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await executor.run(q);
      times.push(performance.now() - t);
      if (times[0] > 1000) break; // a slow query once is figure enough
    }
    out.push({
      sql: shortSql(q.sql),
      ms: round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)], 2),
    });
  }
  return out;
}

/** What a query is, in a few words: its first table and whether it counts. */
function shortSql(text: string): string {
  const table = /\bfrom "?([a-z_]+)"?/i.exec(text)?.[1] ?? '?';
  if (/^select count\(\*\) as "n"/i.test(text)) return `count ${table}`;
  if (/^select count\(\*\) filter/i.test(text)) return `counts ${table}`;
  return `${/^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'sql'} ${table}`;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`.padStart(9);

/** An aggregate's own targets (READ_CASES): p50 of one client alone, requests/s under the suite's clients. */
export function aggregateTargets(c: ReadResult, clients: number): Target[] {
  const targets = READ_CASES.find((x) => x.name === c.name)?.targets;
  const out: Target[] = [];
  if (targets?.aloneP50Ms !== undefined) {
    const limit = targets.aloneP50Ms;
    const v = c.aloneP50Ms;
    const met = v !== undefined && v < limit;
    out.push({
      id: `aggregate.alone.${c.name}`,
      figure: `${c.name}: p50, one client alone`,
      value: v === undefined ? 'not measured' : `${ms(v)}`,
      limit: [
        c.queryMs ? `SQL ${ms(c.queryMs.reduce((a, q) => a + q.ms, 0))} (its queries one by one)` : '—',
        c.afterChangeP50Ms === undefined
          ? ''
          : `; ${ms(c.afterChangeP50Ms)} right after a change of its data`,
      ].join(''),
      target: `< ${limit} ms`,
      met,
      missedBy: met
        ? undefined
        : v === undefined
          ? (c.error ?? 'not measured')
          : `${(v / limit).toFixed(1)}× the target`,
    });
  }
  if (targets?.minRps !== undefined) {
    const h = c.http[clients];
    const met = h !== undefined && h.rps >= targets.minRps;
    out.push({
      id: `aggregate.rps.${c.name}`,
      figure: `${c.name}: requests/s under ${clients} clients`,
      value: h ? `${rate(h)}/s` : 'not measured under load',
      limit: c.direct[clients] ? `SQL ${rate(c.direct[clients])}/s` : '—',
      target: `≥ ${targets.minRps}/s`,
      met,
      missedBy: met
        ? undefined
        : h
          ? `${pct(h.rps / targets.minRps)} of the target`
          : (c.error ?? 'not measured'),
    });
  }
  return out;
}

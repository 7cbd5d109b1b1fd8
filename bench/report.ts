import type { LoadReport } from './data/load.ts';
import type { Fix } from './fixes.ts';
import { lat, ms, num, pct, rate } from './lib/format.ts';
import type { LoadFigures } from './lib/load.ts';
import { EXPLANATIONS } from './notes.ts';
import type { BackupFigures } from './suites/backup.ts';
import type { IdentityFigures } from './suites/identity.ts';
import type { ImportFigures } from './suites/import.ts';
import { type InfosecFigures, infosecSection } from './suites/infosec.ts';
import { type NabFigures, nabTargets } from './suites/nab.ts';
import { aggregateTargets, type ReadResult } from './suites/reads.ts';
import { type SmartFigures, smartSection, smartTargets } from './suites/smart.ts';
import type { StartupFigures } from './suites/startup.ts';
import type { BundleFigures, RenderFigures } from './suites/web.ts';

export type ReadSuite = {
  scale: number;
  database: 'postgres' | 'pglite';
  rssIdleMb: number;
  rssUnderLoadMb: number;
  rssPeakMb: number;
  results: ReadResult[];
};

export type Target = {
  id: string;
  figure: string;
  value: string;
  limit: string;
  target: string;
  met: boolean | null;
  /** How far from the target, in words, when missed. */
  missedBy?: string;
};

export type BenchResults = {
  version: 1;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  quick: boolean;
  commit: { sha: string; subject: string; dirty: boolean };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    os: string;
    node: string;
    postgres: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  settings: {
    clients: number;
    seconds: number;
    maxWindowSeconds?: number;
    serverPoolSize: number;
    directPoolSize: number;
    clock: string;
    scales: { small: number; large: number };
    importRows: number;
    /** BENCH_CASES of a run that measured only some read cases. */
    cases?: string;
  };
  datasets: Record<string, LoadReport>;
  import?: ImportFigures;
  /** Advisory routing and scanner import of the information security program. */
  infosec?: InfosecFigures;
  /** A role revoked on one web process, refused by another: the change signal's propagation. */
  identity?: IdentityFigures;
  /** steward backup and restore, by database and scale (e.g. postgres-s10). */
  backup?: Record<string, BackupFigures>;
  reads: Record<string, ReadSuite | undefined>;
  startup?: StartupFigures;
  web?: { bundle: BundleFigures; render?: RenderFigures | { skipped: string } };
  /** The streaming anomaly detector on the Numenta Anomaly Benchmark, and the scorer's reproduction of NAB. */
  nab?: NabFigures;
  /** Shop-floor monitoring: readings ingested end to end beside COPY and one INSERT each; alarm latency. */
  smart?: SmartFigures;
  fixes: Fix[];
  targets: Target[];
  /** Parts of the suite that failed in this run. */
  failures?: string[];
  /** Parts measured by a later partial run and merged in (bench/merge.ts), with that run. */
  partRuns?: Record<string, PartRun>;
};

export type PartRun = {
  startedAt: string;
  finishedAt: string;
  commit: BenchResults['commit'];
  loadAverageStart: number[];
  loadAverageEnd: number[];
  failures: string[];
  /** A run of some read cases alone: the cases merged from it, its hello-world and its dataset's key. */
  cases?: string[];
  hello?: LoadFigures;
  dataset?: string;
  /** Its BENCH_CASES. */
  selection?: string;
};

const PART_NAMES: Record<string, string> = {
  nab: 'The anomaly detection figures',
  startup: 'The start-up figures',
  identity: 'The identity propagation figures',
  import: 'The import figures',
  infosec: 'The information security figures',
  web: 'The web app figures',
  backup: 'The backup and restore figures',
  smart: 'The shop-floor monitoring ingestion figures',
};

const MARKS = ['†', '‡', '§', '¶'];

/** The mark of the rows of each run of some read cases alone, in the order they were merged. */
function readRunMarks(r: BenchResults): Map<string, string> {
  const runs = Object.entries(r.partRuns ?? {}).filter(([, run]) => run.cases);
  return new Map(runs.map(([key], i) => [key, MARKS[i] ?? `[${i + 1}]`]));
}

/** Which run's hello-world a read case compares with: its own run's when it was merged in from another. */
function helloFor(r: BenchResults, suite: ReadSuite, c: ReadResult, clients: number) {
  return c.run ? r.partRuns?.[c.run]?.hello : hello(suite, clients);
}

/** One line per merged part: which run measured it. */
function partRunLines(r: BenchResults): string[] {
  const marks = readRunMarks(r);
  return Object.entries(r.partRuns ?? {}).map(([part, run]) =>
    run.cases
      ? `The read cases marked ${marks.get(part)} (${run.cases.join('; ')}) come from a later run of those cases alone (\`BENCH_ONLY=data,reads${run.selection ? ` BENCH_CASES='${run.selection}'` : ''}\`) on ${run.finishedAt.slice(0, 16).replace('T', ' ')} UTC, commit \`${run.commit.sha.slice(0, 10)}\`${run.commit.dirty ? ' with uncommitted changes' : ''}, load average ${run.loadAverageStart.join(', ')} at its start and ${run.loadAverageEnd.join(', ')} at its end${run.hello ? `; hello-world in that run: p50 ${ms(run.hello.p50)}, ${rate(run.hello)} requests/s` : ''}${run.dataset ? `; its dataset is the column "${run.dataset}" under Data` : ''}${run.failures.length ? `; failed in it: ${run.failures.join('; ')}` : ''}.`
      : `${PART_NAMES[part] ?? part} come from a later run of that part alone (\`BENCH_ONLY=${part}\`) on ${run.finishedAt.slice(0, 16).replace('T', ' ')} UTC, commit \`${run.commit.sha.slice(0, 10)}\`${run.commit.dirty ? ' with uncommitted changes' : ''}, load average ${run.loadAverageStart.join(', ')} at its start${run.failures.length ? `; failed in it: ${run.failures.join('; ')}` : ''}.`,
  );
}

/** The suite at the large scale on PostgreSQL: where the targets apply. */
export function mainSuite(r: BenchResults): ReadSuite | undefined {
  return r.reads[`postgres-s${r.settings.scales.large}`];
}

function hello(suite: ReadSuite, clients: number): LoadFigures | undefined {
  return suite.results.find((x) => x.kind === 'baseline')?.http[clients];
}

export function evaluateTargets(r: BenchResults): Target[] {
  const out: Target[] = [...nabTargets(r.nab), ...smartTargets(r.smart)];
  const n = r.settings.clients;
  if (r.import) {
    const i = r.import;
    out.push({
      id: 'import.rate',
      figure: `import of ${num(i.rows)} training completions (upload + validate + commit)`,
      value: `${num(i.steward.rowsPerSecond)} rows/s`,
      limit: `COPY + INSERT…SELECT ${num(i.copy.rowsPerSecond)} rows/s`,
      target: '≥ 50% of COPY',
      met: i.ratio >= 0.5,
      missedBy: i.ratio >= 0.5 ? undefined : `${pct(i.ratio)} of COPY, ${pct(0.5 - i.ratio)} short`,
    });
    out.push({
      id: 'import.memory',
      figure: 'import: server peak resident memory',
      value: `${i.steward.peakRssMb} MB`,
      limit: '—',
      target: '< 300 MB',
      met: i.steward.peakRssMb < 300,
      missedBy: i.steward.peakRssMb < 300 ? undefined : `${Math.round(i.steward.peakRssMb - 300)} MB over`,
    });
  }
  for (const [key, b] of Object.entries(r.backup ?? {})) {
    for (const step of ['backup', 'restore'] as const) {
      const f = b[step];
      out.push({
        id: `${step}.${key}`,
        figure: `steward ${step}, ${b.database} scale ${b.scale} (${num(b.rows)} rows, ${b.archiveMb} MB archive): time / peak memory`,
        value: `${f.seconds} s / ${f.peakRssMb} MB`,
        limit: '—',
        target: '< 300 MB',
        met: f.peakRssMb < 300,
        missedBy: f.peakRssMb < 300 ? undefined : `${Math.round(f.peakRssMb - 300)} MB over`,
      });
    }
  }
  const suite = mainSuite(r);
  const base = suite && hello(suite, n);
  if (suite && base) {
    for (const c of suite.results) {
      if (c.kind === 'baseline') continue;
      out.push(...aggregateTargets(c, n));
      const h = c.http[n];
      const d = c.direct[n];
      if (!h) {
        if (c.error)
          out.push({
            id: `reads.p99.${c.name}`,
            figure: `${c.name}: p99`,
            value: 'not measured under load',
            limit: '—',
            target: c.kind === 'list' ? '< 50 ms' : '≤ 1.5× SQL',
            met: false,
            missedBy: c.error,
          });
        continue;
      }
      if (c.kind === 'list') {
        out.push({
          id: `reads.p99.${c.name}`,
          figure: `${c.name}: p99`,
          value: lat(h, 'p99'),
          limit: `SQL ${ms(d?.p99)}`,
          target: '< 50 ms',
          met: h.p99 < 50,
          missedBy:
            h.p99 < 50
              ? undefined
              : h.requests === 0
                ? 'no answer within the window'
                : `${(h.p99 / 50).toFixed(1)}× the target`,
        });
      }
      if (d) {
        const ratio = h.p50 / d.p50;
        const answered = h.requests > 0;
        out.push({
          id: `reads.p50.${c.name}`,
          figure: `${c.name}: p50`,
          value: lat(h, 'p50'),
          limit: `SQL ${ms(d.p50)}`,
          target: '≤ 1.5× SQL',
          met: answered && ratio <= 1.5,
          missedBy:
            answered && ratio <= 1.5
              ? undefined
              : h.requests === 0
                ? 'no answer within the window'
                : `${ratio.toFixed(2)}× SQL`,
        });
      }
      const ownBase = helloFor(r, suite, c, n);
      if (c.kind === 'list' && ownBase) {
        const share = h.rps / ownBase.rps;
        out.push({
          id: `reads.rps.${c.name}`,
          figure: `${c.name}: requests/s`,
          value: `${rate(h)}/s`,
          limit: `hello ${rate(ownBase)}/s`,
          target: '≥ 30% of hello',
          met: share >= 0.3,
          missedBy: share >= 0.3 ? undefined : `${pct(share)} of hello-world`,
        });
      }
    }
  }
  if (r.identity) {
    const f = r.identity;
    out.push({
      id: 'identity.propagation',
      figure: `role revoked on one web process → refused by another (${f.rounds} rounds)`,
      value: `max ${ms(f.maxMs)}`,
      limit: `p50 ${ms(f.p50Ms)}`,
      target: '< 1 s',
      met: f.maxMs < 1_000,
      missedBy: f.maxMs < 1_000 ? undefined : `${ms(f.maxMs - 1_000)} over`,
    });
  }
  if (r.startup) {
    out.push({
      id: 'startup.demo',
      figure: 'npm start, empty folder, demo load → first sign-in',
      value: `${r.startup.demo.signInSeconds} s`,
      limit: '—',
      target: '—',
      met: null,
    });
    out.push({
      id: 'startup.empty',
      figure: 'create-user + npm start, empty folder → first sign-in',
      value: `${r.startup.empty.totalSeconds} s`,
      limit: '—',
      target: '—',
      met: null,
    });
  }
  if (r.web) {
    out.push({
      id: 'web.js',
      figure: 'first page JavaScript, gzipped',
      value: `${r.web.bundle.jsGzipKb} KB`,
      limit: `${r.web.bundle.jsKb} KB raw`,
      target: '< 250 KB',
      met: r.web.bundle.jsGzipKb < 250,
      missedBy:
        r.web.bundle.jsGzipKb < 250 ? undefined : `${Math.round(r.web.bundle.jsGzipKb - 250)} KB over`,
    });
    if (r.web.render && 'homeRenderedMs' in r.web.render)
      out.push({
        id: 'web.render',
        figure: 'home page rendered with its data (Chromium)',
        value: `${r.web.render.homeRenderedMs} ms`,
        limit: `FCP ${r.web.render.firstContentfulPaintMs} ms`,
        target: '< 1000 ms',
        met: r.web.render.homeRenderedMs < 1000,
        missedBy:
          r.web.render.homeRenderedMs < 1000
            ? undefined
            : `${Math.round(r.web.render.homeRenderedMs - 1000)} ms over`,
      });
  }
  return out;
}

function readTable(r: BenchResults, suite: ReadSuite, clients: number, withTargets: boolean): string[] {
  const marks = readRunMarks(r);
  const lines = [
    `| endpoint | SQL | p50 | SQL p50 | p99 | SQL p99 | req/s | SQL req/s | ${withTargets ? 'p50 ÷ SQL | req/s ÷ hello |' : ''}`,
    `|---|---|--:|--:|--:|--:|--:|--:|${withTargets ? '--:|--:|' : ''}`,
  ];
  for (const c of suite.results) {
    const h = c.http[clients];
    const d = c.direct[clients];
    if (!h) {
      if (c.error)
        lines.push(
          `| ${c.name}${c.run ? ` ${marks.get(c.run) ?? ''}` : ''} | ${c.sql} | not measured: ${c.error} |${' |'.repeat(withTargets ? 7 : 5)}`,
        );
      continue;
    }
    const mark = (ok: boolean) => (withTargets ? (ok ? ' ✓' : ' ✗') : '');
    const p99 = c.kind === 'list' ? `${lat(h, 'p99')}${mark(h.p99 < 50)}` : lat(h, 'p99');
    const ratio = d ? h.p50 / d.p50 : Number.NaN;
    const base = helloFor(r, suite, c, clients);
    const share = base ? h.rps / base.rps : Number.NaN;
    const name = `${c.name}${c.run ? ` ${marks.get(c.run) ?? ''}` : ''}`;
    lines.push(
      `| ${c.kind === 'baseline' ? `*${c.name}*` : name} | ${c.sql} | ${lat(h, 'p50')} | ${ms(d?.p50)} | ${p99} | ${ms(d?.p99)} | ${rate(h)} | ${rate(d)} |` +
        (withTargets
          ? ` ${d ? (h.requests ? `${ratio.toFixed(2)}×${mark(ratio <= 1.5)}` : 'no answer ✗') : '—'} | ${c.kind === 'list' ? `${pct(share)}${mark(share >= 0.3)}` : c.kind === 'baseline' ? '100%' : pct(share)} |`
          : ''),
    );
  }
  return lines;
}

export function toMarkdown(r: BenchResults): string {
  const n = r.settings.clients;
  const L: string[] = [];
  L.push('# Steward benchmarks: latest results', '');
  L.push(
    `Generated by \`npm run bench\` (bench/run.ts) on ${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC in ${Math.floor(r.durationSeconds / 60)} min ${r.durationSeconds % 60} s. Do not edit: run the suite again.`,
    '',
  );
  L.push(
    `- Commit \`${r.commit.sha.slice(0, 10)}\` (${r.commit.subject})${r.commit.dirty ? ', with uncommitted changes in the tree' : ''}`,
  );
  L.push(
    `- Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, ${r.machine.os}; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}`,
  );
  L.push(
    `- Load average (1, 5, 15 min) at the start ${r.machine.loadAverageStart.join(', ')} and at the end ${r.machine.loadAverageEnd.join(', ')}: other work on the machine slows every figure alike`,
  );
  L.push(
    `- ${n} concurrent clients (autocannon) for ${r.settings.seconds} s after a 0.5 s warm-up (PGlite: ${Math.max(1, r.settings.seconds - 1)} s; the PostgreSQL scale-1 comparison: 1 s), longer for a slow endpoint (up to ${r.settings.maxWindowSeconds ?? 8} s, then 10 s for the requests in flight, counted with the time they had taken) so that every client finishes about two requests; Steward's pg pool and the direct SQL's pool both hold ${r.settings.serverPoolSize} connections; demo clock ${r.settings.clock}`,
  );
  for (const line of partRunLines(r)) L.push(`- ${line}`);
  L.push('');

  L.push('## Targets', '', '| | figure | measured | limit (same run) | target |', '|---|---|--:|--:|---|');
  const summary = r.targets.filter((t) => !t.id.startsWith('reads.'));
  for (const t of summary)
    L.push(
      `| ${t.met === null ? '' : t.met ? '✓' : '✗'} | ${t.figure} | ${t.value} | ${t.limit} | ${t.target} |`,
    );
  for (const [prefix, label, target] of [
    ['reads.p99.', `lists: p99 under ${n} clients`, '< 50 ms'],
    ['reads.p50.', 'endpoints: p50 against the same SQL run directly', '≤ 1.5×'],
    ['reads.rps.', 'lists: requests/s against hello-world', '≥ 30%'],
  ] as const) {
    const ts = r.targets.filter((t) => t.id.startsWith(prefix));
    if (!ts.length) continue;
    const met = ts.filter((t) => t.met).length;
    const missed = ts
      .filter((t) => !t.met)
      .map((t) => `${t.figure.replace(/: (p99|p50|requests\/s)$/, '')} (${t.value}, ${t.missedBy})`);
    L.push(
      `| ${met === ts.length ? '✓' : '✗'} | ${label} | ${met} of ${ts.length} met | see below | ${target} |`,
    );
    if (missed.length) L.push(`| | missed: ${missed.join('; ')} | | | |`);
  }
  L.push('');

  const suite = mainSuite(r);
  if (suite) {
    L.push(`## API reads: PostgreSQL, scale ${suite.scale}, ${n} clients`, '');
    L.push(
      'Each endpoint over HTTP (signed in with a session cookie, as the web app calls it) beside the same SQL run directly through pg at the same concurrency: the queries are captured from Steward\'s own code for that request (session, role assignments, then the page and its count) and replayed in the same order, concurrently where the endpoint runs them concurrently. "SQL" shows the stages: `1 → 1 → 2∥` is two queries one after the other, then two at once. ✓/✗: p99 < 50 ms for lists, p50 ≤ 1.5× SQL, list throughput ≥ 30% of hello-world.',
      '',
    );
    L.push(...readTable(r, suite, n, true), '');
    L.push(
      `Where one request's SQL time goes (each query alone, one client, median of three; the session and role queries of every request are left out):`,
      '',
    );
    L.push('| endpoint | queries (ms) |', '|---|---|');
    for (const c of suite.results) {
      const qs = (c.queryMs ?? []).filter((q) => !/ (sessions|role_assignments)$/.test(q.sql));
      if (qs.length) L.push(`| ${c.name} | ${qs.map((q) => `${q.sql} ${q.ms}`).join(', ')} |`);
    }
    L.push('');
    L.push(
      `Server resident memory: ${suite.rssIdleMb} MB idle after sign-in, up to ${suite.rssUnderLoadMb} MB under load (peak ${suite.rssPeakMb} MB).`,
      '',
    );
  }

  const smallPg = r.reads[`postgres-s${r.settings.scales.small}`];
  const lite = r.reads[`pglite-s${r.settings.scales.small}`];
  if (lite) {
    L.push(`## PGlite beside PostgreSQL, scale ${lite.scale}`, '');
    L.push(
      `PGlite runs one query at a time (one process, one connection): its latency at 1 client is the floor, at ${n} clients requests queue behind each other. The server runs in the embedded default (\`STEWARD_ROLE=all\`, jobs included). The SQL columns, the same queries run directly on PGlite, are measured when the suite runs with \`BENCH_PGLITE_SQL=1\`.`,
      '',
    );
    L.push(
      `| endpoint | PGlite 1 client p50 | SQL | PGlite ${n} clients p50 | p99 | req/s | SQL req/s | PostgreSQL ${n} clients p50 | p99 | req/s |`,
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const c of lite.results) {
      const one = c.http[1];
      const many = c.http[n];
      const pgc = smallPg?.results.find((x) => x.name === c.name)?.http[n];
      L.push(
        `| ${c.name} | ${lat(one, 'p50')} | ${ms(c.direct[1]?.p50)} | ${lat(many, 'p50')} | ${lat(many, 'p99')} | ${rate(many)} | ${rate(c.direct[n])} | ${lat(pgc, 'p50')} | ${lat(pgc, 'p99')} | ${rate(pgc)} |`,
      );
    }
    L.push(
      '',
      `PGlite server resident memory: ${lite.rssIdleMb} MB idle, up to ${lite.rssUnderLoadMb} MB under load (peak ${lite.rssPeakMb} MB).${smallPg ? ` PostgreSQL web process at scale ${smallPg.scale}: ${smallPg.rssIdleMb} MB idle, up to ${smallPg.rssUnderLoadMb} MB under load.` : ''}`,
      '',
    );
  }

  if (r.import) {
    const i = r.import;
    L.push('## Import', '');
    L.push(
      `${num(i.rows)} training completions (a ${i.fileMb} MB CSV: employee number, course code, date, hours, result) into \`training_completions\` on PostgreSQL, the table emptied first, its indexes in place.`,
      '',
    );
    L.push(
      '| path | upload / COPY | validate / INSERT…SELECT | commit | total | rows/s |',
      '|---|--:|--:|--:|--:|--:|',
    );
    L.push(
      `| Steward over HTTP (upload, validate, commit) | ${i.steward.uploadSeconds} s | ${i.steward.validateSeconds} s | ${i.steward.commitSeconds} s | ${i.steward.totalSeconds} s | ${num(i.steward.rowsPerSecond)} |`,
    );
    L.push(
      `| PostgreSQL: COPY of the file into a staging table, one INSERT…SELECT resolving numbers and codes | ${i.copy.copySeconds} s | ${i.copy.insertSeconds} s | — | ${i.copy.totalSeconds} s | ${num(i.copy.rowsPerSecond)} |`,
    );
    L.push(
      '',
      `Steward reaches ${pct(i.ratio)} of COPY's rate end to end (its commit pass alone: ${num(i.steward.commitRowsPerSecond)} rows/s); the bare COPY of the file runs at ${num(i.copy.copyOnlyRowsPerSecond)} rows/s. Server peak resident memory (VmHWM): ${i.steward.peakRssMb} MB.`,
      '',
    );
  }

  if (r.infosec) L.push(...infosecSection(r.infosec));

  if (r.smart) L.push(...smartSection(r.smart));

  if (r.identity) {
    const f = r.identity;
    L.push('## Identity changes across web processes (PostgreSQL, two servers)', '');
    L.push(
      `A role revoked through one server; the other (answering the user's API token from memory) refuses the next request after ${f.propagationMs.map((v) => ms(v)).join(', ')} (p50 ${ms(f.p50Ms)}, max ${ms(f.maxMs)}; target under one second). Measured from sending the revocation, so it includes the revocation's own request.`,
      '',
    );
  }

  if (r.backup && Object.keys(r.backup).length) {
    L.push('## Backup and restore', '');
    L.push(
      '`steward backup` and `steward restore` as an operator runs them, each timed with the peak resident memory of its whole process tree (sampled every 100 ms); a restore goes into a new, empty database (PostgreSQL) or a new data folder (PGlite).',
      '',
    );
    L.push(
      '| database | scale | rows | archive | backup | backup peak | restore | restore peak |',
      '|---|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const b of Object.values(r.backup))
      L.push(
        `| ${b.database} | ${b.scale} | ${num(b.rows)} | ${b.archiveMb} MB | ${b.backup.seconds} s | ${b.backup.peakRssMb} MB | ${b.restore.seconds} s | ${b.restore.peakRssMb} MB |`,
      );
    L.push('');
  }

  if (r.startup) {
    const s = r.startup;
    L.push('## Start-up and footprint (PGlite, `npm start`)', '');
    L.push('| start | to the first successful sign-in | resident memory idle |', '|---|--:|--:|');
    L.push(
      `| empty data folder, demo loaded (STEWARD_DEMO=1) | ${s.demo.signInSeconds} s | ${s.demo.idleRssMb} MB |`,
    );
    L.push(
      `| empty data folder, no demo: \`steward create-user\` then \`npm start\` | ${s.empty.createUserSeconds} s + ${s.empty.signInSeconds} s = ${s.empty.totalSeconds} s | ${s.empty.idleRssMb} MB |`,
    );
    L.push('');
  }

  if (r.web) {
    const b = r.web.bundle;
    L.push('## Web', '');
    L.push(
      `The first page loads ${b.files.filter((f) => f.file.endsWith('.js')).length} JavaScript files referenced by web/dist/index.html: ${b.jsGzipKb} KB gzipped (${b.jsKb} KB raw), and ${b.cssGzipKb} KB of CSS gzipped.${b.buildSeconds !== null ? ` The web app was built in this run in ${b.buildSeconds} s.` : ''}`,
      '',
    );
    L.push('| file | raw | gzipped |', '|---|--:|--:|');
    for (const f of b.files) L.push(`| ${f.file} | ${f.kb} KB | ${f.gzipKb} KB |`);
    L.push('');
    const render = r.web.render;
    if (render && 'homeRenderedMs' in render) {
      L.push(
        `Headless Chromium, signed in as the group admin against ${render.server ?? `the PostgreSQL server at scale ${r.settings.scales.large}`}, a fresh context per run (cold cache), median of ${render.runs.length}: first contentful paint ${render.firstContentfulPaintMs} ms, the home page with its data (sites, headcount chart, attention list) on screen ${render.homeRenderedMs} ms after navigation start.`,
        '',
      );
    } else if (render) L.push(`First render: skipped (${render.skipped}).`, '');
  }

  L.push('## Data', '');
  L.push(
    'Generated by bench/data (the demo group of reference/demo at the scale factor, and the tables the demo leaves empty), deterministic by seed, loaded with COPY.',
    '',
  );
  const names = Object.keys(r.datasets);
  const tables = [...new Set(names.flatMap((k) => Object.keys(r.datasets[k].counts)))];
  L.push(`| table | ${names.join(' | ')} |`, `|---|${names.map(() => '--:').join('|')}|`);
  for (const t of tables)
    L.push(
      `| ${t} | ${names.map((k) => (r.datasets[k].counts[t] === undefined ? '—' : num(r.datasets[k].counts[t]))).join(' | ')} |`,
    );
  L.push(`| *load time* | ${names.map((k) => `${r.datasets[k].loadSeconds} s`).join(' | ')} |`, '');

  const missed = r.targets.filter((t) => t.met === false);
  L.push('## Notes', '');
  for (const f of r.failures ?? []) L.push(`- **Failed in this run**: ${f}`);
  if (missed.length === 0) L.push('Every target is met.', '');
  for (const note of EXPLANATIONS(r)) L.push(`- ${note}`);
  L.push('');

  if (r.fixes.length) {
    L.push(
      '## Fixed after measuring',
      '',
      '| commit | what | figure | before | after |',
      '|---|---|---|--:|--:|',
    );
    for (const f of r.fixes) L.push(`| ${f.commit} | ${f.what} | ${f.figure} | ${f.before} | ${f.after} |`);
    L.push('');
  }
  return `${L.join('\n')}\n`;
}

/** The README's benchmark section: the headline figures and a link to the full results. */
export function readmeSection(r: BenchResults): string {
  const L: string[] = [];
  L.push(
    `Measured by \`npm run bench\` on ${r.finishedAt.slice(0, 10)} (commit \`${r.commit.sha.slice(0, 7)}\`, ${r.machine.cpus} cores, ${r.machine.memoryGb} GB); every figure beside a limit measured in the same run. ${partRunLines(r).join(' ')}${r.partRuns && Object.keys(r.partRuns).length ? ' ' : ''}Full results: [bench/results/latest.md](bench/results/latest.md).`,
    '',
  );
  L.push('| | figure | measured | limit (same run) | target |', '|---|---|--:|--:|---|');
  const summary = r.targets.filter((t) => !t.id.startsWith('reads.'));
  for (const t of summary)
    L.push(
      `| ${t.met === null ? '' : t.met ? '✓' : '✗'} | ${t.figure} | ${t.value} | ${t.limit} | ${t.target} |`,
    );
  const suite = mainSuite(r);
  if (suite) {
    const n = r.settings.clients;
    for (const c of suite.results) {
      const h = c.http[n];
      const d = c.direct[n];
      if (!h || c.kind === 'baseline' || !d) continue;
      const base = helloFor(r, suite, c, n);
      const ok =
        (c.kind !== 'list' || (h.p99 < 50 && base !== undefined && h.rps / base.rps >= 0.3)) &&
        h.p50 / d.p50 <= 1.5;
      L.push(
        `| ${ok ? '✓' : '✗'} | ${c.name}${c.run ? ` ${readRunMarks(r).get(c.run) ?? ''}` : ''} (scale ${suite.scale}, ${n} clients): p50 / p99 | ${lat(h, 'p50')} / ${lat(h, 'p99')} | SQL ${ms(d.p50)} / ${ms(d.p99)} | ${c.kind === 'list' ? 'p99 < 50 ms, p50 ≤ 1.5× SQL' : 'p50 ≤ 1.5× SQL'} |`,
      );
    }
  }
  return L.join('\n');
}

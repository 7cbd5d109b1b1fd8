// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseKind } from '../../../server/db/connect.ts';
import { verifyAuditChains } from '../../../server/platform/audit/service.ts';
import { EMPLOYEES, SITES, USERS } from '../../support/fixture.ts';
import { type PreparedDatabase, prepareDatabase } from './databases.ts';
import { HttpClient, type StewardProcess, startSteward } from './processes.ts';

/**
 * Fault scenarios shared by the CI security suite (small) and the stress suite (full size): a Steward web
 * process killed with SIGKILL in the middle of a large import's commit, or of a burst of writes, then
 * started again on the same database (a PGlite data folder, or a PostgreSQL database).
 */

const COURSES = 20;

export type AuditCheck = { ok: boolean; chains: number; events: number; detail: string };

/** How far a process has read the file it holds open under `dir` (0–100), from /proc; null if none. */
export async function readProgress(pid: number, dir: string): Promise<number | null> {
  let best: number | null = null;
  try {
    for (const fd of await readdir(`/proc/${pid}/fd`)) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      if (!target.startsWith(dir)) continue;
      const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, 'utf8').catch(() => '');
      const pos = Number(/^pos:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      const size = (await stat(target).catch(() => null))?.size ?? 0;
      if (size > 0) best = Math.max(best ?? 0, Math.floor((pos / size) * 100));
    }
  } catch {
    return null;
  }
  return best;
}

export type ImportCrashReport = {
  rows: number;
  /**
   * Where the commit was when the server was killed: how far the server had read the stored file, seen from
   * outside in /proc/<pid>/fdinfo (PGlite's one connection answers no request while the commit's transaction
   * runs, so the import's own progress cannot be polled there; on PostgreSQL the import is also checked to
   * be still committing just before the kill).
   */
  killedAtPercent: number;
  completionsBefore: number;
  completionsAfter: number;
  statusAfter: string;
  messageAfter: string | null;
  retried: { status: string; rowsInserted: number | null } | null;
  completionsAfterRetry: number | null;
};

export type BurstCrashReport = {
  writers: number;
  acknowledged: number;
  /** Acknowledged creations missing after the restart (must be none). */
  lost: string[];
  /** Creations sent but not acknowledged before the kill that were committed anyway (allowed). */
  unacknowledgedButPresent: number;
  duplicates: number;
  auditEventsForCreated: number;
  employeesBefore: number;
  employeesAfter: number;
  writesAfterRestart: number;
};

export type FinalCheck = { audit: AuditCheck; employees: number; completions: number };

/**
 * One database and the Steward web process on it, killed and started again by the scenarios. Checks that
 * need the database itself run in finish(), after the last stop (PGlite's folder has one owner at a time).
 */
export class CrashBench {
  readonly kind: DatabaseKind;
  prepared!: PreparedDatabase;
  server: StewardProcess | undefined;
  private log: (line: string) => void;
  private acknowledged = new Map<string, string>();
  private attempted = new Set<string>();
  private employeesBefore = 0;
  private bursts: { writers: number; acknowledgedBefore: number; writesAfterRestart: number }[] = [];

  constructor(kind: DatabaseKind, log: (line: string) => void = () => undefined) {
    this.kind = kind;
    this.log = log;
  }

  async start() {
    this.prepared = await prepareDatabase(this.kind);
    const database = await this.prepared.open();
    try {
      await database.db
        .insertInto('training_courses')
        .values(
          Array.from({ length: COURSES }, (_, i) => ({
            code: `C-${String(i).padStart(3, '0')}`,
            title: `Crash course ${i}`,
            domain: 'safety' as const,
            audience: 'all_employees' as const,
            hours: '1.00',
          })),
        )
        .execute();
      const n = await database.db
        .selectFrom('employees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      this.employeesBefore = Number(n.n);
    } finally {
      await database.close();
    }
    this.server = await startSteward({ ...this.prepared.env, LOG_LEVEL: 'warn' }, { role: 'web' });
    return this;
  }

  private async restart() {
    this.server = await startSteward({ ...this.prepared.env, LOG_LEVEL: 'warn' }, { role: 'web' });
  }

  private admin() {
    return new HttpClient((this.server as StewardProcess).url).signIn(
      USERS.groupAdmin.email,
      USERS.groupAdmin.password,
    );
  }

  /**
   * `writers` clients create employees as fast as they can; after `ms` the server is killed with SIGKILL and
   * started again, and takes five more creations.
   */
  async burst(writers: number, ms: number) {
    const server = this.server as StewardProcess;
    const clients = await Promise.all(Array.from({ length: Math.min(writers, 8) }, () => this.admin()));
    const acknowledgedBefore = this.acknowledged.size;
    let stop = false;
    let n = 0;
    const round = this.bursts.length;
    const sites = [SITES.K7.id, SITES.PG.id, SITES.TC.id, SITES.SZ.id];
    const writer = async (w: number) => {
      const client = clients[w % clients.length];
      while (!stop) {
        const no = `CR${round}-${w}-${++n}`;
        this.attempted.add(no);
        try {
          const res = await client.post('/api/people/employees', {
            siteId: sites[n % sites.length],
            employeeNo: no,
            fullName: `Crash Writer ${no}`,
            department: 'Burst',
            hireDate: '2025-01-02',
          });
          if (res.status === 201) this.acknowledged.set(no, res.body.id);
          else if (res.status >= 500) throw new Error(`${res.status} ${res.text}`);
        } catch (error) {
          if (stop || /fetch failed|ECONNRESET|socket/i.test(String((error as Error).message))) return;
          throw error;
        }
      }
    };
    const running = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    await new Promise((r) => setTimeout(r, ms));
    await server.kill();
    stop = true;
    await running;
    this.log(`burst: killed after ${this.acknowledged.size - acknowledgedBefore} acknowledged creations`);
    await this.restart();
    const admin = await this.admin();
    let writesAfterRestart = 0;
    for (let i = 0; i < 5; i++) {
      const res = await admin.post('/api/people/employees', {
        siteId: SITES.K7.id,
        employeeNo: `AFTER${round}-${i}`,
        fullName: 'After Restart',
        department: 'Burst',
        hireDate: '2025-01-02',
      });
      if (res.status === 201) writesAfterRestart++;
    }
    this.bursts.push({ writers, acknowledgedBefore, writesAfterRestart });
  }

  /**
   * Uploads and validates an import of `rows` completions, commits it, and kills the server with SIGKILL once
   * the commit is between 10% and 90% done (see killedAtPercent); starts it again, and (with `retry`)
   * commits the same file once more, to the end.
   */
  async importKill(rows: number, options: { retry?: boolean } = {}): Promise<ImportCrashReport> {
    const file = path.join(this.prepared.dir, `completions-${rows}-${Date.now()}.csv`);
    await writeCompletions(file, rows, this.completionsWritten);
    this.completionsWritten += rows;
    let admin = await this.admin();
    const upload = async (client: HttpClient) => {
      const form = new FormData();
      form.append('file', await openAsBlob(file), path.basename(file));
      const res = await fetch(`${client.base}/api/imports?kind=training_completions`, {
        method: 'POST',
        headers: { cookie: client.cookie as string, 'x-csrf-token': client.csrf as string },
        body: form,
      });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return (await res.json()) as any;
    };
    const follow = async (client: HttpClient, id: string, until: (job: any) => boolean) => {
      for (;;) {
        const job = (await client.get(`/api/imports/${id}`)).body;
        if (until(job)) return job;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const committed = async (client: HttpClient) => {
      let job = await upload(client);
      job = (await client.post(`/api/imports/${job.id}/validate`, { version: job.version })).body;
      job = await follow(client, job.id, (j) => j.status !== 'validating');
      if (job.status !== 'valid') throw new Error(`validation: ${JSON.stringify(job).slice(0, 500)}`);
      const res = await client.post(`/api/imports/${job.id}/commit`, { version: job.version });
      if (res.status !== 202) throw new Error(`commit: ${res.status} ${res.text}`);
      return { job, follow: () => follow(client, job.id, (j) => j.status !== 'committing') };
    };
    const completions = countCompletions;

    const completionsBefore = await completions(admin);
    const { job } = await committed(admin);
    const server = this.server as StewardProcess;
    // Somewhere in the middle of the commit, a different point each run.
    const target = 30 + Math.floor(Math.random() * 40);
    let killedAt = -1;
    for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
      const read = await readProgress(server.child.pid as number, this.prepared.env.STEWARD_FILES_DIR);
      if (read !== null && read >= target) {
        if (this.kind === 'postgres') {
          const live = (await admin.get(`/api/imports/${job.id}`)).body;
          if (live.status !== 'committing')
            throw new Error(`the commit ended before the kill (${live.status})`);
        }
        await server.kill();
        killedAt = read;
        break;
      }
      if (server.child.exitCode !== null) throw new Error('the server stopped by itself');
      await new Promise((r) => setTimeout(r, 10));
    }
    if (killedAt < 10 || killedAt > 90)
      throw new Error(`the commit was not caught between 10% and 90% (${killedAt}%)`);
    this.log(`import: killed at ${killedAt}% of ${rows} rows`);

    await this.restart();
    admin = await this.admin();
    // On PostgreSQL another process finds the dead run by its free advisory lock (once the run is 10 s old).
    let after = (await admin.get(`/api/imports/${job.id}`)).body;
    for (let i = 0; i < 150 && (after.status === 'committing' || after.status === 'validating'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await admin.get(`/api/imports/${job.id}`)).body;
    }
    const completionsAfter = await completions(admin);
    let retried: ImportCrashReport['retried'] = null;
    let completionsAfterRetry: number | null = null;
    if (options.retry) {
      const again = await committed(admin);
      const done = await again.follow();
      retried = { status: done.status, rowsInserted: done.rowsInserted };
      completionsAfterRetry = await completions(admin);
    }
    return {
      rows,
      killedAtPercent: killedAt,
      completionsBefore,
      completionsAfter,
      statusAfter: after.status,
      messageAfter: after.message,
      retried,
      completionsAfterRetry,
    };
  }

  private completionsWritten = 0;

  /** Stops the server and checks the database itself: the audit chains, and every acknowledged write. */
  async finish(): Promise<{ final: FinalCheck; bursts: BurstCrashReport[] }> {
    await this.server?.stop();
    this.server = undefined;
    const database = await this.prepared.open();
    try {
      const verified = await verifyAuditChains(database.db);
      const events = await database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const completions = await database.db
        .selectFrom('training_completions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await database.db.selectFrom('employees').select(['employee_no', 'id']).execute();
      const ids = [...this.acknowledged.values()];
      const audited = ids.length
        ? Number(
            (
              await sql<{
                n: string;
              }>`select count(distinct entity_id)::text as n from audit_events where action = 'employee.created' and entity_id = any(${ids})`.execute(
                database.db,
              )
            ).rows[0].n,
          )
        : 0;
      const present = new Map<string, number>();
      for (const r of rows) present.set(r.employee_no, (present.get(r.employee_no) ?? 0) + 1);
      const final: FinalCheck = {
        audit: {
          ok: verified.breaks.length === 0 && verified.events === Number(events.n),
          chains: verified.chains,
          events: verified.events,
          detail: JSON.stringify(verified.breaks).slice(0, 500),
        },
        employees: rows.length,
        completions: Number(completions.n),
      };
      const acknowledged = [...this.acknowledged.keys()];
      const bursts: BurstCrashReport[] = this.bursts.map((b) => ({
        writers: b.writers,
        acknowledged: acknowledged.length,
        lost: acknowledged.filter((no) => !present.has(no)),
        unacknowledgedButPresent: [...this.attempted].filter(
          (no) => present.has(no) && !this.acknowledged.has(no),
        ).length,
        duplicates: [...present.values()].filter((c) => c > 1).length,
        auditEventsForCreated: audited,
        employeesBefore: this.employeesBefore,
        employeesAfter: rows.length,
        writesAfterRestart: b.writesAfterRestart,
      }));
      return { final, bursts };
    } finally {
      await database.close();
    }
  }

  async dispose() {
    await this.server?.kill();
    await this.prepared?.dispose();
  }
}

/** A CSV of `rows` training completions of courses C-000… (every person × course × day once, after `skip` rows). */
/**
 * Every training completion the client can see, counted through the API. Lists count at most 10,000 rows,
 * so the count is taken course by course, each well under that (and refused if one is not).
 */
export async function countCompletions(client: HttpClient): Promise<number> {
  const courses = (await client.get('/api/training/courses?pageSize=500&count=true')).body;
  if (courses.totalCapped || courses.total > courses.items.length)
    throw new Error('too many courses to count');
  let total = 0;
  for (const course of courses.items as { id: string }[]) {
    const page = (await client.get(`/api/training/completions?pageSize=1&count=true&courseId=${course.id}`))
      .body;
    if (page.totalCapped) throw new Error(`more than ${page.total} completions of one course: cannot count`);
    total += Number(page.total);
  }
  return total;
}

async function writeCompletions(file: string, rows: number, skip: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('employee_no,course_code,completed_on,hours,result\n');
  const people = Object.keys(EMPLOYEES);
  const start = Date.UTC(1990, 0, 1);
  for (let j = 0; j < rows; j++) {
    const i = j + skip;
    const person = people[i % people.length];
    const course = Math.floor(i / people.length) % COURSES;
    const day = Math.floor(i / (people.length * COURSES));
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    if (!out.write(`${person},C-${String(course).padStart(3, '0')},${date},1,passed\n`))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

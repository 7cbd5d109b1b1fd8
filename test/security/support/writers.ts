// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { sql } from 'kysely';
import { EMPLOYEES, USERS } from '../../support/fixture.ts';
import { prepareDatabase } from './databases.ts';
import { HttpClient, type StewardProcess, startSteward } from './processes.ts';

export type WritersReport = {
  writers: number;
  seconds: number;
  records: number;
  acknowledged: number;
  conflicts: number;
  serverErrors: string[];
  /** Per record: versions answered to writers that are missing, doubled or out of order. */
  gaps: string[];
  /** Records whose stored version or value differs from the last acknowledged write. */
  mismatches: string[];
  /** Acknowledged writes without exactly one audit event carrying them. */
  auditMismatches: string[];
  auditOk: boolean;
  requestsPerSecond: number;
};

/**
 * `writers` clients edit `records` employees of one Steward web process on PostgreSQL for `seconds`: each
 * reads a record, changes its job title to a value of its own, and on 409 reads again and retries. Every
 * acknowledged write (200) carries the record's new version; in the end each record's versions must run
 * 2, 3, … without a gap or a double, the stored record must hold the last acknowledged value, the audit log
 * must hold one event per acknowledged write, and no answer may be a 5xx.
 */
export async function concurrentWriters(options: {
  writers: number;
  seconds: number;
  records: number;
  sessions?: number;
  processes?: number;
}): Promise<WritersReport> {
  const prepared = await prepareDatabase('postgres');
  const servers: StewardProcess[] = [];
  try {
    for (let i = 0; i < (options.processes ?? 1); i++)
      servers.push(await startSteward({ ...prepared.env, LOG_LEVEL: 'warn' }, { role: 'web' }));
    const sessions = await Promise.all(
      Array.from({ length: options.sessions ?? 10 }, (_, i) =>
        new HttpClient(servers[i % servers.length].url).signIn(
          USERS.groupAdmin.email,
          USERS.groupAdmin.password,
        ),
      ),
    );
    const ids = Object.values(EMPLOYEES)
      .slice(0, options.records)
      .map((e) => e.id);
    const acks = new Map<string, { version: number; value: string }[]>(ids.map((id) => [id, []]));
    const serverErrors: string[] = [];
    let conflicts = 0;
    let requests = 0;
    const until = Date.now() + options.seconds * 1000;
    const writer = async (w: number) => {
      const client = sessions[w % sessions.length];
      let seq = 0;
      while (Date.now() < until) {
        const id = ids[(w + seq) % ids.length];
        const value = `w${w}-${++seq}`;
        let current = await client.get(`/api/people/employees/${id}`);
        requests++;
        for (let _attempt = 0; Date.now() < until; _attempt++) {
          if (current.status >= 500) serverErrors.push(`GET ${current.status} ${current.text.slice(0, 200)}`);
          const version = current.status === 409 ? current.body.currentVersion : current.body.version;
          const res = await client.patch(`/api/people/employees/${id}`, { jobTitle: value, version });
          requests++;
          if (res.status === 200) {
            acks.get(id)?.push({ version: res.body.version, value });
            break;
          }
          if (res.status === 409) {
            conflicts++;
            if (typeof res.body.currentVersion !== 'number')
              serverErrors.push(`409 without currentVersion: ${res.text.slice(0, 200)}`);
            current = res;
            continue;
          }
          serverErrors.push(`PATCH ${res.status} ${res.text.slice(0, 200)}`);
          break;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
    const elapsed = (Date.now() - started) / 1000;

    const database = await prepared.open();
    const gaps: string[] = [];
    const mismatches: string[] = [];
    const auditMismatches: string[] = [];
    let auditOk = false;
    try {
      const rows = await database.db
        .selectFrom('employees')
        .select(['id', 'version', 'job_title'])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows) {
        const list = (acks.get(row.id) ?? []).sort((a, b) => a.version - b.version);
        list.forEach((a, i) => {
          if (a.version !== i + 2)
            gaps.push(`${row.id}: acknowledged version ${a.version} at place ${i + 2}`);
        });
        const last = list[list.length - 1];
        const expectedVersion = 1 + list.length;
        if (row.version !== expectedVersion || (last && row.job_title !== last.value))
          mismatches.push(
            `${row.id}: stored version ${row.version} "${row.job_title}", acknowledged ${list.length} writes ending "${last?.value}"`,
          );
      }
      const events = await sql<{
        entity_id: string;
        after: any;
      }>`select entity_id, after from audit_events where action = 'employee.updated'`.execute(database.db);
      const byRecord = new Map<string, string[]>();
      for (const e of events.rows) {
        const after = typeof e.after === 'string' ? JSON.parse(e.after) : e.after;
        byRecord.set(e.entity_id, [
          ...(byRecord.get(e.entity_id) ?? []),
          after?.job_title ?? after?.jobTitle,
        ]);
      }
      for (const [id, list] of acks) {
        const logged = (byRecord.get(id) ?? []).sort();
        const acked = list.map((a) => a.value).sort();
        if (JSON.stringify(logged) !== JSON.stringify(acked))
          auditMismatches.push(`${id}: ${acked.length} acknowledged, ${logged.length} audited`);
      }
      const { verifyAuditChains } = await import('../../../server/platform/audit/service.ts');
      auditOk = (await verifyAuditChains(database.db)).breaks.length === 0;
    } finally {
      await database.close();
    }
    return {
      writers: options.writers,
      seconds: options.seconds,
      records: ids.length,
      acknowledged: [...acks.values()].reduce((n, l) => n + l.length, 0),
      conflicts,
      serverErrors,
      gaps,
      mismatches,
      auditMismatches,
      auditOk,
      requestsPerSecond: Math.round(requests / elapsed),
    };
  } finally {
    for (const s of servers) await s.kill();
    await prepared.dispose();
  }
}

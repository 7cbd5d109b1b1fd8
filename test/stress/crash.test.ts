import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashBench, type ImportCrashReport } from '../security/support/crash.ts';

/**
 * Crash safety at full size, on PGlite (a data folder) and PostgreSQL: 200 writers killed with SIGKILL
 * three times, then three imports of 300,000 completions killed at a different point of their commit each
 * (between 10% and 90%), each followed by a restart; the third import is then committed whole.
 */
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.STRESS_CRASH_ROWS ?? 300_000);

describe.each(['pglite', 'postgres'] as const)('kill -9 of the server, full size (%s)', (kind) => {
  const bench = new CrashBench(kind, (line) => console.log(`[${kind}] ${line}`));
  const imports: ImportCrashReport[] = [];
  let result: Awaited<ReturnType<CrashBench['finish']>>;

  beforeAll(async () => {
    await bench.start();
    for (let round = 0; round < 3; round++) await bench.burst(200, 5000 + round * 2500);
    for (let round = 0; round < 3; round++)
      imports.push(await bench.importKill(ROWS, { retry: round === 2 }));
    result = await bench.finish();
  }, 3_600_000);
  afterAll(async () => {
    await bench.dispose();
  });

  it('keeps every acknowledged write of three killed bursts, once, with its audit event', () => {
    const burst = result.bursts[0];
    console.log(
      `[${kind}] ${burst.acknowledged} acknowledged creations over three kills, ${burst.unacknowledgedButPresent} more committed unacknowledged`,
    );
    expect(burst.acknowledged).toBeGreaterThan(100);
    expect(burst.lost).toEqual([]);
    expect(burst.duplicates).toBe(0);
    expect(burst.auditEventsForCreated).toBe(burst.acknowledged);
    for (const b of result.bursts) expect(b.writesAfterRestart).toBe(5);
  });

  it('keeps nothing of three imports killed between 10% and 90% of their commit, and then imports the file whole', () => {
    console.log(
      `[${kind}] imports killed at ${imports.map((i) => `${i.killedAtPercent}%`).join(', ')} of ${ROWS} rows`,
    );
    for (const i of imports) {
      expect(i.killedAtPercent).toBeGreaterThanOrEqual(10);
      expect(i.killedAtPercent).toBeLessThanOrEqual(90);
      expect(i.completionsAfter).toBe(i.completionsBefore);
      expect(i.statusAfter).toBe('failed');
    }
    expect(imports[2].retried).toEqual({ status: 'done', rowsInserted: ROWS });
    expect(result.final.completions).toBe(ROWS);
  });

  it('keeps the audit chains intact through six kills', () => {
    expect(result.final.audit.ok, result.final.audit.detail).toBe(true);
  });
});

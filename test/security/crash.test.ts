import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/app.ts';
import { CrashBench, type ImportCrashReport } from './support/crash.ts';

/**
 * Crash safety, small: one Steward web process per database, killed with SIGKILL in the middle of a burst of
 * writes and then in the middle of an import's commit, and started again each time. Full sizes and many
 * kill points run under `npm run test:stress` (test/stress/crash.test.ts).
 */
describe.each(databases())('kill -9 of the server (%s)', (kind) => {
  const bench = new CrashBench(kind);
  let imported: ImportCrashReport;
  let result: Awaited<ReturnType<CrashBench['finish']>>;

  beforeAll(async () => {
    await bench.start();
    await bench.burst(20, kind === 'postgres' ? 2500 : 4000);
    imported = await bench.importKill(kind === 'postgres' ? 40_000 : 30_000, { retry: true });
    result = await bench.finish();
    console.log(
      `Crash (${kind}): burst ${JSON.stringify({ acknowledged: result.bursts[0].acknowledged, lost: result.bursts[0].lost.length, unacknowledgedButPresent: result.bursts[0].unacknowledgedButPresent })}, import killed at ${imported.killedAtPercent}% of ${imported.rows} rows`,
    );
  }, 600_000);
  afterAll(async () => {
    await bench.dispose();
  });

  it('during a burst of writes: every acknowledged write is there once with its audit event, and the server takes writes again', () => {
    const burst = result.bursts[0];
    expect(burst.acknowledged).toBeGreaterThan(5);
    expect(burst.lost).toEqual([]);
    expect(burst.duplicates).toBe(0);
    expect(burst.auditEventsForCreated).toBe(burst.acknowledged);
    expect(burst.writesAfterRestart).toBe(5);
    // What was sent but not acknowledged may have been committed before the kill; nothing else appeared.
    expect(burst.employeesAfter).toBe(
      burst.employeesBefore + burst.acknowledged + burst.unacknowledgedButPresent + 5,
    );
  });

  it('during an import commit (between 10% and 90%): nothing of it is kept, the job says so, and the same file then imports whole', () => {
    expect(imported.killedAtPercent).toBeGreaterThanOrEqual(10);
    expect(imported.killedAtPercent).toBeLessThanOrEqual(90);
    expect(imported.completionsAfter).toBe(imported.completionsBefore);
    expect(imported.statusAfter).toBe('failed');
    expect(imported.messageAfter).toMatch(/interrupted.*Nothing was imported/);
    expect(imported.retried).toEqual({ status: 'done', rowsInserted: imported.rows });
    expect(imported.completionsAfterRetry).toBe(imported.completionsBefore + imported.rows);
    expect(result.final.completions).toBe(imported.completionsBefore + imported.rows);
  });

  it('keeps the audit chains intact through both kills', () => {
    expect(result.final.audit.ok, result.final.audit.detail).toBe(true);
    expect(result.final.audit.events).toBeGreaterThan(result.bursts[0].acknowledged);
  });
});

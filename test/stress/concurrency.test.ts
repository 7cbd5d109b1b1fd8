import { describe, expect, it } from 'vitest';
import { concurrentWriters } from '../security/support/writers.ts';

/**
 * 200 concurrent writers for 30 seconds on PostgreSQL, retrying on 409, through one web process and then
 * through two: no 5xx, and the final state is exactly the acknowledged writes.
 */
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

describe('200 concurrent writers for 30 seconds on PostgreSQL', () => {
  for (const processes of [1, 2])
    it(`answers no 5xx and ends in exactly the acknowledged writes (${processes} web process${processes > 1 ? 'es' : ''})`, async () => {
      const report = await concurrentWriters({
        writers: 200,
        seconds: 30,
        records: 20,
        sessions: 20,
        processes,
      });
      console.log(
        `Concurrent writers (${processes}): ${JSON.stringify({ ...report, gaps: report.gaps.length, mismatches: report.mismatches.length, auditMismatches: report.auditMismatches.length })}`,
      );
      expect(report.serverErrors).toEqual([]);
      expect(report.acknowledged).toBeGreaterThan(500);
      expect(report.gaps).toEqual([]);
      expect(report.mismatches).toEqual([]);
      expect(report.auditMismatches).toEqual([]);
      expect(report.auditOk).toBe(true);
    }, 300_000);
});

import pg from 'pg';

/**
 * Waits until no query of a benchmark database is running, so that one endpoint's measurement does not
 * pay for the queries another left behind (requests cut off at the end of a window still run on the
 * server). Queries still running after `patienceMs` are cancelled.
 */
export function databaseSettler(databaseUrl: string, patienceMs = 5000) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const running = async () =>
    (
      await pool.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
      )
    ).rows[0].n;
  return {
    async settle(): Promise<{ waitedMs: number; cancelled: number }> {
      const began = performance.now();
      while (performance.now() - began < patienceMs) {
        if ((await running()) === 0) return { waitedMs: Math.round(performance.now() - began), cancelled: 0 };
        await new Promise((r) => setTimeout(r, 100));
      }
      const { rowCount } = await pool.query(
        `select pg_cancel_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
      );
      return { waitedMs: Math.round(performance.now() - began), cancelled: rowCount ?? 0 };
    },
    close: () => pool.end(),
  };
}

/**
 * The same for a server on PGlite, which runs one query at a time: waits until its readiness check, which
 * queries the database, answers at once again (everything queued before it has run), up to `patienceMs`.
 */
export function queueSettler(base: string, patienceMs = 60_000) {
  return async (): Promise<{ waitedMs: number; cancelled: number }> => {
    const began = performance.now();
    while (performance.now() - began < patienceMs) {
      const asked = performance.now();
      const res = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(patienceMs) }).catch(
        () => null,
      );
      await res?.arrayBuffer();
      if (res?.ok && performance.now() - asked < 50) break;
    }
    return { waitedMs: Math.round(performance.now() - began), cancelled: 0 };
  };
}

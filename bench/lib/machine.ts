import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { ROOT, round } from './proc.ts';

/** The commit the run measured, and whether server or web code had uncommitted changes. */
export function commitInfo() {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return {
      sha: git('rev-parse', 'HEAD'),
      subject: git('log', '-1', '--format=%s'),
      dirty:
        git('status', '--porcelain', '--untracked-files=no', '--', 'server', 'web/src', 'cli', 'reference')
          .length > 0,
    };
  } catch {
    return { sha: 'unknown', subject: '', dirty: true };
  }
}

/** The machine and database server the run measured on. */
export async function machineInfo(adminUrl: string) {
  let postgres = 'unknown';
  try {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    postgres = (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0].v;
    await c.end();
  } catch {
    // reported when the data step fails
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverageStart: os.loadavg().map((x) => round(x, 2)),
    loadAverageEnd: [] as number[],
  };
}

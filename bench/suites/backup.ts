import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PATH, ROOT, round } from '../lib/proc.ts';

/**
 * `steward backup` and `steward restore` as an operator runs them (the command, in its own processes), timed,
 * with the peak resident memory of the command's whole process tree (the command re-runs itself in a lean
 * child: the sum of both counts), sampled every 100 ms.
 */

export type CommandFigures = { seconds: number; peakRssMb: number };

export type BackupFigures = {
  /** 'postgres' or 'pglite'. */
  database: string;
  scale: number;
  rows: number;
  archiveMb: number;
  backup: CommandFigures;
  restore: CommandFigures;
};

/** Resident memory of a process and every descendant, in MB (0 once it has ended). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // ended meanwhile
    }
  }
  return kb / 1024;
}

/** Runs `node cli/steward.ts …args` with `env`; its time, peak tree memory and output. */
export function runSteward(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CommandFigures & { output: string }> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, PATH, LOG_LEVEL: 'warn' };
  delete fullEnv.DATABASE_URL;
  delete fullEnv.STEWARD_DATA_DIR;
  delete fullEnv.STEWARD_FILES_DIR;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) fullEnv[k] = v;
  const started = performance.now();
  const child = spawn(process.execPath, ['cli/steward.ts', ...args], { cwd: ROOT, env: fullEnv });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(child.pid as number));
  }, 100);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = round((performance.now() - started) / 1000, 1);
      if (code !== 0)
        reject(new Error(`steward ${args[0]} exited with ${code}: ${output.trim().split('\n').at(-1)}`));
      else resolve({ seconds, peakRssMb: round(peak), output });
    });
  });
}

/**
 * Backs up one database (a PostgreSQL URL or a PGlite data folder) and restores the archive into an empty
 * target of the same kind (`target`: a new database's URL, or a new folder).
 */
export async function runBackupRestore(options: {
  database: 'postgres' | 'pglite';
  scale: number;
  source: { databaseUrl?: string; dataDir?: string };
  target: { databaseUrl?: string; dataDir?: string };
  tmp: string;
  log: (line: string) => void;
}): Promise<BackupFigures> {
  const { source, target, log } = options;
  const archive = path.join(options.tmp, `backup-${options.database}-s${options.scale}.tar.gz`);
  const filesOf = (t: { databaseUrl?: string; dataDir?: string }) =>
    t.databaseUrl ? path.join(options.tmp, `files-${t.databaseUrl.split('/').at(-1)}`) : undefined;
  const backup = await runSteward(['backup', archive], {
    DATABASE_URL: source.databaseUrl,
    STEWARD_DATA_DIR: source.dataDir,
    STEWARD_FILES_DIR: filesOf(source),
  });
  const rows = Number(/tables, ([\d,]+) rows/.exec(backup.output)?.[1]?.replaceAll(',', '') ?? 0);
  const archiveMb = round(statSync(archive).size / 1048576);
  log(
    `  backup: ${rows.toLocaleString('en-US')} rows in ${backup.seconds} s, peak ${backup.peakRssMb} MB, archive ${archiveMb} MB`,
  );
  const restore = await runSteward(['restore', archive], {
    DATABASE_URL: target.databaseUrl,
    STEWARD_DATA_DIR: target.dataDir,
    STEWARD_FILES_DIR: filesOf(target),
  });
  if (!/Restore complete: .* 0 broken/.test(restore.output))
    throw new Error(`the restore did not complete cleanly: ${restore.output.trim().split('\n').at(-1)}`);
  log(`  restore: ${restore.seconds} s, peak ${restore.peakRssMb} MB`);
  if (target.dataDir && !existsSync(path.join(target.dataDir, 'pgdata')))
    throw new Error(`no database was restored in ${target.dataDir}`);
  return {
    database: options.database,
    scale: options.scale,
    rows,
    archiveMb,
    backup: { seconds: backup.seconds, peakRssMb: backup.peakRssMb },
    restore: { seconds: restore.seconds, peakRssMb: restore.peakRssMb },
  };
}

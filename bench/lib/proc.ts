import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Node 24 and the project's tools first on the PATH, as npm scripts have them. */
export const PATH = `${path.join(ROOT, 'node_modules/.bin')}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`;

/** Node flags for the servers the suite starts (BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"). */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export type Memory = { rssMb: number; hwmMb: number };

/** Resident memory now and at its peak (VmRSS, VmHWM) of a Linux process. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: round(kb('VmRSS') / 1024), hwmMb: round(kb('VmHWM') / 1024) };
}

function childrenOf(pid: number): number[] {
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return [];
  const out: number[] = [];
  for (const task of readdirSync(dir)) {
    try {
      out.push(
        ...readFileSync(`${dir}/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      // the task ended meanwhile
    }
  }
  return out;
}

/** The Steward server process under `pid` (npm start runs it as a grandchild): the one running cli/steward.ts. */
export function serverPidUnder(pid: number): number | null {
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (cmd.some((c) => c.endsWith('cli/steward.ts')) && cmd.includes('start')) return p;
    } catch {
      continue;
    }
    queue.push(...childrenOf(p));
  }
  return null;
}

export type Server = {
  child: ChildProcess;
  base: string;
  port: number;
  /** The pid of the Node process that serves (not npm's). */
  pid: () => number;
  stop: () => Promise<void>;
};

let nextPort = 31_000 + Math.floor(Math.random() * 2000);

/**
 * Starts Steward (`node cli/steward.ts start`, or `npm start` with `viaNpm`) in its own process group,
 * with its log lines in `logFile`.
 */
export function startServer(options: {
  env: Record<string, string>;
  logFile: string;
  viaNpm?: boolean;
  nodeArgs?: string[];
}): Server {
  const port = nextPort++;
  const env = { ...process.env, PATH, PORT: String(port), HOST: '127.0.0.1', ...options.env };
  // The log file itself is the server's stdout: a pipe drained by this (busy) process would hold the
  // server's log lines in the server's memory.
  const log = openSync(options.logFile, 'a');
  const child = options.viaNpm
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] })
    : spawn(process.execPath, [...(options.nodeArgs ?? SERVER_NODE_ARGS), 'cli/steward.ts', 'start'], {
        cwd: ROOT,
        env,
        detached: true,
        stdio: ['ignore', log, log],
      });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let serverPid: number | null = null;
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    pid() {
      if (serverPid === null)
        serverPid = options.viaNpm ? serverPidUnder(child.pid as number) : (child.pid as number);
      if (serverPid === null) throw new Error('the server process was not found');
      return serverPid;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // gone already
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples a process's resident memory while `work` runs; returns the work's result and the largest sample. */
export async function sampleMemory<T>(
  pid: number,
  work: () => Promise<T>,
  everyMs = 200,
): Promise<{ result: T; maxRssMb: number }> {
  let max = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, memoryOf(pid).rssMb);
    } catch {
      // the process ended
    }
  }, everyMs);
  try {
    const result = await work();
    max = Math.max(max, memoryOf(pid).rssMb);
    return { result, maxRssMb: max };
  } finally {
    clearInterval(timer);
  }
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

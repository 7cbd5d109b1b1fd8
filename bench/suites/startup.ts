import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { waitSignIn } from '../lib/http.ts';
import { memoryOf, PATH, ROOT, round, sleep, startServer } from '../lib/proc.ts';

export type StartupFigures = {
  /** `npm start` on an empty data folder with the demo load, to the first successful sign-in. */
  demo: { signInSeconds: number; idleRssMb: number };
  /** Without the demo: `steward create-user` on the empty folder, then `npm start` to the first sign-in. */
  empty: { createUserSeconds: number; signInSeconds: number; totalSeconds: number; idleRssMb: number };
};

/** Starts Steward the way a newcomer does, twice: with the demo load and without it. */
export async function runStartup(o: {
  tmp: string;
  logs: string;
  log: (line: string) => void;
  /** Run against the demo server once it answers (the first render of the home page). */
  withDemoServer?: (base: string) => Promise<void>;
}): Promise<StartupFigures> {
  const started = (dir: string, env: Record<string, string>) =>
    startServer({
      viaNpm: true,
      logFile: path.join(o.logs, `${path.basename(dir)}.log`),
      env: { STEWARD_DATA_DIR: dir, STEWARD_FILES_DIR: path.join(dir, 'files'), ...env },
    });

  // With the demo (the default of a first start).
  const demoDir = mkdtempSync(path.join(o.tmp, 'start-demo-'));
  const t0 = performance.now();
  const s1 = started(demoDir, { STEWARD_DEMO: '1' });
  let demo: StartupFigures['demo'];
  try {
    const first = await waitSignIn(
      s1.base,
      'admin@steward.demo',
      DEMO_PASSWORD,
      t0,
      240_000,
      () => s1.child.exitCode === null,
    );
    await sleep(5000);
    demo = { signInSeconds: round(first.ms / 1000, 2), idleRssMb: memoryOf(s1.pid()).rssMb };
    await o.withDemoServer?.(s1.base);
  } finally {
    await s1.stop();
    rmSync(demoDir, { recursive: true, force: true });
  }
  o.log(
    `  npm start with the demo: first sign-in after ${demo.signInSeconds} s; idle RSS ${demo.idleRssMb} MB`,
  );

  // Without the demo: an administrator is created first, on the same empty folder.
  const emptyDir = mkdtempSync(path.join(o.tmp, 'start-empty-'));
  const email = 'first.admin@example.com';
  const password = 'Bench-first-start-1';
  const c0 = performance.now();
  const created = spawnSync(
    process.execPath,
    ['cli/steward.ts', 'create-user', '--email', email, '--name', 'First Admin', '--password', password],
    {
      cwd: ROOT,
      env: { ...process.env, PATH, STEWARD_DATA_DIR: emptyDir, STEWARD_DEMO: '0', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (created.status !== 0) throw new Error(`steward create-user failed: ${created.stderr}`);
  const createUserSeconds = round((performance.now() - c0) / 1000, 2);
  const t1 = performance.now();
  const s2 = started(emptyDir, { STEWARD_DEMO: '0' });
  let empty: StartupFigures['empty'];
  try {
    const first = await waitSignIn(s2.base, email, password, t1, 120_000, () => s2.child.exitCode === null);
    await sleep(5000);
    const signInSeconds = round(first.ms / 1000, 2);
    empty = {
      createUserSeconds,
      signInSeconds,
      totalSeconds: round(createUserSeconds + signInSeconds, 2),
      idleRssMb: memoryOf(s2.pid()).rssMb,
    };
  } finally {
    await s2.stop();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  o.log(
    `  without the demo: create-user ${empty.createUserSeconds} s, then npm start to the first sign-in ${empty.signInSeconds} s; idle RSS ${empty.idleRssMb} MB`,
  );
  return { demo, empty };
}

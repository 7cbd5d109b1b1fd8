import { spawnSync } from 'node:child_process';

/**
 * Backup and restore run in a child Node process started with lean memory settings, so that their peak stays
 * under 300 MB whatever the size of the data: WebAssembly compiled by the baseline compiler only (optimising
 * PGlite's module took some 380 MB of the peak, for no gain in a run that spends its time in I/O), a heap
 * tuned for size. This module is the first import of the command, so the parent only waits.
 */
const LEAN_COMMANDS = new Set(['backup', 'restore']);
export const LEAN_NODE_FLAGS = ['--liftoff-only', '--optimize-for-size', '--max-semi-space-size=1'];

if (LEAN_COMMANDS.has(process.argv[2] ?? '') && process.env.STEWARD_LEAN_CHILD !== '1') {
  const child = spawnSync(
    process.execPath,
    [...LEAN_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, STEWARD_LEAN_CHILD: '1' } },
  );
  if (child.error) {
    console.error(`steward: ${child.error.message}`);
    process.exit(1);
  }
  process.exit(child.status ?? 1);
}

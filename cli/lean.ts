import { spawnSync } from 'node:child_process';
import { LEAN_NODE_FLAGS } from '../server/db/lean-node.ts';

/**
 * Backup and restore run in a Node process started with lean memory settings (`LEAN_NODE_FLAGS`), so that
 * their peak stays under 300 MB whatever the size of the data. This module is the first import of the
 * command: the command re-runs itself with those flags in place of this process (execve, same pid), so no
 * parent stays behind holding its own 60 to 70 MB while it waits. Where a process cannot be replaced
 * (Windows), it runs as a child and this process only waits.
 */
const LEAN_COMMANDS = new Set(['backup', 'restore']);

if (LEAN_COMMANDS.has(process.argv[2] ?? '') && process.env.STEWARD_LEAN !== '1') {
  const args = [...LEAN_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)];
  const env = { ...process.env, STEWARD_LEAN: '1' };
  try {
    process.execve?.(process.execPath, [process.execPath, ...args], env);
  } catch {
    // Not replaceable here: run as a child below.
  }
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (child.error) {
    console.error(`steward: ${child.error.message}`);
    process.exit(1);
  }
  process.exit(child.status ?? 1);
}

import { spawnSync } from 'node:child_process';
import { LEAN_NODE_FLAGS } from '../server/db/lean-node.ts';

/**
 * Backup and restore run in a child Node process started with lean memory settings (`LEAN_NODE_FLAGS`), so
 * that their peak stays under 300 MB whatever the size of the data. This module is the first import of the
 * command, so the parent only waits.
 */
const LEAN_COMMANDS = new Set(['backup', 'restore']);

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

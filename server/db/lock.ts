import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export type DataFolderLock = { release(): void };

export class DataFolderBusyError extends Error {
  readonly folder: string;
  readonly pid: number;

  constructor(folder: string, pid: number) {
    super(
      `The data folder ${folder} is in use by another Steward process (pid ${pid}). ` +
        'Embedded PostgreSQL can be opened by one process only: stop the server first, ' +
        'or run this command against a PostgreSQL server with DATABASE_URL.',
    );
    this.folder = folder;
    this.pid = pid;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite must never be opened by two processes: a lock file holding the owner's pid guards the folder.
 * A lock left behind by a process that died (kill -9) is taken over.
 */
export function acquireDataFolderLock(folder: string): DataFolderLock {
  const file = path.join(folder, 'steward.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(owner) && owner !== process.pid && processIsAlive(owner)) {
        throw new DataFolderBusyError(folder, owner);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${folder}`);
}

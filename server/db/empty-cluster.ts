import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEAN_NODE_FLAGS } from './lean-node.ts';

/**
 * A new PGlite data folder is a copy of one empty cluster, made once per installed PGlite version and kept
 * beside the packages (`node_modules/.cache/steward/pglite-<version>`): `npm install` makes it (postinstall),
 * or the first process that needs it. Creating a cluster runs initdb inside WebAssembly: PGlite starts a
 * second instance of itself for it and copies that instance's whole memory to reset it between initdb's
 * steps, some 600 MB at the peak, and the memory of a Node process never shrinks. It runs in a short-lived
 * process of its own, so a restore or a first start, which copy the folder (some 40 MB on disk), carry none
 * of that peak. Nothing is downloaded.
 */

/** The PGlite package folder (its entry is in `dist/`). */
const PGLITE_PACKAGE = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
  '..',
);

export function pgliteVersion(): string {
  return JSON.parse(readFileSync(path.join(PGLITE_PACKAGE, 'package.json'), 'utf8')).version;
}

/** node_modules/.cache/steward of the install that holds PGlite. */
export const DEFAULT_CACHE_DIR = path.resolve(PGLITE_PACKAGE, '../../.cache/steward');

/** The folder of the empty cluster of the installed PGlite, in `cacheDir`. */
export function emptyClusterFolder(cacheDir = DEFAULT_CACHE_DIR): string {
  return path.join(cacheDir, `pglite-${pgliteVersion()}`);
}

const isCluster = (folder: string) => existsSync(path.join(folder, 'PG_VERSION'));

/**
 * The empty cluster's folder, made first (in a child process) when it is missing; undefined when it cannot be
 * made (a cache folder that cannot be written), and the caller lets PGlite run initdb itself.
 */
export async function ensureEmptyCluster(cacheDir = DEFAULT_CACHE_DIR): Promise<string | undefined> {
  const folder = emptyClusterFolder(cacheDir);
  if (isCluster(folder)) return folder;
  return buildInChild(folder).then(
    () => folder,
    () => undefined,
  );
}

/** Makes the empty cluster in a short-lived process with lean settings; rejects with what it said. */
function buildInChild(folder: string): Promise<void> {
  const child = spawn(process.execPath, [...LEAN_NODE_FLAGS, fileURLToPath(import.meta.url), folder], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  child.stderr.on('data', (d: Buffer) => {
    said = (said + d.toString()).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && isCluster(folder)) resolve();
      else reject(new Error(said.trim() || `exit code ${code}`));
    });
  });
}

/**
 * Makes the empty cluster in this process: created beside its place and renamed into it, so that a process
 * never copies a half-made cluster, and two processes making it at once each leave a whole one.
 */
export async function buildEmptyCluster(folder: string): Promise<void> {
  if (isCluster(folder)) return;
  await mkdir(path.dirname(folder), { recursive: true });
  const building = `${folder}.${process.pid}.building`;
  await rm(building, { recursive: true, force: true });
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(building);
    await pglite.close();
    await rename(building, folder).catch((error: NodeJS.ErrnoException) => {
      // Another process put its own there meanwhile.
      if (!isCluster(folder)) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/**
 * Puts a copy of the empty cluster at `target` (a PGlite data folder that is missing or empty); false when
 * the empty cluster cannot be had, and `target` is left as it was.
 */
export async function copyEmptyCluster(target: string, cacheDir = DEFAULT_CACHE_DIR): Promise<boolean> {
  if (existsSync(target) && readdirSync(target).length) return false;
  const source = await ensureEmptyCluster(cacheDir);
  if (!source) return false;
  const copying = `${target}.copying`;
  await rm(copying, { recursive: true, force: true });
  await cp(source, copying, { recursive: true });
  if (existsSync(target)) await rmdir(target);
  await rename(copying, target);
  return true;
}

// `node server/db/empty-cluster.ts`: run by `npm install` (postinstall), makes the empty cluster in a child
// process; a failure leaves the install whole (the first process that needs the cluster tries again).
// `node server/db/empty-cluster.ts <folder>`: that child, making it here.
if (import.meta.main) {
  const folder = process.argv[2];
  if (folder) await buildEmptyCluster(folder);
  else {
    const target = emptyClusterFolder();
    if (!isCluster(target))
      await buildInChild(target).then(
        () => console.log(`Made the empty PGlite cluster that new data folders start from: ${target}`),
        (error: Error) =>
          console.warn(
            `The empty PGlite cluster could not be made in ${target} (a new data folder will run initdb itself): ${error.message}`,
          ),
      );
  }
}

import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/types.ts';

/**
 * Checks the stored files against the documents that name them: the file is there, has the recorded size
 * and, unless told not to read them, the recorded SHA-256. Documents are read by keyset on the id, a batch
 * at a time, so a table of any size is checked in bounded memory.
 */

export type StoredFileProblem = {
  documentId: string;
  filename: string;
  storageKey: string;
  problem: 'missing' | 'size' | 'hash';
  /** What the document records and what the file holds (size in bytes, or the hash). */
  expected?: string;
  actual?: string;
};

export type StoredFilesReport = { checked: number; problems: StoredFileProblem[] };

export async function verifyStoredFiles(
  db: Db,
  filesDir: string,
  options: { hash?: boolean; batchSize?: number; onProblem?: (problem: StoredFileProblem) => void } = {},
): Promise<StoredFilesReport> {
  const root = path.resolve(filesDir);
  const batchSize = options.batchSize ?? 500;
  const problems: StoredFileProblem[] = [];
  let checked = 0;
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('documents')
      .select(['id', 'filename', 'storage_key', 'size_bytes', 'sha256'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .limit(batchSize);
    if (after) query = query.where('id', '>', after);
    const batch = await query.execute();
    for (const doc of batch) {
      checked++;
      const problem = await checkOne(root, doc, options.hash !== false);
      if (problem) {
        problems.push(problem);
        options.onProblem?.(problem);
      }
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1].id;
  }
  return { checked, problems };
}

async function checkOne(
  root: string,
  doc: { id: string; filename: string; storage_key: string; size_bytes: string | number; sha256: string },
  hash: boolean,
): Promise<StoredFileProblem | null> {
  const base = { documentId: doc.id, filename: doc.filename, storageKey: doc.storage_key };
  const file = path.resolve(root, doc.storage_key);
  if (!file.startsWith(root + path.sep)) return { ...base, problem: 'missing' };
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ...base, problem: 'missing' };
    size = s.size;
  } catch {
    return { ...base, problem: 'missing' };
  }
  if (String(size) !== String(doc.size_bytes))
    return { ...base, problem: 'size', expected: String(doc.size_bytes), actual: String(size) };
  if (!hash) return null;
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
  const actual = digest.digest('hex');
  return actual === doc.sha256 ? null : { ...base, problem: 'hash', expected: doc.sha256, actual };
}

export type FilesFolderState = 'ok' | 'missing' | 'unreadable' | 'incomplete';

/**
 * The files folder as a web process sees it, for /api/ready: absent while documents exist (a folder never
 * restored, or another STEWARD_FILES_DIR), not readable and writable by this process, or without the file of
 * one document (a sample read through the primary key: `steward files verify` checks them all).
 */
export async function filesFolderState(db: Db, filesDir: string): Promise<FilesFolderState> {
  const root = path.resolve(filesDir);
  // An unreachable or unmigrated database: the folder itself is still checked.
  const sample = await db
    .selectFrom('documents')
    .select('storage_key')
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
    .catch(() => undefined);
  try {
    if (!(await stat(root)).isDirectory()) return 'unreadable';
    await access(root, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return sample ? 'missing' : 'ok';
    return 'unreadable';
  }
  if (!sample) return 'ok';
  try {
    await stat(path.resolve(root, sample.storage_key));
    return 'ok';
  } catch {
    return 'incomplete';
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class FileTooLargeError extends Error {}

/**
 * Stored files on disk under one folder that several processes may share. A file is written to a temporary
 * name and renamed into place only when complete, so a crash never leaves half a file under a real key.
 */
export function createFileStore(root: string) {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('Invalid storage key');
    return full;
  };

  return {
    root,

    /** Streams `source` into the store, counting and hashing; refuses past `maxBytes`. */
    async put(
      source: Readable,
      maxBytes: number,
    ): Promise<{ key: string; sha256: string; size: number; head: Buffer }> {
      const id = randomUUID();
      const key = path.join(id.slice(0, 2), id);
      const final = resolve(key);
      const temporary = `${final}.partial`;
      await mkdir(path.dirname(final), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const headChunks: Buffer[] = [];
      let headLength = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes)
            return done(
              new FileTooLargeError(`The file is larger than ${Math.round(maxBytes / 1048576)} MB.`),
            );
          hash.update(chunk);
          if (headLength < 4100) {
            headChunks.push(chunk);
            headLength += chunk.length;
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(temporary, { flags: 'wx' }));
        await rename(temporary, final);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { key, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks).subarray(0, 4100) };
    },

    async exists(key: string) {
      return stat(resolve(key)).then(
        () => true,
        () => false,
      );
    },

    /** Streams a stored file, from byte `start` when given. */
    read: (key: string, start?: number) => createReadStream(resolve(key), { start }),

    /**
     * Opens a stored file for reading: null when it is absent (a files folder that was not restored, or a
     * process started with another STEWARD_FILES_DIR), so the caller can say so instead of failing mid-stream.
     */
    async openRead(key: string): Promise<{ stream: Readable; size: number } | null> {
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(resolve(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    },

    /** Where a key lies on disk (for logs and `steward files verify`). */
    pathOf: (key: string) => resolve(key),
    remove: (key: string) => rm(resolve(key), { force: true }),
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

/**
 * At most `slots` batches are stored at once. A batch beyond them waits for a slot, and its acknowledgement
 * waits with it: the gateway's broker connection is not read meanwhile (TCP back-pressure), so a gateway
 * that sends faster than the database stores is slowed down, and nothing is dropped.
 */
export function createIngestQueue(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Batches being stored, and batches waiting for a slot. */
    stats: () => ({ running, waiting: waiting.length }),
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < slots) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        // The slot passes straight to the next batch waiting, or is freed.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

export type IngestQueue = ReturnType<typeof createIngestQueue>;

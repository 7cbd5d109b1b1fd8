import autocannon from 'autocannon';
import { round } from './proc.ts';

/** Latency percentiles (ms) and throughput of one run under a fixed number of concurrent clients. */
export type LoadFigures = {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** The measurement window (longer than the default for slow endpoints, so that every client finishes requests). */
  seconds: number;
};

const GRACE_MS = 10_000;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function figures(latencies: number[], seconds: number, errors: number): LoadFigures {
  const sorted = Float64Array.from(latencies).sort() as unknown as number[];
  return {
    p50: round(percentile(sorted, 50), 2),
    p99: round(percentile(sorted, 99), 2),
    rps: Math.round(latencies.length / seconds),
    requests: latencies.length,
    errors,
    seconds: round(seconds, 1),
  };
}

/**
 * GETs `url` from `connections` concurrent clients for `seconds` with autocannon (after a short warm-up);
 * latencies are taken from each response at sub-millisecond resolution. Non-2xx answers count as errors.
 */
export async function httpLoad(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; warmupSeconds?: number },
): Promise<LoadFigures> {
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    // Without a callback autocannon returns its event emitter, which is also a promise of the result.
    const instance = autocannon({
      url,
      connections: options.connections,
      duration: seconds,
      headers: options.headers ?? {},
      timeout: 30,
    }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (!record) return;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors++;
    });
    const result = await instance;
    return { latencies, errors: errors + result.errors + result.timeouts, seconds: result.duration };
  };
  if ((options.warmupSeconds ?? 0.5) > 0) await run(options.warmupSeconds ?? 0.5, false);
  const { latencies, errors, seconds } = await run(options.seconds, true);
  return figures(latencies, seconds, errors);
}

/**
 * Runs `once` from `concurrency` concurrent loops for `seconds` (after a short warm-up): the same
 * measurement as httpLoad, for work done in this process (the direct SQL of an endpoint).
 */
export async function loopLoad(
  once: () => Promise<unknown>,
  options: { concurrency: number; seconds: number; warmupSeconds?: number },
): Promise<LoadFigures> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const began = performance.now();
    const running = new Set<number>();
    let cut = false;
    const loops = Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < until && !cut) {
          const t = performance.now();
          running.add(t);
          try {
            await once();
            if (!cut) latencies.push(performance.now() - t);
          } catch (error) {
            if (!cut) errors++;
            if (errors === 1) console.error(`  direct SQL failed: ${(error as Error).message}`);
          } finally {
            running.delete(t);
          }
        }
      }),
    );
    // Requests still running 10 s after the window count with the time they have taken so far (a lower
    // bound), so that one very slow endpoint cannot hold the whole suite.
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000 + GRACE_MS).unref());
    await Promise.race([loops, deadline]);
    if (running.size) {
      cut = true;
      const now = performance.now();
      for (const t of running) latencies.push(now - t);
    }
    return { latencies, errors, seconds: (performance.now() - began) / 1000 };
  };
  if ((options.warmupSeconds ?? 0.5) > 0) await run(options.warmupSeconds ?? 0.5);
  const { latencies, errors, seconds } = await run(options.seconds);
  return figures(latencies, seconds, errors);
}

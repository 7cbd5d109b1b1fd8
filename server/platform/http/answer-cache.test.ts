import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerCache } from './answer-cache.ts';

const contract = z.object({ total: z.number().int() });

describe('kept answers', () => {
  it('computes a key once, however many ask for it at the same time, and keeps it', async () => {
    const cache = new AnswerCache(contract);
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { total: 7 };
    };
    const bodies = await Promise.all(Array.from({ length: 5 }, () => cache.json({ v: 1 }, compute)));
    expect(runs).toBe(1);
    expect(bodies.map((b) => JSON.parse(b.toString('utf8')))).toEqual(Array(5).fill({ total: 7 }));
    await cache.json({ v: 1 }, compute);
    expect(runs).toBe(1);
    // A new version is a new key.
    await cache.json({ v: 2 }, compute);
    expect(runs).toBe(2);
  });

  it('keeps nothing of a computation that failed, nor of an answer outside its contract', async () => {
    const cache = new AnswerCache(contract);
    await expect(
      cache.json('k', async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    await expect(cache.json('k', async () => ({ total: 1.5 }))).rejects.toThrow();
    expect(cache.size).toBe(0);
    expect(JSON.parse((await cache.json('k', async () => ({ total: 2 }))).toString('utf8'))).toEqual({
      total: 2,
    });
  });

  it('gives an answer larger than its room without keeping it, and drops the oldest for room', async () => {
    const cache = new AnswerCache(z.object({ text: z.string() }), { maxBytes: 100 });
    const big = await cache.json('big', async () => ({ text: 'x'.repeat(200) }));
    expect(big.length).toBeGreaterThan(200);
    expect(cache.size).toBe(0);
    for (const key of ['a', 'b', 'c']) await cache.json(key, async () => ({ text: key.repeat(30) }));
    expect(cache.size).toBe(2);
  });
});

import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

export type AnswerCacheOptions = {
  /** Bytes of serialised answers kept (least recently used go first); a larger answer is given, not kept. */
  maxBytes?: number;
};

/**
 * Large answers kept serialised, so that a request asked again costs a lookup rather than the reads,
 * the rules and the serialisation behind it. The caller owns exactness: its key names everything the answer
 * depends on, including a version of the data read in the same request (see 0075_ohs_statistics_version), so
 * a committed change gives a new key and an old key is never asked for again. Requests for a key that is
 * being computed wait for that computation instead of repeating it. An answer is checked against its
 * contract before it is kept, as the route's serialiser would check it.
 */
export class AnswerCache<T extends z.ZodType> {
  readonly #answers: LRUCache<string, Buffer, () => Promise<z.input<T>>>;

  constructor(contract: T, options: AnswerCacheOptions = {}) {
    this.#answers = new LRUCache<string, Buffer, () => Promise<z.input<T>>>({
      maxSize: options.maxBytes ?? 16 * 1024 * 1024,
      sizeCalculation: (body) => body.length,
      fetchMethod: async (_key, _stale, { context }) =>
        Buffer.from(JSON.stringify(contract.parse(await context())), 'utf8'),
    });
  }

  /** The answer for `key` as JSON bytes, computed by `compute` unless kept. */
  async json(key: unknown, compute: () => Promise<z.input<T>>): Promise<Buffer> {
    const digest = createHash('sha256').update(JSON.stringify(key)).digest('base64url');
    const body = await this.#answers.fetch(digest, { context: compute });
    if (!body) throw new Error('An answer was computed as nothing');
    return body;
  }

  /** Sends the answer for `key` (computed by `compute` unless kept) as the reply's JSON body. */
  async send(reply: FastifyReply, key: unknown, compute: () => Promise<z.input<T>>): Promise<FastifyReply> {
    const body = await this.json(key, compute);
    return reply.type('application/json; charset=utf-8').send(body);
  }

  /** Answers kept now. */
  get size(): number {
    return this.#answers.size;
  }
}

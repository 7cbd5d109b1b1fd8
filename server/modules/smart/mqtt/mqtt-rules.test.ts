import { describe, expect, it } from 'vitest';
import { createIngestQueue } from './ingest-queue.ts';
import { answerTopic, isAnswerTopic, siteCodeOfFilter, siteCodeOfTopic } from './topics.ts';

describe('MQTT topics', () => {
  it('takes the site from a reading topic, with at least one level below it', () => {
    expect(siteCodeOfTopic('steward/K7/B1-F3-L2/K7-GAS-01', 'steward')).toBe('K7');
    expect(siteCodeOfTopic('steward/K7/readings', 'steward')).toBe('K7');
    expect(siteCodeOfTopic('steward/K7', 'steward')).toBeNull();
    expect(siteCodeOfTopic('other/K7/readings', 'steward')).toBeNull();
    expect(siteCodeOfTopic('steward//readings', 'steward')).toBeNull();
    expect(siteCodeOfTopic('steward/K7//x', 'steward')).toBeNull();
  });

  it('lets a subscription stay within one site, never a wildcard at the site level', () => {
    expect(siteCodeOfFilter('steward/K7/#', 'steward')).toBe('K7');
    expect(siteCodeOfFilter('steward/+/#', 'steward')).toBeNull();
    expect(siteCodeOfFilter('steward/#', 'steward')).toBeNull();
    expect(siteCodeOfFilter('#', 'steward')).toBeNull();
  });
});

describe('answers to the gateways', () => {
  it("go under the site's answers level, named by the gateway; that level is never a readings topic", () => {
    expect(answerTopic('steward', 'K7', 'line 2/gw#1')).toBe('steward/K7/answers/line-2-gw-1');
    expect(answerTopic('steward', 'K7', ' ')).toBe('steward/K7/answers/gateway');
    expect(isAnswerTopic('steward/K7/answers/gw', 'steward')).toBe(true);
    expect(isAnswerTopic('steward/K7/B1/answers', 'steward')).toBe(false);
    expect(siteCodeOfTopic('steward/K7/answers/gw', 'steward')).toBeNull();
    // A gateway may subscribe to its own site's answers.
    expect(siteCodeOfFilter(answerTopic('steward', 'K7', 'gw'), 'steward')).toBe('K7');
  });
});

describe('the ingest queue', () => {
  it('stores at most its slots at once; a batch beyond them waits for a slot, in turn', async () => {
    const queue = createIngestQueue(1);
    const order: string[] = [];
    let release: () => void = () => {};
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          order.push('first started');
          release = () => {
            order.push('first stored');
            resolve();
          };
        }),
    );
    const second = queue.run(async () => {
      order.push('second started');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    expect(order).toEqual(['first started']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first started', 'first stored', 'second started']);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a batch that failed', async () => {
    const queue = createIngestQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('database away')))).rejects.toThrow(
      'database away',
    );
    expect(await queue.run(async () => 'stored')).toBe('stored');
  });
});

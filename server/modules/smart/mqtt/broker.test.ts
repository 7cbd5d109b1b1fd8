import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/access/actor.ts';
import { embeddedBroker } from './broker.ts';
import type { MqttGateways } from './gateways.ts';

/**
 * The embedded broker with stand-in gateways: a connection's batches must be stored in the order they were
 * published, even when the token check of an earlier one takes longer than a later one's.
 */
describe('the embedded broker', () => {
  const stored: string[] = [];
  let checks = 0;
  const gateways = {
    config: { topicRoot: 'steward', port: 0, host: '127.0.0.1' },
    log: { info: () => {}, warn: () => {}, error: () => {} },
    // The first check (the connection's) is quick; of the publishes, the first waits 100 ms, the second none.
    gateway: async (token: string | undefined) => {
      const n = checks++;
      if (n === 1) await new Promise((r) => setTimeout(r, 100));
      return token ? ({ label: 'gw' } as Actor) : null;
    },
    siteOf: async () => 'site-k7',
    parse: (payload: Buffer | string) => ({ batch: JSON.parse(payload.toString()) }),
    store: async (_actor: Actor, batch: { batchId: string }) => {
      stored.push(batch.batchId);
      return {
        received: 1,
        stored: 1,
        duplicates: 0,
        late: 0,
        refused: [],
        alarmsRaised: 0,
        alarmsCleared: 0,
      };
    },
    answer: () => null,
  } as unknown as MqttGateways;
  const broker = embeddedBroker(gateways);
  beforeAll(() => broker.start());
  afterAll(() => broker.stop());

  it("stores a connection's batches in the order they were published", async () => {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port()}`, {
      username: 'gw',
      password: 'token',
      reconnectPeriod: 0,
    });
    try {
      await Promise.all(
        ['first', 'second'].map((batchId) =>
          client.publishAsync('steward/K7/readings', JSON.stringify({ batchId, readings: [] }), { qos: 1 }),
        ),
      );
    } finally {
      await client.endAsync();
    }
    expect(stored).toEqual(['first', 'second']);
  });
});

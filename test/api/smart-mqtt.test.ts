import { randomBytes } from 'node:crypto';
import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { smartModule } from '../../server/modules/smart/index.ts';
import { runSimulation } from '../../server/modules/smart/simulator/publisher.ts';
import { startBackgroundServices } from '../../server/platform/modules/background.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { setUpSensors } from '../support/smart.ts';

/** The machine's Mosquitto (started by .ci/run when it is down). */
const MOSQUITTO = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

const iso = (ms: number) => new Date(ms).toISOString();
const unique = () => randomBytes(4).toString('hex');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The log lines the services write, kept for the assertions. */
function collectingLog() {
  const lines: { level: string; msg?: string; o: object }[] = [];
  const at = (level: string) => (o: object, msg?: string) => lines.push({ level, msg, o });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(databases())('MQTT ingestion (%s)', (kind) => {
  let t: TestApp;
  let gasId: string;
  let tcSensorId: string;
  let token: string;
  const t0 = Date.now() - 10 * 60_000;
  const gas = (seconds: number, value: number) => ({ sensorId: gasId, at: iso(t0 + seconds * 1000), value });

  const readingsOf = (sensorId: string) =>
    t.db.selectFrom('smart_readings').select(['at', 'value']).where('sensor_id', '=', sensorId).execute();
  const countsOf = (gateway: string) =>
    t.db
      .selectFrom('smart_gateway_counts')
      .select(['accepted', 'duplicates'])
      .where('gateway', '=', gateway)
      .executeTakeFirst();
  const withMqtt = (mqttConfig: Partial<Config['mqtt']>): Config => ({
    ...t.config,
    mqtt: { ...t.config.mqtt, ...mqttConfig },
  });

  beforeAll(async () => {
    t = await createTestApp({ kind });
    ({ gasId, tcSensorId, token } = await setUpSensors(t, 'K7 gateway (MQTT)'));
  });
  afterAll(async () => t?.close());

  describe('the embedded broker', () => {
    let stop: () => Promise<void>;
    let url: string;
    const log = collectingLog();
    const clients: MqttClient[] = [];
    const connect = async (options: mqtt.IClientOptions) => {
      const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
      clients.push(client);
      return client;
    };

    beforeAll(async () => {
      const port = await freePort();
      url = `mqtt://127.0.0.1:${port}`;
      stop = await startBackgroundServices(
        [smartModule],
        t.app.services,
        withMqtt({ port, host: '127.0.0.1', url: undefined, ingestSlots: 1 }),
        log,
      );
    });
    afterAll(async () => {
      for (const c of clients) await c.endAsync(true);
      await stop?.();
    });

    it('stores a batch published twice once, rolled up and judged, before its PUBACK', async () => {
      const gateway = await connect({ clientId: 'k7-gw-mqtt', username: 'k7-gw-mqtt', password: token });
      const batch = JSON.stringify({ readings: [gas(0, 60), gas(5, 61), gas(12, 62)] });
      const topic = `steward/K7/B1-F3-L2/K7-GAS-01`;
      await gateway.publishAsync(topic, batch, { qos: 1 });
      // Acknowledged: already stored, rolled up and judged (no waiting).
      expect((await readingsOf(gasId)).map((r) => r.value).sort()).toEqual([60, 61, 62]);
      await gateway.publishAsync(topic, batch, { qos: 1 });
      expect(await readingsOf(gasId)).toHaveLength(3);
      const counts = await countsOf('k7-gw-mqtt');
      expect([Number(counts?.accepted), Number(counts?.duplicates)]).toEqual([3, 3]);
      const minutes = await t.db
        .selectFrom('smart_rollups_minute')
        .select(['count', 'max'])
        .where('sensor_id', '=', gasId)
        .execute();
      expect(minutes.reduce((n, m) => n + m.count, 0)).toBe(3);
      expect(Math.max(...minutes.map((m) => m.max))).toBe(62);
      const alarms = await t.db
        .selectFrom('smart_alarms')
        .select(['condition', 'raised_value', 'active'])
        .where('sensor_id', '=', gasId)
        .where('condition', '=', 'hh')
        .execute();
      expect(alarms).toEqual([{ condition: 'hh', raised_value: 62, active: true }]);
    });

    it('withholds the PUBACK while the batch cannot be stored yet', async () => {
      const gateway = await connect({ clientId: 'k7-gw-slow', username: 'k7-gw-slow', password: token });
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Another transaction holds the sensor's state: the batch waits for it, and its acknowledgement too.
      let holding: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const blocker = t.db.transaction().execute(async (trx) => {
        await trx.selectFrom('smart_sensor_states').select('sensor_id').forUpdate().execute();
        holding();
        await released;
      });
      await held;
      let acknowledged = false;
      const publish = gateway
        .publishAsync('steward/K7/readings', JSON.stringify({ readings: [gas(20, 63)] }), { qos: 1 })
        .then(() => {
          acknowledged = true;
        });
      await new Promise((r) => setTimeout(r, 500));
      expect(acknowledged).toBe(false);
      release();
      await blocker;
      await publish;
      expect((await readingsOf(gasId)).map((r) => r.value)).toContain(63);
    });

    it("refuses a publish to another site's topic: the connection closes, nothing stored", async () => {
      const gateway = await connect({ clientId: 'k7-gw-astray', username: 'k7-gw-astray', password: token });
      const closed = new Promise<void>((resolve) => gateway.once('close', () => resolve()));
      gateway.publish(
        'steward/TC/yard/TC-O2-01',
        JSON.stringify({ readings: [{ sensorId: tcSensorId, at: iso(t0), value: 18 }] }),
        {
          qos: 1,
        },
      );
      await closed;
      expect(await readingsOf(tcSensorId)).toEqual([]);
      expect(log.lines.some((l) => l.msg === 'MQTT publish refused')).toBe(true);
    });

    it("refuses a K7 topic's reading of a TC sensor, and a subscription to another site's topics", async () => {
      const gateway = await connect({ clientId: 'k7-gw-mixed', username: 'k7-gw-mixed', password: token });
      await gateway.publishAsync(
        'steward/K7/readings',
        JSON.stringify({
          gateway: 'k7-gw-mixed',
          readings: [{ sensorId: tcSensorId, at: iso(t0), value: 18 }],
        }),
        { qos: 1 },
      );
      expect(await readingsOf(tcSensorId)).toEqual([]);
      // MQTT.js rejects a SUBACK that refuses any filter; the packet says which.
      const suback = await gateway
        .subscribeAsync(['steward/TC/#', 'steward/+/#', 'steward/K7/#'], { qos: 1 })
        .then(
          () => null,
          (error: { packet?: { granted: number[] } }) => error.packet,
        );
      expect(suback?.granted).toEqual([128, 128, 1]);
    });

    it('refuses a connection without a valid token', async () => {
      await expect(
        connect({ clientId: 'nobody', username: 'nobody', password: 'stw_not-a-token' }),
      ).rejects.toThrow(/authori/i);
      await expect(connect({ clientId: 'nobody' })).rejects.toThrow(/username or password/i);
    });
  });

  describe('an external broker (Mosquitto)', () => {
    let stop: () => Promise<void>;
    const root = `steward-test-${unique()}`;
    const clientId = `steward-test-${unique()}`;
    const log = collectingLog();
    let gateway: MqttClient;

    beforeAll(async () => {
      stop = await startBackgroundServices(
        [smartModule],
        t.app.services,
        withMqtt({ url: MOSQUITTO, clientId, topicRoot: root }),
        log,
      );
      expect(log.lines.filter((l) => l.level !== 'info')).toEqual([]);
      gateway = await mqtt.connectAsync(MOSQUITTO, { clientId: `gw-${unique()}`, reconnectPeriod: 0 });
    });
    afterAll(async () => {
      await gateway?.endAsync(true);
      await stop?.();
      // Ends the test's persistent session on the broker.
      const cleanup = await mqtt.connectAsync(MOSQUITTO, {
        clientId,
        clean: true,
        protocolVersion: 5,
        properties: { sessionExpiryInterval: 0 },
        reconnectPeriod: 0,
      });
      await cleanup.endAsync();
    });

    it('stores a batch published twice once, its token in the batch, rolled up and judged', async () => {
      const batch = JSON.stringify({
        token,
        gateway: 'k7-gw-mosquitto',
        readings: [gas(100, 70), gas(105, 71), gas(130, 20), gas(145, 20)],
      });
      await gateway.publishAsync(`${root}/K7/B1-F3-L2/K7-GAS-01`, batch, { qos: 1 });
      await gateway.publishAsync(`${root}/K7/B1-F3-L2/K7-GAS-01`, batch, { qos: 1 });
      const counts = await until(
        () => countsOf('k7-gw-mosquitto'),
        (c) => Number(c?.accepted ?? 0) + Number(c?.duplicates ?? 0) === 8,
        'both batches',
      );
      expect([Number(counts?.accepted), Number(counts?.duplicates)]).toEqual([4, 4]);
      const values = (await readingsOf(gasId)).map((r) => r.value);
      expect(values.filter((v) => [70, 71, 20].includes(v)).sort()).toEqual([20, 20, 70, 71]);
      // Rolled up: every stored reading counted once in the minute roll-ups.
      const minutes = await t.db
        .selectFrom('smart_rollups_minute')
        .select('count')
        .where('sensor_id', '=', gasId)
        .execute();
      expect(minutes.reduce((n, m) => n + m.count, 0)).toBe(values.length);
      // Judged: the open high-high alarm saw the sensor return below the limit (cleared after the off-delay).
      const hh = await t.db
        .selectFrom('smart_alarms')
        .select(['active', 'cleared_at'])
        .where('sensor_id', '=', gasId)
        .where('condition', '=', 'hh')
        .executeTakeFirstOrThrow();
      expect(hh.active).toBe(false);
    });

    it("refuses a batch on another site's topic, or without a valid token: nothing stored", async () => {
      const tc = { sensorId: tcSensorId, at: iso(t0 + 1000), value: 17 };
      await gateway.publishAsync(`${root}/TC/yard/TC-O2-01`, JSON.stringify({ token, readings: [tc] }), {
        qos: 1,
      });
      await gateway.publishAsync(`${root}/K7/readings`, JSON.stringify({ readings: [gas(200, 5)] }), {
        qos: 1,
      });
      // A batch after them, stored: the subscriber takes them in order, so the two refused ones were handled.
      await gateway.publishAsync(
        `${root}/K7/readings`,
        JSON.stringify({ token, gateway: 'k7-gw-marker', readings: [gas(210, 6)] }),
        { qos: 1 },
      );
      await until(
        () => countsOf('k7-gw-marker'),
        (c) => Number(c?.accepted ?? 0) === 1,
        'the marker batch',
      );
      expect(await readingsOf(tcSensorId)).toEqual([]);
      expect((await readingsOf(gasId)).map((r) => r.value)).not.toContain(5);
      const refusals = log.lines.filter((l) => l.level === 'warn').map((l) => l.msg);
      expect(refusals).toEqual([
        "MQTT batch refused: not one of the token's sites",
        'MQTT batch refused: no valid API token in the batch',
      ]);
    });

    it("answers each batch on the gateway's answers topic: the simulator counts a refused reading by its reason", async () => {
      const summary = await runSimulation({
        brokerUrl: MOSQUITTO,
        token,
        tokenInBatch: true,
        topicRoot: root,
        siteCode: 'K7',
        sensors: [
          {
            id: '00000000-0000-4000-8000-000000000099',
            tag: 'K7-GHOST',
            kind: 'temperature',
            unit: '°C',
            areaName: null,
            limitLL: null,
            limitL: null,
            limitH: null,
            limitHH: null,
            deadband: 0,
            onDelaySeconds: 0,
            ratePerMinute: null,
          },
        ],
        rate: 5,
        count: 10,
        seed: 4,
        faults: [],
        startMs: Date.now() - 5000,
        speed: 100,
        gateway: 'k7-gw-answers',
      });
      // Received by Mosquitto first (its PUBACK), refused by Steward after: the answer moves them to refused.
      expect(summary.unanswered).toBe(0);
      expect(summary.refusals).toEqual([expect.objectContaining({ reason: 'unknown_sensor', readings: 10 })]);
      expect([summary.acknowledged, summary.refused]).toEqual([0, 10]);
    });
  });
});

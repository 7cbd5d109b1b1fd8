import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartModule } from '../../server/modules/smart/index.ts';
import { runSimulation, type SimulationProgress } from '../../server/modules/smart/simulator/publisher.ts';
import { parseFault } from '../../server/modules/smart/simulator/signals.ts';
import { apiSensorLister, siteSensors } from '../../server/modules/smart/simulator/site-sensors.ts';
import { startBackgroundServices } from '../../server/platform/modules/background.ts';
import { ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES } from '../support/fixture.ts';
import { setUpSensors } from '../support/smart.ts';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(databases())('steward simulate on the embedded broker (%s)', (kind) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let url: string;
  let gasId: string;
  let tempId: string;
  let token: string;
  let tcSensorId: string;
  const gatewaySensors = () => apiSensorLister((path) => new ApiClient(t.app, { bearer: token }).get(path));

  beforeAll(async () => {
    t = await createTestApp({ kind });
    const set = await setUpSensors(t, 'K7 simulator');
    ({ gasId, token, tcSensorId } = set);
    const temperature = await set.officer.post('/api/smart/sensors', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1_F3_L2.id,
      tag: 'K7-TT-01',
      name: 'Line temperature',
      kind: 'temperature',
      unit: '°C',
      limitL: 18,
      limitH: 26,
    });
    expect(temperature.status).toBe(201);
    tempId = temperature.body.id;
    const port = await freePort();
    url = `mqtt://127.0.0.1:${port}`;
    stop = await startBackgroundServices(
      [smartModule],
      t.app.services,
      { ...t.config, mqtt: { ...t.config.mqtt, port, host: '127.0.0.1', url: undefined } },
      quietLog,
    );
  });
  afterAll(async () => {
    await stop?.();
    await t?.close();
  });

  it('publishes a burst with a gas leak: every reading stored once, a high-high alarm raised and cleared', async () => {
    // The gateway's token reads the site's sensors as the command does, over the API.
    const gatewayApi = new ApiClient(t.app, { bearer: token });
    const sensors = await siteSensors(
      apiSensorLister((path) => gatewayApi.get(path)),
      'K7',
    );
    expect(sensors.map((s) => s.tag).sort()).toEqual(['K7-GAS-01', 'K7-TT-01']);

    // Three simulated minutes, ending now, published 60 times faster than real time.
    const durationSeconds = 180;
    const startMs = Date.now() - durationSeconds * 1000;
    const progress: SimulationProgress[] = [];
    const summary = await runSimulation({
      brokerUrl: url,
      token,
      tokenInBatch: false,
      topicRoot: t.config.mqtt.topicRoot,
      siteCode: 'K7',
      sensors,
      rate: 4,
      durationSeconds,
      seed: 7,
      faults: [parseFault('gas-leak:K7-GAS-01@60'), parseFault('dropout:K7-TT-01@20+10')],
      startMs,
      speed: 60,
      batchSeconds: 5,
      onProgress: (p) => progress.push(p),
    });

    expect(summary.stoppedBy).toBeNull();
    expect(summary.refusals).toEqual([]);
    expect(summary.planned).toBe(720);
    expect(summary.droppedOut).toBe(20);
    expect(summary.sent).toBe(700);
    expect(summary.acknowledged).toBe(700);
    expect(progress.length).toBeGreaterThan(1);

    // Acknowledged means stored: once each, nothing more (a reading's time is the sensor's key).
    const stored = await t.db
      .selectFrom('smart_readings')
      .select(['sensor_id', 'at', 'value'])
      .where('sensor_id', 'in', [gasId, tempId])
      .execute();
    expect(stored).toHaveLength(700);
    expect(new Set(stored.map((r) => `${r.sensor_id}|${new Date(r.at).toISOString()}`)).size).toBe(700);
    expect(stored.filter((r) => r.sensor_id === gasId)).toHaveLength(360);

    const alarms = await t.db
      .selectFrom('smart_alarms')
      .select(['sensor_id', 'condition', 'raised_at', 'raised_value', 'active'])
      .where('sensor_id', 'in', [gasId, tempId])
      .execute();
    const hh = alarms.filter((a) => a.condition === 'hh');
    expect(hh).toHaveLength(1);
    expect(hh[0].sensor_id).toBe(gasId);
    expect(hh[0].raised_value).toBeGreaterThanOrEqual(50);
    // Raised after the sensor's 10 s on-delay past the leak's time, and cleared once the leak was over.
    expect(new Date(hh[0].raised_at).getTime() - (startMs + 60_000)).toBeGreaterThanOrEqual(10_000);
    expect(hh[0].active).toBe(false);
    // The temperature stayed within its limits: no alarm of its own.
    expect(alarms.filter((a) => a.sensor_id === tempId)).toEqual([]);
  });

  it("shows each refused reading's reason from Steward's answers: an unknown sensor, a sensor of another site", async () => {
    const sensors = await siteSensors(gatewaySensors(), 'K7');
    const temperature = sensors.find((s) => s.tag === 'K7-TT-01');
    if (!temperature) throw new Error('no K7-TT-01 in the site sensors');
    // A gateway configured with a sensor Steward does not know, and one registered at TC, beside a real one.
    const ghost = { ...temperature, id: randomUUID(), tag: 'K7-TT-99' };
    const elsewhere = { ...temperature, id: tcSensorId, tag: 'TC-O2-01' };
    const summary = await runSimulation({
      brokerUrl: url,
      token,
      tokenInBatch: false,
      topicRoot: t.config.mqtt.topicRoot,
      siteCode: 'K7',
      sensors: [temperature, ghost, elsewhere],
      rate: 3,
      count: 30,
      seed: 3,
      faults: [],
      startMs: Date.now() - 10_000,
      speed: 100,
      batchSeconds: 5,
      gateway: 'K7 answers gateway',
    });
    expect(summary.stoppedBy).toBeNull();
    expect(summary.sent).toBe(30);
    expect(summary.unanswered).toBe(0);
    const byReason = Object.fromEntries(summary.refusals.map((r) => [r.reason, r.readings]));
    expect(byReason).toEqual({ unknown_sensor: 10, outside_site: 10 });
    expect(summary.refused).toBe(20);
    expect(summary.acknowledged).toBe(10);
    // The answers agree with what the ingestion counted for the gateway, and nothing of the two was stored.
    const counts = await t.db
      .selectFrom('smart_gateway_counts')
      .select(['accepted', 'refused', 'refused_by_reason'])
      .where('gateway', '=', 'K7 answers gateway')
      .executeTakeFirstOrThrow();
    expect([Number(counts.accepted), Number(counts.refused)]).toEqual([10, 20]);
    expect(counts.refused_by_reason).toEqual({ unknown_sensor: 10, outside_site: 10 });
    const strays = await t.db
      .selectFrom('smart_readings')
      .select('sensor_id')
      .where('sensor_id', 'in', [ghost.id, tcSensorId])
      .execute();
    expect(strays).toEqual([]);
  });

  it('refuses a fault that names no sensor before connecting, and a token the broker does not know', async () => {
    const sensors = await siteSensors(gatewaySensors(), 'K7');
    const base = {
      brokerUrl: url,
      token,
      tokenInBatch: false,
      topicRoot: t.config.mqtt.topicRoot,
      siteCode: 'K7',
      sensors,
      rate: 10,
      count: 10,
      seed: 1,
      faults: [],
    };
    await expect(runSimulation({ ...base, faults: [parseFault('gas-leak:K7-TT-01@5')] })).rejects.toThrow(
      /no toxic-gas sensor/,
    );
    await expect(runSimulation({ ...base, token: 'stw_not-a-token' })).rejects.toThrow(/did not accept/);
  });

  it('counts as refused what the broker closed the connection on: a topic of a site outside the token', async () => {
    const sensors = await siteSensors(gatewaySensors(), 'K7');
    const summary = await runSimulation({
      brokerUrl: url,
      token,
      tokenInBatch: false,
      topicRoot: t.config.mqtt.topicRoot,
      siteCode: 'TC',
      sensors,
      rate: 20,
      count: 20,
      seed: 1,
      faults: [],
      startMs: Date.now() - 5000,
      speed: 100,
    });
    expect(summary.acknowledged).toBe(0);
    expect(summary.refused).toBe(summary.sent);
    expect(summary.refusals[0].reason).toMatch(/closed the connection/);
    expect(summary.stoppedBy).toMatch(/closed the connection/);
  });
  it('stops when interrupted, once what it sent is acknowledged', async () => {
    const sensors = await siteSensors(gatewaySensors(), 'K7');
    const stop = new AbortController();
    const summary = await runSimulation({
      brokerUrl: url,
      token,
      tokenInBatch: false,
      topicRoot: t.config.mqtt.topicRoot,
      siteCode: 'K7',
      sensors,
      rate: 10,
      durationSeconds: 600,
      seed: 2,
      faults: [],
      startMs: Date.now() - 600_000,
      speed: 20,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.batches >= 3) stop.abort();
      },
    });
    expect(summary.stoppedBy).toBe('interrupted');
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.sent).toBeLessThan(summary.planned);
    expect(summary.acknowledged).toBe(summary.sent);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type StewardApp } from '../../server/app.ts';
import { type Database, openDatabase } from '../../server/db/connect.ts';
import { ApiClient, createTestApp, type TestApp } from '../support/app.ts';
import { setUpSensors } from '../support/smart.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Two processes ingesting readings of one sensor on one PostgreSQL database (two apps in this test process):
 * each keeps the detectors' memory of the sensors it judged, and judges on what the other judged since.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'readings of one sensor judged by two processes (postgres)',
  () => {
    let t: TestApp;
    let otherDatabase: Database;
    let other: StewardApp;
    let first: ApiClient;
    let second: ApiClient;
    let gasId: string;
    const t0 = Date.now() - 10 * 60_000;
    const gas = (seconds: number, value: number) => ({
      sensorId: gasId,
      at: iso(t0 + seconds * 1000),
      value,
    });
    const post = (client: ApiClient, reading: ReturnType<typeof gas>) =>
      client.post('/api/smart/readings', { gateway: 'k7-two-workers', readings: [reading] });

    beforeAll(async () => {
      t = await createTestApp({ kind: 'postgres' });
      otherDatabase = await openDatabase({ databaseUrl: t.databaseUrl, poolSize: 4 });
      other = await buildApp({ database: otherDatabase, config: t.config, logger: false });
      await other.ready();
      const sensors = await setUpSensors(t, 'K7 gateway, two processes');
      gasId = sensors.gasId;
      first = t.withToken(sensors.token);
      second = new ApiClient(other, { bearer: sensors.token });
    });
    afterAll(async () => {
      await other?.close();
      await otherDatabase?.close();
      await t?.close();
    });

    it('raises on one process an alarm the other began to time, and clears it on the first after its off-delay', async () => {
      // Above the high limit (25, on-delay 10 s): the first process starts the on-delay and remembers it.
      expect((await post(first, gas(0, 30))).body).toMatchObject({ stored: 1, alarmsRaised: 0 });
      // 15 s on, the second process reads that memory and raises the alarm.
      expect((await post(second, gas(15, 30))).body).toMatchObject({ stored: 1, alarmsRaised: 1 });
      // Back inside the deadband: the first process judges on the second's memory (an active alarm), not its
      // own older one (a pending on-delay), so the off-delay starts, and 15 s later the alarm clears.
      expect((await post(first, gas(20, 10))).body).toMatchObject({ stored: 1, alarmsCleared: 0 });
      expect((await post(first, gas(35, 10))).body).toMatchObject({ stored: 1, alarmsCleared: 1 });
      const alarms = await t.db
        .selectFrom('smart_alarms')
        .select(['condition', 'active', 'raised_value'])
        .where('sensor_id', '=', gasId)
        .execute();
      expect(alarms).toEqual([{ condition: 'h', active: false, raised_value: 30 }]);
    });
  },
);

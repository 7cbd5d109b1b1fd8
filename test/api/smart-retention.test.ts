// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmartModule } from '../../server/modules/smart/module.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const NOW = Date.parse('2026-06-15T00:00:00Z');

describe.each(databases())('retention of readings and roll-ups (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let admin: ApiClient;
  const sensors: Record<string, string> = {};
  const readingsOf = async (sensorId: string) =>
    (
      await t.db
        .selectFrom('smart_readings')
        .select('at')
        .where('sensor_id', '=', sensorId)
        .orderBy('at')
        .execute()
    ).map((r) => new Date(r.at).toISOString().slice(0, 10));
  const bucketsOf = async (table: 'smart_rollups_minute' | 'smart_rollups_hour', sensorId: string) =>
    (
      await t.db
        .selectFrom(table)
        .select('bucket')
        .where('sensor_id', '=', sensorId)
        .orderBy('bucket')
        .execute()
    ).map((r) => new Date(r.bucket).toISOString().slice(0, 10));
  const retention = () => (t.app.services.modules.smart as SmartModule).retention;

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date(NOW) });
    officer = await t.signInAs('k7Officer');
    admin = await t.signInAs('groupAdmin');
    for (const [tag, sensorKind] of [
      ['K7-T-RET', 'temperature'],
      ['K7-V-RET', 'vibration'],
    ] as const) {
      const res = await officer.post('/api/smart/sensors', {
        siteId: SITES.K7.id,
        tag,
        name: `Retention ${tag}`,
        kind: sensorKind,
        unit: sensorKind === 'temperature' ? '°C' : 'mm/s',
      });
      expect(res.status).toBe(201);
      sensors[sensorKind] = res.body.id;
    }
    const token = await officer.post('/api/auth/tokens', { name: 'K7 retention gateway' });
    const gateway = t.withToken(token.body.token);
    const days = ['2025-01-10', '2026-01-10', '2026-06-14'];
    const sent = await gateway.post(
      '/api/smart/readings',
      Object.values(sensors).flatMap((sensorId) =>
        days.map((day) => ({ sensorId, at: `${day}T08:00:00Z`, value: 20 })),
      ),
    );
    expect(sent.status).toBe(200);
    expect(await readingsOf(sensors.vibration)).toEqual(days);
  });
  afterAll(async () => t?.close());

  it('keeps readings and roll-ups by the defaults until the group changes them', async () => {
    const res = await officer.get('/api/smart/retention-settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rawDays: 365, rawDaysByKind: {}, minuteRollupDays: 730, hourRollupYears: 10 });
    // A year back from 2026-06-15 reaches past January 2025 only.
    const run = await retention().run();
    expect(run.partitionsDropped).toEqual(['smart_readings_202501']);
    expect(run.readingsDeleted).toBe(0);
    expect(await readingsOf(sensors.temperature)).toEqual(['2026-01-10', '2026-06-14']);
    expect(await bucketsOf('smart_rollups_hour', sensors.temperature)).toEqual([
      '2025-01-10',
      '2026-01-10',
      '2026-06-14',
    ]);
  });

  it('refuses a period out of bounds naming the field, and a site officer changes nothing', async () => {
    const bad = await admin.put('/api/smart/retention-settings', {
      rawDays: 3,
      rawDaysByKind: {},
      minuteRollupDays: 730,
      hourRollupYears: 10,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('rawDays');
    const unknownKind = await admin.put('/api/smart/retention-settings', {
      rawDays: 180,
      rawDaysByKind: { plutonium: 30 },
      minuteRollupDays: 730,
      hourRollupYears: 10,
    });
    expect(unknownKind.status).toBe(400);
    const officerPut = await officer.put('/api/smart/retention-settings', {
      rawDays: 30,
      rawDaysByKind: {},
      minuteRollupDays: 30,
      hourRollupYears: 1,
    });
    expect(officerPut.status).toBe(403);
    expect((await officer.get('/api/smart/retention-settings')).body.rawDays).toBe(365);
  });

  it("removes each kind's raw readings after its own period and the roll-ups after theirs, audited once", async () => {
    const set = await admin.put('/api/smart/retention-settings', {
      rawDays: 180,
      rawDaysByKind: { vibration: 60 },
      minuteRollupDays: 90,
      hourRollupYears: 1,
    });
    expect(set.status).toBe(200);
    const run = await retention().run();
    // Vibration keeps 60 days (from 2026-04-16): its January reading goes; temperature keeps 180 (from 2025-12-17).
    expect(run).toEqual({
      partitionsDropped: [],
      readingsDeleted: 1,
      minuteRollupsDeleted: 4,
      hourRollupsDeleted: 2,
    });
    expect(await readingsOf(sensors.vibration)).toEqual(['2026-06-14']);
    expect(await readingsOf(sensors.temperature)).toEqual(['2026-01-10', '2026-06-14']);
    expect(await bucketsOf('smart_rollups_minute', sensors.temperature)).toEqual(['2026-06-14']);
    // The hourly history of a year back stays, for both kinds: the chart of a year still draws January.
    expect(await bucketsOf('smart_rollups_hour', sensors.vibration)).toEqual(['2026-01-10', '2026-06-14']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'smart.retention.applied')
      .execute();
    expect(audit).toHaveLength(2);
    expect((audit[1].after as any).readingsDeleted).toBe(1);

    const again = await retention().run();
    expect(again).toEqual({
      partitionsDropped: [],
      readingsDeleted: 0,
      minuteRollupsDeleted: 0,
      hourRollupsDeleted: 0,
    });
    const audited = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'smart.retention.applied')
      .execute();
    expect(audited).toHaveLength(2);
  });
});

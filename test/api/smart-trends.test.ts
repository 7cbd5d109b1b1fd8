// biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
type Any = any;

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The last full day (UTC): the trends end there. */
const yesterday = isoDay(Date.now() - DAY_MS);
const dayBefore = (n: number) => isoDay(Date.parse(`${yesterday}T00:00:00Z`) - n * DAY_MS);
/** The weekly pattern of the seeded alarms: more on weekdays. */
const perDay = (day: string) => ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 1 : 3);

/**
 * Daily counts with their forecast, from rows: alarms at K7 placed on the site's own calendar day, near misses
 * through the OHS program's counts; scoped by site; a deleted row moves its day.
 */
describe.each(databases())('trends of daily counts (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let spil: ApiClient;
  let sensorK7: string;
  let lateAlarm: string;

  const alarm = async (sensorId: string, siteId: string, at: string) => {
    const row = await t.db
      .insertInto('smart_alarms')
      .values({
        site_id: siteId,
        sensor_id: sensorId,
        condition: 'h',
        priority: 'medium',
        raised_at: new Date(at),
        raised_value: 35,
        limit_value: 30,
        cleared_at: new Date(at),
        acknowledged_at: null,
        acknowledged_by: null,
        shelved_until: null,
        shelved_by: null,
        shelve_reason: null,
        // Past alarms, cleared and closed (a sensor has one open alarm at most).
        active: false,
        closed_at: new Date(at),
        incident_id: null,
        escalated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    const sensor = async (client: ApiClient, siteId: string, tag: string) => {
      const res = await client.post('/api/smart/sensors', {
        siteId,
        tag,
        name: tag,
        kind: 'temperature',
        unit: '°C',
        limitH: 30,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    sensorK7 = await sensor(officer, SITES.K7.id, 'K7-TREND');
    const sensorTC = await sensor(spil, SITES.TC.id, 'TC-TREND');
    // Twelve weeks at K7, at 02:00 UTC (10:00 in Kaohsiung: the same day on both calendars).
    for (let n = 0; n < 84; n++) {
      const day = dayBefore(n);
      for (let i = 0; i < perDay(day); i++) await alarm(sensorK7, SITES.K7.id, `${day}T02:0${i}:00Z`);
    }
    // 17:30 UTC is 01:30 the next day in Kaohsiung: counted on the site's next day.
    lateAlarm = await alarm(sensorK7, SITES.K7.id, `${dayBefore(10)}T17:30:00Z`);
    // TC's alarms are not K7's.
    for (let n = 0; n < 20; n++) await alarm(sensorTC, SITES.TC.id, `${dayBefore(n)}T02:00:00Z`);
    // Two near misses at K7 on one day.
    for (const reference of ['NM-T-1', 'NM-T-2'])
      await t.db
        .insertInto('ohs_incidents')
        .values({
          site_id: SITES.K7.id,
          area_id: null,
          reference,
          kind: 'near_miss',
          occurred_at: new Date(`${dayBefore(3)}T03:00:00Z`),
          occurred_on: dayBefore(3),
          reported_by: null,
          title: 'Trolley close to the line',
          description: 'A trolley passed close to a worker.',
          immediate_actions: null,
          authority_notified_at: null,
          authority_reference: null,
        })
        .execute();
  });
  afterAll(() => t?.close());

  const trend = (client: ApiClient, query: Record<string, string>) =>
    client.get('/api/smart/trends', { query: { days: '84', horizon: '14', ...query } });

  it('counts each day of the period from the rows, on the site’s own calendar, with a forecast and its interval', async () => {
    const res = await trend(officer, { series: 'alarms' });
    expect(res.status).toBe(200);
    const body: Any = res.body;
    expect(body.to).toBe(yesterday);
    expect(body.actual).toHaveLength(84);
    const byDay = new Map<string, number>(body.actual.map((a: Any) => [a.date, a.count]));
    expect(byDay.get(dayBefore(0))).toBe(perDay(dayBefore(0)));
    // The 17:30 UTC alarm of day 10 is on day 9 in Kaohsiung.
    expect(byDay.get(dayBefore(9))).toBe(perDay(dayBefore(9)) + 1);
    expect(byDay.get(dayBefore(10))).toBe(perDay(dayBefore(10)));
    const seeded = Array.from({ length: 84 }, (_, n) => perDay(dayBefore(n))).reduce((a, b) => a + b, 0) + 1;
    expect(body.actual.reduce((s: number, a: Any) => s + a.count, 0)).toBe(seeded);

    expect(body.forecast).toHaveLength(14);
    expect(body.forecast[0].date).toBe(isoDay(Date.parse(`${yesterday}T00:00:00Z`) + DAY_MS));
    for (const p of body.forecast) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.lower).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.upper);
    }
    // The pattern is weekly: the forecast of a weekday is above that of a weekend day.
    const weekday = body.forecast.find((p: Any) => perDay(p.date) === 3);
    const weekend = body.forecast.find((p: Any) => perDay(p.date) === 1);
    expect(weekday.mean).toBeGreaterThan(weekend.mean + 1);
    // The held-out days are the last 14, each judged against the forecast made before them.
    expect(body.recent.map((r: Any) => r.date)).toEqual(body.actual.slice(-14).map((a: Any) => a.date));
    for (const r of body.recent) expect(r.outside).toBe(r.count < r.lower || r.count > r.upper);
    expect(body.backtest.points).toBeGreaterThan(0);
    expect(body.backtest.coverage).toBeGreaterThanOrEqual(0);
    expect(body.backtest.coverage).toBeLessThanOrEqual(1);
  });

  it('keeps each site’s counts to those who read it', async () => {
    const tc: Any = (await trend(spil, { series: 'alarms' })).body;
    expect(tc.actual.reduce((s: number, a: Any) => s + a.count, 0)).toBe(20);
    expect((await trend(officer, { series: 'alarms', siteId: SITES.TC.id })).status).toBe(404);
    const ohsOwner = await t.signInAs('ohsOwner');
    expect((await trend(ohsOwner, { series: 'alarms' })).status).toBe(403);
  });

  it('counts near misses through the OHS program', async () => {
    const body: Any = (await trend(officer, { series: 'near_misses' })).body;
    const byDay = new Map<string, number>(body.actual.map((a: Any) => [a.date, a.count]));
    expect(byDay.get(dayBefore(3))).toBe(2);
    expect(body.actual.reduce((s: number, a: Any) => s + a.count, 0)).toBe(2);
  });

  it('counts every raise of an alarm, a re-activation on its own day too, as the alarm KPIs do', async () => {
    // The alarm raised late on day 10 (K7's day 9) returns twice before anyone acknowledges it: one record,
    // three annunciations, the last one on K7's day 8.
    for (const at of [`${dayBefore(10)}T17:40:00Z`, `${dayBefore(9)}T17:10:00Z`])
      await sql`insert into smart_alarm_raises (alarm_id, site_id, sensor_id, condition, raised_at, value)
        values (${lateAlarm}, ${SITES.K7.id}, ${sensorK7}, 'h', ${new Date(at)}, 36)`.execute(t.db);
    const body: Any = (await trend(officer, { series: 'alarms' })).body;
    const byDay = new Map<string, number>(body.actual.map((a: Any) => [a.date, a.count]));
    expect(byDay.get(dayBefore(9))).toBe(perDay(dayBefore(9)) + 2);
    expect(byDay.get(dayBefore(8))).toBe(perDay(dayBefore(8)) + 1);
  });

  it('moves a day’s count when one of its alarms is deleted', async () => {
    await sql`delete from smart_alarms where id = ${lateAlarm}`.execute(t.db);
    const body: Any = (await trend(officer, { series: 'alarms' })).body;
    const byDay = new Map<string, number>(body.actual.map((a: Any) => [a.date, a.count]));
    // Its raises go with it.
    expect(byDay.get(dayBefore(9))).toBe(perDay(dayBefore(9)));
    expect(byDay.get(dayBefore(8))).toBe(perDay(dayBefore(8)));
  });

  it('refuses a period too short to fit, naming the field', async () => {
    const res = await trend(officer, { series: 'alarms', days: '20' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('days');
    // Held-out days that would leave too little to fit.
    const short = await trend(officer, { series: 'alarms', days: '60', horizon: '40' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('days');
  });
});

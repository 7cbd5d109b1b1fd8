// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, POPPLER_MISSING, pdfText } from '../../server/platform/reports/poppler.ts';
import { formatInZone } from '../../web/src/platform/ui/time.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/**
 * "Better than last year" compares this year to date with the same days of last year, today read in the
 * site's time zone (the group's for several zones), and says so.
 */
describe.each(databases())('this year to date against the same days of last year (%s)', (kind) => {
  let t: TestApp;
  // 00:30 on 10 March 2026 in Taiwan, still 9 March in UTC.
  const today = new Date('2026-03-09T16:30:00Z');

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => today });
    const owner = await t.signInAs('ohsOwner');
    for (const month of [
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]) {
      const res = await owner.put('/api/ohs/hours', {
        siteId: SITES.K7.id,
        month,
        employeeHours: '310000',
        nonEmployeeHours: '0',
      });
      expect(res.status).toBeLessThan(300);
    }
    const injury = async (at: string, no: keyof typeof EMPLOYEES) => {
      const res = await owner.post('/api/ohs/incidents', {
        siteId: SITES.K7.id,
        kind: 'injury',
        occurredAt: at,
        title: 'Cut at the saw',
        description: 'Recorded',
        injuries: [
          {
            personType: 'employee',
            personId: EMPLOYEES[no].id,
            injuryType: 'cut',
            bodyPart: 'hand',
            classification: 'medical_treatment',
          },
        ],
      });
      expect(res.status).toBe(201);
    };
    // 2025: one on 5 March (within the span), one on 11 March and one in December (after it).
    await injury('2025-03-05T02:00:00Z', 'K7-0001');
    await injury('2025-03-11T02:00:00Z', 'K7-0002');
    await injury('2025-12-01T02:00:00Z', 'K7-0003');
    // 2026: one on 10 March, Taiwan time (9 March in UTC).
    await injury('2026-03-09T16:10:00Z', 'K7-0004');
  });
  afterAll(async () => t?.close());

  it('counts both years from 1 January to the same day, today read in the site time zone', async () => {
    const owner = await t.signInAs('ohsOwner');
    const res = await owner.get('/api/ohs/statistics', {
      query: { from: 2025, to: 2026, by: 'group', yearToDate: 'true', siteId: SITES.K7.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.yearToDate).toEqual({ today: '2026-03-10', through: '03-10', timeZone: 'Asia/Taipei' });
    const [last, now] = res.body.rows;
    expect([last.period, now.period]).toEqual(['2025', '2026']);
    expect(last.injuryCases).toBe(1);
    expect(now.injuryCases).toBe(1);
    // January and February whole, 10 of March's 31 days: 310,000 + 310,000 + 100,000 hours.
    expect(Number(last.all.hours)).toBe(720_000);
    expect(Number(now.all.hours)).toBe(720_000);
    // Without it, the whole of last year.
    const whole = await owner.get('/api/ohs/statistics', { query: { from: 2025, to: 2025, by: 'group' } });
    expect(whole.body.rows[0].injuryCases).toBe(3);
    expect(whole.body.yearToDate).toBeNull();
  });

  it("names the group's time zone when the sites have several", async () => {
    const owner = await t.signInAs('ohsOwner');
    const group = await owner.get('/api/ohs/statistics', {
      query: { from: 2025, to: 2026, by: 'group', yearToDate: 'true' },
    });
    expect(group.body.yearToDate.timeZone).toBe('Asia/Taipei');
    const penang = await owner.get('/api/ohs/statistics', {
      query: { from: 2025, to: 2026, by: 'group', yearToDate: 'true', siteId: SITES.PG.id },
    });
    expect(penang.body.yearToDate.timeZone).toBe('Asia/Kuala_Lumpur');
  });

  it("gives each incident its site's time zone, in which the web app shows its time", async () => {
    const owner = await t.signInAs('ohsOwner');
    const list = await owner.get('/api/ohs/incidents', { query: { siteId: SITES.K7.id, pageSize: 10 } });
    expect(list.status).toBe(200);
    const latest = list.body.items[0];
    expect(latest).toMatchObject({ occurredAt: '2026-03-09T16:10:00.000Z', timeZone: 'Asia/Taipei' });
    // 9 March in UTC (and in a browser in Europe) is 10 March at the site, and says where.
    expect(formatInZone(latest.occurredAt, latest.timeZone)).toBe('2026-03-10 00:10 (Asia/Taipei)');
    const detail = await owner.get(`/api/ohs/incidents/${latest.id}`);
    expect(detail.body.timeZone).toBe('Asia/Taipei');
  });

  it('says so in the Board report of the year still running', async () => {
    const owner = await t.signInAs('ohsOwner');
    const res = await owner.get('/api/ohs/reports/board.pdf', { query: { year: 2026, locale: 'en' } });
    expect(res.status).toBe(200);
    if (!hasPoppler()) return console.warn(POPPLER_MISSING);
    const text = pdfText(res.raw).replace(/\s+/g, ' ');
    expect(text).toContain('1 January to 10 Mar of both years (Asia/Taipei time)');
    expect(text).toContain('vs 1 Jan – 10 Mar 2025');
    const past = pdfText(
      (await owner.get('/api/ohs/reports/board.pdf', { query: { year: 2025, locale: 'en' } })).raw,
    ).replace(/\s+/g, ' ');
    // A year that is over is compared whole (here with nothing: 2024 has no records).
    expect(past).toContain('In 2025 there were 3 occupational injury cases');
    expect(past).not.toContain('of both years');
  });
});

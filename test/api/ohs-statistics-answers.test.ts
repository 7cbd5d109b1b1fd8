// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/**
 * The injury statistics' answers are kept under a key of everything they depend on. Each thing that changes
 * the figures must give a new answer at once: a write by another process (plain SQL here), the day turning,
 * a site renamed, the rounding changed; and a kept answer must never reach a user who may not see it.
 */
describe.each(databases())('kept injury statistics (%s)', (kind) => {
  let t: TestApp;
  // Starts at 10:00 in Taiwan on 20 May 2025; the tests move it.
  let clock = new Date('2025-05-20T02:00:00Z');
  const query = { from: 2025, to: 2025, by: 'site', period: 'year' };
  let owner: Awaited<ReturnType<TestApp['signInAs']>>;
  const k7 = async (as = owner, q: Record<string, string | number> = query) => {
    const res = await as.get('/api/ohs/statistics', { query: q });
    expect(res.status).toBe(200);
    return res.body.rows.find((r: any) => r.key === SITES.K7.code);
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => clock });
    owner = await t.signInAs('ohsOwner');
    for (const [site, month] of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].flatMap((m) => [
      [SITES.K7.id, m],
      [SITES.TC.id, m],
    ])) {
      const res = await owner.put('/api/ohs/hours', {
        siteId: site,
        month,
        employeeHours: '300000',
        nonEmployeeHours: '0',
      });
      expect(res.status).toBeLessThan(300);
    }
    // An injury still off work: its days lost grow with every day.
    const res = await owner.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: '2025-05-10T02:00:00Z',
      title: 'Hand caught in a press',
      description: 'Recorded',
      injuries: [
        {
          personType: 'employee',
          personId: EMPLOYEES['K7-0001'].id,
          injuryType: 'crush',
          bodyPart: 'hand',
          classification: 'temporary_total_disability',
        },
      ],
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('gives the same answer again, and a new one after a write by another process', async () => {
    const first = await k7();
    expect(first.employees.recordable).toBe(1);
    expect(await k7()).toEqual(first);
    // Hours and an injury written straight to the database, as another web process would.
    await sql`update ohs_hours set employee_hours = 600000 where site_id = ${SITES.K7.id} and month = '2025-05-01'`.execute(
      t.db,
    );
    const moreHours = await k7();
    expect(Number(moreHours.employees.hours)).toBe(Number(first.employees.hours) + 300_000);
    await sql`update ohs_injuries set injury_type = 'fracture' where site_id = ${SITES.K7.id}`.execute(t.db);
    const retyped = await k7();
    expect(retyped.employees.mainInjuryTypes).toEqual([{ injuryType: 'fracture', count: 1 }]);
  });

  it('counts the days lost of an open injury as of the new day', async () => {
    const before = await k7();
    clock = new Date(clock.getTime() + 86_400_000);
    owner = await t.signInAs('ohsOwner'); // the session of a day ago has lapsed
    const after = await k7();
    expect(after.employees.daysLost).toBe(before.employees.daysLost + 1);
  });

  it('labels the rows with a renamed site', async () => {
    const admin = await t.signInAs('groupAdmin');
    const site = await admin.get(`/api/org/sites/${SITES.K7.id}`);
    expect(site.status).toBe(200);
    const renamed = await admin.patch(`/api/org/sites/${SITES.K7.id}`, {
      name: 'Kaohsiung Plant 7 (renamed)',
      version: site.body.version,
    });
    expect(renamed.status).toBe(200);
    expect((await k7()).label).toBe('Kaohsiung Plant 7 (renamed)');
  });

  it('follows a change of the rounding', async () => {
    const admin = await t.signInAs('ohsOwner');
    const before = await admin.get('/api/ohs/statistics', { query });
    const other = before.body.rounding === 'truncate' ? 'round-half-up' : 'truncate';
    expect((await admin.put('/api/ohs/settings', { rounding: other })).status).toBe(200);
    const after = await admin.get('/api/ohs/statistics', { query });
    expect(after.body.rounding).toBe(other);
  });

  it("never gives a site's kept answer to a user outside the site", async () => {
    const one = { ...query, siteId: SITES.K7.id };
    const kept = await k7(owner, one);
    expect(kept.employees.recordable).toBe(1);
    const outsider = await t.signInAs('spilOfficer');
    expect((await outsider.get('/api/ohs/statistics', { query: one })).status).toBe(404);
    // The whole group's answer, kept for the owner, is not the answer of an officer of one site.
    const group = await owner.get('/api/ohs/statistics', { query });
    expect(group.body.rows.map((r: any) => r.key).sort()).toEqual([SITES.K7.code, SITES.TC.code].sort());
    const officer = await t.signInAs('k7Officer');
    const own = await officer.get('/api/ohs/statistics', { query });
    expect(own.body.rows.map((r: any) => r.key)).toEqual([SITES.K7.code]);
    const insider = await t.signInAs('k7Officer');
    expect(await k7(insider, one)).toEqual(kept);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { OHS_SEED } from '../../reference/demo/ohs-seed.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { createReminderEngine } from '../../server/platform/notify/reminders.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

const SCALE = 0.01;

/**
 * The demo's OHS records at 1/100, loaded with the demo on today's clock (the app's clock), read back
 * through the API: the reports are computed from the rows and agree with them.
 */
describe.each(databases())('demo OHS records (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const clock = demoClock();
  const year = Number(clock.slice(0, 4));

  /** Recordable, non-commuting injuries of 2022, counted in SQL from the rows. */
  const casesIn2022 = async () => {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ohs_injuries j join ohs_incidents i on i.id = j.incident_id
      where j.injury_date between '2022-01-01' and '2022-12-31' and not i.commuting and j.classification <> 'first_aid'`.execute(
      t.db,
    );
    return r.rows[0].n;
  };
  const statistics = async (by = 'group', client = owner) => {
    const res = await client.get('/api/ohs/statistics', { query: { from: 2022, to: 2022, by } });
    expect(res.status).toBe(200);
    return res.body.rows as any[];
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: SCALE, clock } });
    owner = await t.signIn('ohs.owner@steward.demo', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('counts the 2022 occupational injury cases from the rows, commuting and first aid apart', async () => {
    const expected = Math.round(OHS_SEED.injuryCases * SCALE);
    expect(await casesIn2022()).toBe(expected);
    const [group] = await statistics();
    expect(group).toMatchObject({ key: 'group', period: '2022', injuryCases: expected });
    expect(Number(group.all.hours)).toBeGreaterThan(0);
    expect(Number(group.employees.hours)).toBeGreaterThan(Number(group.nonEmployees.hours));
    const bySite = await statistics('site');
    expect(bySite.reduce((a, r) => a + r.injuryCases, 0)).toBe(expected);
    // The exclusions matter: 2022 also has first-aid cases and a recordable traffic accident.
    const excluded = await sql<{ fa: number; commuting: number }>`select
        count(*) filter (where j.classification = 'first_aid' and not i.commuting)::int as fa,
        count(*) filter (where i.commuting and j.classification <> 'first_aid')::int as commuting
      from ohs_injuries j join ohs_incidents i on i.id = j.incident_id where j.injury_date between '2022-01-01' and '2022-12-31'`.execute(
      t.db,
    );
    expect(excluded.rows[0].fa).toBeGreaterThan(0);
    expect(excluded.rows[0].commuting).toBeGreaterThan(0);
  });

  it('has several years of hours and rates, and a site officer sees only the site', async () => {
    const res = await owner.get('/api/ohs/statistics', { query: { from: year - 9, to: year, by: 'group' } });
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThanOrEqual(9);
    expect(res.body.rows.every((r: any) => Number(r.all.hours) > 0)).toBe(true);
    const hours = await owner.get('/api/ohs/hours', { query: { year: 2022 } });
    expect(hours.body.items).toHaveLength(25 * 12);
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const list = await officer.get('/api/ohs/incidents', { query: { pageSize: 100, count: 'true' } });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((i: any) => i.siteCode))).toEqual(new Set(['ASE-KH']));
    expect(list.body.items[0].reference).toMatch(/^ASE-KH-\d{4}-\d{4}$/);
    expect((await statistics('site', officer)).map((r) => r.key)).toEqual(['ASE-KH']);
  });

  it('shows a past notice given, and a closed investigation with every root cause actioned', async () => {
    const notified = await t.db
      .selectFrom('ohs_incidents')
      .select('id')
      .where('authority_notified_at', 'is not', null)
      .execute();
    const closed = await t.db
      .selectFrom('ohs_investigations')
      .select('id')
      .where('status', '=', 'closed')
      .execute();
    expect(notified.length).toBeGreaterThan(0);
    const incident = (await owner.get(`/api/ohs/incidents/${notified[0].id}`)).body;
    expect(incident.notice).toMatchObject({ required: true, overdue: false });
    expect(incident.notice.notifiedAt).not.toBeNull();
    expect(closed.length).toBeGreaterThan(0);
    const v = (await owner.get(`/api/ohs/investigations/${closed[0].id}`)).body;
    expect(v.status).toBe('closed');
    expect(v.closeBlockers).toEqual([]);
    expect(v.rootCauses.length).toBeGreaterThan(0);
    for (const rc of v.rootCauses) expect(rc.actionIds.length).toBeGreaterThan(0);
  });

  it('reports the 2022 screenings: people and cost of the seed at 1/100', async () => {
    const res = await owner.get('/api/ohs/health/summary', { query: { year: 2022 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2022,
      peopleScreened: Math.round(OHS_SEED.peopleScreened * SCALE),
      costMinor: Math.round(OHS_SEED.screeningCostMinor * SCALE),
      currency: 'TWD',
    });
    expect(res.body.special).toBeGreaterThan(0);
    // Individual results stay with the medical staff.
    expect((await owner.get('/api/ohs/health/screenings')).status).toBe(403);
    const doctor = await t.signIn('medical@steward.demo', DEMO_PASSWORD);
    const mine = await doctor.get('/api/ohs/health/screenings', { query: { year: 2022, pageSize: 5 } });
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((s: any) => s.siteCode === 'ASE-KH' && s.personName)).toBe(true);
  });

  it('shows the wellbeing programs of the seed in 2022', async () => {
    const res = await owner.get('/api/ohs/wellbeing/summary', { query: { year: 2022 } });
    expect(res.status).toBe(200);
    const k = Object.fromEntries(res.body.kinds.map((x: any) => [x.kind, x]));
    expect(k.gym.programs).toBe(OHS_SEED.gyms);
    expect(k.club.programs).toBe(OHS_SEED.socialClubs);
    expect(k.group_course.participations).toBe(Math.round(OHS_SEED.groupCourseEngagements * SCALE));
    expect(k.counsellor_training.programs).toBe(1);
  });

  it('lists the 18 ISO 45001 certificates of the seed with their history, renewed and a few expiring', async () => {
    const all = await owner.get('/api/certifications', {
      query: { standard: 'ISO 45001', includeSuperseded: 'true', pageSize: 200 },
    });
    expect(all.status).toBe(200);
    const seeds = all.body.items.filter((c: any) => c.previousId === null);
    expect(seeds.map((c: any) => [c.siteName, c.issuedOn, c.validUntil]).sort()).toEqual(
      OHS_SEED.certificates.map((c) => [...c]).sort(),
    );
    expect(seeds.every((c: any) => c.status === 'superseded')).toBe(true);
    const current = await owner.get('/api/certifications', {
      query: { standard: 'ISO 45001', pageSize: 200 },
    });
    expect(current.body.items).toHaveLength(18);
    expect(current.body.items.filter((c: any) => c.status === 'expiring').length).toBeGreaterThanOrEqual(2);
    expect(current.body.items.every((c: any) => c.status === 'valid' || c.status === 'expiring')).toBe(true);
    const history = await owner.get(`/api/certifications/${seeds[0].id}/history`);
    expect(history.body.items.length).toBeGreaterThanOrEqual(2);
    expect(history.body.items.at(-1).id).toBe(seeds[0].id);
    const matrix = await owner.get('/api/certifications/matrix');
    const cells = matrix.body.rows.map((r: any) => r.cells['ISO 45001']).filter(Boolean);
    expect(cells).toHaveLength(18);
    expect(cells.some((c: any) => c.status === 'expiring')).toBe(true);
  });

  it('has goals with actual figures, hazards, and a live permit whose overlapping request is flagged', async () => {
    const goals = (await owner.get('/api/ohs/goals')).body.items;
    expect(goals.length).toBeGreaterThanOrEqual(5);
    expect(goals.find((g: any) => g.metric === 'fr')?.actual).not.toBeNull();
    expect(goals.find((g: any) => g.metric === 'screening_coverage')).toMatchObject({ met: true });
    expect(goals.find((g: any) => g.metric === 'fatalities' && g.horizon === 'short')).toMatchObject({
      actual: '0',
      met: true,
    });
    const hazards = await owner.get('/api/ohs/hazards', { query: { pageSize: 100, count: 'true' } });
    expect(hazards.body.total).toBeGreaterThanOrEqual(20);
    const live = await owner.get('/api/ohs/permits', { query: { live: 'true', pageSize: 100 } });
    const active = live.body.items.filter((p: any) => p.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    // Every permit under way has qualified workers and its checklist ticked; one of them, at ASE Kaohsiung,
    // has a request for the same area and time, flagged.
    const flagged: any[] = [];
    for (const a of active) {
      const permit = (await owner.get(`/api/ohs/permits/${a.id}`)).body;
      expect(permit.workers.length).toBeGreaterThan(0);
      expect(permit.workers.every((w: any) => w.qualified)).toBe(true);
      expect(permit.checklist.every((c: any) => c.checked)).toBe(true);
      if (permit.overlaps.length > 0) flagged.push(permit);
    }
    expect(flagged).toHaveLength(1);
    expect(flagged[0].overlaps).toHaveLength(1);
  });

  it('opens with nothing of OHS overdue, and the first reminder scan queues only a handful', async () => {
    const overdue = await owner.get('/api/obligations', {
      query: { view: 'scope', calendarState: 'overdue', pageSize: '500' },
    });
    expect(overdue.status).toBe(200);
    // The information security demo shows a few overdue on purpose (supplier follow-ups, risk reviews, a
    // renewal); OHS's own obligations are all in time.
    const kinds = new Set<string>(overdue.body.items.map((o: { kind: string }) => o.kind));
    expect([...kinds].filter((k) => !k.startsWith('infosec.'))).toEqual([]);
    const engine = createReminderEngine(t.db, null, 'http://localhost');
    const scan = await engine.scan();
    expect(scan.escalated).toBeLessThanOrEqual(overdue.body.total);
    expect(scan.queued).toBeLessThan(200);
  });

  it('moves the figure when a 2022 injury is deleted: computed, never stored', async () => {
    const before = (await statistics())[0].injuryCases;
    const j = await sql<{
      id: string;
    }>`select j.id from ohs_injuries j join ohs_incidents i on i.id = j.incident_id
      where j.injury_date between '2022-01-01' and '2022-12-31' and not i.commuting and j.classification <> 'first_aid' limit 1`.execute(
      t.db,
    );
    const res = await owner.delete(`/api/ohs/injuries/${j.rows[0].id}`);
    expect(res.status).toBe(200);
    expect((await statistics())[0]?.injuryCases ?? 0).toBe(before - 1);
  });
});

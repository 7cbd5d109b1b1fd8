import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { allSummaries, rebuildSummaries } from '../../server/db/summaries.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

/**
 * The demo at 1/100 walked as the site officer of ASE Kaohsiung and the OHS owner: every list has rows
 * (training, committees and meetings, permits, hazards, qualifications), and what the Kaohsiung site wrote
 * is in Chinese, what a Korean site wrote in English.
 */
const CJK = /[\u4e00-\u9fff]/;
// Today: a campaign's progress is read on the day it is asked for.
const clock = demoClock({});
const year = Number(clock.slice(0, 4));

describe.each(databases())('demo programs and languages (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let owner: ApiClient;
  let kh: string;
  let kr: string;

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: 0.01, clock } });
    officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    owner = await t.signIn('ohs.owner@steward.demo', DEMO_PASSWORD);
    const sites = await t.db.selectFrom('sites').select(['id', 'code']).execute();
    kh = sites.find((s) => s.code === 'ASE-KH')?.id as string;
    kr = sites.find((s) => s.code === 'ASE-KR')?.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has the yearly courses with their campaigns well under way at Kaohsiung, in both languages', async () => {
    const courses = (await officer.get('/api/training/courses', { query: { pageSize: 100 } })).body;
    const codes = courses.items.map((c: any) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['SAF-101', 'SEC-201', 'IP-301', 'CHEM-ASE-KH']));
    expect(courses.items.every((c: any) => CJK.test(c.titleZh))).toBe(true);
    const safety = courses.items.find((c: any) => c.code === 'SAF-101');
    const campaign = (await officer.get(`/api/training/courses/${safety.id}/campaign`)).body;
    expect(campaign.sites.map((s: any) => s.siteCode)).toEqual(['ASE-KH']);
    const site = campaign.sites[0];
    expect(site.people).toBeGreaterThan(100);
    expect(site.done / site.people).toBeGreaterThan(0.75);
    expect(site.done).toBeLessThan(site.people);
  });

  it('keeps the training figures exact: the summary counts what the completions hold', async () => {
    const figures = (await owner.get('/api/training/figures', { query: { year } })).body;
    const counted = await sql<{ individuals: string; completions: string }>`
      select count(distinct person_id) as individuals, count(*) as completions from training_completions
      where result <> 'failed' and completed_on between ${`${year}-01-01`} and ${`${year}-12-31`}`.execute(
      t.db,
    );
    expect(figures.total.individuals).toBe(Number(counted.rows[0].individuals));
    expect(figures.total.completions).toBe(Number(counted.rows[0].completions));
    expect(figures.total.completions).toBeGreaterThan(1000);
  });

  it("shows Kaohsiung's OHS committee with eight quarters held, minutes, decisions and actions, and the next planned", async () => {
    const committees = (await officer.get('/api/committees', { query: { pageSize: 100 } })).body.items;
    const own = committees.find((c: any) => c.siteId === kh);
    expect(own).toBeDefined();
    const meetings = (await officer.get('/api/meetings', { query: { committeeId: own.id, pageSize: 100 } }))
      .body.items;
    const held = meetings.filter((m: any) => m.status === 'minutes_approved');
    expect(held).toHaveLength(8);
    expect(meetings.filter((m: any) => m.status === 'planned')).toHaveLength(1);
    expect(meetings.every((m: any) => CJK.test(m.title))).toBe(true);
    const last = held.sort((a: any, b: any) => b.scheduledAt.localeCompare(a.scheduledAt))[0];
    const meeting = (await officer.get(`/api/meetings/${last.id}`)).body;
    expect(CJK.test(meeting.minutes)).toBe(true);
    expect(meeting.agenda.length).toBeGreaterThanOrEqual(4);
    expect(meeting.attendance.some((a: any) => a.status === 'present')).toBe(true);
    expect(meeting.decisions.length).toBeGreaterThanOrEqual(2);
    const actions = (
      await officer.get('/api/actions', { query: { sourceType: 'meeting', pageSize: 100, count: 'true' } })
    ).body;
    expect(actions.total).toBeGreaterThan(0);
    expect(actions.items.every((a: any) => CJK.test(a.title))).toBe(true);
  });

  it('has hundreds of permits across the group, some under way now, and hazards for every area of Kaohsiung', async () => {
    const permits = (await owner.get('/api/ohs/permits', { query: { pageSize: 10, count: 'true' } })).body;
    expect(permits.total).toBeGreaterThan(200);
    const live = (await owner.get('/api/ohs/permits', { query: { live: 'true', pageSize: 100 } })).body;
    expect(live.items.filter((p: any) => p.status === 'active').length).toBeGreaterThanOrEqual(1);
    const areas = await t.db
      .selectFrom('areas')
      .select('id')
      .where('site_id', '=', kh)
      .where('kind', '<>', 'building')
      .execute();
    const hazards = await t.db
      .selectFrom('ohs_hazards')
      .select('area_id')
      .where('site_id', '=', kh)
      .execute();
    const listed = (await officer.get('/api/ohs/hazards', { query: { pageSize: 100, count: 'true' } })).body;
    expect(listed.total).toBe(hazards.length);
    const covered = new Set(hazards.map((h) => h.area_id));
    expect(areas.length).toBeGreaterThan(5);
    for (const a of areas) expect(covered.has(a.id)).toBe(true);
  });

  it("qualifies every contractor's worker on site with a current safety induction", async () => {
    const missing = await sql<{ n: string }>`
      select count(*) as n from contractor_workers w
      where w.start_date <= ${clock} and (w.end_date is null or w.end_date > ${clock})
        and not exists (select 1 from contractor_qualifications q
          where q.worker_id = w.id and q.kind = 'safety_induction' and q.valid_until >= ${clock})`.execute(
      t.db,
    );
    const onSite = await sql<{ n: string }>`
      select count(*) as n from contractor_workers w
      where w.start_date <= ${clock} and (w.end_date is null or w.end_date > ${clock})`.execute(t.db);
    expect(Number(onSite.rows[0].n)).toBeGreaterThan(50);
    expect(Number(missing.rows[0].n)).toBe(0);
  });

  it('writes the records of Kaohsiung in Chinese and those of the Korean site in English', async () => {
    const text = async (siteId: string) => {
      const incidents = await t.db
        .selectFrom('ohs_incidents')
        .select(['title', 'description', 'immediate_actions'])
        .where('site_id', '=', siteId)
        .execute();
      const hazards = await t.db
        .selectFrom('ohs_hazards')
        .select('hazard')
        .where('site_id', '=', siteId)
        .execute();
      const areas = await t.db.selectFrom('areas').select('name').where('site_id', '=', siteId).execute();
      const people = await t.db
        .selectFrom('employees')
        .select('job_title')
        .where('site_id', '=', siteId)
        .where('job_title', 'is not', null)
        .execute();
      const permits = await t.db
        .selectFrom('ohs_permits')
        .select('description')
        .where('site_id', '=', siteId)
        .execute();
      const actions = await t.db
        .selectFrom('actions')
        .select('title')
        .where('site_id', '=', siteId)
        .execute();
      return {
        incidents: incidents.map((i) => i.title),
        details: incidents.map((i) => i.description),
        hazards: hazards.map((h) => h.hazard),
        areas: areas.map((a) => a.name),
        jobs: people.map((p) => p.job_title as string),
        permits: permits.map((p) => p.description),
        actions: actions.map((a) => a.title ?? ''),
      };
    };
    const chinese = await text(kh);
    for (const [what, list] of Object.entries(chinese)) {
      expect(list.length, what).toBeGreaterThan(0);
      expect(
        list.filter((x) => !CJK.test(x)),
        what,
      ).toEqual([]);
    }
    const english = await text(kr);
    for (const what of ['incidents', 'hazards', 'areas', 'jobs'] as const) {
      expect(english[what].length, what).toBeGreaterThan(0);
      expect(
        english[what].filter((x) => CJK.test(x)),
        what,
      ).toEqual([]);
    }
  });

  it('has the security register and past incidents of Kaohsiung in Chinese, none of 2023 material', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const systems = (await security.get('/api/infosec/systems', { query: { siteId: kh, pageSize: 100 } }))
      .body;
    expect(systems.items.length).toBeGreaterThanOrEqual(5);
    expect(systems.items.every((s: any) => CJK.test(s.name))).toBe(true);
    const korean = (await security.get('/api/infosec/systems', { query: { siteId: kr, pageSize: 100 } }))
      .body;
    expect(korean.items.some((s: any) => CJK.test(s.name))).toBe(false);
    const incidents = (await security.get('/api/infosec/incidents', { query: { pageSize: 100 } })).body;
    const of2023 = incidents.items.filter((i: any) => i.awareAt.startsWith('2023'));
    expect(of2023.length).toBeGreaterThan(0);
    // The security seed: no material incident in 2023 (none above level 2).
    expect(of2023.filter((i: any) => i.level > 2)).toEqual([]);
    expect(incidents.total).toBe(
      Number((await sql<{ n: string }>`select count(*) as n from infosec_incidents`.execute(t.db)).rows[0].n),
    );
  });

  it('has advisories routed to the sites whose systems run the software, AMBER only for its recipient', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const all = (await security.get('/api/infosec/advisories')).body;
    expect(all.items.map((a: any) => a.tlp).sort()).toEqual(['amber', 'clear', 'green']);
    expect(all.items.every((a: any) => a.siteCount > 0)).toBe(true);
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const mine = (await officer.get('/api/infosec/advisories')).body;
    expect(mine.items.map((a: any) => a.tlp).sort()).toEqual(['clear', 'green']);
    expect(mine.items.every((a: any) => a.siteCount === 1)).toBe(true);
  });

  it('has the NIST CSF campaigns since 2019: 25 IT and 4 OT site assessments approved in 2023', async () => {
    const campaigns = await t.db
      .selectFrom('csf_campaigns')
      .select(['year', 'basis', 'status'])
      .orderBy('year')
      .execute();
    expect(campaigns.map((c) => c.year)).toEqual(Array.from({ length: year - 2018 }, (_, i) => 2019 + i));
    expect(campaigns.filter((c) => c.status === 'open').map((c) => c.year)).toEqual([year]);
    const of2023 = await sql<{ domain: string; status: string; n: string }>`
      select a.domain, a.status, count(*) as n
      from csf_assessments a join csf_campaigns c on c.id = a.campaign_id
      where c.year = 2023 group by a.domain, a.status order by a.domain`.execute(t.db);
    expect(of2023.rows.map((r) => `${r.domain}:${r.status}:${r.n}`)).toEqual([
      'it:approved:25',
      'ot:approved:4',
    ]);
    const answers = await sql<{ n: string; govern_on_1_1: string }>`
      select count(*) as n,
             count(*) filter (where x.subcategory like 'GV.%' and c.basis = '1.1') as govern_on_1_1
      from csf_answers x join csf_assessments a on a.id = x.assessment_id
      join csf_campaigns c on c.id = a.campaign_id`.execute(t.db);
    expect(Number(answers.rows[0].n)).toBeGreaterThan(15_000);
    expect(Number(answers.rows[0].govern_on_1_1)).toBe(0);
    // Every answer names a subcategory of the catalogue its campaign was made against.
    const unknown = await sql<{ n: string }>`
      select count(*) as n from csf_answers x
      join csf_assessments a on a.id = x.assessment_id join csf_campaigns c on c.id = a.campaign_id
      left join csf_items i on i.catalogue_id = c.catalogue_id and i.identifier = x.subcategory
        and i.kind = 'subcategory'
      where i.identifier is null`.execute(t.db);
    expect(Number(unknown.rows[0].n)).toBe(0);
    const benchmarks = await t.db.selectFrom('csf_benchmarks').select(['year', 'function']).execute();
    expect(benchmarks.filter((b) => b.year === 2023).length).toBe(5);
    expect(benchmarks.filter((b) => b.year === 2024).length).toBe(6);
  });

  it('shows the CSF history in the heat map and trend: 25 sites in 2023, Govern unassessed before 2024, IT beside OT', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const heat = (await security.get('/api/infosec/csf/heatmap', { query: { year: '2023' } })).body;
    expect(heat).toMatchObject({ year: 2023, basis: '1.1', unassessedFunctions: ['GV'] });
    expect(heat.sites).toHaveLength(25);
    for (const s of heat.sites) {
      expect(s.functions.GV).toBeNull();
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(5);
    }
    const ot = (await security.get('/api/infosec/csf/heatmap', { query: { year: '2023', domain: 'ot' } }))
      .body;
    expect(ot.sites).toHaveLength(4);
    const trend = (await security.get('/api/infosec/csf/trend')).body;
    const years = trend.years.map((y: any) => y.year);
    expect(years.slice(0, 5)).toEqual([2019, 2020, 2021, 2022, 2023]);
    const shared = (y: number) => trend.years.find((x: any) => x.year === y).sharedScore;
    expect(shared(2019)).toBeLessThan(shared(2023));
    // An OT site's assessment sets IT beside it, with the heat map's figures.
    const otSite = ot.sites[0];
    const view = (await security.get(`/api/infosec/csf/assessments/${otSite.assessmentId}`)).body;
    const itSite = heat.sites.find((s: any) => s.siteId === otSite.siteId);
    expect(view.otherDomain).toMatchObject({
      domain: 'it',
      assessmentId: itSite.assessmentId,
      score: itSite.score,
    });
  });

  it("turns the consultants' recommendations into actions, some done, some open, each due on the calendar", async () => {
    const byStatus = await sql<{ status: string; n: string }>`
      select status, count(*) as n from actions where source_type = 'infosec_csf_assessment'
      group by status`.execute(t.db);
    const n = Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)]));
    expect(n.open).toBeGreaterThan(0);
    expect(n.done).toBeGreaterThan(0);
    expect(n.verified).toBeGreaterThan(0);
    expect((n.done ?? 0) + (n.verified ?? 0)).toBeGreaterThan(n.open);
    // Each names an approved assessment at its site, and its due date is an obligation in the same state.
    const orphans = await sql<{ n: string }>`
      select count(*) as n from actions x
      left join csf_assessments a on a.id::text = x.source_id and a.site_id = x.site_id and a.status = 'approved'
      left join obligations o on o.kind = 'action.due' and o.source_type = 'action' and o.source_id = x.id::text
        and o.due_date = x.due_date and (o.state = 'done') = (x.status in ('done', 'verified'))
      where x.source_type = 'infosec_csf_assessment' and (a.id is null or o.id is null)`.execute(t.db);
    expect(Number(orphans.rows[0].n)).toBe(0);
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const listed = async (status: string) =>
      (
        await security.get('/api/actions', {
          query: { sourceType: 'infosec_csf_assessment', status, pageSize: 100, count: 'true' },
        })
      ).body;
    const open = await listed('open');
    expect(open.total).toBe(n.open);
    expect(
      open.items.every(
        (a: any) => a.program === 'infosec' && /\([A-Z]{2}\.[A-Z]{2}-\d{2}\)|（/.test(a.title),
      ),
    ).toBe(true);
    expect((await listed('verified')).total).toBe(n.verified);
  });

  it('has patent families filed at home and abroad, and the group trademarks in four offices', async () => {
    const counsel = await t.signIn('ip.owner@steward.demo', DEMO_PASSWORD);
    const matters = (await counsel.get('/api/ip/matters', { query: { pageSize: 100, count: 'true' } })).body;
    expect(matters.total).toBeGreaterThan(200);
    const offices = new Set(matters.items.map((m: any) => m.office));
    expect(offices.size).toBeGreaterThan(1);
    const granted = (
      await counsel.get('/api/ip/matters', { query: { status: 'granted', pageSize: 1, count: 'true' } })
    ).body;
    expect(granted.total).toBeGreaterThan(0);
    expect(granted.total).toBeLessThan(matters.total);
    // The report's portfolio as of 31 January 2024, counted by Steward from each matter's dated statuses.
    const counts = (await counsel.get('/api/ip/portfolio/counts', { query: { asOf: '2024-01-31' } })).body;
    const by = Object.fromEntries(counts.offices.map((o: any) => [o.office, o]));
    const other = (k: 'granted' | 'pending') => by.JP[k] + by.KR[k] + by.OTHER[k];
    expect({
      TW: by.TW.granted,
      US: by.US.granted,
      CN: by.CN.granted,
      EP: by.EP.granted,
      OTHER: other('granted'),
    }).toEqual({ TW: 2179, US: 2015, CN: 2088, EP: 104, OTHER: 47 });
    expect({
      TW: by.TW.pending,
      US: by.US.pending,
      CN: by.CN.pending,
      EP: by.EP.pending,
      OTHER: other('pending'),
    }).toEqual({ TW: 246, US: 532, CN: 1288, EP: 50, OTHER: 28 });
    expect(counts.pending).toBe(2144);
    // Green patents granted in 2023 by technology, and all granted to the end of 2023.
    const green = (await counsel.get('/api/ip/portfolio/green', { query: { year: 2023 } })).body;
    expect(green).toEqual({
      year: 2023,
      byTechnology: { sip: 37, ic_2_5d_3d: 8, fan_out: 52, mems_sensor: 38, other: 0 },
      total: 135,
      cumulative: 1101,
    });
    const marks = (await counsel.get('/api/ip/trademarks', { query: { pageSize: 100 } })).body;
    expect(new Set(marks.items.map((m: any) => m.office))).toEqual(new Set(['TW', 'US', 'CN', 'EU']));
  });

  it('holds the TIPS A Class certificate of the IP seed, renewed on an application of 4 November 2022 to the end of 2024', async () => {
    const counsel = await t.signIn('ip.owner@steward.demo', DEMO_PASSWORD);
    const listed = await counsel.get('/api/certifications', {
      query: { standard: 'TIPS', includeSuperseded: 'true', pageSize: 100 },
    });
    expect(listed.status, listed.text).toBe(200);
    const seedTerm = listed.body.items.find((c: any) => c.validUntil === '2024-12-31');
    expect(seedTerm).toMatchObject({
      standard: 'TIPS',
      siteId: null,
      subsidiaryCode: 'ASE',
      issuedOn: '2023-01-01',
      scope: expect.stringContaining('A Class'),
    });
    // The term it renewed: its renewal obligation was met on the day the application was filed.
    const history = (await counsel.get(`/api/certifications/${seedTerm.id}/history`)).body.items;
    const before = history.find((c: any) => c.validUntil === '2022-12-31');
    expect(before).toBeDefined();
    const renewal = await t.db
      .selectFrom('obligations')
      .select(['state', sql<string>`to_char(done_at at time zone 'Asia/Taipei', 'YYYY-MM-DD')`.as('done')])
      .where('source_id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(renewal).toEqual({ state: 'done', done: '2022-11-04' });
    // Whatever the clock, one term is current and its renewal is owed to the IP office.
    const current = listed.body.items.filter((c: any) => c.status !== 'superseded');
    expect(current).toHaveLength(1);
    expect(current[0].validUntil >= clock).toBe(true);
  });

  it('reports the 76 supplier cybersecurity assessments of 2022 from the rows, and deleting one moves the figure', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const figures = await security.get('/api/infosec/supplier-assessments/figures', {
      query: { year: '2022' },
    });
    expect(figures.status, figures.text).toBe(200);
    expect(figures.body).toMatchObject({ year: 2022, assessments: 76, followUps: 0, suppliers: 76 });
    const listed = await security.get('/api/infosec/supplier-assessments', {
      query: { year: '2022', pageSize: '100', count: 'true' },
    });
    expect(listed.body.total).toBe(76);
    const one = await security.get(`/api/infosec/supplier-assessments/${listed.body.items[0].id}`);
    expect(one.body.answers.length).toBe(one.body.questions.length);
    expect(one.body.score).not.toBeNull();
    const later = await security.get('/api/infosec/supplier-assessments/figures', {
      query: { year: '2025' },
    });
    expect(later.body.followUps).toBeGreaterThan(0);
    const due = await security.get('/api/obligations', {
      query: {
        view: 'scope',
        kind: 'infosec.supplier_follow_up_due',
        calendarState: 'open',
        pageSize: '10',
        count: 'true',
      },
    });
    expect(due.body.total).toBeGreaterThan(0);
    await sql`delete from infosec_supplier_assessments where id = (select a.id from infosec_supplier_assessments a
      where a.confirmed_on between '2022-01-01' and '2022-12-31'
        and not exists (select 1 from infosec_supplier_assessments f where f.previous_id = a.id)
      order by a.confirmed_on limit 1)`.execute(t.db);
    const after = await security.get('/api/infosec/supplier-assessments/figures', {
      query: { year: '2022' },
    });
    expect(after.body.assessments).toBe(75);
  });

  it('has trade secrets at the manufacturing sites, Kaohsiung’s in Chinese, each with its yearly review', async () => {
    const counsel = await t.signIn('ip.owner@steward.demo', DEMO_PASSWORD);
    const res = await counsel.get('/api/ip/trade-secrets', { query: { pageSize: 500, count: 'true' } });
    expect(res.status, res.text).toBe(200);
    const secrets = res.body;
    expect(secrets.total).toBeGreaterThan(5);
    expect(new Set(secrets.items.map((s: any) => s.siteId)).size).toBeGreaterThan(1);
    const atKh = secrets.items.filter((s: any) => s.siteId === kh);
    expect(atKh.length).toBeGreaterThanOrEqual(3);
    for (const s of atKh) expect(s.title).toMatch(CJK);
    const reviews = await counsel.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.trade_secret_review', pageSize: 500, count: 'true' },
    });
    expect(reviews.body.total).toBe(secrets.total);
    const first = secrets.items[0];
    const review = reviews.body.items.find((o: any) => o.dueDate === first.nextReviewDue);
    expect(review).toBeTruthy();
  });

  it('puts Kaohsiung’s patents with a fee due this year before the site officer to keep or drop, some decided', async () => {
    const list = await officer.get('/api/ip/keep-or-drop', { query: { state: 'open', pageSize: 500 } });
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i: { siteCode: string }) => i.siteCode === 'ASE-KH')).toBe(true);
    expect(list.body.items[0].assessment.working).toHaveLength(9);
    const decided = await officer.get('/api/ip/keep-or-drop', { query: { state: 'decided', pageSize: 500 } });
    expect(decided.body.items.length).toBeGreaterThan(0);
    expect(decided.body.items[0].decision.decidedByName).toBe('Kevin Chen');
    const due = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.keep_drop', pageSize: 500 },
    });
    expect(due.body.items.length).toBeGreaterThan(0);
  });

  it('has a review of the Taiwan fan-out patents under way, its progress counted from its items', async () => {
    const ipOwner = await t.signIn('ip.owner@steward.demo', DEMO_PASSWORD);
    const campaigns = await ipOwner.get('/api/ip/review-campaigns', { query: { state: 'open' } });
    expect(campaigns.status, campaigns.text).toBe(200);
    expect(campaigns.body.items).toHaveLength(1);
    const [campaign] = campaigns.body.items;
    expect(campaign.selection).toEqual({
      office: 'TW',
      technology: 'fan_out',
      subsidiaryId: null,
      grantedOnly: true,
    });
    const all = await ipOwner.get('/api/ip/review-items', {
      query: { campaignId: campaign.id, pageSize: 500, count: 'true' },
    });
    const items = all.body.items as {
      siteId: string;
      verdict: string | null;
      score: number;
      assessment: { overall: number };
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(all.body.total).toBe(campaign.progress.total);
    expect(items.filter((i) => i.verdict).length).toBe(campaign.progress.reviewed);
    expect(campaign.progress.reviewed).toBeLessThan(campaign.progress.total);
    for (const i of items) expect(i.score).toBe(i.assessment.overall);
    // Each site's request is done exactly when every one of its items is judged.
    const requests = await ipOwner.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.review_campaign', state: 'all', pageSize: 500 },
    });
    const bySite = new Map<string, boolean>();
    for (const i of items) bySite.set(i.siteId, (bySite.get(i.siteId) ?? true) && i.verdict !== null);
    expect(
      new Map(
        requests.body.items.map((o: { siteId: string; state: string }) => [o.siteId, o.state === 'done']),
      ),
    ).toEqual(bySite);
    // Kaohsiung's officer has judged every one of the site's.
    const mine = await officer.get('/api/ip/review-items', {
      query: { campaignId: campaign.id, pageSize: 500 },
    });
    expect(
      mine.body.items.every((i: { siteId: string; verdict: string | null }) => i.siteId === kh && i.verdict),
    ).toBe(true);
  });

  it('reports the two incident drills of 2023 from the drills held, and phishing drills at Kaohsiung', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const drills = await security.get('/api/infosec/drills', { query: { pageSize: '100' } });
    expect(drills.status).toBe(200);
    expect(drills.body.items.length).toBeGreaterThan(10);
    const one = await security.get(`/api/infosec/drills/${drills.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.steps.length).toBeGreaterThan(0);
    const figures = await security.get('/api/infosec/drills/figures', { query: { year: '2023' } });
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ year: 2023, incidentDrills: 2, incidentResponseDrills: 1 });
    // Delete one recovery drill of 2023 and the figure moves.
    await sql`delete from infosec_drills where id = (select id from infosec_drills
      where kind = 'recovery' and held_on between '2023-01-01' and '2023-12-31' order by held_on limit 1)`.execute(
      t.db,
    );
    const after = await security.get('/api/infosec/drills/figures', { query: { year: '2023' } });
    expect(after.body.incidentDrills).toBe(1);
    const campaigns = await officer.get('/api/infosec/phishing/campaigns');
    expect(campaigns.status).toBe(200);
    expect(campaigns.body.items.length).toBeGreaterThan(0);
    expect(campaigns.body.items.every((c: { siteId: string }) => c.siteId === kh)).toBe(true);
  });

  it('sets three security goals for 2025 with KPIs from the sites’ months, and deleting one moves the count', async () => {
    const security = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const count = await security.get('/api/infosec/goals/count', { query: { year: '2025' } });
    expect(count.body).toEqual({ year: 2025, goals: 3 });
    const goals = await security.get('/api/infosec/goals', { query: { year: '2025' } });
    const training = goals.body.items
      .flatMap((g: any) => g.kpis)
      .find((k: any) => k.metric === 'training_completion');
    expect(training.sites).toBeGreaterThan(1);
    expect(Number(training.actual)).toBeGreaterThan(0);
    const memberships = await security.get('/api/infosec/memberships', { query: { sort: 'organisation' } });
    expect(memberships.body.items.map((m: any) => m.organisation)).toEqual(
      expect.arrayContaining(['FIRST', 'TWCERT/CC', 'MJIB Kaohsiung Division']),
    );
    expect(memberships.body.total).toBe(5);
    const risks = await officer.get('/api/infosec/risks');
    expect(risks.body.items.length).toBeGreaterThan(3);
    expect(risks.body.items.every((r: any) => r.siteId === kh)).toBe(true);
    await sql`delete from infosec_goals where id = (select id from infosec_goals where year = 2025 limit 1)`.execute(
      t.db,
    );
    const after = await security.get('/api/infosec/goals/count', { query: { year: '2025' } });
    expect(after.body.goals).toBe(2);
  });

  it('leaves every kept summary exactly as a rebuild from the rows makes it', async () => {
    // The load switches the summaries' triggers off and builds each summary once at its end.
    const tables = [
      'training_year_sites',
      'training_course_latest',
      'training_campaign_people',
      'training_campaign_done',
      'site_headcounts',
      'ohs_injury_months',
      'obligation_open_counts',
      'obligation_done_counts',
    ];
    const snapshot = async () => {
      const rows: Record<string, string[]> = {};
      for (const table of tables) {
        const result = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(
          t.db,
        );
        rows[table] = result.rows.map((r) => r.row).sort();
      }
      return rows;
    };
    const loaded = await snapshot();
    expect(loaded.training_campaign_done.length).toBeGreaterThan(0);
    expect(loaded.ohs_injury_months.length).toBeGreaterThan(0);
    expect(loaded.obligation_open_counts.length).toBeGreaterThan(0);
    await t.db
      .transaction()
      .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx), allSummaries()));
    expect(await snapshot()).toEqual(loaded);
  });
});

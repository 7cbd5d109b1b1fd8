// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { TRAINING_2023 } from '../../reference/demo/infosec-board.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

/**
 * The yearly information security report to the Board on the demo at 1/100: the seed's 2023 figures come
 * from rows (the training ones at 1/100 of the seed's), and deleting one row behind each figure moves it.
 */
const SCALE = 0.01;
const clock = demoClock({});

type Figures = Record<string, { value: number | null; missing?: string }>;
const figuresOf = (body: any): Figures =>
  Object.fromEntries(body.sections.flatMap((s: any) => s.figures.map((f: any) => [`${s.key}.${f.key}`, f])));

describe.each(databases())('the information security Board report (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const year2023 = async (client: ApiClient = owner) => {
    const res = await client.get('/api/infosec/board/figures', { query: { year: '2023' } });
    expect(res.status).toBe(200);
    return figuresOf(res.body);
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: SCALE, clock } });
    owner = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('gives the seed’s 2023 figures, each computed from rows', async () => {
    const f = await year2023();
    expect(f['material_incidents.material'].value).toBe(0);
    expect(f['material_incidents.notMaterial'].value).toBeGreaterThan(0);
    expect(f['committee_meetings.meetings'].value).toBe(4);
    expect(f['drills.incidentDrills'].value).toBe(2);
    expect(f['drills.incidentResponseDrills'].value).toBe(1);
    const trainees = TRAINING_2023.reduce((n, c) => n + Math.round(c.completions * SCALE), 0);
    const hours = TRAINING_2023.reduce((n, c) => n + Math.round(c.completions * SCALE) * Number(c.hours), 0);
    expect(f['training.trainees'].value).toBe(trainees);
    expect(f['training.hours'].value).toBe(hours);
    // At full scale the courses hold the seed's 110,123 completions of 53,862 hours.
    expect(TRAINING_2023.reduce((n, c) => n + c.completions, 0)).toBe(110_123);
    expect(TRAINING_2023.reduce((n, c) => n + c.completions * Number(c.hours), 0)).toBe(53_862);
    expect(f['certified_sites.ISO 27001'].value).toBe(11);
    expect(f['certified_sites.ISO 22301'].value).toBe(3);
    expect(f['certified_sites.IEC 62443-2-1'].value).toBe(1);
    expect(f['certified_sites.ISO 15408'].value).toBe(3);
    expect(f['csf.itSites'].value).toBe(25);
    expect(f['csf.otSites'].value).toBe(4);
    // The seed's 2023 report: three goals set for 2025.
    expect(f['goals.goals_2025'].value).toBe(3);
  });

  it('gives the 76 supplier assessments of 2022, and a deleted one moves the figure', async () => {
    const of2022 = async () =>
      figuresOf((await owner.get('/api/infosec/board/figures', { query: { year: '2022' } })).body);
    const f = await of2022();
    expect(f['supplier_assessments.assessments'].value).toBe(76);
    expect(f['supplier_assessments.followUps'].value).toBe(0);
    await sql`delete from infosec_supplier_assessments where id = (select a.id from infosec_supplier_assessments a
      where a.confirmed_on between '2022-01-01' and '2022-12-31'
        and not exists (select 1 from infosec_supplier_assessments f where f.previous_id = a.id)
      order by a.id limit 1)`.execute(t.db);
    expect((await of2022())['supplier_assessments.assessments'].value).toBe(75);
  });

  it('says in words what it cannot compute, never a number', async () => {
    const res = await owner.get('/api/infosec/board/figures', { query: { year: '2010' } });
    const f = figuresOf(res.body);
    expect(f['csf.itSites']).toMatchObject({ value: null, missing: expect.stringContaining('no NIST CSF') });
    expect(f['training.trainees'].value).toBeNull();
    expect(f['drills.incidentDrills'].value).toBeNull();
    const zh = await owner.get('/api/infosec/board/figures', { query: { year: '2010', locale: 'zh-TW' } });
    expect(figuresOf(zh.body)['csf.itSites'].missing).toContain('無法計算');
  });

  it('renders the report as PDF and XLSX', async () => {
    const pdf = await owner.get('/api/infosec/board/report.pdf', { query: { year: '2023' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.raw.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await owner.get('/api/infosec/board/report.xlsx', {
      query: { year: '2023', locale: 'zh-TW' },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('infosec-board-report-2023');
  });

  it('moves each figure when one row behind it is deleted', async () => {
    const before = await year2023();
    const one = (q: ReturnType<typeof sql>) => q.execute(t.db);
    // A decision: an incident of 2023 left undecided withholds the count, in words.
    await one(sql`delete from infosec_material_decisions where id = (select d.id from infosec_material_decisions d
      join infosec_incidents i on i.id = d.incident_id
      where extract(year from i.aware_at at time zone 'Asia/Taipei') = 2023 order by d.id limit 1)`);
    await one(sql`delete from meetings where id = (select m.id from meetings m join committees c on c.id = m.committee_id
      where c.program = 'infosec' and m.scheduled_at >= '2023-01-01' and m.scheduled_at < '2023-12-01' order by m.id limit 1)`);
    await one(sql`delete from infosec_drills where id = (select id from infosec_drills where kind = 'recovery'
      and held_on between '2023-01-01' and '2023-12-31' order by held_on limit 1)`);
    await one(sql`delete from training_completions where id = (select tc.id from training_completions tc
      join training_courses c on c.id = tc.course_id where c.code = 'SEC-PIP-2023' order by tc.id limit 1)`);
    // One site's ISO 22301 certificates valid on the year's last day (a renewal may overlap the one it renews).
    const certs = await sql<{ id: string }>`select id from certifications where standard = 'ISO 22301'
      and issued_on <= '2023-12-31' and valid_until >= '2023-12-31' and site_id = (select min(site_id::text)::uuid
      from certifications where standard = 'ISO 22301')`.execute(t.db);
    const ids = certs.rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    await one(sql`update certifications set previous_id = null where previous_id in (${sql.join(ids)})`);
    await one(sql`delete from certifications where id in (${sql.join(ids)})`);
    const assessment = await sql<{
      id: string;
    }>`select a.id from csf_assessments a join csf_campaigns c on c.id = a.campaign_id
      where c.year = 2023 and a.domain = 'it' and a.status = 'approved' order by a.id limit 1`.execute(t.db);
    await one(sql`delete from csf_answers where assessment_id = ${assessment.rows[0].id}`);
    await one(sql`delete from csf_assessments where id = ${assessment.rows[0].id}`);
    await one(
      sql`delete from infosec_goals where id = (select id from infosec_goals where year = 2025 order by id limit 1)`,
    );

    const after = await year2023();
    expect(after['goals.goals_2025'].value).toBe(2);
    expect(after['material_incidents.material']).toMatchObject({
      value: null,
      missing: expect.stringContaining('no material-incident decision'),
    });
    expect(after['material_incidents.notMaterial'].value).toBe(
      (before['material_incidents.notMaterial'].value as number) - 1,
    );
    expect(after['committee_meetings.meetings'].value).toBe(3);
    expect(after['drills.incidentDrills'].value).toBe(1);
    expect(after['training.trainees'].value).toBe((before['training.trainees'].value as number) - 1);
    expect(after['training.hours'].value).toBe((before['training.hours'].value as number) - 0.5);
    expect(after['certified_sites.ISO 22301'].value).toBe(2);
    expect(after['csf.itSites'].value).toBe(24);
  });

  it('lets only the security team or the program owner decide materiality, audited', async () => {
    const incident = await sql<{
      id: string;
      reference: string;
    }>`select i.id, i.reference from infosec_incidents i
      join sites s on s.id = i.site_id where s.code = 'ASE-KH' and not i.sensitive order by i.aware_at desc limit 1`.execute(
      t.db,
    );
    const id = incident.rows[0].id;
    const url = `/api/infosec/incidents/${id}/material-decisions`;
    const body = { material: true, reason: 'Customer data of two customers disclosed.' };
    const admin = await t.signIn('admin@steward.demo', DEMO_PASSWORD);
    expect((await admin.post(url, body)).status).toBe(403);
    const spil = await t.signIn('officer.spil@steward.demo', DEMO_PASSWORD);
    expect((await spil.post(url, body)).status).toBe(404);
    const board = await t.signIn('board@steward.demo', DEMO_PASSWORD);
    expect((await board.post(url, body)).status).toBe(403);
    expect((await owner.post(url, { material: true })).status).toBe(400);
    const kh = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const decided = await kh.post(url, body);
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      material: true,
      reason: body.reason,
      decidedByName: expect.any(String),
    });
    const list = await board.get(url);
    expect(list.status).toBe(200);
    expect(list.body.current).toMatchObject({ id: decided.body.id, material: true });
    expect(list.body.mayDecide).toBe(false);
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events
      where action = 'infosec.incident.material_decided' and entity_id = ${id}`.execute(t.db);
    expect(Number(audit.rows[0].n)).toBe(1);
  });
});

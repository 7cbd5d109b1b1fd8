// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfosecGoalCounts } from '../../server/modules/infosec/index.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';
import { upload, validate, validateAndCommit } from '../support/imports.ts';

const HEADER =
  'Site,Month,Training completion %,Drill participation %,Endpoint protection coverage %,Confidential-file labelling %';
const csv = (...lines: string[]) => Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);

describe.each(databases())('security goals and KPIs (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
  });
  afterAll(async () => t?.close());

  const awareness = {
    year: 2025,
    title: 'Every employee trained and drilled',
    kpis: [
      { metric: 'training_completion', comparison: 'at_least', target: 95 },
      { metric: 'drill_participation', comparison: 'at_least', target: 90 },
    ],
  };

  it('imports the sites’ monthly KPIs all or nothing, naming each bad row and field', async () => {
    const bad = await upload(
      officer,
      'kpis.csv',
      csv(
        'K7,2025-01,96,88,99.5,91',
        'PG,2025-01,90,90,90,90',
        'K7,2025-13,101,x,90,90',
        'K7,2025-01,1,1,1,1',
      ),
      'infosec_site_kpis',
    );
    expect(bad.status).toBe(201);
    const job = await validate(officer, bad.body.id);
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, 'site'],
      [4, 'month'],
      [4, 'training_completion'],
      [4, 'drill_participation'],
      [5, 'month'],
    ]);
    expect(await t.db.selectFrom('infosec_site_kpis').selectAll().execute()).toEqual([]);
    const good = await upload(
      officer,
      'kpis.csv',
      csv('K7,2025-01,80,70,99.5,91', 'K7,2025-03,96,88,100,92.5'),
      'infosec_site_kpis',
    );
    expect((await validateAndCommit(officer, good.body.id)).status).toBe('done');
    const pg = await upload(admin, 'kpis.csv', csv('PG,2025-02,90,100,95,80'), 'infosec_site_kpis');
    expect((await validateAndCommit(admin, pg.body.id)).status).toBe('done');
    const listed = await officer.get('/api/infosec/site-kpis', { query: { year: '2025', sort: 'month' } });
    expect(listed.body.items.map((k: any) => [k.siteCode, k.month, k.trainingCompletion])).toEqual([
      ['K7', '2025-01', 80],
      ['K7', '2025-03', 96],
    ]);
  });

  it('computes each imported KPI’s actual from the sites’ latest month, and a hand-entered one as given', async () => {
    const group = await admin.post('/api/infosec/goals', awareness);
    expect(group.status).toBe(201);
    // K7's latest month (March) and PG's (February), averaged: (96 + 90) / 2 and (88 + 100) / 2.
    expect(group.body.kpis.map((k: any) => [k.metric, k.actual, k.sites, k.met])).toEqual([
      ['training_completion', '93.00', 2, false],
      ['drill_participation', '94.00', 2, true],
    ]);
    const site = await officer.post('/api/infosec/goals', {
      siteId: SITES.K7.id,
      year: 2025,
      title: 'Every endpoint protected and every confidential file labelled',
      kpis: [
        { metric: 'endpoint_protection', comparison: 'at_least', target: 100 },
        { metric: 'manual', name: 'Material incidents', comparison: 'at_most', target: 0, actual: 0 },
      ],
    });
    expect(site.status).toBe(201);
    expect(site.body.kpis.map((k: any) => [k.actual, k.met])).toEqual([
      ['100.00', true],
      ['0.00', true],
    ]);
    // The officer of K7 reads the group goal over K7 alone, and is told so; the met flag is withheld.
    const seen = await officer.get(`/api/infosec/goals/${group.body.id}`);
    expect(seen.body.actualOf).toBe('reader_sites');
    expect(seen.body.kpis[0]).toMatchObject({ actual: '96.00', sites: 1, met: null });
    const noFigures = await admin.post('/api/infosec/goals', {
      year: 2024,
      title: 'Files labelled',
      kpis: [{ metric: 'file_labelling', comparison: 'at_least', target: 90 }],
    });
    expect(noFigures.body.kpis[0]).toMatchObject({ actual: null, sites: 0, met: null });
  });

  it('refuses a group goal to a site officer and an imported KPI with a typed actual', async () => {
    expect((await officer.post('/api/infosec/goals', awareness)).status).toBe(403);
    const typed = await admin.post('/api/infosec/goals', {
      ...awareness,
      kpis: [{ metric: 'training_completion', comparison: 'at_least', target: 95, actual: 99 }],
    });
    expect(typed.status).toBe(400);
    expect(JSON.stringify(typed.body)).toContain('actual');
  });

  it('counts the goals of a year from the rows, through the API and the module’s export', async () => {
    const count = createInfosecGoalCounts(t.db).securityGoalCount;
    expect(await count(2025, 'all')).toBe(2);
    expect(await count(2025, new Set([SITES.PG.id]))).toBe(1);
    expect((await officer.get('/api/infosec/goals/count', { query: { year: '2025' } })).body).toEqual({
      year: 2025,
      goals: 2,
    });
    const listed = await admin.get('/api/infosec/goals', { query: { year: '2025', groupWide: 'true' } });
    expect(listed.status, listed.text).toBe(200);
    const [goal] = listed.body.items;
    const stale = await admin.patch(`/api/infosec/goals/${goal.id}`, {
      title: 'x y',
      version: goal.version + 1,
    });
    expect(stale.status).toBe(409);
    const gone = await admin.delete(`/api/infosec/goals/${goal.id}`, {
      query: { version: String(goal.version) },
    });
    expect(gone.status).toBe(204);
    expect(await count(2025, 'all')).toBe(1);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', goal.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.goal.created', 'infosec.goal.deleted']);
  });
});

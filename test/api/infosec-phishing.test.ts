// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';
import { upload, validate, validateAndCommit } from '../support/imports.ts';

/** A results export as GoPhish writes it (Campaigns → Export CSV → Results). */
const HEADER =
  'id,status,ip,latitude,longitude,send_date,reported,modified_date,email,first_name,last_name,position';
const line = (email: string, first: string, last: string, status: string, reported = 'false') =>
  `r${email.slice(0, 7)},${status},10.0.0.1,0,0,2023-05-18T09:12:03.123456789+08:00,${reported},2023-05-18T10:00:00Z,${email},${first},${last},Engineer`;
const csv = (...lines: string[]) => Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);
const mail = (no: string) => `${no.toLowerCase()}@staff.steward.test`;

describe.each(databases())('phishing drills (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let courseId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    const owner = await t.signInAs('groupAdmin');
    const course = await owner.post('/api/training/courses', {
      code: 'SEC-PHISH',
      title: 'Recognising phishing',
      titleZh: '辨識釣魚郵件',
      domain: 'cybersecurity',
      audience: 'all_employees',
      hours: '1',
    });
    expect(course.status).toBe(201);
    courseId = course.body.id;
  });
  afterAll(async () => t?.close());

  async function campaign(name: string, sentOn: string) {
    const res = await officer.post('/api/infosec/phishing/campaigns', {
      siteId: SITES.K7.id,
      name,
      sentOn,
      courseId,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function importInto(c: { id: string; version: number }, file: Buffer) {
    const opened = await officer.post(`/api/infosec/phishing/campaigns/${c.id}/import`, {
      version: c.version,
    });
    expect(opened.status).toBe(200);
    expect(opened.body.importOpen).toBe(true);
    const up = await upload(officer, 'results.csv', file, 'infosec_phishing_results');
    expect(up.status).toBe(201);
    return up.body.id as string;
  }

  let first: any;
  it('imports a GoPhish results export: each recipient’s furthest step, matched to employees by email', async () => {
    first = await campaign('2023 Q1 invoice lure', '2023-03-10');
    const id = await importInto(
      first,
      csv(
        line(mail('K7-0001'), 'Wei-Ling', 'Chen', 'Clicked Link'),
        line(mail('K7-0002'), 'Chih-Hao', 'Lin', 'Email Opened', 'true'),
        line(mail('K7-0003'), 'Mei-Hua', 'Huang', 'Submitted Data'),
        line(mail('K7-0004'), 'Jun-Jie', 'Wang', 'Email Sent'),
      ),
    );
    const job = await validateAndCommit(officer, id);
    expect(job.status).toBe('done');
    const detail = (await officer.get(`/api/infosec/phishing/campaigns/${first.id}`)).body;
    expect(detail.rates).toMatchObject({
      targets: 4,
      opened: 3,
      clicked: 2,
      submitted: 1,
      reported: 1,
      clickedRate: 50,
    });
    expect(detail.byDepartment.map((d: any) => [d.department, d.targets, d.clickedRate])).toEqual([
      ['Assembly', 2, 50],
      ['Facilities', 1, 0],
      ['Test', 1, 100],
    ]);
    // A first campaign has no repeat clickers.
    expect(detail.repeatClickers).toEqual([]);
    expect(detail.importOpen).toBe(false);
  });

  it('refuses the whole file when a row is wrong, naming its row and column', async () => {
    const second = await campaign('2023 Q3 parcel lure', '2023-09-12');
    const id = await importInto(
      second,
      csv(
        line(mail('K7-0001'), 'Wei-Ling', 'Chen', 'Submitted Data'),
        line('nobody@elsewhere.test', 'No', 'Body', 'Clicked Link'),
        line(mail('K7-0003'), 'Mei-Hua', 'Huang', 'Scheduled'),
        line(mail('K7-0001'), 'Wei-Ling', 'Chen', 'Email Sent'),
      ),
    );
    const job = await validate(officer, id);
    expect(job.status).toBe('invalid');
    const errors = job.errors.map((e: any) => [e.row, e.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, 'email'],
        [4, 'status'],
        [5, 'email'],
      ]),
    );
    const results = await t.db
      .selectFrom('infosec_phishing_results')
      .select('id')
      .where('campaign_id', '=', second.id)
      .execute();
    expect(results).toHaveLength(0);

    // The corrected file: those who clicked in both campaigns are assigned the course.
    const fixed = await importInto(
      (await officer.get(`/api/infosec/phishing/campaigns/${second.id}`)).body,
      csv(
        line(mail('K7-0001'), 'Wei-Ling', 'Chen', 'Submitted Data'),
        line(mail('K7-0002'), 'Chih-Hao', 'Lin', 'Clicked Link'),
        line(mail('K7-0003'), 'Mei-Hua', 'Huang', 'Email Opened'),
      ),
    );
    expect((await validateAndCommit(officer, fixed)).status).toBe('done');
    const detail = (await officer.get(`/api/infosec/phishing/campaigns/${second.id}`)).body;
    // Chen clicked in Q1 and submitted in Q3; Lin only opened in Q1; Huang submitted in Q1 but only opened now.
    expect(detail.repeatClickers.map((r: any) => [r.name, r.step, r.earlierCampaigns])).toEqual([
      ['Wei-Ling Chen', 'submitted', 1],
    ]);
    expect(detail.repeatClickers[0].trainingDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const training = await t.db
      .selectFrom('obligations')
      .select(['owner_id', 'state', 'title_key'])
      .where('kind', '=', 'infosec.phishing_training')
      .execute();
    expect(training).toEqual([
      { owner_id: USERS.employee.id, state: 'open', title_key: 'infosec.phishing.training' },
    ]);
    const again = await officer.post(`/api/infosec/phishing/campaigns/${second.id}/import`, {
      version: detail.version,
    });
    expect(again.status).toBe(409);
  });

  it('lists campaigns with their rates, sorts by click rate, exports, and gives the year’s rates by site', async () => {
    const byClick = await officer.get('/api/infosec/phishing/campaigns', {
      query: { sort: 'clickedRate', order: 'desc' },
    });
    expect(byClick.body.items.map((c: any) => [c.name, c.rates.clickedRate])).toEqual([
      ['2023 Q3 parcel lure', 66.7],
      ['2023 Q1 invoice lure', 50],
    ]);
    const paged = await officer.get('/api/infosec/phishing/campaigns', {
      query: { pageSize: '1', sort: 'sentOn', count: 'true' },
    });
    expect(paged.body.total).toBe(2);
    expect(paged.body.items[0].name).toBe('2023 Q1 invoice lure');
    const csvOut = await officer.get('/api/infosec/phishing/campaigns/export.csv', {
      query: { q: 'parcel' },
    });
    expect(csvOut.status).toBe(200);
    expect(String(csvOut.body)).toContain('2023 Q3 parcel lure');
    expect(String(csvOut.body)).not.toContain('invoice');
    const rates = await officer.get('/api/infosec/phishing/rates', { query: { year: '2023' } });
    expect(rates.body.sites).toHaveLength(1);
    expect(rates.body.sites[0]).toMatchObject({ siteCode: 'K7', targets: 7, clicked: 4 });
    expect(rates.body.total.clickedRate).toBe(57.1);
  });

  it('hides a site’s campaigns from another site’s team and lets the auditor change nothing', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/infosec/phishing/campaigns/${first.id}`)).status).toBe(404);
    expect((await spil.get('/api/infosec/phishing/campaigns')).body.total).toBe(0);
    expect(
      (await spil.get('/api/infosec/phishing/rates', { query: { year: '2023', siteId: SITES.K7.id } }))
        .status,
    ).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/infosec/phishing/campaigns/${first.id}`)).status).toBe(200);
    const write = await auditor.post('/api/infosec/phishing/campaigns', {
      siteId: SITES.K7.id,
      name: 'Auditor campaign',
      sentOn: '2023-10-01',
      courseId,
    });
    expect(write.status).toBe(403);
  });
});

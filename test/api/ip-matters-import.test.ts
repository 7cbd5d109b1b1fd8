import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

async function multipart(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

async function upload(client: ApiClient, filename: string, bytes: Buffer) {
  const { body, contentType } = await multipart(filename, bytes);
  return client.post('/api/imports', body, { contentType, query: { kind: 'ip_matters' } });
}

async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await client.get(`/api/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function validateAndCommit(client: ApiClient, id: string) {
  let job = (await client.get(`/api/imports/${id}`)).body;
  const v = await client.post(`/api/imports/${id}/validate`, { version: job.version });
  expect(v.status).toBe(202);
  job = await settle(client, id);
  if (job.status !== 'valid') return job;
  const c = await client.post(`/api/imports/${id}/commit`, { version: job.version });
  expect(c.status).toBe(202);
  return settle(client, id);
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const sample = (file: string) =>
  readFileSync(new URL(`../../reference/uspto-samples/${file}`, import.meta.url));

const HEADER =
  'Family reference,Owner site code,Title,Technology,Green,Inventors,Office,Kind,Application number,Filing date,Publication number,Publication date,Grant number,Grant date,Status,Claims,IPC,CPC';

describe.each(databases())('import of patent matters (%s)', (kind) => {
  let t: TestApp;
  let filesDir: string;

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-ip-import-'));
    t = await createTestApp({ kind, now: () => NOW, config: { filesDir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('imports a family with two matters from CSV, with the deadlines and obligations of matters entered by hand', async () => {
    const officer = await t.signInAs('k7Officer');
    const up = await upload(
      officer,
      'portfolio.csv',
      csv([
        HEADER,
        'IMP-001,K7,Fan-out package with a thinned substrate,fan_out,yes,K7-0002:60; K7-0003:40,TW,invention,108117401,2019-05-20,,,I720001,2021-02-01,granted,12,H01L 23/31,H01L 2224/48091',
        'IMP-001,,,,,,US,invention,16/512345,2019-07-15,US20200035678A1,2020-01-30,,,under examination,20,,',
      ]),
    );
    expect(up.status).toBe(201);
    // The spreadsheet's own headers are recognised.
    expect(up.body.mapping).toMatchObject({
      family_reference: 'Family reference',
      site_code: 'Owner site code',
      patent_no: 'Grant number',
      ipc_classes: 'IPC',
    });
    const job = await validateAndCommit(officer, up.body.id);
    expect(job).toMatchObject({ status: 'done', rowsTotal: 2, rowsInserted: 2, errorCount: 0 });

    const list = await officer.get('/api/ip/matters', {
      query: { q: 'IMP-001', sort: 'office', order: 'asc' },
    });
    expect(list.body.items).toHaveLength(2);
    const tw = list.body.items.find((m: { office: string }) => m.office === 'TW');
    const family = await officer.get(`/api/ip/families/${tw.familyId}`);
    expect(family.body).toMatchObject({
      reference: 'IMP-001',
      siteId: SITES.K7.id,
      title: 'Fan-out package with a thinned substrate',
      technology: 'fan_out',
      green: true,
      inventors: [
        { employeeId: EMPLOYEES['K7-0002'].id, name: 'Lin Chih-Hao', share: 60 },
        { employeeId: EMPLOYEES['K7-0003'].id, name: 'Huang Mei-Hua', share: 40 },
      ],
    });
    expect(family.body.matters).toHaveLength(2);

    // The same deadlines as the matter entered by hand in ip-portfolio.test.ts: year 5 due 2025-01-31.
    const detail = await officer.get(`/api/ip/matters/${tw.id}`);
    expect(detail.body).toMatchObject({
      status: 'granted',
      patentNo: 'I720001',
      claims: 12,
      ipcClasses: ['H01L 23/31'],
      cpcClasses: ['H01L 2224/48091'],
      termEnd: '2039-05-20',
      nextDeadline: { kind: 'annuity', year: 5, dueDate: '2025-01-31', actBy: '2025-01-31' },
    });
    const obligations = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.annuity', q: '108117401' },
    });
    expect(obligations.body.items).toHaveLength(1);
    expect(obligations.body.items[0]).toMatchObject({ dueDate: '2025-01-31', siteId: SITES.K7.id });

    // Its dated statuses: filed, then granted on the grant date.
    const asOf = await officer.get('/api/ip/portfolio/counts', {
      query: { on: '2020-12-31', siteId: SITES.K7.id },
    });
    const asOfGrant = await officer.get('/api/ip/portfolio/counts', {
      query: { on: '2021-02-01', siteId: SITES.K7.id },
    });
    expect(JSON.stringify(asOf.body)).not.toEqual(JSON.stringify(asOfGrant.body));

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', 'in', ['import.committed', 'ip.matter.created', 'ip.family.created'])
      .where('entity_id', 'in', [up.body.id, tw.id, tw.familyId])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'import.committed',
      'ip.family.created',
      'ip.matter.created',
    ]);
    expect(audit.find((a) => a.action === 'import.committed')?.after).toMatchObject({
      familiesCreated: 1,
      mattersCreated: 2,
    });
  });

  it('imports an XLSX workbook into a family already in the register', async () => {
    const officer = await t.signInAs('k7Officer');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Matters');
    sheet.addRow(['Family reference', 'Office', 'Kind', 'Application number', 'Filing date', 'Status']);
    sheet.addRow(['IMP-001', 'China', '發明', '201910123456.7', new Date('2019-08-01T00:00:00Z'), 'filed']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const up = await upload(officer, 'more.xlsx', bytes);
    expect(up.status).toBe(201);
    const job = await validateAndCommit(officer, up.body.id);
    expect(job).toMatchObject({ status: 'done', rowsInserted: 1 });
    const cn = await officer.get('/api/ip/matters', { query: { q: '201910123456.7' } });
    expect(cn.body.items[0]).toMatchObject({
      office: 'CN',
      kind: 'invention',
      familyReference: 'IMP-001',
      filingDate: '2019-08-01',
      status: 'filed',
    });
  });

  it('refuses the whole file when one row is wrong, naming its row and column, and commits nothing', async () => {
    const officer = await t.signInAs('k7Officer');
    const before = await t.db
      .selectFrom('ip_matters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const up = await upload(
      officer,
      'bad.csv',
      csv([
        HEADER,
        'IMP-002,K7,Good row,sip,no,K7-0001,TW,invention,110100001,2021-01-04,,,,,filed,,,',
        'IMP-003,TC,Not my site,sip,no,,TW,invention,110100002,2021-01-04,,,,,filed,,,',
        'IMP-004,K7,Twice in the file,sip,no,,TW,invention,110100001,2021-01-04,,,,,filed,,,',
        'IMP-005,K7,Already registered,sip,no,,TW,invention,108117401,2019-05-20,,,,,filed,,,',
        'IMP-006,K7,Granted before filed,other,maybe,PG-0001:100,TW,invention,110100003,2021-01-04,,,,2020-01-01,granted,,H01L,',
        'IMP-001,K7,Other title,,,,TW,design,110300001,2021-01-04,,,,,filed,,,',
      ]),
    );
    const job = await validateAndCommit(officer, up.body.id);
    expect(job.status).toBe('invalid');
    const errors = job.errors.map((e: { row: number; column: string | null }) => `${e.row} ${e.column}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        '3 site_code',
        '4 application_no',
        '5 application_no',
        '6 green',
        '6 ipc_classes',
        '7 title',
      ]),
    );
    expect(job.errors.find((e: { row: number }) => e.row === 4).message).toBe(
      'TW 110100001 is also on row 2',
    );
    expect(job.errors.find((e: { row: number }) => e.row === 5).message).toBe(
      'TW 108117401 is already in the portfolio',
    );
    // With the green cell and the class fixed, the row's inventor and dates are still refused.
    const second = await upload(
      officer,
      'bad-2.csv',
      csv([
        HEADER,
        'IMP-006,K7,Granted before filed,other,no,PG-0001:100,TW,invention,110100003,2021-01-04,,,,2020-01-01,granted,,,',
      ]),
    );
    const job2 = await validateAndCommit(officer, second.body.id);
    expect(job2.errors).toEqual([
      { row: 2, column: 'inventors', message: 'No employee PG-0001 you can see' },
      { row: 2, column: 'grant_date', message: 'Before the filing date' },
    ]);
    // A commit forced past the check finds the same errors and writes nothing.
    const after = await t.db
      .selectFrom('ip_matters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const fam = await t.db
      .selectFrom('ip_families')
      .select('id')
      .where('reference', 'in', ['IMP-002', 'IMP-006'])
      .execute();
    expect(fam).toEqual([]);
  });

  it('imports where a European patent took effect, and refuses validation states outside the EPO', async () => {
    const officer = await t.signInAs('k7Officer');
    const header =
      'Family reference,Owner site code,Title,Technology,Office,Kind,Application number,Filing date,Grant number,Grant date,Status,Validated in,Unitary patent';
    const bad = await upload(
      officer,
      'european-bad.csv',
      csv([
        header,
        'IMP-EP1,K7,European family,sip,EP,invention,19160001.2,2019-03-20,EP3700001,2023-07-05,granted,"DE, UK",no',
        'IMP-EP1,K7,European family,sip,US,invention,16900001,2019-03-20,,,filed,DE,',
      ]),
    );
    const refused = await validateAndCommit(officer, bad.body.id);
    expect(refused.status).toBe('invalid');
    expect(refused.errors).toEqual([
      {
        row: 3,
        column: 'validation_states',
        message: 'Only a European patent is validated in states or has unitary effect',
      },
    ]);
    const good = await upload(
      officer,
      'european.csv',
      csv([
        header,
        'IMP-EP1,K7,European family,sip,EP,invention,19160001.2,2019-03-20,EP3700001,2023-07-05,granted,GB,yes',
      ]),
    );
    const job = await validateAndCommit(officer, good.body.id);
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    const list = await officer.get('/api/ip/matters', { query: { q: '19160001.2' } });
    const m = await officer.get(`/api/ip/matters/${list.body.items[0].id}`);
    expect(m.body).toMatchObject({ validationStates: ['GB'], unitaryEffect: true });
    const sixth = m.body.deadlines.filter((d: { year: number | null }) => d.year === 6);
    expect(sixth.map((d: { payee: string; state: string | null }) => [d.payee, d.state])).toEqual([
      ['unitary', null],
      ['national', 'GB'],
    ]);
  });

  it('reads USPTO grant XML into matters, reporting inventors who are no employee', async () => {
    const admin = await t.signInAs('groupAdmin');
    const hired = await admin.post('/api/people/employees', {
      siteId: SITES.K7.id,
      employeeNo: 'K7-0901',
      fullName: 'Nitzan Nissim',
      department: 'R&D',
      hireDate: '2010-01-04',
    });
    expect(hired.status).toBe(201);
    const officer = await t.signInAs('k7Officer');
    const { body, contentType } = await multipart(
      'grants.xml',
      Buffer.concat([sample('US08930553.xml'), sample('US07272630B2.xml')]),
    );
    const up = await officer.post('/api/ip/matters/uspto-xml', body, {
      contentType,
      query: { siteId: SITES.K7.id, technology: 'other' },
    });
    expect(up.status).toBe(201);
    expect(up.body.grants).toEqual([
      {
        patentNo: '8930553',
        kindCode: 'B2',
        applicationNo: '13648029',
        title: 'Managing mid-dialog session initiation protocol (SIP) messages',
        inventors: [
          { name: 'Nitzan Nissim', employeeNo: 'K7-0901', ambiguous: false },
          { name: 'Brian Pulito', employeeNo: null, ambiguous: false },
          { name: 'Asaf Zinger', employeeNo: null, ambiguous: false },
        ],
      },
      expect.objectContaining({ patentNo: '7272630', applicationNo: '10991571' }),
    ]);
    expect(up.body.grants[1].inventors.every((i: { employeeNo: null }) => i.employeeNo === null)).toBe(true);
    const job = await validateAndCommit(officer, up.body.import.id);
    expect(job).toMatchObject({ status: 'done', rowsInserted: 2 });

    const found = await officer.get('/api/ip/matters', { query: { office: 'US', q: '8930553' } });
    const m = await officer.get(`/api/ip/matters/${found.body.items[0].id}`);
    expect(m.body).toMatchObject({
      office: 'US',
      kind: 'invention',
      applicationNo: '13648029',
      filingDate: '2012-10-09',
      patentNo: '8930553',
      grantDate: '2015-01-06',
      publicationNo: '20140101323',
      publicationDate: '2014-04-10',
      status: 'granted',
      termAdjustmentDays: 129,
      claims: 8,
      ipcClasses: ['G06F 15/16'],
      familyReference: 'US8930553',
      familyTitle: 'Managing mid-dialog session initiation protocol (SIP) messages',
      // 20 years from filing plus 129 days of adjustment (35 U.S.C. 154(a)(2), (b)).
      termEnd: '2033-02-15',
      // The 11.5-year fee: due 2026-07-06, its window open from 2026-01-06 (37 CFR 1.362(d)).
      nextDeadline: { kind: 'annuity', dueDate: '2026-07-06' },
    });
    // A division: its term counts from the parent's filing of 2001-06-06, plus 36 days (35 U.S.C. 154(a)(2)).
    const division = await officer.get('/api/ip/matters', { query: { office: 'US', q: '10991571' } });
    expect(division.body.items[0]).toMatchObject({ termFrom: '2001-06-06', termEnd: '2021-07-12' });
    expect(m.body.termFrom).toBeNull();
    const family = await officer.get(`/api/ip/families/${m.body.familyId}`);
    // Only the inventor who is an employee is recorded; the others are reported, not invented.
    expect(family.body.inventors).toEqual([{ employeeId: hired.body.id, name: 'Nitzan Nissim', share: 100 }]);

    // The same grant again is refused as already in the portfolio.
    const again = await multipart('again.xml', sample('US08930553.xml'));
    const up2 = await officer.post('/api/ip/matters/uspto-xml', again.body, {
      contentType: again.contentType,
      query: { siteId: SITES.K7.id },
    });
    const job2 = await validateAndCommit(officer, up2.body.import.id);
    expect(job2.status).toBe('invalid');
    expect(job2.errors.map((e: { column: string }) => e.column)).toContain('application_no');
  });

  it('refuses a file that is not grant XML, and a site outside the importer’s scope', async () => {
    const officer = await t.signInAs('k7Officer');
    const bad = await multipart('x.xml', Buffer.from('<?xml version="1.0"?><catalog/>'));
    const r = await officer.post('/api/ip/matters/uspto-xml', bad.body, {
      contentType: bad.contentType,
      query: { siteId: SITES.K7.id },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: 'file', message: 'Not USPTO grant XML' }]);
    const good = await multipart('g.xml', sample('US08926509.xml'));
    const elsewhere = await officer.post('/api/ip/matters/uspto-xml', good.body, {
      contentType: good.contentType,
      query: { siteId: SITES.TC.id },
    });
    expect(elsewhere.status).toBe(404);
  });
});

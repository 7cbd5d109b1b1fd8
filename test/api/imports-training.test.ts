import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { COUNTS, SITES } from '../support/fixture.ts';

async function multipart(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

async function upload(client: ApiClient, filename: string, bytes: Buffer, kind = 'training_completions') {
  const { body, contentType } = await multipart(filename, bytes);
  return client.post('/api/imports', body, { contentType, query: { kind } });
}

/** Polls an import until it leaves its running state. */
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

/** The number of completions the client sees (lists count only when asked). */
async function completionCount(client: ApiClient): Promise<number> {
  const r = await client.get('/api/training/completions', { query: { count: 'true' } });
  expect(r.body.total).toEqual(expect.any(Number));
  return r.body.total;
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

describe.each(databases())('imports of training completions (%s)', (kind) => {
  let t: TestApp;
  let filesDir: string;
  let courseId: string;

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-imports-'));
    t = await createTestApp({ kind, config: { filesDir } });
    const owner = await t.signInAs('ohsOwner');
    const course = await owner.post('/api/training/courses', {
      code: 'SAFE-101',
      title: 'Machine safety basics',
      titleZh: '機械安全基礎',
      domain: 'safety',
      audience: 'all_employees',
      recurrenceMonths: 12,
      hours: '2.5',
    });
    expect(course.status).toBe(201);
    courseId = course.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('maps Chinese headers, validates, and commits every row with one audit event', async () => {
    const officer = await t.signInAs('k7Officer');
    const up = await upload(
      officer,
      'k7-safety.csv',
      csv([
        '工號,課程代碼,完成日期,時數',
        'K7-0001,SAFE-101,2025-03-10,2.5',
        'K7-0002,safe-101,2025-03-10,',
        'K7-0003,SAFE-101,2025-03-11,3',
      ]),
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      title: 'Training completions',
      status: 'uploaded',
      format: 'csv',
      header: ['工號', '課程代碼', '完成日期', '時數'],
      mapping: {
        person_no: '工號',
        course_code: '課程代碼',
        completed_on: '完成日期',
        hours: '時數',
        result: null,
      },
    });
    const done = await validateAndCommit(officer, up.body.id);
    expect(done).toMatchObject({
      status: 'done',
      rowsTotal: 3,
      rowsDone: 3,
      rowsInserted: 3,
      errorCount: 0,
      progress: 100,
    });
    // The import's name is the reader's words, not the importer's code or an English title.
    expect((await officer.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    expect((await officer.get(`/api/imports/${up.body.id}`)).body.title).toBe('訓練紀錄');
    expect((await officer.put('/api/auth/preferences', { locale: 'en' })).status).toBe(204);

    const figures = await officer.get('/api/training/figures', { query: { year: 2025 } });
    expect(figures.body.domains.find((d: { domain: string }) => d.domain === 'safety')).toEqual({
      domain: 'safety',
      individuals: 3,
      hours: '8.00',
      completions: 3,
    });

    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', { query: { action: 'import.committed' } });
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].after).toMatchObject({
      kind: 'training_completions',
      rows: 3,
      inserted: 3,
      sha256: up.body.sha256,
    });
  });

  it('imports nothing from a file with one bad row, and names that row', async () => {
    const officer = await t.signInAs('k7Officer');
    const before = await completionCount(officer);
    const up = await upload(
      officer,
      'bad.csv',
      csv([
        'person_no,course_code,completed_on',
        'K7-0004,SAFE-101,2025-04-01',
        'K7-0005,SAFE-101,2025-04-01',
        'K7-0007,NOPE-999,2025-04-01',
        'K7-0001,SAFE-101,2025-02-30',
      ]),
    );
    const job = await validateAndCommit(officer, up.body.id);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([
      { row: 4, column: 'course_code', message: 'Unknown course NOPE-999' },
      { row: 5, column: 'completed_on', message: 'Use a real date as YYYY-MM-DD' },
    ]);
    const commit = await officer.post(`/api/imports/${job.id}/commit`, { version: job.version });
    expect(commit.status).toBe(409);
    expect(await completionCount(officer)).toBe(before);
  });

  it('refuses people of sites outside the importer scope', async () => {
    const officer = await t.signInAs('k7Officer');
    const up = await upload(
      officer,
      'other-site.csv',
      csv(['person_no,course_code,completed_on', 'TC-0001,SAFE-101,2025-04-01']),
    );
    const job = await validateAndCommit(officer, up.body.id);
    expect(job.errors).toEqual([
      {
        row: 2,
        column: 'person_no',
        message: 'No employee or contractor worker TC-0001 at a site where you record training',
      },
    ]);
  });

  it('looks people up batch by batch: a file longer than one batch names the same people in each, in any case', async () => {
    const officer = await t.signInAs('k7Officer');
    // 5,002 rows (a batch is 5,000): an employee in lower case and a contractor worker of K7, a day each.
    const lines = ['person_no,course_code,completed_on'];
    for (let i = 0; i < 5002; i++)
      lines.push(`${i % 2 ? 'ks-001' : 'k7-0004'},SAFE-101,${addDays('2008-01-01', Math.floor(i / 2))}`);
    const before = await completionCount(officer);
    // A person of another site in the second batch is refused there, and only there.
    const refused = await validateAndCommit(
      officer,
      (await upload(officer, 'long.csv', csv([...lines, 'TC-0001,SAFE-101,2025-04-01']))).body.id,
    );
    expect(refused).toMatchObject({ status: 'invalid', rowsTotal: 5003, errorCount: 1 });
    expect(refused.errors).toEqual([
      {
        row: 5004,
        column: 'person_no',
        message: 'No employee or contractor worker TC-0001 at a site where you record training',
      },
    ]);
    const done = await validateAndCommit(officer, (await upload(officer, 'long.csv', csv(lines))).body.id);
    expect(done).toMatchObject({ status: 'done', rowsTotal: 5002, rowsInserted: 5002, errorCount: 0 });
    expect(await completionCount(officer)).toBe(before + 5002);
  });

  it('reads XLSX workbooks, dates as dates, and skips rows already imported', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Completions');
    sheet.addRow(['Employee No', 'Course', 'Date', 'Result']);
    sheet.addRow(['K7-0001', 'SAFE-101', new Date(Date.UTC(2025, 2, 10)), 'passed']);
    sheet.addRow(['K7-0007', 'SAFE-101', new Date(Date.UTC(2025, 5, 1)), '通過']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const officer = await t.signInAs('k7Officer');
    const up = await upload(officer, 'completions.xlsx', bytes);
    expect(up.body.format).toBe('xlsx');
    const job = await validateAndCommit(officer, up.body.id);
    expect(job).toMatchObject({ status: 'done', rowsTotal: 2, rowsInserted: 1 });
  });

  it('shows campaign progress per site from current completions', async () => {
    const owner = await t.signInAs('ohsOwner');
    const course = await owner.post('/api/training/courses', {
      code: 'SAFE-102',
      title: 'Chemical handling',
      domain: 'safety',
      audience: 'all_employees',
      recurrenceMonths: 12,
      hours: 1,
    });
    const recent = addDays(localDate(new Date(), 'Asia/Taipei'), -30);
    const longAgo = addDays(localDate(new Date(), 'Asia/Taipei'), -400);
    const officer = await t.signInAs('k7Officer');
    const up = await upload(
      officer,
      'chem.csv',
      csv([
        'person_no,course_code,completed_on,result',
        `K7-0001,SAFE-102,${recent},passed`,
        `K7-0002,SAFE-102,${recent},failed`,
        `K7-0003,SAFE-102,${longAgo},passed`,
        `K7-0007,SAFE-102,${recent},attended`,
      ]),
    );
    expect((await validateAndCommit(officer, up.body.id)).status).toBe('done');

    const campaign = await owner.get(`/api/training/courses/${course.body.id}/campaign`);
    expect(campaign.status).toBe(200);
    // Current: K7-0001 (passed) and K7-0007 (attended). Not: a failed attempt, or one older than a year.
    const k7 = campaign.body.sites.find((s: { siteCode: string }) => s.siteCode === 'K7');
    const active = COUNTS.employeesAt('K7', 'active');
    expect(k7).toEqual({
      siteId: SITES.K7.id,
      siteCode: 'K7',
      people: active,
      done: 2,
      percent: Math.floor((2 * 100) / active),
    });
    expect(campaign.body.total.done).toBe(2);
  });

  it('refuses files that are not CSV or XLSX, and keeps imports private', async () => {
    const officer = await t.signInAs('k7Officer');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    expect((await upload(officer, 'photo.csv', png)).status).toBe(415);
    expect((await upload(officer, 'x.csv', csv(['a']), 'no_such_kind')).status).toBe(404);
    const mine = await officer.get('/api/imports');
    const other = await t.signInAs('spilOfficer');
    expect((await other.get(`/api/imports/${mine.body.items[0].id}`)).status).toBe(404);
    const employee = await t.signInAs('employee');
    expect((await upload(employee, 'x.csv', csv(['person_no,course_code,completed_on']))).status).toBe(403);
  });

  it('checks a mapping before accepting it', async () => {
    const officer = await t.signInAs('k7Officer');
    const up = await upload(officer, 'odd.csv', csv(['who,what,when', 'K7-0001,SAFE-101,2025-01-01']));
    expect(up.body.mapping).toEqual({
      person_no: null,
      course_code: null,
      completed_on: null,
      hours: null,
      result: null,
    });
    const early = await officer.post(`/api/imports/${up.body.id}/validate`, { version: up.body.version });
    expect(early.status).toBe(422);
    const bad = await officer.put(`/api/imports/${up.body.id}/mapping`, {
      version: up.body.version,
      mapping: { person_no: 'who', course_code: 'who' },
    });
    expect(bad.status).toBe(422);
    const good = await officer.put(`/api/imports/${up.body.id}/mapping`, {
      version: up.body.version,
      mapping: { person_no: 'who', course_code: 'what', completed_on: 'when' },
    });
    expect(good.status).toBe(200);
    const job = await validateAndCommit(officer, up.body.id);
    expect(job.status).toBe('done');
  });
});

describe('training scope', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lets a site officer add a course only for their own site', async () => {
    const officer = await t.signInAs('k7Officer');
    const groupWide = await officer.post('/api/training/courses', {
      code: 'K7-ONLY',
      title: 'Forklift refresher',
      domain: 'safety',
      audience: 'selected',
      hours: 1,
    });
    expect(groupWide.status).toBe(422);
    const ownSite = await officer.post('/api/training/courses', {
      code: 'K7-FORK',
      title: 'Forklift refresher',
      domain: 'safety',
      audience: 'selected',
      hours: 1,
      siteId: SITES.K7.id,
    });
    expect(ownSite.status).toBe(201);
    const otherSite = await officer.post('/api/training/courses', {
      code: 'TC-FORK',
      title: 'Forklift refresher',
      domain: 'safety',
      audience: 'selected',
      hours: 1,
      siteId: SITES.TC.id,
    });
    expect(otherSite.status).toBe(404);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';
import { settle, upload, validate, validateAndCommit } from '../support/imports.ts';

/** Uploads, validates and (when every row is valid) commits a file of `kind`; returns the job as it ended. */
async function importFile(client: ApiClient, kind: string, bytes: Buffer | string, filename = 'rows.csv') {
  const created = await upload(client, filename, Buffer.from(bytes), kind);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return validateAndCommit(client, created.body.id);
}

const INTERNS = 'academia_interns';
const PAYMENTS = 'academia_payments';
const INTERN_HEADER =
  'Site code,School,Full name,E-mail,Date of birth,Program,Internship starts,Internship ends,Hours,Outcome,Institute,Sponsored,Study starts,Study ends\n';
const PAYMENT_HEADER = 'Site code,School,Category,Paid on,Currency,Amount,Research project,Note\n';

/**
 * Students, interns and payments imported from spreadsheets through the platform pipeline: all rows or none,
 * each bad cell named by row and column, the same rules as a record entered by hand, and the year's figures
 * moved by exactly what the file holds.
 */
describe.each(databases())('Industry–academia students and payments imported (%s)', (kind) => {
  let t: TestApp;
  let spil: ApiClient;
  let chiNanId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const admin = await t.signInAs('groupAdmin');
    for (const partner of [
      { name: 'National Chi Nan University', nameZh: '國立暨南國際大學', country: 'TW', kind: 'university' },
      { name: 'Feng Chia University', country: 'TW', kind: 'university' },
    ]) {
      const res = await admin.post('/api/academia/partners', partner);
      expect(res.status).toBe(201);
      if (partner.nameZh) chiNanId = res.body.id;
    }
    spil = await t.signInAs('spilOfficer');
  });
  afterAll(async () => t?.close());

  const contribution = async (year: number) =>
    (await spil.get('/api/academia/contribution', { query: { year: String(year) } })).body;
  const internsNamed = async (q: string) =>
    (await spil.get('/api/academia/interns', { query: { q, count: 'true' } })).body;

  it('imports students and interns, with a cohort’s period of study, and counts them among the year’s interns', async () => {
    const before = await contribution(2025);
    const job = await importFile(
      spil,
      INTERNS,
      `${INTERN_HEADER}TC,National Chi Nan University,Hsu Ya-Ching,ya.ching@ncnu.example,2003-05-14,onsite_internship,2025-07-01,2025-08-29,"320",Completed,,,,
SZ,國立暨南國際大學,Tsai Ming-Hao,,,cooperative_education,2025-02-17,,,,,no,,
TC,feng chia university,Kao Yu-Hsuan,,,nsysu_college,2025-09-01,,,,advanced_packaging_testing,yes,2024-09-01,2025-06-30
`,
    );
    expect(job).toMatchObject({ status: 'done', rowsTotal: 3, rowsInserted: 3, errorCount: 0 });
    const after = await contribution(2025);
    expect(after.internsRecruited - before.internsRecruited).toBe(3);
    const [hsu] = (await internsNamed('Hsu Ya-Ching')).items;
    expect(hsu).toMatchObject({
      siteCode: 'TC',
      partnerId: chiNanId,
      partnerNameZh: '國立暨南國際大學',
      email: 'ya.ching@ncnu.example',
      dateOfBirth: '2003-05-14',
      hours: 320,
      outcome: 'completed',
      sponsored: false,
    });
    const [kao] = (await internsNamed('Kao Yu-Hsuan')).items;
    expect(kao).toMatchObject({
      program: 'nsysu_college',
      institute: 'advanced_packaging_testing',
      sponsored: true,
      studyStartedOn: '2024-09-01',
      studyEndedOn: '2025-06-30',
      outcome: 'ongoing',
    });
    // The whole import is one audit event naming the kind, the file and its rows.
    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', { query: { entityType: 'import', order: 'desc' } });
    expect(events.body.items.find((e: any) => e.action === 'import.committed').summary).toBe(
      'students and interns: 3 rows from rows.csv (3 new)',
    );
  });

  it('imports nothing from a file with bad rows, names each bad cell, and refuses the same student twice', async () => {
    const before = await contribution(2026);
    const good = 'TC,Feng Chia University,Lee Chun-Wei,,,onsite_internship,2026-07-01,2026-08-31,300,,,,,';
    const job = await importFile(
      spil,
      INTERNS,
      `${INTERN_HEADER}${good}
K7,Nowhere University,,not-an-email,2003-02-30,summer_camp,2026-07-01,2026-06-01,-3,hired,lab,maybe,,
TC,Feng Chia University,Chen Wen,,,nsysu_college,2026-07-01,,,,,,2025-09-01,2026-07-15
${good.replace('Lee Chun-Wei', 'lee  chun-wei')}
`,
    );
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '3:site_code',
      '3:school',
      '3:full_name',
      '3:email',
      '3:date_of_birth',
      '3:program',
      '3:ended_on',
      '3:hours',
      '3:outcome',
      '3:institute',
      '3:sponsored',
      // The study ends after the internship began.
      '4:study_ended_on',
      // The same site, school, name (case and spacing aside) and first day as row 2.
      '5:full_name',
    ]);
    // K7 exists but is not SPIL's: it reads as a site that does not exist.
    expect(job.errors[0].message).toBe('No site K7 whose interns you manage');
    expect(job.errors.at(-1).message).toBe('The same student and internship as row 2');
    expect((await internsNamed('Lee Chun-Wei')).total).toBe(0);
    expect((await contribution(2026)).internsRecruited).toBe(before.internsRecruited);

    expect(await importFile(spil, INTERNS, `${INTERN_HEADER}${good}\n`)).toMatchObject({ status: 'done' });
    const again = await importFile(spil, INTERNS, `${INTERN_HEADER}${good}\n`);
    expect(again.errors).toEqual([
      {
        row: 2,
        column: 'full_name',
        message: 'Already recorded: this student’s internship at the site from that day',
      },
    ]);
    expect((await internsNamed('Lee Chun-Wei')).total).toBe(1);
    // A read-only role imports nothing at all.
    const auditor = await t.signInAs('auditor');
    expect((await upload(auditor, 'rows.csv', Buffer.from(INTERN_HEADER), INTERNS)).status).toBe(403);
  });

  it('imports payments in two currencies, a research payment against its project, and moves the contribution by them', async () => {
    const project = await spil.post('/api/academia/projects', {
      siteId: SITES.TC.id,
      partnerId: chiNanId,
      title: 'Underfill voids in large flip-chip packages',
      line: 'packaging',
      principalInvestigator: 'Prof. Huang',
      status: 'active',
      startsOn: '2024-01-01',
      currency: 'USD',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const before = await contribution(2024);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('付款');
    sheet.addRow(['廠區', '學校', '類別', '支付日期', '幣別', '金額', '研究計畫', '備註']);
    sheet.addRow([
      'TC',
      '國立暨南國際大學',
      'research',
      '2024-03-15',
      'usd',
      '12,500.50',
      'underfill voids in large flip-chip packages',
      'First instalment',
    ]);
    sheet.addRow(['SZ', 'Feng Chia University', 'Scholarship', '2024-09-02', 'USD', '3000', '', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(spil, PAYMENTS, bytes, 'payments.xlsx');
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', rowsInserted: 2, errorCount: 0 });
    const after = await contribution(2024);
    expect(after.totalUsdCents - before.totalUsdCents).toBe(1_250_050 + 300_000);
    expect(after.researchUsdCents - before.researchUsdCents).toBe(1_250_050);
    expect(after.scholarshipsUsdCents - before.scholarshipsUsdCents).toBe(300_000);
    const listed = await spil.get('/api/academia/payments', {
      query: { year: '2024', category: 'research' },
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        siteCode: 'TC',
        partnerId: chiNanId,
        projectId: project.body.id,
        amountMinor: 1_250_050,
        currency: 'USD',
        note: 'First instalment',
      }),
    ]);
  });

  it('imports no payment from a file with bad rows, and none twice', async () => {
    const before = await contribution(2023);
    const good = 'TC,Feng Chia University,course,2023-05-02,USD,800,,Lecture fees';
    const job = await importFile(
      spil,
      PAYMENTS,
      `${PAYMENT_HEADER}${good}
PG,Feng Chia University,gift,2023-02-29,US$,0,,
TC,Feng Chia University,course,2023-05-03,USD,1.005,Some project,
TC,Feng Chia University,research,2023-05-04,USD,10,No such project,
${good}
`,
    );
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '3:site_code',
      '3:category',
      '3:paid_on',
      '3:currency',
      '3:amount',
      '4:amount',
      // Only research names a project.
      '4:project',
      '5:project',
      '6:amount',
    ]);
    expect(job.errors.find((e: any) => e.row === 5).message).toBe(
      'No research project "No such project" of this site with this school',
    );
    expect(job.errors.find((e: any) => e.row === 6).message).toBe('The same payment as row 2');
    expect((await contribution(2023)).totalUsdCents).toBe(before.totalUsdCents);

    expect(await importFile(spil, PAYMENTS, `${PAYMENT_HEADER}${good}\n`)).toMatchObject({ status: 'done' });
    const again = await importFile(spil, PAYMENTS, `${PAYMENT_HEADER}${good}\n`);
    expect(again.errors).toEqual([
      {
        row: 2,
        column: 'amount',
        message: 'Already recorded: this payment of the site to the school on that day',
      },
    ]);
    expect((await contribution(2023)).totalUsdCents - before.totalUsdCents).toBe(80_000);
    // Two equal payments of one day, told apart by their notes (two students' awards), are two payments.
    const twin = 'TC,Feng Chia University,scholarship,2023-06-01,USD,500,,';
    const awards = await importFile(
      spil,
      PAYMENTS,
      `${PAYMENT_HEADER}${twin}Award – Lin Chia-Hui\n${twin}Award – Wu Tsung-Han\n`,
    );
    expect(awards).toMatchObject({ status: 'done', rowsInserted: 2 });
  });

  it('lands one of two copies of a payments file committed at the same moment, and refuses the other', async () => {
    const before = await contribution(2022);
    const file = `${PAYMENT_HEADER}TC,Feng Chia University,course,2022-03-14,USD,"1,250",,Spring lectures\n`;
    const checked = [];
    for (const copy of ['first.csv', 'second.csv']) {
      const created = await upload(spil, copy, Buffer.from(file), PAYMENTS);
      expect(created.status, created.text).toBe(201);
      const job = await validate(spil, created.body.id);
      expect(job.status).toBe('valid');
      checked.push(job);
    }
    // Both checks passed before either wrote; the commits now run side by side.
    const started = await Promise.all(
      checked.map((job) => spil.post(`/api/imports/${job.id}/commit`, { version: job.version })),
    );
    expect(started.map((r) => r.status)).toEqual([202, 202]);
    const ended = await Promise.all(checked.map((job) => settle(spil, job.id)));
    expect(ended.map((job) => job.status).sort()).toEqual(['done', 'failed']);
    expect(ended.find((job) => job.status === 'failed').errors).toEqual([
      {
        row: 2,
        column: 'amount',
        message: 'Already recorded: this payment of the site to the school on that day',
      },
    ]);
    expect((await contribution(2022)).totalUsdCents - before.totalUsdCents).toBe(125_000);
  });

  it('imports a file of thousands of students in one go', async () => {
    // More rows than one statement could bind as parameters (sixteen columns a row).
    const rows = Array.from(
      { length: 4_200 },
      (_, n) =>
        `SZ,Feng Chia University,Bulk Student ${n},,,onsite_internship,2019-07-01,2019-08-30,300,completed,,,,`,
    );
    const before = await contribution(2019);
    const job = await importFile(spil, INTERNS, `${INTERN_HEADER}${rows.join('\n')}\n`);
    expect(job).toMatchObject({ status: 'done', rowsTotal: 4_200, rowsInserted: 4_200 });
    expect((await contribution(2019)).internsRecruited - before.internsRecruited).toBe(4_200);
  });

  it('corrects a payment’s amount and removes one recorded in error: the contribution follows, a stale edit is refused', async () => {
    const before = await contribution(2021);
    const paid = await spil.post('/api/academia/payments', {
      siteId: SITES.TC.id,
      partnerId: chiNanId,
      category: 'internship',
      paidOn: '2021-06-30',
      amountMinor: 500_000,
      currency: 'USD',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect((await contribution(2021)).totalUsdCents - before.totalUsdCents).toBe(500_000);
    const corrected = await spil.patch(`/api/academia/payments/${paid.body.id}`, {
      version: paid.body.version,
      amountMinor: 450_000,
      note: 'Invoice 2021-114',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({
      amountMinor: 450_000,
      note: 'Invoice 2021-114',
      category: 'internship',
    });
    expect((await contribution(2021)).totalUsdCents - before.totalUsdCents).toBe(450_000);
    // The first version again: someone else changed it since.
    const stale = await spil.patch(`/api/academia/payments/${paid.body.id}`, {
      version: paid.body.version,
      amountMinor: 1,
    });
    expect(stale.status).toBe(409);
    const zero = await spil.patch(`/api/academia/payments/${paid.body.id}`, {
      version: corrected.body.version,
      amountMinor: 0,
    });
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body)).toContain('amountMinor');
    // Read-only roles and another subsidiary's officer change nothing.
    const auditor = await t.signInAs('auditor');
    expect(
      (await auditor.delete(`/api/academia/payments/${paid.body.id}`, { query: { version: '2' } })).status,
    ).toBe(403);
    const k7 = await t.signInAs('k7Officer');
    expect((await k7.get(`/api/academia/payments/${paid.body.id}`)).status).toBe(404);

    const removed = await spil.delete(`/api/academia/payments/${paid.body.id}`, {
      query: { version: String(corrected.body.version) },
    });
    expect(removed.status).toBe(204);
    expect((await contribution(2021)).totalUsdCents).toBe(before.totalUsdCents);
    const events = await auditor.get('/api/audit/events', {
      query: { entityId: paid.body.id, pageSize: '10' },
    });
    expect(events.body.items.map((e: any) => e.action).sort()).toEqual([
      'academia_payment.deleted',
      'academia_payment.recorded',
      'academia_payment.updated',
    ]);
  });
});

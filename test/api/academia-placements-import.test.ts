// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';
import { upload as supportUpload, validateAndCommit } from '../support/imports.ts';

const KIND = 'academia_placements';

const upload = (client: ApiClient, filename: string, bytes: Buffer | string) =>
  supportUpload(client, filename, Buffer.from(bytes), KIND);

/** Uploads, validates and (when every row is valid) commits a file; returns the job as it ended. */
async function importFile(client: ApiClient, bytes: Buffer | string, filename = 'placements.csv') {
  const created = await upload(client, filename, bytes);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return validateAndCommit(client, created.body.id);
}

const HEADER = 'Site code,School,Term or class,Starts,Ends,Students,Participation hours\n';

describe.each(databases())('Industry–academia placements imported from a spreadsheet (%s)', (kind) => {
  let t: TestApp;
  let spil: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const admin = await t.signInAs('groupAdmin');
    for (const partner of [
      { name: 'National Chi Nan University', nameZh: '國立暨南國際大學', country: 'TW', kind: 'university' },
      { name: 'Feng Chia University', country: 'TW', kind: 'university' },
    ]) {
      expect((await admin.post('/api/academia/partners', partner)).status).toBe(201);
    }
    spil = await t.signInAs('spilOfficer');
  });
  afterAll(async () => t?.close());

  const figures = async (year: number) =>
    (await spil.get('/api/academia/placements/figures', { query: { year: String(year) } })).body;
  const placementsOf = async (q: string) =>
    (await spil.get('/api/academia/placements', { query: { q, count: 'true' } })).body.total;

  it('commits a good CSV and moves the year’s figure by exactly its students and hours', async () => {
    // A placement recorded by hand first, so that the figure does not start from nothing.
    const schools = (await spil.get('/api/academia/partners', { query: { pageSize: '100' } })).body.items;
    const chiNan = schools.find((p: any) => p.name === 'National Chi Nan University');
    const manual = await spil.post('/api/academia/placements', {
      siteId: SITES.TC.id,
      partnerId: chiNan.id,
      term: '2024 Spring – Dept. of Chemistry',
      startsOn: '2024-02-19',
      endsOn: '2024-06-21',
      students: 8,
      participationHours: 640,
    });
    expect(manual.status).toBe(201);
    const before = await figures(2024);
    expect(before).toMatchObject({ placements: 1, students: 8, participationHours: 640 });

    const job = await importFile(
      spil,
      `${HEADER}TC,National Chi Nan University,2024 Summer – Dept. of Electrical Engineering,2024-07-01,2024-08-23,30,"9,600"
SZ,國立暨南國際大學,2024 Summer – Dept. of Mechanical Engineering,2024-07-08,2024-08-30,12,3840
tc,feng chia university,2024 Fall – Industrial Engineering,2024-09-09,2025-01-10,5,0
`,
    );
    expect(job).toMatchObject({ status: 'done', rowsTotal: 3, rowsInserted: 3, errorCount: 0 });
    const after = await figures(2024);
    expect(after.placements - before.placements).toBe(3);
    expect(after.students - before.students).toBe(30 + 12 + 5);
    expect(after.participationHours - before.participationHours).toBe(9_600 + 3_840);
    expect(after.bySubsidiary).toEqual([
      { subsidiaryCode: 'SPIL', placements: 4, students: 55, participationHours: 640 + 9_600 + 3_840 },
    ]);
    const listed = await spil.get('/api/academia/placements', { query: { q: 'Mechanical', count: 'true' } });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        siteCode: 'SZ',
        partnerName: 'National Chi Nan University',
        startsOn: '2024-07-08',
        endsOn: '2024-08-30',
        students: 12,
        participationHours: 3_840,
      }),
    ]);

    // The whole import is one audit event naming the kind, the file and its rows.
    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', { query: { entityType: 'import', order: 'desc' } });
    const committed = events.body.items.find((e: any) => e.action === 'import.committed');
    expect(committed.summary).toBe('internship cooperation placements: 3 rows from placements.csv (3 new)');
  });

  it('commits an XLSX workbook with the Chinese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('實習合作');
    sheet.addRow(['廠區', '學校', '學期或班別', '開始', '結束', '學生數', '參與時數']);
    sheet.addRow([
      'TC',
      'Feng Chia University',
      '2023 暑期－工業工程學系',
      '2023-07-03',
      '2023-08-25',
      20,
      6400,
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await figures(2023);
    const job = await importFile(spil, bytes, 'placements.xlsx');
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', rowsInserted: 1 });
    const after = await figures(2023);
    expect([after.students - before.students, after.participationHours - before.participationHours]).toEqual([
      20, 6_400,
    ]);
  });

  it('commits nothing from a file with one bad row, and names each bad cell by row and column', async () => {
    const before = await figures(2024);
    expect(before.students).toBeGreaterThan(0);
    const good = 'TC,National Chi Nan University,2024 Summer – Batch A,2024-07-01,2024-08-23,10,3000';
    const job = await importFile(
      spil,
      `${HEADER}${good}
TC,National Chi Nan University,2024 Summer – Batch B,2024-07-01,2024-08-23,10,3000
TC,Nowhere University,2024 Summer – Batch C,2024-06-31,2024-05-01,2.5,-4
TC,Feng Chia University,,2024-07-01,2024-07-02,3,60
SZ,Feng Chia University,2024 Winter – Batch D,2024-01-22,2024-01-23,2,49
${good.replace('Batch A', 'batch  a')}
`,
    );
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '4:school',
      '4:starts_on',
      '4:students',
      '4:participation_hours',
      '5:term',
      // 2 students over two days: at most 48 hours.
      '6:participation_hours',
      // The same school, site, term (case and spacing aside) and first day as row 2.
      '7:term',
    ]);
    expect(job.errors.find((e: any) => e.row === 6).message).toMatch(/^At most 48:/);
    expect(job.errors.find((e: any) => e.row === 7).message).toBe('The same placement as row 2');
    // Committing an invalid file is refused, and nothing of it was written.
    expect((await spil.post(`/api/imports/${job.id}/commit`, { version: job.version })).status).toBe(409);
    expect(await placementsOf('Batch')).toBe(0);
    expect(await figures(2024)).toEqual(before);
  });

  it('refuses a row at a site outside the importer’s scope by naming its column, and the file as a whole', async () => {
    const file = `${HEADER}TC,Feng Chia University,2026 Spring – Scope test,2026-03-02,2026-03-06,4,160
K7,Feng Chia University,2026 Spring – Scope test,2026-03-02,2026-03-06,4,160
ZZ,Feng Chia University,2026 Spring – Scope test,2026-03-02,2026-03-06,4,160
`;
    const refused = await importFile(spil, file);
    expect(refused.status).toBe('invalid');
    // K7 exists but is not SPIL's; ZZ does not exist: both read alike, so the file reveals no site.
    expect(refused.errors).toEqual([
      { row: 3, column: 'site_code', message: 'No site K7 whose placements you manage' },
      { row: 4, column: 'site_code', message: 'No site ZZ whose placements you manage' },
    ]);
    expect(await placementsOf('Scope test')).toBe(0);

    // A K7 officer may import the K7 row, and sees none of SPIL's.
    const k7 = await t.signInAs('k7Officer');
    const own = await importFile(
      k7,
      `${HEADER}K7,Feng Chia University,2026 Spring – Scope test,2026-03-02,2026-03-06,4,160\n`,
    );
    expect(own).toMatchObject({ status: 'done', rowsInserted: 1 });
    expect(await placementsOf('Scope test')).toBe(0);

    // A read-only role imports nothing at all.
    const auditor = await t.signInAs('auditor');
    expect((await upload(auditor, 'placements.csv', file)).status).toBe(403);
  });

  it('refuses a placement already recorded, so that importing a file twice counts nothing twice', async () => {
    const file = `${HEADER}SZ,Feng Chia University,2022 Summer – Twice,2022-07-04,2022-08-26,6,1800\n`;
    expect(await importFile(spil, file)).toMatchObject({ status: 'done', rowsInserted: 1 });
    const before = await figures(2022);
    const again = await importFile(spil, file.replace('Twice', 'TWICE'));
    expect(again.status).toBe('invalid');
    expect(again.errors).toEqual([
      {
        row: 2,
        column: 'term',
        message: 'Already recorded: this school’s placement at the site for the term',
      },
    ]);
    expect(await figures(2022)).toEqual(before);
    // Another first day is another placement of the same name.
    const later = await importFile(spil, file.replace('2022-07-04', '2022-07-11'));
    expect(later).toMatchObject({ status: 'done', rowsInserted: 1 });
  });
});

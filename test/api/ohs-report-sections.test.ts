// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/**
 * The Board report and the goals never turn a failure into a figure: a section that fails fails the whole
 * answer with a problem document, a section the reader may not see says so in words, and a group-wide goal
 * shows the group's figure only to a reader who sees the whole group.
 */
describe.each(databases())('OHS report sections and goal figures (%s)', (kind) => {
  let t: TestApp;

  /** Runs `body` while the health screenings table is missing: a database fault in one section. */
  const withoutScreenings = async (body: () => Promise<void>) => {
    await sql`alter table health_screenings rename to health_screenings_away`.execute(t.db);
    try {
      await body();
    } finally {
      await sql`alter table health_screenings_away rename to health_screenings`.execute(t.db);
    }
  };
  const summarySheet = async (raw: unknown) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as ArrayBuffer);
    const lines: string[] = [];
    workbook.worksheets[0].eachRow((row) => {
      lines.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).join(' | '));
    });
    return { names: workbook.worksheets.map((w) => w.name), lines };
  };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    const owner = await t.signInAs('ohsOwner');
    for (const site of [SITES.K7, SITES.TC]) {
      const res = await owner.put('/api/ohs/hours', {
        siteId: site.id,
        month: '2024-05',
        employeeHours: '1000000',
        nonEmployeeHours: '0',
      });
      expect(res.status).toBeLessThan(300);
    }
    const incident = await owner.post('/api/ohs/incidents', {
      siteId: SITES.TC.id,
      kind: 'injury',
      occurredAt: '2024-05-10T03:00:00Z',
      title: 'Burn at the reflow oven',
      description: 'Recorded',
      injuries: [
        {
          personType: 'employee',
          personId: EMPLOYEES['TC-0001'].id,
          injuryType: 'burn',
          bodyPart: 'hand',
          classification: 'temporary_total_disability',
          returnDate: '2024-05-20',
        },
      ],
    });
    expect(incident.status).toBe(201);
    const goal = await owner.post('/api/ohs/goals', {
      title: 'Group FR at most 0.40',
      horizon: 'short',
      metric: 'fr',
      comparison: 'at_most',
      target: '0.40',
      fromYear: 2024,
      toYear: 2024,
    });
    expect(goal.status).toBe(201);
    const coverage = await owner.post('/api/ohs/goals', {
      title: 'Screen every employee of the group',
      horizon: 'medium',
      metric: 'screening_coverage',
      comparison: 'at_least',
      target: '95',
      fromYear: 2024,
      toYear: 2024,
    });
    expect(coverage.status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('fails the Board report with a problem document when a section fails, never showing zeros', async () => {
    const owner = await t.signInAs('ohsOwner');
    expect((await owner.get('/api/ohs/reports/board.xlsx', { query: { year: 2024 } })).status).toBe(200);
    await withoutScreenings(async () => {
      for (const format of ['xlsx', 'pdf']) {
        const res = await owner.get(`/api/ohs/reports/board.${format}`, { query: { year: 2024 } });
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.status).toBe(500);
      }
    });
  });

  it('fails the goals when the figure of a goal cannot be computed, never answering "no value"', async () => {
    const owner = await t.signInAs('ohsOwner');
    const before = await owner.get('/api/ohs/goals');
    expect(before.status).toBe(200);
    const coverage = before.body.items.find((g: any) => g.metric === 'screening_coverage');
    expect(coverage.actual).not.toBeNull();
    await withoutScreenings(async () => {
      const res = await owner.get('/api/ohs/goals');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('says in words that a section is withheld from a reader who may not see it', async () => {
    // Medical staff read OHS figures but not certificates.
    const medical = await t.signInAs('medical');
    const res = await medical.get('/api/ohs/reports/board.xlsx', { query: { year: 2024, locale: 'en' } });
    expect(res.status).toBe(200);
    const { names, lines } = await summarySheet(res.raw);
    expect(lines).toContain('Withheld: your access does not include certificates.');
    expect(names).not.toContain('ISO 45001 certificates');
    // The group's OHS owner may see them: no such words, and the certificates' sheet.
    const owner = await t.signInAs('ohsOwner');
    const full = await summarySheet(
      (await owner.get('/api/ohs/reports/board.xlsx', { query: { year: 2024, locale: 'en' } })).raw,
    );
    expect(full.lines.join('\n')).not.toContain('Withheld');
    expect(full.names).toContain('ISO 45001 certificates');
  });

  it("shows a group-wide goal's group figure only to readers of the whole group, else labels it as their sites'", async () => {
    const owner = await t.signInAs('ohsOwner');
    const group = (await owner.get('/api/ohs/goals')).body.items.find((g: any) => g.metric === 'fr');
    // One disabling injury over 2,000,000 hours of the group: FR 0.50, over the target.
    expect(group).toMatchObject({ siteId: null, actual: '0.50', actualOf: 'goal', met: false });
    const officer = await t.signInAs('k7Officer');
    const mine = (await officer.get('/api/ohs/goals')).body.items.find((g: any) => g.metric === 'fr');
    // K7 alone had no injury: its 0.00 is not the group's figure, and says whose it is.
    expect(mine).toMatchObject({ siteId: null, actual: '0.00', actualOf: 'reader_sites', met: null });
    const report = await officer.get('/api/ohs/reports/board.xlsx', { query: { year: 2024, locale: 'en' } });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.raw as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.getWorksheet('Goals')?.eachRow((row) => {
      cells.push(...(row.values as unknown[]).map(String));
    });
    expect(cells).toContain('0.00 (your sites only, not the group)');
  });
});

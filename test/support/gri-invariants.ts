// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../server/db/types.ts';
import type { ApiClient } from './app.ts';

/**
 * The GRI 403-9 invariants of a loaded demo, for every site and every year of its history, read through the
 * API as the group's OHS owner:
 * - fatalities are reported apart, so high-consequence injuries plus fatalities never exceed recordable ones;
 * - the high-consequence count is the number of injuries recorded as not recovering fully within six months
 *   (counted here in SQL, apart from the product's code);
 * - the Board report's GRI sheet says what the statistics API says, year by year.
 * Returns the totals over the whole history.
 */
export async function checkGriInvariants(db: Db, owner: ApiClient, years: { from: number; to: number }) {
  const res = await owner.get('/api/ohs/statistics', {
    query: { from: years.from, to: years.to, by: 'site', period: 'year' },
  });
  expect(res.status).toBe(200);
  const rows = res.body.rows as any[];
  expect(new Set(rows.map((r) => r.period)).size).toBe(years.to - years.from + 1);

  const counted = await sql<{ code: string; year: string; n: number }>`
    select s.code, to_char(j.injury_date, 'YYYY') as year, count(*)::int as n
    from ohs_injuries j join ohs_incidents i on i.id = j.incident_id join sites s on s.id = j.site_id
    where not i.commuting and j.classification not in ('fatality', 'first_aid')
      and j.recovery in ('not_expected_full_recovery', 'not_recovered_within_six_months')
      and j.injury_date between ${`${years.from}-01-01`} and ${`${years.to}-12-31`}
    group by 1, 2`.execute(db);
  const expected = new Map(counted.rows.map((r) => [`${r.code}|${r.year}`, r.n]));

  const totals = { recordable: 0, highConsequence: 0, fatalities: 0 };
  for (const r of rows) {
    for (const part of ['employees', 'nonEmployees', 'all'] as const) {
      const s = r[part];
      expect(
        s.highConsequence + s.fatalities,
        `${r.key} ${r.period} ${part}: high-consequence ${s.highConsequence} + fatalities ${s.fatalities} > recordable ${s.recordable}`,
      ).toBeLessThanOrEqual(s.recordable);
    }
    expect(r.all.highConsequence, `${r.key} ${r.period}`).toBe(expected.get(`${r.key}|${r.period}`) ?? 0);
    totals.recordable += r.all.recordable;
    totals.highConsequence += r.all.highConsequence;
    totals.fatalities += r.all.fatalities;
  }
  expect(totals.highConsequence).toBe([...expected.values()].reduce((a, n) => a + n, 0));

  for (let year = years.from; year <= years.to; year++) {
    const stats = await owner.get('/api/ohs/statistics', { query: { from: year, to: year, by: 'group' } });
    expect(stats.status).toBe(200);
    const g = stats.body.rows[0];
    const report = await owner.get('/api/ohs/reports/board.xlsx', { query: { year, locale: 'en' } });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('GRI 403-9');
    expect(sheet, `${year}: the Board report has a GRI 403-9 sheet`).toBeDefined();
    const table: Record<string, unknown[]> = {};
    sheet?.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      table[String(v[0])] = v.slice(1);
    });
    expect(table.Fatalities, `${year}`).toEqual([g.employees.fatalities, g.nonEmployees.fatalities]);
    expect(table['High-consequence injuries'], `${year}`).toEqual([
      g.employees.highConsequence,
      g.nonEmployees.highConsequence,
    ]);
    expect(table['Recordable injuries'], `${year}`).toEqual([
      g.employees.recordable,
      g.nonEmployees.recordable,
    ]);
  }
  return totals;
}

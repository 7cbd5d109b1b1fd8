// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACADEMIA_SEED } from '../../reference/demo/academia.ts';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { convertMinor, type Rate } from '../../server/platform/rates/money.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

type Figure = { value: number | null; missing?: string };
const figuresOf = (body: any): Record<string, Figure> =>
  Object.fromEntries(body.sections.flatMap((s: any) => s.figures.map((f: any) => [`${s.key}.${f.key}`, f])));
const tableOf = (body: any, section: string, key: string) =>
  body.sections.find((s: any) => s.key === section).tables.find((t: any) => t.key === key);
/** A figure or cell in currency units back to minor units (the report gives dollars with their cents). */
const cents = (units: number) => Math.round(units * 100);

/**
 * The industry–academia report to the Board on the demo's 2022 year: every figure equals what the module's
 * own APIs give for the same rows (the contribution, the lists, the teaching figures), in US and New Taiwan
 * dollars, and a sum whose rate is missing says so instead of a number.
 */
describe.each(databases())('the industry–academia Board report (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const report = async (year = '2022', client: ApiClient = owner, locale?: string) => {
    const res = await client.get('/api/academia/board/figures', {
      query: locale ? { year, locale } : { year },
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: 0.01, clock: demoClock() } });
    owner = await t.signIn('academia.owner@steward.demo', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('gives the 2022 contribution, interns and research figures the module’s APIs give', async () => {
    const body = await report();
    const f = figuresOf(body);
    const c = (await owner.get('/api/academia/contribution', { query: { year: '2022' } })).body;
    expect(cents(f['contribution.total_usd'].value as number)).toBe(c.totalUsdCents);
    expect(millionsOf(c.totalUsdCents)).toBe(5.1);
    const byCategory = tableOf(body, 'contribution', 'by_category');
    const row = (label: string) => byCategory.rows.find((r: any[]) => r[0] === label);
    expect(cents(row('Research collaborations')[2])).toBe(ACADEMIA_SEED.researchUsdCents);
    expect(cents(row('Research collaborations')[2])).toBe(c.researchUsdCents);
    expect(cents(row('Scholarships')[2])).toBe(c.scholarshipsUsdCents);
    for (const cat of c.byCategory.filter((x: any) => x.payments > 0)) {
      const r = byCategory.rows.find((x: any[]) => cents(x[2]) === cat.usdCents && x[1] === cat.payments);
      expect(r).toBeDefined();
    }
    expect(f['contribution.payments'].value).toBe(
      c.byCategory.reduce((n: number, x: any) => n + x.payments, 0),
    );
    // The breakdowns add up to the total, in both currencies.
    for (const key of ['by_category', 'by_country', 'by_partner']) {
      const rows = tableOf(body, 'contribution', key).rows;
      const last = rows[0].length - 1;
      expect(rows.reduce((n: number, r: any[]) => n + cents(r[last - 1]), 0)).toBe(c.totalUsdCents);
      expect(rows.reduce((n: number, r: any[]) => n + cents(r[last]), 0)).toBe(
        cents(f['contribution.total_twd'].value as number),
      );
    }
    // By country: the same sums as the contribution's, for the countries paid.
    const byCountry = tableOf(body, 'contribution', 'by_country');
    const paid = c.byCountry.filter((x: any) => x.usdCents > 0);
    expect(byCountry.rows).toHaveLength(paid.length);
    expect(byCountry.rows.map((r: any[]) => cents(r[2])).sort()).toEqual(
      paid.map((x: any) => x.usdCents).sort(),
    );
    // By partner: each partner's sum as the contribution gives it.
    const byPartner = tableOf(body, 'contribution', 'by_partner');
    expect(byPartner.rows).toHaveLength(c.byPartner.length);
    for (const p of c.byPartner) {
      const r = byPartner.rows.find((x: any[]) => x[0] === p.name);
      expect(cents(r[2])).toBe(p.usdCents);
    }

    expect(f['interns.recruited'].value).toBe(ACADEMIA_SEED.internsRecruited);
    expect(f['interns.recruited'].value).toBe(c.internsRecruited);
    expect(f['interns.completed'].value).toBe(c.conversion.completed);
    expect(f['interns.hired'].value).toBe(c.conversion.hired);
    expect(tableOf(body, 'interns', 'by_subsidiary').rows).toEqual(
      c.internsBySubsidiary.map((s: any) => [s.subsidiaryCode, s.interns]),
    );

    expect(f['research.active'].value).toBe(ACADEMIA_SEED.researchCollaborations);
    expect(f['research.active'].value).toBe(c.researchCollaborations);
    const active = await owner.get('/api/academia/projects', { query: { year: '2022', pageSize: '500' } });
    const projects = active.body.items.filter(
      (p: any) => p.status !== 'cancelled' && p.status !== 'proposal',
    );
    expect(projects).toHaveLength(c.researchCollaborations);
    expect(f['research.started'].value).toBe(projects.filter((p: any) => p.startsOn >= '2022-01-01').length);
    expect(f['research.completed'].value).toBe(
      projects.filter((p: any) => p.status === 'completed' && p.endsOn && p.endsOn <= '2022-12-31').length,
    );
    const outcomes = await sql<{ kind: string; n: string }>`select kind, count(*) as n from academia_outcomes
      where occurred_on between '2022-01-01' and '2022-12-31' group by kind`.execute(t.db);
    for (const k of ['paper', 'patent', 'prototype', 'adoption'])
      expect(f[`research.outcomes_${k}`].value).toBe(Number(outcomes.rows.find((r) => r.kind === k)?.n ?? 0));
  });

  it('gives NT$ at the rate of each payment’s day, as the payments and the rates convert', async () => {
    const f = figuresOf(await report());
    const rates: Rate[] = (await owner.get('/api/academia/exchange-rates')).body.items;
    let twd = 0;
    let usd = 0;
    for (let page = 1; ; page++) {
      const res = await owner.get('/api/academia/payments', {
        query: { year: '2022', pageSize: '500', page: String(page) },
      });
      for (const p of res.body.items) {
        twd += convertMinor(p.amountMinor, p.currency, 'TWD', p.paidOn, rates);
        usd += convertMinor(p.amountMinor, p.currency, 'USD', p.paidOn, rates);
      }
      if (page * 500 >= res.body.total) break;
    }
    expect(cents(f['contribution.total_twd'].value as number)).toBe(twd);
    expect(cents(f['contribution.total_usd'].value as number)).toBe(usd);
    // NT$ is not US$ at one rate: the 2022 rates changed on 1 July.
    expect(twd).toBeGreaterThan(usd * 27);
  });

  it('gives the scholarships and teaching figures the module’s APIs give', async () => {
    const f = figuresOf(await report());
    const awards = await owner.get('/api/academia/scholarships', {
      query: { year: '2022', pageSize: '500' },
    });
    expect(f['scholarships.awards'].value).toBe(awards.body.total);
    expect(f['scholarships.schools'].value).toBe(
      new Set(awards.body.items.map((s: any) => s.partnerId)).size,
    );
    const teaching = (await owner.get('/api/academia/courses/figures', { query: { year: '2022' } })).body;
    expect(f['teaching.courses'].value).toBe(teaching.courses.courses);
    expect(f['teaching.hours'].value).toBe(teaching.courses.hours);
    expect(f['teaching.students'].value).toBe(teaching.courses.students);
    expect(f['teaching.participationHours'].value).toBe(teaching.courses.participationHours);
    expect(f['teaching.semiconductorStudents'].value).toBe(209);
    expect(f['teaching.mentees'].value).toBe(teaching.mentorships.students);
    expect(f['teaching.mentorshipHours'].value).toBe(teaching.mentorships.participationHours);
  });

  it('gives the internship cooperation and the college cohort the module’s APIs give', async () => {
    const body = await report();
    const f = figuresOf(body);
    const placed = (await owner.get('/api/academia/placements/figures', { query: { year: '2022' } })).body;
    // "660 students … accumulating a total of 54,616 hours of participation"
    expect(f['cooperation.students'].value).toBe(660);
    expect(f['cooperation.hours'].value).toBe(54_616);
    expect(f['cooperation.placements'].value).toBe(placed.placements);
    expect(tableOf(body, 'cooperation', 'cooperation_by_subsidiary').rows).toEqual(
      placed.bySubsidiary.map((s: any) => [s.subsidiaryCode, s.students, s.participationHours]),
    );
    const cohort = (await owner.get('/api/academia/interns/cohorts', { query: { year: '2022' } })).body;
    expect(f['cooperation.cohort'].value).toBe(120);
    expect(f['cooperation.sponsored'].value).toBe(cohort.sponsored);
    const rows = tableOf(body, 'cooperation', 'cohort_by_institute').rows;
    expect(rows.map((r: any[]) => r.slice(1))).toEqual(
      cohort.byInstitute.map((i: any) => [i.students, i.sponsored]),
    );
    expect(rows[0][0]).toBe('Institute of Advanced Semiconductor Packaging and Testing');
    // The cooperation's students are not among the interns recruited.
    expect(f['interns.recruited'].value as number).toBeLessThan(660);
    const zh = tableOf(await report('2022', owner, 'zh-TW'), 'cooperation', 'cohort_by_institute').rows;
    expect(zh[0][0]).toBe('先進半導體封裝與測試研究所');
  });

  it('shows a site officer only the figures of the sites he sees', async () => {
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const mine = figuresOf(await report('2022', officer));
    const all = figuresOf(await report());
    const c = (await officer.get('/api/academia/contribution', { query: { year: '2022' } })).body;
    expect(cents(mine['contribution.total_usd'].value as number)).toBe(c.totalUsdCents);
    expect(mine['interns.recruited'].value).toBe(c.internsRecruited);
    expect(mine['interns.recruited'].value as number).toBeLessThan(all['interns.recruited'].value as number);
    const employee = await t.signIn('employee@steward.demo', DEMO_PASSWORD);
    expect((await employee.get('/api/academia/board/figures', { query: { year: '2022' } })).status).toBe(403);
  });

  it('renders the report as PDF and XLSX in the reader’s language', async () => {
    const pdf = await owner.get('/api/academia/board/report.pdf', { query: { year: '2022' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await owner.get('/api/academia/board/report.xlsx', {
      query: { year: '2022', locale: 'zh-TW' },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(xlsx.headers['content-disposition']).toContain('academia-board-report-2022');
    const zh = await report('2022', owner, 'zh-TW');
    expect(zh.sections[0].heading).toBe('年度投入');
  });

  it('says in words that a sum cannot be computed when a payment’s rate is missing, never 0', async () => {
    const before = figuresOf(await report());
    await sql`update academia_payments set currency = 'JPY' where id = (select id from academia_payments
      where paid_on between '2022-01-01' and '2022-12-31' order by id limit 1)`.execute(t.db);
    const f = figuresOf(await report());
    expect(f['contribution.total_usd']).toMatchObject({
      value: null,
      missing: expect.stringContaining('JPY'),
    });
    expect(f['contribution.total_twd'].value).toBeNull();
    // The counts that need no rate are still given.
    expect(f['contribution.payments'].value).toBe(before['contribution.payments'].value);
    expect(f['interns.recruited'].value).toBe(before['interns.recruited'].value);
    const zh = figuresOf(await report('2022', owner, 'zh-TW'));
    expect(zh['contribution.total_usd'].missing).toContain('無法計算');
    expect((await owner.get('/api/academia/contribution', { query: { year: '2022' } })).status).toBe(409);
    const pdf = await owner.get('/api/academia/board/report.pdf', { query: { year: '2022' } });
    expect(pdf.status).toBe(200);
  });
});

/** "over US$5.1 million": a computed value in millions with one decimal. */
function millionsOf(usdCents: number) {
  return Math.round(usdCents / 100 / 100_000) / 10;
}

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allSummaries, rebuildSummaries } from '../../server/db/summaries.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';
import { statisticsFromRows } from '../support/ohs-statistics-oracle.ts';

/**
 * The injury statistics read settled injuries from a summary kept by triggers and classify the open ones live.
 * After every kind of write (inserts, a case closed, a classification changed, an injury moved to another
 * site or month, an incident turned into a commuting accident and back, deletes, an incident deleted, a
 * rebuild) the endpoint must answer exactly what classifying every row as of today answers.
 */
const NOW = new Date('2023-06-15T04:00:00Z');
const CLASSIFICATIONS = [
  'fatality',
  'permanent_total_disability',
  'permanent_partial_disability',
  'temporary_total_disability',
  'temporary_total_disability',
  'temporary_total_disability',
  'medical_treatment',
  'first_aid',
] as const;
const RECOVERIES = [
  'expected_full_recovery',
  'not_expected_full_recovery',
  'recovered_fully',
  'not_recovered_within_six_months',
] as const;
const TYPES = ['fracture', 'laceration', 'burn', 'sprain', 'crush', 'amputation'];

/** A small deterministic generator (mulberry32): the same injuries on every run. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const QUERIES = [
  { from: 2021, to: 2023, by: 'site', period: 'year' },
  { from: 2021, to: 2023, by: 'site', period: 'month' },
  { from: 2021, to: 2023, by: 'subsidiary', period: 'year', yearToDate: true },
  { from: 2021, to: 2023, by: 'group', period: 'month', yearToDate: true },
] as const;

describe.each(databases())('OHS injury summary (%s)', (kind) => {
  let t: TestApp;
  const incidents: string[] = [];
  const random = generator(20230615);

  /** Injury rows at random over 2021 to mid-2023 at two sites, some still open. */
  const injuryRows = (n: number) =>
    Array.from({ length: n }, () => {
      const site = random.next() < 0.5 ? SITES.K7.id : SITES.TC.id;
      const injuryDate = addDays('2021-01-01', random.int(0, 895));
      const classification = random.pick(CLASSIFICATIONS);
      const open = random.next() < 0.25;
      const returnDate = open ? null : addDays(injuryDate, random.int(0, 200));
      return {
        incident_id: random.pick(incidents),
        site_id: site,
        person_type: (random.next() < 0.7 ? 'employee' : 'contractor_worker') as
          | 'employee'
          | 'contractor_worker',
        person_id: randomUUID(),
        injury_type: random.pick(TYPES),
        body_part: 'hand',
        classification,
        injury_date: injuryDate,
        return_date: returnDate,
        charged_days: classification === 'permanent_partial_disability' ? random.pick([100, 300, 600]) : null,
        restricted_days: random.next() < 0.3 ? random.int(1, 20) : 0,
        recovery: random.pick(RECOVERIES),
      };
    });

  const expectExact = async (when: string) => {
    const owner = await t.signInAs('ohsOwner');
    let injuries = 0;
    for (const q of QUERIES) {
      const res = await owner.get('/api/ohs/statistics', {
        query: { ...q, yearToDate: 'yearToDate' in q ? 'true' : 'false' },
      });
      expect(res.status, when).toBe(200);
      const expected = await statisticsFromRows(t.db, q, { now: NOW, rounding: res.body.rounding });
      expect(res.body.rows, `${when}: ${JSON.stringify(q)}`).toEqual(expected);
      for (const row of res.body.rows) injuries += row.injuryCases;
    }
    return injuries;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    for (let i = 0; i < 6; i++) {
      const res = await sql<{ id: string }>`
        insert into ohs_incidents (site_id, reference, kind, occurred_at, occurred_on, title, description, commuting)
        values (${i % 2 ? SITES.K7.id : SITES.TC.id}, ${`SUMMARY-${i}`}, 'injury', '2022-01-10T03:00:00Z',
                '2022-01-10', 'Summary case', 'Injuries at random', ${i === 5})
        returning id`.execute(t.db);
      incidents.push(res.rows[0].id);
    }
    for (const site of [SITES.K7.id, SITES.TC.id])
      for (let m = 0; m < 36; m++) {
        const month = `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
        await sql`insert into ohs_hours (site_id, month, employee_hours, non_employee_hours)
                  values (${site}, ${month}, ${100_000 + m * 1_000}, ${20_000 + m * 500})`.execute(t.db);
      }
  });
  afterAll(() => t?.close());

  it('answers as the rows do after inserts, updates, deletes and a rebuild', async () => {
    await t.db.insertInto('ohs_injuries').values(injuryRows(400)).execute();
    const summarised = await sql<{ n: number }>`select count(*)::int as n from ohs_injury_months`.execute(
      t.db,
    );
    expect(summarised.rows[0].n).toBeGreaterThan(50);
    const cases = await expectExact('after the inserts');
    expect(cases).toBeGreaterThan(100);

    // Open cases closed: they leave the live reading and enter the summary.
    await sql`update ohs_injuries set return_date = injury_date + 9
              where id in (select id from ohs_injuries where return_date is null order by id limit 40)`.execute(
      t.db,
    );
    await expectExact('after cases were closed');

    // A closed case reopened, classifications changed, a recovery outcome recorded.
    await sql`update ohs_injuries set return_date = null
              where id in (select id from ohs_injuries where return_date is not null order by id limit 15)`.execute(
      t.db,
    );
    await sql`update ohs_injuries set classification = case classification
                when 'first_aid' then 'temporary_total_disability' when 'medical_treatment' then 'fatality'
                else 'first_aid' end,
              charged_days = null, recovery = 'expected_full_recovery'
              where id in (select id from ohs_injuries order by person_id limit 60)`.execute(t.db);
    await expectExact('after classifications changed');

    // Injuries moved to the other site, to another month and year, to the other person type.
    await sql`update ohs_injuries set site_id = case when site_id = ${SITES.K7.id}::uuid then ${SITES.TC.id}::uuid
                else ${SITES.K7.id}::uuid end,
              injury_date = injury_date - 40, return_date = return_date - 40,
              person_type = case when person_type = 'employee' then 'contractor_worker' else 'employee' end
              where id in (select id from ohs_injuries where injury_date > '2021-03-01' order by id desc limit 50)`.execute(
      t.db,
    );
    await expectExact('after injuries moved');

    // An incident becomes a commuting accident, and another stops being one.
    await sql`update ohs_incidents set commuting = true where id = ${incidents[0]}`.execute(t.db);
    await expectExact('after an incident became a commuting accident');
    await sql`update ohs_incidents set commuting = not commuting where id in (${incidents[0]}, ${incidents[5]})`.execute(
      t.db,
    );
    await expectExact('after commuting was flipped back and forth');

    // Deletes: single injuries, then a whole incident (its injuries go with it).
    await sql`delete from ohs_injuries where id in (select id from ohs_injuries order by id limit 30)`.execute(
      t.db,
    );
    await expectExact('after deletes');
    await sql`delete from ohs_incidents where id = ${incidents[1]}`.execute(t.db);
    const [deleted] = incidents.splice(1, 1);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from ohs_injuries where incident_id = ${deleted}`.execute(t.db);
    expect(left.rows[0].n).toBe(0);
    await expectExact('after an incident was deleted');

    // The rebuild (`steward summaries rebuild`) makes a spoilt summary exact again.
    await sql`update ohs_injury_months set disabling = disabling + 5, days_lost = days_lost + 1000`.execute(
      t.db,
    );
    await t.db
      .transaction()
      .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx), allSummaries()));
    await expectExact('after the rebuild');
  });

  // Its triggers make no temporary table, so the lock table is not at stake (training-summary-writes holds that
  // limit at 5,000 writes): a thousand one-row statements show each is counted once.
  it('stays exact through 1,000 one-row inserts in one transaction', async () => {
    const rows = injuryRows(1_000);
    await t.db.transaction().execute(async (trx) => {
      for (const row of rows) await trx.insertInto('ohs_injuries').values(row).execute();
    });
    const count = await sql<{ n: number }>`select count(*)::int as n from ohs_injuries`.execute(t.db);
    expect(count.rows[0].n).toBeGreaterThanOrEqual(1_000);
    await expectExact('after 1,000 one-row inserts');
  });
});

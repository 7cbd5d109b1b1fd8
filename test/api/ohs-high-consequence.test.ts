// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfilledRecovery } from '#shared/modules/ohs/rules/injury.ts';
import { backfillRecovery } from '../../server/modules/ohs/migrations/0014_ohs_injury_recovery.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/**
 * GRI 403-9 high-consequence injuries are read from the recovery outcome recorded on each injury: the same
 * records give the same count whatever today's date, and a first-aid case or a fatality is never one.
 */
describe.each(databases())('GRI 403-9 high-consequence injuries (%s)', (kind) => {
  let t: TestApp;
  let today = new Date('2022-03-20T02:00:00Z');
  const ids: Record<string, string> = {};

  const k7In2022 = async () => {
    const owner = await t.signInAs('ohsOwner');
    const res = await owner.get('/api/ohs/statistics', {
      query: { from: 2022, to: 2022, by: 'site', siteId: SITES.K7.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(1);
    return res.body.rows[0].all;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => today });
    const officer = await t.signInAs('k7Officer');
    const hours = await officer.put('/api/ohs/hours', {
      siteId: SITES.K7.id,
      month: '2022-03',
      employeeHours: '1000000',
      nonEmployeeHours: '0',
    });
    expect(hours.status).toBeLessThan(300);
    const person = (no: keyof typeof EMPLOYEES) => ({
      personType: 'employee',
      personId: EMPLOYEES[no].id,
      injuryType: 'fracture',
      bodyPart: 'hand',
    });
    const res = await officer.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: '2022-03-10T03:00:00Z',
      title: 'Hand caught in a trim and form press',
      description: 'Five people hurt',
      injuries: [
        // Medical treatment, no lost time, so no return date: the case the old rule counted by today's date.
        { ...person('K7-0001'), classification: 'medical_treatment' },
        // Still off work on the day it was recorded, expected to recover (the default).
        { ...person('K7-0002'), classification: 'temporary_total_disability' },
        // Back after more than six months, and recorded as not recovered within six months.
        {
          ...person('K7-0003'),
          classification: 'temporary_total_disability',
          returnDate: '2022-11-02',
          recovery: 'not_recovered_within_six_months',
        },
        // A finger lost: not a full recovery, by default.
        { ...person('K7-0004'), classification: 'permanent_partial_disability', chargedDays: 300 },
        { ...person('K7-0005'), classification: 'first_aid' },
      ],
    });
    expect(res.status).toBe(201);
    for (const j of res.body.injuries) ids[j.personNo] = j.id;
  });
  afterAll(async () => t?.close());

  it('counts only the injuries recorded as not recovering fully within six months', async () => {
    const all = await k7In2022();
    expect(all).toMatchObject({ recordable: 4, highConsequence: 2, fatalities: 0 });
    const owner = await t.signInAs('ohsOwner');
    const incident = (await owner.get('/api/ohs/incidents', { query: { siteId: SITES.K7.id } })).body
      .items[0];
    const detail = (await owner.get(`/api/ohs/incidents/${incident.id}`)).body;
    const byPerson = Object.fromEntries(detail.injuries.map((j: any) => [j.personNo, j]));
    expect(byPerson['K7-0001']).toMatchObject({ recovery: 'expected_full_recovery', highConsequence: false });
    expect(byPerson['K7-0002']).toMatchObject({ recovery: 'expected_full_recovery', highConsequence: false });
    expect(byPerson['K7-0003']).toMatchObject({
      recovery: 'not_recovered_within_six_months',
      highConsequence: true,
    });
    expect(byPerson['K7-0004']).toMatchObject({
      recovery: 'not_expected_full_recovery',
      highConsequence: true,
    });
    expect(byPerson['K7-0005']).toMatchObject({ highConsequence: false });
  });

  it('is not driven by today: years later the same records give the same count', async () => {
    const before = await k7In2022();
    today = new Date('2026-12-04T02:00:00Z');
    const after = await k7In2022();
    // Days lost of the injury still off work grow with today's date (the Taiwan rule) ...
    expect(after.daysLost).toBeGreaterThan(before.daysLost);
    // ... but no injury becomes high-consequence by the passing of time.
    expect(after.highConsequence).toBe(2);
    expect(after.highConsequence).toBeLessThanOrEqual(after.recordable);
  });

  it('moves when the recorded outcome changes, and refuses an outcome that contradicts the classification', async () => {
    const officer = await t.signInAs('k7Officer');
    const version = async (id: string) =>
      Number(
        (await sql<{ version: number }>`select version from ohs_injuries where id = ${id}`.execute(t.db))
          .rows[0].version,
      );
    const ok = await officer.patch(`/api/ohs/injuries/${ids['K7-0002']}`, {
      recovery: 'not_expected_full_recovery',
      version: await version(ids['K7-0002']),
    });
    expect(ok.status).toBe(200);
    expect((await k7In2022()).highConsequence).toBe(3);

    const firstAid = await officer.patch(`/api/ohs/injuries/${ids['K7-0005']}`, {
      recovery: 'not_expected_full_recovery',
      version: await version(ids['K7-0005']),
    });
    expect(firstAid.status).toBe(422);
    expect(firstAid.body.errors.map((e: any) => e.path)).toContain('recovery');
    const permanent = await officer.patch(`/api/ohs/injuries/${ids['K7-0004']}`, {
      recovery: 'recovered_fully',
      version: await version(ids['K7-0004']),
    });
    expect(permanent.status).toBe(422);
    expect(permanent.body.errors.map((e: any) => e.path)).toContain('recovery');
    expect((await k7In2022()).highConsequence).toBe(3);
  });

  it('gives injuries recorded before the outcome existed the one their days lost and return date say', async () => {
    // Migration 0014's backfill, run again on rows set back to the default, agrees with the rule.
    await sql`update ohs_injuries set recovery = 'expected_full_recovery'`.execute(t.db);
    await sql.raw(backfillRecovery).execute(t.db);
    const rows = (
      await sql<{
        classification: any;
        injury_date: string;
        return_date: string | null;
        recovery: string;
      }>`select classification, injury_date::text, return_date::text, recovery from ohs_injuries`.execute(
        t.db,
      )
    ).rows;
    expect(rows.length).toBe(5);
    for (const r of rows)
      expect(r.recovery).toBe(
        backfilledRecovery({
          classification: r.classification,
          injuryDate: r.injury_date,
          returnDate: r.return_date,
        }),
      );
    expect(rows.filter((r) => r.recovery !== 'expected_full_recovery')).toHaveLength(2);
  });
});

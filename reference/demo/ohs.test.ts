import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { daysLost, isRecordable, requiresAuthorityNotice } from '#shared/modules/ohs/rules/injury.ts';
import { dayNumber } from './clock.ts';
import { type DemoDataset, generateDemoDataset } from './generate.ts';
import { generateOhsDataset } from './ohs.ts';
import { fitCosts } from './ohs-health.ts';
import type { HealthScreeningRow, OhsDataset } from './ohs-rows.ts';
import { OHS_SEED, screeningYears } from './ohs-seed.ts';
import { OHS_SEED_FACILITIES } from './organisation.ts';
import { allocate } from './random.ts';

const CLOCK = '2026-03-15';
const small = (clock = CLOCK, seed?: string) => {
  const base = generateDemoDataset({ clock, scale: 0.01, seed });
  return { base, ohs: generateOhsDataset(base) };
};
const digest = (o: OhsDataset) => createHash('sha256').update(JSON.stringify(o)).digest('hex');

/** The injuries the statistics count as cases: recordable, not commuting, injured in `year`. */
function injuryCases(o: OhsDataset, year: number) {
  const commuting = new Set(o.incidents.filter((i) => i.commuting).map((i) => i.id));
  return o.injuries.filter(
    (j) =>
      j.injury_date.startsWith(`${year}-`) && !commuting.has(j.incident_id) && isRecordable(j.classification),
  );
}
const screenedIn = (o: OhsDataset, year: number) =>
  o.screenings.filter((s) => s.screened_on.startsWith(`${year}-`));
const localDate = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

describe('the demo OHS generator', () => {
  it('is deterministic: the same dataset gives the same rows, ids included', () => {
    const a = small();
    const b = small();
    expect(digest(a.ohs)).toBe(digest(b.ohs));
    expect(small(CLOCK, 'another-seed').ohs.incidents[0].id).not.toBe(a.ohs.incidents[0].id);
  });

  it('allocates exactly and fits costs to the cent', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(127, [3, 5, 0, 2]).reduce((a, b) => a + b, 0)).toBe(127);
    const rows = [12_000, 15_000, 30_000].map((cost_minor) => ({ cost_minor }) as HealthScreeningRow);
    fitCosts(rows, 0, 100_050);
    expect(rows.reduce((a, r) => a + r.cost_minor, 0)).toBe(100_050);
    expect(rows.every((r) => r.cost_minor > 0)).toBe(true);
  });

  it('holds a notice given and a closed investigation at 1/100, on any clock and seed', () => {
    for (const [clock, seed] of [
      [CLOCK, undefined],
      ['2026-12-04', undefined],
      ['2031-09-01', undefined],
      ['2024-07-01', 'another-seed'],
    ] as const) {
      const { ohs } = small(clock, seed);
      const notified = ohs.incidents.filter((i) => i.authority_notified_at !== null);
      expect(notified.length, clock).toBeGreaterThan(0);
      const closed = ohs.investigations.filter((v) => v.status === 'closed');
      expect(closed.length, clock).toBeGreaterThan(0);
      const incident = ohs.incidents.find((i) => i.id === closed[0].incident_id);
      expect(incident?.authority_notified_at ?? incident?.injured, clock).toBeTruthy();
    }
  });

  for (const clock of [CLOCK, '2031-09-01']) {
    it(`keeps the records consistent with each other and with the people (clock ${clock})`, () => {
      const { base, ohs } = small(clock);
      const today = dayNumber(clock);
      const sites = new Map(base.sites.map((s) => [s.id, s]));
      const people = new Map<string, { site: string; from: string; until: string | null }>();
      for (const e of [...base.employees, ...ohs.formerEmployees])
        people.set(e.id, { site: e.site_id, from: e.hire_date, until: e.leave_date });
      for (const w of base.contractorWorkers)
        people.set(w.id, { site: w.site_id, from: w.start_date, until: w.end_date });
      const atWork = (id: string, day: string) => {
        const p = people.get(id);
        return !!p && p.from <= day && (p.until === null || day < p.until);
      };

      // Former employees: leavers with numbers of their own.
      const numbers = new Set([...base.employees, ...ohs.formerEmployees].map((e) => e.employee_no));
      expect(numbers.size).toBe(base.employees.length + ohs.formerEmployees.length);
      for (const e of ohs.formerEmployees)
        expect(e.leave_date && e.leave_date < clock && e.leave_date >= e.hire_date).toBe(true);

      // Hours: one row per site and month, about 2,000 hours per employee a year, contractors apart.
      expect(new Set(ohs.hours.map((h) => `${h.site_id}|${h.month}`)).size).toBe(ohs.hours.length);
      expect(
        ohs.hours.every(
          (h) => /-01$/.test(h.month) && h.month < clock && h.employee_hours > 0 && h.non_employee_hours > 0,
        ),
      ).toBe(true);
      const years = new Set(ohs.hours.map((h) => h.month.slice(0, 4)));
      expect(years.size).toBeGreaterThanOrEqual(9);

      // Incidents: unique references of the site and year, dated in the site's time zone, counts from the injuries.
      const refs = new Set(ohs.incidents.map((i) => i.reference));
      expect(refs.size).toBe(ohs.incidents.length);
      const byIncident = new Map(
        ohs.incidents.map((i) => [i.id, ohs.injuries.filter((j) => j.incident_id === i.id)]),
      );
      for (const i of ohs.incidents) {
        const site = sites.get(i.site_id);
        expect(i.reference).toMatch(new RegExp(`^${site?.code}-${i.occurred_on.slice(0, 4)}-\\d{4}$`));
        expect(localDate(i.occurred_at, site?.time_zone as string)).toBe(i.occurred_on);
        expect(i.occurred_on < clock).toBe(true);
        const hurt = byIncident.get(i.id) ?? [];
        expect(i.injured).toBe(hurt.length);
        expect(i.hospitalised).toBe(hurt.filter((j) => j.hospitalised).length);
        expect(i.fatalities).toBe(hurt.filter((j) => j.classification === 'fatality').length);
        if (i.kind === 'near_miss' || i.kind === 'unsafe_condition') expect(hurt).toHaveLength(0);
        else expect(i.anonymous).toBe(false);
        if (requiresAuthorityNotice(i)) {
          const late = Date.parse(i.authority_notified_at as string) - Date.parse(i.occurred_at);
          expect(late).toBeGreaterThan(0);
          expect(late).toBeLessThanOrEqual(8 * 3_600_000);
        } else expect(i.authority_notified_at).toBeNull();
        if (i.commuting) expect(i.area_id).toBeNull();
      }
      for (const j of ohs.injuries) {
        expect(j.injury_date).toBe(ohs.incidents.find((i) => i.id === j.incident_id)?.occurred_on);
        expect(people.get(j.person_id)?.site).toBe(j.site_id);
        if (j.return_date) expect(j.return_date > j.injury_date && j.return_date <= clock).toBe(true);
        if (j.classification === 'permanent_partial_disability') expect(j.charged_days).toBeGreaterThan(0);
        if (j.classification === 'temporary_total_disability')
          expect(
            daysLost(
              {
                classification: j.classification,
                injuryDate: j.injury_date,
                returnDate: j.return_date,
                chargedDays: null,
              },
              clock,
            ),
          ).toBeGreaterThan(0);
      }

      // Investigations: a closed one has a root cause and every root cause an action, all of them done.
      for (const v of ohs.investigations) {
        const causes = ohs.rootCauses.filter((r) => r.investigation_id === v.id);
        const actions = ohs.actions.filter((a) => causes.some((c) => c.id === a.source_id));
        expect(actions.every((a) => a.source_type === 'ohs_root_cause')).toBe(true);
        if (v.status === 'closed') {
          expect(causes.length).toBeGreaterThan(0);
          for (const c of causes) expect(actions.some((a) => a.source_id === c.id)).toBe(true);
          expect(actions.every((a) => a.status === 'done' || a.status === 'verified')).toBe(true);
          expect(v.closed_at && v.closed_at.slice(0, 10) < clock).toBeTruthy();
        }
      }

      // Screenings: of people at work that day, at their site; an abnormal one has its follow-up.
      for (const s of ohs.screenings) {
        expect(atWork(s.person_id, s.screened_on)).toBe(true);
        expect(people.get(s.person_id)?.site).toBe(s.site_id);
        expect(s.screened_on < clock).toBe(true);
        if (s.kind === 'special') expect(s.special_hazard && s.management_level).toBeTruthy();
      }
      const followed = new Set(ohs.followups.map((f) => f.screening_id));
      expect(ohs.screenings.filter((s) => s.abnormal).every((s) => followed.has(s.id))).toBe(true);

      // Nothing overdue on the clock's day: the history is done, what is open is due later.
      const open = ohs.obligations.filter((o) => o.state === 'open');
      expect(open.every((o) => o.due_date >= clock)).toBe(true);
      expect(new Set(ohs.obligations.map((o) => `${o.kind}|${o.source_id}`)).size).toBe(
        ohs.obligations.length,
      );
      expect(
        ohs.obligations.filter((o) => o.kind === 'ohs.authority_notice').every((o) => o.state === 'done'),
      ).toBe(true);

      // Permits: one active now, with qualified workers of its company; a request overlapping it.
      const active = ohs.permits.find((p) => p.status === 'active');
      expect(active).toBeDefined();
      expect(Date.parse(active?.starts_at as string)).toBeLessThan(today * 86_400_000);
      expect(Date.parse(active?.ends_at as string)).toBeGreaterThan((today + 1) * 86_400_000);
      for (const p of ohs.permits.filter((x) => x.status === 'active' || x.status === 'closed')) {
        for (const w of p.worker_ids) {
          expect(base.contractorWorkers.find((x) => x.id === w)?.company_id).toBe(p.company_id);
          expect(
            ohs.qualifications.some((q) => q.worker_id === w && q.valid_until >= p.ends_at.slice(0, 10)),
          ).toBe(true);
        }
      }
      expect(ohs.permits.find((p) => p.status === 'requested')?.area_id).toBe(active?.area_id);
    });
  }

  it('reproduces the figures of the seed at 1/100', () => {
    const { ohs } = small();
    expect(injuryCases(ohs, 2022)).toHaveLength(1);
    const screened = screenedIn(ohs, 2022);
    expect(new Set(screened.map((s) => s.person_id)).size).toBe(519);
    expect(screened.reduce((a, s) => a + s.cost_minor, 0)).toBe(8_830_000);
    expect(ohs.certifications.filter((c) => !c.previous_id)).toHaveLength(18);
  });

  it('holds screenings of the seed year and the last two years', () => {
    expect(screeningYears('2026-11-22')).toEqual([2022, 2025, 2026]);
    expect(screeningYears('2023-02-01')).toEqual([2022, 2023]);
  });
});

describe('the demo OHS records at full scale', () => {
  let base: DemoDataset;
  let ohs: OhsDataset;
  beforeAll(() => {
    base = generateDemoDataset({ clock: CLOCK });
    ohs = generateOhsDataset(base);
  }, 180_000);

  it('has 127 occupational injury cases in 2022, with first-aid cases and traffic accidents apart', () => {
    expect(injuryCases(ohs, 2022)).toHaveLength(OHS_SEED.injuryCases);
    const commuting = new Set(ohs.incidents.filter((i) => i.commuting).map((i) => i.id));
    const of2022 = ohs.injuries.filter((j) => j.injury_date.startsWith('2022-'));
    expect(
      of2022.filter((j) => commuting.has(j.incident_id) && isRecordable(j.classification)).length,
    ).toBeGreaterThan(0);
    expect(
      of2022.filter((j) => !commuting.has(j.incident_id) && j.classification === 'first_aid').length,
    ).toBeGreaterThan(100);
    expect(of2022.filter((j) => j.classification === 'fatality')).toHaveLength(0);
    expect(of2022.some((j) => j.person_type === 'contractor_worker' && isRecordable(j.classification))).toBe(
      true,
    );
    // Mostly medical treatment and temporary disability; permanent partial disability rare.
    const classes = injuryCases(ohs, 2022).map((j) => j.classification);
    const share = (c: string) => classes.filter((x) => x === c).length / classes.length;
    expect(share('medical_treatment') + share('temporary_total_disability')).toBeGreaterThan(0.9);
    expect(share('permanent_partial_disability')).toBeLessThan(0.08);
    // Other years follow a trend of their own: the counts are not all equal.
    expect(new Set([2019, 2020, 2021, 2023].map((y) => injuryCases(ohs, y).length)).size).toBeGreaterThan(1);
  });

  it('has 51,895 people screened in 2022 for NT$8.83 million', () => {
    const screened = screenedIn(ohs, 2022);
    expect(new Set(screened.map((s) => s.person_id)).size).toBe(OHS_SEED.peopleScreened);
    expect(screened.reduce((a, s) => a + s.cost_minor, 0)).toBe(OHS_SEED.screeningCostMinor);
    expect(screened.some((s) => s.kind === 'special' && s.management_level === 4)).toBe(true);
    expect(screened.filter((s) => s.abnormal).length).toBeGreaterThan(1000);
    // The other years hold the special-condition screenings.
    expect(screenedIn(ohs, 2025).length).toBeGreaterThan(3000);
  });

  it('has the 18 ISO 45001 certificates of the seed with their dates, each renewed to a current one', () => {
    const siteName = new Map(base.sites.map((s) => [s.id, s.name]));
    const seeds = ohs.certifications.filter((c) => !c.previous_id);
    expect(seeds.map((c) => [siteName.get(c.site_id), c.issued_on, c.valid_until])).toEqual(
      OHS_SEED.certificates.map((c) => [...c]),
    );
    expect(seeds.map((c) => siteName.get(c.site_id))).toEqual([...OHS_SEED_FACILITIES]);
    const current = ohs.certifications.filter((c) => !ohs.certifications.some((n) => n.previous_id === c.id));
    expect(current).toHaveLength(18);
    for (const c of current) expect(c.valid_until >= CLOCK && c.issued_on <= CLOCK).toBe(true);
    const soon = current.filter((c) => dayNumber(c.valid_until) - dayNumber(CLOCK) <= 90);
    expect(soon.length).toBeGreaterThanOrEqual(2);
    expect(soon.length).toBeLessThanOrEqual(6);
  });

  it('has 5 gyms, 24 social clubs, 1,500 group course engagements in 2022 and 95 counsellors trained', () => {
    const runningIn = (y: number) =>
      ohs.wellbeingPrograms.filter(
        (p) => p.started_on <= `${y}-12-31` && (!p.ended_on || p.ended_on >= `${y}-01-01`),
      );
    expect(runningIn(2022).filter((p) => p.kind === 'gym')).toHaveLength(OHS_SEED.gyms);
    expect(runningIn(2022).filter((p) => p.kind === 'club')).toHaveLength(OHS_SEED.socialClubs);
    const kind = new Map(ohs.wellbeingPrograms.map((p) => [p.id, p.kind]));
    const courses = ohs.wellbeingParticipation.filter(
      (w) => kind.get(w.program_id) === 'group_course' && w.participated_on.startsWith('2022-'),
    );
    expect(courses).toHaveLength(OHS_SEED.groupCourseEngagements);
    const trained = ohs.wellbeingParticipation.filter(
      (w) => kind.get(w.program_id) === 'counsellor_training',
    );
    expect(new Set(trained.map((w) => w.person_id)).size).toBe(OHS_SEED.counsellorsTrained);
  });
});

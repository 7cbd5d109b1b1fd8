import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { roles } from '#shared/platform/access/roles.ts';
import { programModules } from '../../server/modules/index.ts';
import { passwordProblems } from '../../server/platform/auth/passwords.ts';
import { addDays, dayNumber, demoClock } from './clock.ts';
import { type DemoDataset, datasetCounts, generateDemoDataset } from './generate.ts';
import { OHS_SEED_FACILITIES, SITES } from './organisation.ts';
import { UNIVERSITIES } from './partners.ts';
import { Random } from './random.ts';
import { DEMO_PASSWORD, DEMO_USERS, demoLoginsMarkdown } from './users.ts';

const CLOCK = '2026-03-15';
const small = (clock = CLOCK, seed?: string) => generateDemoDataset({ clock, scale: 0.01, seed });
const digest = (d: DemoDataset) => createHash('sha256').update(JSON.stringify(d)).digest('hex');

describe('the seeded random generator', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Random('x');
    const b = new Random('x');
    const c = new Random('y');
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('draws valid version-4 UUIDs and integers within bounds', () => {
    const r = new Random('uuid');
    for (let i = 0; i < 200; i++) {
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
  });
});

describe('the demo clock', () => {
  it('is pinned by STEWARD_DEMO_CLOCK and otherwise today in Taipei', () => {
    expect(demoClock({ STEWARD_DEMO_CLOCK: '2027-01-31' })).toBe('2027-01-31');
    // 20:00 UTC on 1 May is already 2 May in Taipei.
    expect(demoClock({}, new Date('2026-05-01T20:00:00Z'))).toBe('2026-05-02');
    expect(() => demoClock({ STEWARD_DEMO_CLOCK: '2027-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('the demo dataset generator', () => {
  it('is deterministic: the same seed, scale and clock give the same rows, ids included', () => {
    expect(digest(small())).toBe(digest(small()));
    const other = small(CLOCK, 'another-seed');
    expect(other.employees[0].id).not.toBe(small().employees[0].id);
  });

  it('has the holding, its three subsidiaries and 25 sites in seven countries', () => {
    const d = small();
    expect(d.holdings).toEqual([
      expect.objectContaining({
        code: 'ASEH',
        name: 'ASE Technology Holding Co., Ltd.',
        name_zh: '日月光投資控股股份有限公司',
      }),
    ]);
    expect(d.subsidiaries.map((s) => s.code)).toEqual(['ASE', 'SPIL', 'USI']);
    expect(d.subsidiaries.every((s) => /\p{Script=Han}/u.test(s.name_zh))).toBe(true);
    expect(d.sites).toHaveLength(25);
    expect(new Set(d.sites.map((s) => s.country))).toEqual(
      new Set(['TW', 'CN', 'KR', 'SG', 'MY', 'JP', 'MX']),
    );
    expect(new Set(d.sites.map((s) => s.code)).size).toBe(25);
    for (const s of d.sites) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: s.time_zone })).not.toThrow();
      expect(s.name_zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the 18 ISO 45001 facilities of the OHS seed exactly', () => {
    const names = new Set(small().sites.map((s) => s.name));
    expect(OHS_SEED_FACILITIES).toHaveLength(18);
    for (const facility of OHS_SEED_FACILITIES) expect(names).toContain(facility);
    expect(SITES.filter((s) => s.inOhsSeed).map((s) => s.name)).toEqual([...OHS_SEED_FACILITIES]);
    // The seed's table writes one of them without the space.
    const normalise = (s: string) => s.replace(/\s+\(/g, '(');
    expect([...names].map(normalise)).toContain('ASE Shanghai(Material)');
  });

  it('gives every site buildings, floors and lines whose parents are in the same site', () => {
    const d = small();
    const byId = new Map(d.areas.map((a) => [a.id, a]));
    for (const site of d.sites) {
      const areas = d.areas.filter((a) => a.site_id === site.id);
      expect(areas.filter((a) => a.kind === 'building').length).toBeGreaterThan(0);
      expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
      if (site.kind !== 'office') expect(areas.some((a) => a.kind === 'line')).toBe(true);
    }
    for (const a of d.areas) {
      if (!a.parent_id) continue;
      const parent = byId.get(a.parent_id);
      expect(parent?.site_id).toBe(a.site_id);
    }
  });

  it('scales the people: about 1,000 employees, 150 contractor workers at 1/100', () => {
    const c = datasetCounts(small());
    expect(c.employees).toBeGreaterThan(950);
    expect(c.employees).toBeLessThan(1100);
    expect(c.contractor_workers).toBeGreaterThan(130);
    expect(c.contractor_workers).toBeLessThan(180);
    expect(c.contractor_companies).toBeGreaterThanOrEqual(12);
  });

  it('has about 100,000 employees, 15,000 contractor workers of 150 companies and 400 external persons at full scale', () => {
    const c = datasetCounts(generateDemoDataset({ clock: CLOCK }));
    expect(c.employees).toBeGreaterThan(99_000);
    expect(c.employees).toBeLessThan(101_000);
    expect(c.leavers / c.employees).toBeGreaterThan(0.07);
    expect(c.leavers / c.employees).toBeLessThan(0.1);
    expect(c.contractor_workers).toBeGreaterThan(14_500);
    expect(c.contractor_workers).toBeLessThan(15_500);
    expect(c.contractor_companies).toBe(150);
    expect(c.external_persons).toBe(400);
  });

  it("gives employees unique numbers, names in their site's script and consistent dates over 30 years", () => {
    for (const clock of [CLOCK, '2031-09-01']) {
      const d = small(clock);
      const today = dayNumber(clock);
      expect(new Set(d.employees.map((e) => e.employee_no)).size).toBe(d.employees.length);
      const emails = d.employees.map((e) => e.email).filter(Boolean);
      expect(new Set(emails).size).toBe(emails.length);
      for (const e of d.employees) {
        const hire = dayNumber(e.hire_date);
        expect(hire).toBeGreaterThanOrEqual(today - Math.ceil(30 * 365.25));
        expect(hire).toBeLessThanOrEqual(today + 21);
        if (e.leave_date) {
          expect(dayNumber(e.leave_date)).toBeGreaterThanOrEqual(hire);
          expect(dayNumber(e.leave_date)).toBeLessThanOrEqual(today + 30);
        }
      }
      expect(d.employees.some((e) => dayNumber(e.hire_date) < today - 20 * 365)).toBe(true);
      const siteCode = new Map(d.sites.map((s) => [s.id, s.code]));
      const at = (code: string) => d.employees.filter((e) => siteCode.get(e.site_id) === code);
      expect(at('ASE-KR').every((e) => /\p{Script=Hangul}/u.test(e.full_name))).toBe(true);
      expect(at('ASE-JP').every((e) => /\p{Script=Han}|\p{Script=Hiragana}/u.test(e.full_name))).toBe(true);
      expect(at('USI-ZJ').every((e) => /^\p{Script=Han}+$/u.test(e.full_name))).toBe(true);
      expect(at('USI-MX').every((e) => /^[\p{Script=Latin} ]+$/u.test(e.full_name))).toBe(true);
      expect(at('ASE-KH').filter((e) => /^\p{Script=Han}+$/u.test(e.full_name)).length).toBeGreaterThan(
        at('ASE-KH').length * 0.8,
      );
    }
  });

  it('places contractor engagements around the clock, some ending within 30 days', () => {
    for (const clock of [CLOCK, '2029-12-24']) {
      const d = small(clock);
      const today = dayNumber(clock);
      const w = d.contractorWorkers;
      expect(new Set(w.map((x) => x.worker_no)).size).toBe(w.length);
      const ending = w.filter(
        (x) => x.end_date && dayNumber(x.end_date) >= today && dayNumber(x.end_date) <= today + 30,
      );
      expect(ending.length).toBeGreaterThan(0);
      expect(w.some((x) => x.end_date && dayNumber(x.end_date) < today)).toBe(true);
      for (const x of w) if (x.end_date) expect(x.end_date >= x.start_date).toBe(true);
      // Workers work at sites of their company's country.
      const country = new Map(d.sites.map((s) => [s.id, s.country]));
      const companyCountry = new Map(d.contractorCompanies.map((c) => [c.id, c.country]));
      for (const x of w) expect(country.get(x.site_id)).toBe(companyCountry.get(x.company_id));
    }
  });

  it('has students of the academia seed universities and supplier staff among the external persons', () => {
    const d = small();
    const universities = new Set(UNIVERSITIES.map((u) => u.name));
    const students = d.externalPersons.filter((x) => x.kind === 'student');
    expect(students.length).toBeGreaterThan(0);
    for (const s of students) expect(universities).toContain(s.organisation);
    const full = generateDemoDataset({ clock: CLOCK });
    const organisations = new Set(full.externalPersons.map((x) => x.organisation));
    expect(organisations).toContain('National Sun Yat-sen University');
    expect(organisations).toContain('National Chung Hsing University');
    expect(full.externalPersons.some((x) => x.kind === 'supplier_staff')).toBe(true);
  });

  it('has one demo user for each role, scoped to existing sites, linked to their person', () => {
    const d = small();
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(roles));
    const owned = DEMO_USERS.filter((u) => u.role === 'program_owner').map((u) => u.program);
    for (const p of ['ohs', 'ip', 'infosec', 'academia'] as const) expect(owned).toContain(p);
    for (const p of owned) expect(programModules.map((m) => m.key)).toContain(p);
    expect(new Set(d.users.map((u) => u.email.toLowerCase())).size).toBe(d.users.length);
    const siteIds = new Set(d.sites.map((s) => s.id));
    const employees = new Map(d.employees.map((e) => [e.id, e]));
    const workers = new Map(d.contractorWorkers.map((w) => [w.id, w]));
    for (const u of DEMO_USERS) {
      expect(passwordProblems(DEMO_PASSWORD, { email: u.email })).toEqual([]);
      const row = d.users.find((x) => x.email === u.email);
      const assignment = d.roleAssignments.find((a) => a.user_id === row?.id);
      expect(assignment?.role).toBe(u.role);
      for (const id of assignment?.site_ids ?? []) expect(siteIds).toContain(id);
      const site = d.sites.find((s) => s.code === u.person.site);
      const person = row?.employee_id
        ? employees.get(row.employee_id)
        : workers.get(row?.contractor_worker_id ?? '');
      expect(person?.site_id).toBe(site?.id);
      expect(person?.full_name).toBe(u.person.fullName);
    }
    const officer = d.roleAssignments.find(
      (a) => a.user_id === d.users.find((u) => u.email === 'officer.kh@steward.demo')?.id,
    );
    expect(officer).toMatchObject({
      role: 'site_officer',
      scope_kind: 'sites',
      site_ids: [d.sites.find((s) => s.code === 'ASE-KH')?.id],
    });
  });

  it('lists every demo sign-in and the shared password for the README', () => {
    const table = demoLoginsMarkdown();
    expect(table).toContain(DEMO_PASSWORD);
    for (const u of DEMO_USERS) expect(table).toContain(`\`${u.email}\``);
  });
});

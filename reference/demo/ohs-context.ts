import { dayNumber, dec31, jan1 } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { HISTORY_YEARS, OHS_SEED } from './ohs-seed.ts';
import { type DemoSite, SITES } from './organisation.ts';
import { allocate, Random } from './random.ts';
import type { AreaRow, ObligationRow, SiteRow } from './rows.ts';

/**
 * What every part of the OHS history draws on: the sites with the people who worked there, day by day, the
 * demo users who act in the records, and the obligations the records carry, gathered as they are made.
 */

/** Days in a year, on average. */
export const YEAR = 365.25;
/** An instant as ISO 8601 text, as the rows hold it. */
export const iso = (d: Date) => d.toISOString();

export type Person = {
  id: string;
  type: 'employee' | 'contractor_worker';
  from: number;
  until: number | null;
  companyId: string | null;
  name: string;
  /** A contractor's worker's trade. */
  trade?: string | null;
};
/** At work on a day: hired (or engaged) by then and not yet gone. */
export const worksOn = (p: Person, day: number) => p.from <= day && (p.until === null || day < p.until);
/** At work on some day of [from, to]. */
export const worksWithin = (p: Person, from: number, to: number) =>
  p.from <= to && (p.until === null || p.until > from);

/** Someone at work on the day, drawn at random; null when nobody is. */
export function pickWorking(rng: Random, people: readonly Person[], day: number): Person | null {
  if (people.length === 0) return null;
  for (let i = 0; i < 40; i++) {
    const p = people[rng.int(0, people.length - 1)];
    if (worksOn(p, day)) return p;
  }
  const working = people.filter((p) => worksOn(p, day));
  return working.length ? rng.pick(working) : null;
}

export type SiteInfo = {
  row: SiteRow;
  demo: DemoSite;
  areas: AreaRow[];
  employees: Person[];
  workers: Person[];
  /** Employees at work on the demo clock's day. */
  headcountNow: number;
  /** Yearly growth of the headcount over the history (the headcount of n years ago is (1 − n·growth) of today's). */
  growth: number;
  /** Contractors' workers on site, as a share of the headcount. */
  contractorShare: number;
  /** How injury-prone the site's work is, relative to a packaging and test factory. */
  risk: number;
  /** The month (1–12) the site's yearly screening campaign starts. */
  campaignMonth: number;
  officer: string | null;
};

export type Users = {
  ohsOwner: string | null;
  officerKh: string | null;
  officerSpil: string | null;
  medical: string | null;
  employee: string | null;
  names: Map<string, string>;
};

export type Context = {
  data: DemoDataset;
  scale: number;
  today: number;
  clockYear: number;
  firstYear: number;
  /** The seed's year is over by the demo clock: its figures are reproduced exactly. */
  seedYearDone: boolean;
  root: Random;
  sites: SiteInfo[];
  siteByCode: Map<string, SiteInfo>;
  users: Users;
  obligations: ObligationRow[];
};

/** Employees expected at work on a day, by the site's headcount today and its growth. */
export function headcount(s: SiteInfo, day: number, today: number): number {
  const yearsBefore = Math.max(0, (today - day) / YEAR);
  const opened = jan1(s.demo.opened);
  const ramp = Math.min(1, Math.max(0.15, (day - opened) / (2 * YEAR)));
  return s.headcountNow * Math.max(0.5, 1 - s.growth * yearsBefore) * ramp;
}

/** The context of the OHS history of a demo dataset: its sites and their people, its users, its clock. */
export function createOhsContext(data: DemoDataset): Context {
  const scale = data.scale;
  const today = dayNumber(data.clock);
  const clockYear = Number(data.clock.slice(0, 4));
  const root = new Random(`${data.seed}/ohs`);
  const userId = (email: string) => data.users.find((u) => u.email === email)?.id ?? null;
  const users: Users = {
    ohsOwner: userId('ohs.owner@steward.demo'),
    officerKh: userId('officer.kh@steward.demo'),
    officerSpil: userId('officer.spil@steward.demo'),
    medical: userId('medical@steward.demo'),
    employee: userId('employee@steward.demo'),
    names: new Map(data.users.map((u) => [u.id, u.display_name])),
  };

  const setup = root.fork('sites');
  const sites: SiteInfo[] = data.sites.map((row) => {
    const demo = SITES.find((s) => s.code === row.code) as DemoSite;
    const employees: Person[] = [];
    return {
      row,
      demo,
      areas: data.areas.filter((a) => a.site_id === row.id),
      employees,
      workers: [],
      headcountNow: 0,
      growth: setup.next() * 0.03 + 0.005,
      contractorShare: demo.kind === 'office' ? 0.02 : 0.05 + setup.next() * 0.06,
      risk: (demo.kind === 'office' ? 0.1 : demo.kind === 'materials' ? 1.3 : 1) * (0.6 + setup.next() * 0.9),
      campaignMonth: setup.int(3, 9),
      officer:
        row.code === 'ASE-KH' ? users.officerKh : demo.subsidiary === 'SPIL' ? users.officerSpil : null,
    };
  });
  const sitesById = new Map(sites.map((s) => [s.row.id, s]));
  for (const e of data.employees) {
    sitesById.get(e.site_id)?.employees.push({
      id: e.id,
      type: 'employee',
      from: dayNumber(e.hire_date),
      until: e.leave_date ? dayNumber(e.leave_date) : null,
      companyId: null,
      name: e.full_name,
    });
  }
  for (const w of data.contractorWorkers) {
    sitesById.get(w.site_id)?.workers.push({
      id: w.id,
      type: 'contractor_worker',
      from: w.start_date ? dayNumber(w.start_date) : today - 3650,
      until: w.end_date ? dayNumber(w.end_date) : null,
      companyId: w.company_id,
      name: w.full_name,
      trade: w.trade,
    });
  }
  for (const s of sites) s.headcountNow = s.employees.filter((p) => worksOn(p, today)).length;

  return {
    data,
    scale,
    today,
    clockYear,
    firstYear: clockYear - HISTORY_YEARS + 1,
    seedYearDone: today > dec31(OHS_SEED.year),
    root,
    sites,
    siteByCode: new Map(sites.map((s) => [s.row.code, s])),
    users,
    obligations: [],
  };
}

/** The seed year's people to screen, per site, in proportion to each site's headcount then. */
export function seedScreeningTargets(ctx: Context): number[] {
  const mid = dayNumber(`${OHS_SEED.year}-07-01`);
  return allocate(
    Math.round(OHS_SEED.peopleScreened * ctx.scale),
    ctx.sites.map((s) => headcount(s, mid, ctx.today)),
  );
}

/** The site of an id the context holds. */
export const siteById = (ctx: Context, id: string) => ctx.sites.find((s) => s.row.id === id) as SiteInfo;

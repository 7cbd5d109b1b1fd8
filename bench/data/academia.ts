import { DEMO_PARTNERS } from '../../reference/demo/academia-partners.ts';
import type { DemoDataset } from '../../reference/demo/generate.ts';
import { personName } from '../../reference/demo/names.ts';
import { Random } from '../../reference/demo/random.ts';

type Row = Record<string, unknown>;
type Table = { table: string; rows: Row[] };

/** A year of the seed's program at scale 1: interns who started (seeds/002: 410 in 2022) and payments made. */
export const ACADEMIA_YEAR = { interns: 410, payments: 201, projects: 74 } as const;
/** The years the bench adds: the ten that the intern-to-hire report reads, the demo's year the last. */
export const ACADEMIA_YEARS = 10;

const CATEGORIES = ['research', 'scholarship', 'college', 'course', 'internship', 'other'] as const;
const LINES = ['packaging', 'automation', 'materials', 'other'] as const;
/** The first day a dated NT$ rate converts (the academia demo's first TWD rate): NT$ payments from then. */
const FIRST_TWD_RATE = '2021-01-01';
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The industry–academia program at the bench's scale. The demo's part is the seed's year (2022) and a few
 * earlier ones, the same at every scale; the bench adds, for each of the ten years up to the demo's, the
 * interns a year of the seed has times the scale (about one in four completed internships hired at the same
 * site in the year after), the research projects active in the year and the payments of the year, among the
 * demo's partners and at the sites near them. Deterministic by seed, scale and clock.
 */
export function academiaAtScale(
  data: DemoDataset,
  tables: readonly { table: string; rows: readonly Row[] }[],
  scale: number,
): Table[] {
  const rng = new Random(`${data.seed}:bench-academia`);
  const rowsOf = (table: string) => tables.filter((t) => t.table === table).flatMap((t) => t.rows);
  const partnerIds = new Map(rowsOf('academia_partners').map((p) => [p.name as string, p.id as string]));
  const siteByCode = new Map(data.sites.map((s) => [s.code, s]));
  const partners = DEMO_PARTNERS.flatMap((p) => {
    const id = partnerIds.get(p.name);
    const sites = p.sites.flatMap((code) => siteByCode.get(code) ?? []);
    return id && sites.length ? [{ id, sites }] : [];
  });
  if (!partners.length) throw new Error('The demo has no academia partners to add to');
  const placements = partners.flatMap((p) => p.sites.map((site) => ({ partner: p.id, site })));

  // Employees by site and year of hire, each hired at most once from an internship (the demo's first).
  const taken = new Set(
    rowsOf('academia_interns').flatMap((i) => (i.hired_employee_id ? [i.hired_employee_id] : [])),
  );
  const hires = new Map<string, DemoDataset['employees']>();
  for (const e of data.employees) {
    if (e.hire_date >= data.clock || taken.has(e.id)) continue;
    const key = `${e.site_id}:${e.hire_date.slice(0, 4)}`;
    const list = hires.get(key) ?? [];
    list.push(e);
    hires.set(key, list);
  }
  const hireAfter = (siteId: string, endedOn: string) => {
    const year = Number(endedOn.slice(0, 4));
    for (const y of [year, year + 1]) {
      const list = hires.get(`${siteId}:${y}`) ?? [];
      const at = list.findIndex((e) => e.hire_date > endedOn);
      if (at >= 0) return list.splice(at, 1)[0];
    }
    return undefined;
  };

  const interns: Row[] = [];
  const projects: Row[] = [];
  const payments: Row[] = [];
  const last = Number(data.clock.slice(0, 4));
  for (let year = last - ACADEMIA_YEARS + 1; year <= last; year++) {
    const stamp = { created_at: `${year}-01-05T01:00:00.000Z`, updated_at: `${year}-01-05T01:00:00.000Z` };
    const startedOn = `${year}-07-01`;
    const endedOn = `${year}-08-31`;
    const internsOfYear = Math.round(ACADEMIA_YEAR.interns * scale);
    for (let n = 0; n < internsOfYear; n++) {
      const { partner, site } = placements[(n + year) % placements.length];
      // Internships of the demo's own year may still be running on its day.
      const over = endedOn < data.clock;
      const outcome = !over ? 'ongoing' : n % 10 === 9 ? 'withdrawn' : 'completed';
      const hired = outcome === 'completed' && n % 4 === 0 ? hireAfter(site.id, endedOn) : undefined;
      interns.push({
        id: rng.uuid(),
        site_id: site.id,
        partner_id: partner,
        full_name: personName(rng, site.country === 'CN' ? 'cn' : 'tw').fullName,
        email: null,
        program: site.code.startsWith('USI-')
          ? 'onsite_internship'
          : n % 3 === 0
            ? 'career_development'
            : 'cooperative_education',
        started_on: startedOn,
        ended_on: over ? endedOn : null,
        hours: 320,
        outcome,
        hired_employee_id: hired?.id ?? null,
        hired_on: hired?.hire_date ?? null,
        anonymised_on: null,
        institute: null,
        sponsored: false,
        study_started_on: null,
        study_ended_on: null,
        ...stamp,
      });
    }
    const projectsOfYear = Math.round(ACADEMIA_YEAR.projects * scale);
    for (let n = 0; n < projectsOfYear; n++) {
      const { partner, site } = placements[(n * 7 + year) % placements.length];
      projects.push({
        id: rng.uuid(),
        site_id: site.id,
        partner_id: partner,
        title: `Research collaboration ${year}-${String(n + 1).padStart(4, '0')}`,
        line: LINES[n % LINES.length],
        principal_investigator: `Prof. ${personName(rng, 'tw').family}`,
        contact_employee_id: null,
        status: year < last ? 'completed' : 'active',
        starts_on: `${year}-02-01`,
        ends_on: `${year}-12-31`,
        currency: 'USD',
        ...stamp,
      });
    }
    const paymentsOfYear = Math.round(ACADEMIA_YEAR.payments * scale);
    for (let n = 0; n < paymentsOfYear; n++) {
      const { partner, site } = placements[(n * 3 + year) % placements.length];
      const paidOn = `${year}-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`;
      const usd = rng.int(5_000, 60_000) * 100;
      const twd = paidOn >= FIRST_TWD_RATE && paidOn <= data.clock && n % 2 === 1;
      payments.push({
        id: rng.uuid(),
        site_id: site.id,
        partner_id: partner,
        category: CATEGORIES[n % CATEGORIES.length],
        project_id: null,
        scholarship_id: null,
        paid_on: paidOn,
        amount_minor: twd ? usd * 30 : usd,
        currency: twd ? 'TWD' : 'USD',
        note: null,
        ...stamp,
      });
    }
  }
  return [
    { table: 'academia_projects', rows: projects },
    { table: 'academia_interns', rows: interns },
    { table: 'academia_payments', rows: payments.filter((p) => (p.paid_on as string) <= data.clock) },
  ];
}

import { addDays, dayNumber, isoDate } from './clock.ts';
import { emailLocalPart, personName } from './names.ts';
import { type DemoSite, SITES } from './organisation.ts';
import { BUSINESSES, companyName, FULL_SCALE, phoneNumber, SITE_CITY, slug, taxId } from './partners.ts';
import type { Random } from './random.ts';
import type { ContractorCompanyRow, ContractorWorkerRow } from './rows.ts';
import { DEMO_USERS } from './users.ts';

const YEAR = 365.25;

/**
 * Contractor companies (group records) and their workers at the sites of their country, numbered in turn;
 * the demo contractor among the first company's workers (`demoWorkerId`).
 */
export function generateContractors(root: Random, scale: number, clock: string, siteId: Map<string, string>) {
  const today = dayNumber(clock);
  const partners = root.fork('contractors');
  const companyCount = Math.max(12, Math.round(FULL_SCALE.contractorCompanies * scale));
  const workerCount = Math.max(30, Math.round(FULL_SCALE.contractorWorkers * scale));
  const countries = [...new Set(SITES.map((s) => s.country))];
  const siteWeight = (s: DemoSite) => s.employees * (s.kind === 'office' ? 0.2 : 1);
  const taxIds = new Set<string>();
  const companies: (ContractorCompanyRow & {
    sites: DemoSite[];
    trades: readonly (readonly [string, number])[];
    size: number;
  })[] = [];
  for (let i = 0; i < companyCount; i++) {
    // Every country has at least one company; the rest follow the workforce.
    const home =
      i < countries.length
        ? partners.weighted(
            SITES.filter((s) => s.country === countries[i]).map((s) => [s, siteWeight(s)] as const),
          )
        : partners.weighted(SITES.map((s) => [s, siteWeight(s)] as const));
    // The first company is the scaffolding contractor of ASE Kaohsiung that employs the demo contractor.
    const business =
      i === 0
        ? (BUSINESSES.find((b) => b.en === 'Scaffolding') as (typeof BUSINESSES)[number])
        : partners.weighted(BUSINESSES.map((b) => [b, b.weight] as const));
    const site = i === 0 ? (SITES.find((s) => s.code === 'ASE-KH') as DemoSite) : home;
    const { city, phone } = SITE_CITY[site.code];
    const name = companyName(partners, site.country, city, business);
    let tax = taxId(partners, site.country, city);
    while (taxIds.has(tax)) tax = taxId(partners, site.country, city);
    taxIds.add(tax);
    const others = SITES.filter(
      (s) => s.country === site.country && s.code !== site.code && s.kind !== 'office',
    );
    const served = [site];
    const extra = Math.min(
      others.length,
      partners.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
      ] as const),
    );
    for (let k = 0; k < extra; k++) {
      const next = partners.weighted(
        others.filter((o) => !served.includes(o)).map((o) => [o, siteWeight(o)] as const),
      );
      served.push(next);
    }
    const contact = personName(
      partners,
      partners.weighted(site.cultures.filter(([c]) => !['ph', 'vn', 'id'].includes(c))),
    );
    companies.push({
      id: partners.uuid(),
      name: dedupe(
        name,
        companies.map((c) => c.name),
      ),
      tax_id: tax,
      country: site.country,
      contact_name: contact.fullName,
      contact_email: `${emailLocalPart(contact) || 'safety'}@${slug(name)}.example`,
      contact_phone: phoneNumber(partners, phone),
      sites: served,
      trades: business.trades,
      size: 0.15 + partners.exponential(1),
    });
  }
  const totalSize = companies.reduce((sum, c) => sum + c.size, 0);
  const contractorWorkers: ContractorWorkerRow[] = [];
  const workerRng = root.fork('contractor-workers');
  let demoWorkerId: string | null = null;
  for (const company of companies) {
    const n = Math.max(1, Math.round((company.size / totalSize) * workerCount));
    for (let i = 0; i < n; i++) {
      const site = workerRng.weighted(company.sites.map((s) => [s, siteWeight(s)] as const));
      const name = personName(workerRng, workerRng.weighted(site.cultures));
      const { start, end } = engagement(workerRng, today);
      contractorWorkers.push({
        id: workerRng.uuid(),
        company_id: company.id,
        site_id: siteId.get(site.code) as string,
        worker_no: '',
        full_name: name.fullName,
        trade: workerRng.weighted(company.trades),
        start_date: isoDate(start),
        end_date: end === null ? null : isoDate(end),
      });
    }
    if (company === companies[0]) {
      const demo = DEMO_USERS.find((u) => u.person.kind === 'contractor_worker');
      if (demo) {
        demoWorkerId = workerRng.uuid();
        contractorWorkers.push({
          id: demoWorkerId,
          company_id: company.id,
          site_id: siteId.get(demo.person.site) as string,
          worker_no: '',
          full_name: demo.person.fullName,
          trade: 'Scaffolder',
          start_date: addDays(clock, -420),
          end_date: addDays(clock, 180),
        });
      }
    }
  }
  contractorWorkers.forEach((w, i) => {
    w.worker_no = `CW-${String(i + 1).padStart(6, '0')}`;
  });
  return {
    companies: companies.map(({ sites: _s, trades: _t, size: _z, ...c }): ContractorCompanyRow => c),
    workers: contractorWorkers,
    demoWorkerId,
  };
}

function dedupe(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = name.replace(
      / (Co\., Ltd\.|Pte\. Ltd\.|Sdn\. Bhd\.|S\.A\. de C\.V\.)$/,
      ` ${toRoman(n)} $1`,
    );
    if (!taken.includes(candidate)) return candidate;
  }
}

function toRoman(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}

/**
 * Contractor engagements around the demo clock: long-running ones, some ending within the next 30 days
 * (renewals to chase), some over, a few starting soon.
 */
function engagement(rng: Random, today: number): { start: number; end: number | null } {
  const kind = rng.weighted([
    ['open', 33],
    ['running', 32],
    ['ending', 10],
    ['ended', 20],
    ['starting', 5],
  ] as const);
  switch (kind) {
    case 'open':
      return { start: today - rng.int(30, Math.round(6 * YEAR)), end: null };
    case 'running':
      return { start: today - rng.int(14, 720), end: today + rng.int(31, 365) };
    case 'ending':
      return { start: today - rng.int(60, 540), end: today + rng.int(0, 30) };
    case 'ended': {
      const end = today - rng.int(1, 720);
      return { start: end - rng.int(14, 400), end };
    }
    case 'starting': {
      const start = today + rng.int(1, 21);
      return { start, end: rng.chance(0.5) ? start + rng.int(7, 180) : null };
    }
  }
}

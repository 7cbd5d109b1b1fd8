import { toUsdCents } from '../../server/platform/rates/money.ts';
import { generateNsysuCohort } from './academia-cohort.ts';
import { generateFormerInternHires } from './academia-hires.ts';
import { DEMO_PARTNERS } from './academia-partners.ts';
import { generatePlacements } from './academia-placements.ts';
import { generateTeaching } from './academia-teaching.ts';
import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { personName } from './names.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The industry–academia demo: the records behind the academia seed's 2022 figures (seeds/002: "contributing
 * over US$5.1 million, including US$1.8 million towards 74 technology research collaborations and US$1.1
 * million for scholarships. We also recruited 410 interns … Nearly 70 schools and research institutions in
 * Taiwan, China, Singapore, Malaysia, South Korea, Japan"; "ASE invested a total of US$0.89 million to support
 * the NSYSU College"; "a total of 72 students participated in on-site internships" at USI; 131 packaging
 * research projects since 2012 and 44 automation projects since 2015). The report computes each from these
 * rows; nothing here is a stored total. The figures do not depend on the scale.
 */
export const ACADEMIA_SEED = {
  year: 2022,
  researchCollaborations: 74,
  researchUsdCents: 1_812_000_00,
  scholarshipsUsdCents: 1_104_000_00,
  nsysuCollegeUsdCents: 890_000_00,
  aiCollegesUsdCents: 350_000_00,
  coursesUsdCents: 420_000_00,
  internshipsUsdCents: 560_000_00,
  internsRecruited: 410,
  usiOnsiteInterns: 72,
  packagingProjectsSince2012: 131,
  automationProjectsSince2015: 44,
} as const;

const RATES = [
  { currency: 'TWD', validFrom: '2021-01-01', perUsd: '28.01' },
  { currency: 'TWD', validFrom: '2022-01-01', perUsd: '27.69' },
  { currency: 'TWD', validFrom: '2022-07-01', perUsd: '29.72' },
  { currency: 'TWD', validFrom: '2023-01-01', perUsd: '30.73' },
  { currency: 'CNY', validFrom: '2022-01-01', perUsd: '6.3757' },
];

type Row = Record<string, unknown>;
export type AcademiaDataset = {
  partners: Row[];
  rates: Row[];
  agreements: Row[];
  projects: Row[];
  budgets: Row[];
  milestones: Row[];
  outcomes: Row[];
  scholarships: Row[];
  interns: Row[];
  payments: Row[];
  obligations: Row[];
  courses: Row[];
  mentorships: Row[];
  activities: Row[];
  hireMatches: Row[];
  placements: Row[];
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Splits `total` into `n` whole parts as equal as can be (the first ones a unit larger). */
function split(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

export function generateAcademiaDataset(data: DemoDataset): AcademiaDataset {
  const rng = new Random(`${data.seed}:academia`);
  const id = () => rng.uuid();
  const siteByCode = new Map(data.sites.map((s) => [s.code, s]));
  const stamp = { created_at: '2022-01-03T01:00:00.000Z', updated_at: '2022-01-03T01:00:00.000Z' };
  const out: AcademiaDataset = {
    partners: [],
    rates: RATES.map((r) => ({
      id: id(),
      currency: r.currency,
      valid_from: r.validFrom,
      per_usd: r.perUsd,
      ...stamp,
    })),
    agreements: [],
    projects: [],
    budgets: [],
    milestones: [],
    outcomes: [],
    scholarships: [],
    interns: [],
    payments: [],
    obligations: [],
    courses: [],
    mentorships: [],
    activities: [],
    hireMatches: [],
    placements: [],
  };

  const partners = DEMO_PARTNERS.map((p) => {
    const sites = p.sites.map((c) => siteByCode.get(c)).filter((s) => s !== undefined);
    if (sites.length === 0) throw new Error(`No demo site for ${p.name}`);
    const row = { id: id(), name: p.name, name_zh: p.nameZh, country: p.country, kind: p.kind, ...stamp };
    out.partners.push(row);
    return { ...p, id: row.id, sites };
  });
  const byName = (name: string) => {
    const p = partners.find((x) => x.name === name);
    if (!p) throw new Error(`No demo partner ${name}`);
    return p;
  };
  const nsysu = byName('National Sun Yat-sen University');
  const ncku = byName('National Cheng Kung University');
  const nkust = byName('National Kaohsiung University of Science and Technology');
  const kh = siteByCode.get('ASE-KH');
  if (!kh) throw new Error('No ASE-KH site in the demo');

  const payment = (
    siteId: string,
    partnerId: string,
    category: string,
    paidOn: string,
    amountMinor: number,
    currency = 'USD',
    link: { project_id?: string; scholarship_id?: string } = {},
  ): void => {
    out.payments.push({
      id: id(),
      site_id: siteId,
      partner_id: partnerId,
      category,
      project_id: link.project_id ?? null,
      scholarship_id: link.scholarship_id ?? null,
      paid_on: paidOn,
      amount_minor: amountMinor,
      currency,
      note: null,
      ...stamp,
    });
  };

  // ---- agreements: a framework agreement with each partner at its first site; renewal due 90 days before the end.
  partners.forEach((p, i) => {
    const site = p.sites[0];
    // Agreements run on for four months to four years after the demo's day, so no renewal is overdue at load.
    const endsOn = addDays(data.clock, 120 + ((i * 97) % 1300));
    const agreement = {
      id: id(),
      site_id: site.id,
      partner_id: p.id,
      kind: i % 5 === 0 ? 'mou' : 'framework',
      title: `${p.name} – ${site.code} cooperation`,
      starts_on: day(2019 + (i % 3), 1, 1),
      ends_on: endsOn,
      renewal_notice_days: 90,
      ...stamp,
    };
    out.agreements.push(agreement);
    out.obligations.push({
      id: id(),
      kind: 'academia.agreement_renewal',
      source_type: 'academia_agreement',
      source_id: agreement.id,
      site_id: site.id,
      program: 'academia',
      owner_id: null,
      title: null,
      title_key: 'academia.obligation.agreementRenewal',
      title_params: { partner: p.name, title: agreement.title },
      due_date: addDays(endsOn, -90),
      due_at: null,
      state: 'open',
      done_at: null,
      created_at: stamp.created_at,
    });
  });

  // ---- research projects: the packaging line since 2012, automation since 2015, materials and others.
  const project = (o: {
    site: { id: string };
    partner: { id: string };
    title: string;
    line: string;
    from: number;
    to: number;
    currency: string;
    budgetMinor: number;
  }) => {
    const row = {
      id: id(),
      site_id: o.site.id,
      partner_id: o.partner.id,
      title: o.title,
      line: o.line,
      principal_investigator: `Prof. ${personName(rng, 'tw').family}`,
      contact_employee_id: null,
      status: o.to < 2022 ? 'completed' : 'active',
      starts_on: day(o.from, 3, 1),
      ends_on: day(o.to, 12, 31),
      currency: o.currency,
      ...stamp,
    };
    out.projects.push(row);
    for (let y = o.from; y <= o.to; y++)
      out.budgets.push({
        id: id(),
        project_id: row.id,
        site_id: o.site.id,
        year: y,
        budget_minor: o.budgetMinor,
        ...stamp,
      });
    return row;
  };
  const khPartners = [nsysu, ncku];
  for (let n = 0; n < ACADEMIA_SEED.packagingProjectsSince2012 - 14; n++) {
    const from = 2012 + (n % 10);
    project({
      site: kh,
      partner: khPartners[n % 2],
      title: `Packaging research ${from}-${pad((n % 13) + 1)}`,
      line: 'packaging',
      from,
      to: Math.min(from + 1, 2021),
      currency: 'TWD',
      budgetMinor: 1_200_000_00,
    });
  }
  for (let n = 0; n < ACADEMIA_SEED.automationProjectsSince2015 - 3; n++) {
    const from = 2015 + (n % 7);
    project({
      site: kh,
      partner: [ncku, nsysu, nkust][n % 3],
      title: `Automation research ${from}-${pad((n % 6) + 1)}`,
      line: 'automation',
      from,
      to: Math.min(from + 1, 2021),
      currency: 'TWD',
      budgetMinor: 900_000_00,
    });
  }
  const active: { row: Row; site: { id: string }; partner: { id: string } }[] = [];
  const PACKAGING_2022 = [
    'Advanced packaging circuit layout',
    '5G mmWave antenna-in-package',
    'Automotive radar sensor packaging',
    'Absorption and diffusion materials for optical sensing',
  ];
  for (let n = 0; n < 14; n++)
    active.push({
      row: project({
        site: kh,
        partner: khPartners[n % 2],
        title: `${PACKAGING_2022[n % PACKAGING_2022.length]} (${n + 1})`,
        line: 'packaging',
        from: 2022,
        to: 2023,
        currency: 'TWD',
        budgetMinor: 3_000_000_00,
      }),
      site: kh,
      partner: khPartners[n % 2],
    });
  const AUTOMATION_2022: [string, typeof ncku][] = [
    ['Optimisation of IIoT database middleware', ncku],
    ['Voiceprint recognition for equipment anomalies', nsysu],
    ['Intelligent image search and retrieval', nkust],
  ];
  for (const [title, partner] of AUTOMATION_2022)
    active.push({
      row: project({
        site: kh,
        partner,
        title,
        line: 'automation',
        from: 2022,
        to: 2022,
        currency: 'TWD',
        budgetMinor: 2_000_000_00,
      }),
      site: kh,
      partner,
    });
  const others = partners.filter((p) => p !== nsysu && p !== ncku && p !== nkust);
  for (let n = 0; active.length < ACADEMIA_SEED.researchCollaborations; n++) {
    const partner = others[n % others.length];
    const site = partner.sites[n % partner.sites.length];
    active.push({
      row: project({
        site,
        partner,
        title: `${n % 2 ? 'Advanced semiconductor materials' : 'Reliability and test'} study ${n + 1}`,
        line: n % 2 ? 'materials' : 'other',
        from: 2021 + (n % 2),
        to: 2022 + (n % 3 === 0 ? 1 : 0),
        currency: 'USD',
        budgetMinor: 20_000_00,
      }),
      site,
      partner,
    });
  }
  // One payment per active project in 2022: NT$ on the Kaohsiung projects (converted at the rate of the day),
  // US$ elsewhere, the US$ ones sized so that the year's research total is exact.
  let researchLeft = ACADEMIA_SEED.researchUsdCents;
  const usdProjects: typeof active = [];
  active.forEach((a, n) => {
    if (a.row.currency === 'TWD') {
      const paidOn = day(2022, 3 + (n % 8), 15);
      const amount = 1_500_000_00;
      researchLeft -= toUsdCents(amount, 'TWD', paidOn, RATES);
      payment(a.site.id, a.partner.id, 'research', paidOn, amount, 'TWD', { project_id: a.row.id as string });
    } else usdProjects.push(a);
  });
  split(researchLeft, usdProjects.length).forEach((amount, n) => {
    const a = usdProjects[n];
    payment(a.site.id, a.partner.id, 'research', day(2022, 2 + (n % 10), 10), amount, 'USD', {
      project_id: a.row.id as string,
    });
  });
  const voiceprint = active[15].row;
  out.milestones.push({
    id: id(),
    project_id: voiceprint.id,
    site_id: kh.id,
    title: 'Prototype on a production line',
    due_date: '2022-10-31',
    done_on: '2022-10-20',
    ...stamp,
  });
  out.outcomes.push({
    id: id(),
    project_id: voiceprint.id,
    site_id: kh.id,
    kind: 'patent',
    title: 'Acoustic anomaly detection for bonding equipment',
    occurred_on: '2022-11-15',
    ip_reference: 'IDF-KH-2022-017',
    ...stamp,
  });

  // ---- scholarships: 2022 awards, each paid once.
  const scholars = 40;
  split(ACADEMIA_SEED.scholarshipsUsdCents, scholars).forEach((amount, n) => {
    const partner = partners[n % 12];
    const site = partner.sites[0];
    const award = {
      id: id(),
      site_id: site.id,
      partner_id: partner.id,
      recipient_name: personName(rng, 'tw').fullName,
      program:
        partner === nsysu
          ? 'NSYSU College of Semiconductor and Advanced Technology Research'
          : 'ASE scholarship',
      awarded_on: day(2022, 9, 1),
      amount_minor: amount,
      currency: 'USD',
      condition: partner === nsysu ? 'Completes the three-year program' : null,
      anonymised_on: null,
      ...stamp,
    };
    out.scholarships.push(award);
    payment(site.id, partner.id, 'scholarship', day(2022, 9, 15), amount, 'USD', {
      scholarship_id: award.id,
    });
  });

  // ---- colleges: the NSYSU college in four instalments; the AI colleges.
  split(ACADEMIA_SEED.nsysuCollegeUsdCents, 4).forEach((amount, n) => {
    payment(kh.id, nsysu.id, 'college', day(2022, 1 + n * 3, 20), amount);
  });
  const aiColleges = [
    'National Taiwan University',
    'National Tsing Hua University',
    'National Yang Ming Chiao Tung University',
  ].map(byName);
  split(ACADEMIA_SEED.aiCollegesUsdCents, aiColleges.length).forEach((amount, n) => {
    payment(aiColleges[n].sites[0].id, aiColleges[n].id, 'college', day(2022, 6, 1), amount);
  });
  // ---- courses with 12 partners; internship cooperation with every partner (so all are involved in 2022).
  split(ACADEMIA_SEED.coursesUsdCents, 12).forEach((amount, n) => {
    payment(partners[n].sites[0].id, partners[n].id, 'course', day(2022, 10, 5), amount);
  });
  split(ACADEMIA_SEED.internshipsUsdCents, partners.length).forEach((amount, n) => {
    payment(partners[n].sites[0].id, partners[n].id, 'internship', day(2022, 7, 1), amount);
  });

  // ---- interns: 410 started in 2022 (72 at USI's sites), and the earlier years' interns with their hires.
  const usiSites = data.sites.filter(
    (s) => s.code.startsWith('USI-') && partners.some((p) => p.sites.includes(s)),
  );
  const otherSites = data.sites.filter(
    (s) => !s.code.startsWith('USI-') && partners.some((p) => p.sites.includes(s)),
  );
  const employeesBySite = new Map<string, typeof data.employees>();
  for (const e of data.employees) {
    const list = employeesBySite.get(e.site_id) ?? [];
    list.push(e);
    employeesBySite.set(e.site_id, list);
  }
  const taken = new Set<string>();
  const intern = (site: (typeof data.sites)[number], year: number, n: number) => {
    const near = partners.filter((p) => p.sites.includes(site));
    const partner = near[n % near.length];
    const startedOn = day(year, 7, 1);
    const endedOn = day(year, 8, 31);
    // About one in four completed internships ends in a hire at the same site, when someone was hired there
    // in the following year.
    let hired: (typeof data.employees)[number] | undefined;
    if (n % 4 === 0)
      hired = (employeesBySite.get(site.id) ?? []).find(
        (e) => !taken.has(e.id) && e.hire_date > endedOn && e.hire_date <= day(year + 1, 12, 31),
      );
    if (hired) taken.add(hired.id);
    const name = personName(rng, site.country === 'CN' ? 'cn' : 'tw');
    out.interns.push({
      id: id(),
      site_id: site.id,
      partner_id: partner.id,
      full_name: name.fullName,
      email: null,
      program: site.code.startsWith('USI-')
        ? 'onsite_internship'
        : n % 3 === 0
          ? 'career_development'
          : 'cooperative_education',
      started_on: startedOn,
      ended_on: endedOn,
      hours: 320,
      outcome: n % 10 === 9 ? 'withdrawn' : 'completed',
      hired_employee_id: n % 10 === 9 ? null : (hired?.id ?? null),
      hired_on: n % 10 === 9 ? null : (hired?.hire_date ?? null),
      anonymised_on: null,
      ...stamp,
    });
  };
  for (let n = 0; n < ACADEMIA_SEED.usiOnsiteInterns; n++) intern(usiSites[n % usiSites.length], 2022, n);
  for (let n = 0; n < ACADEMIA_SEED.internsRecruited - ACADEMIA_SEED.usiOnsiteInterns; n++)
    intern(otherSites[n % otherSites.length], 2022, n);
  for (const year of [2019, 2020, 2021])
    for (let n = 0; n < 120; n++) intern(otherSites[(n + year) % otherSites.length], year, n);

  // ---- courses and mentorship programs (academia-teaching.ts).
  Object.assign(out, generateTeaching(data, rng, byName, stamp));

  // ---- former interns hired since, as Steward proposed them (after the rest: the ids above stay as they were).
  const former = generateFormerInternHires(data, partners, taken, id, stamp);
  out.interns.push(...former.interns);
  out.hireMatches.push(...former.hireMatches);

  // ---- the 2014 cohort, past the ten-year retention: names and contact details erased by the nightly job
  // the September after (last, so that the random draws above stay as they were).
  for (let n = 0; n < 12; n++) {
    const site = otherSites[n % otherSites.length];
    const near = partners.filter((p) => p.sites.includes(site));
    out.interns.push({
      id: id(),
      site_id: site.id,
      partner_id: near[n % near.length].id,
      full_name: null,
      email: null,
      program: n % 3 === 0 ? 'career_development' : 'cooperative_education',
      started_on: day(2014, 7, 1),
      ended_on: day(2014, 8, 31),
      hours: 320,
      outcome: 'completed',
      hired_employee_id: null,
      hired_on: null,
      anonymised_on: day(2024, 9, 2),
      ...stamp,
    });
  }

  // ---- the NSYSU college's 2022 cohort, per student (academia-cohort.ts, its own random draws).
  out.interns.push(...generateNsysuCohort(data, nsysu, stamp));

  // ---- USI's internship cooperation (academia-placements.ts, its own random draws).
  out.placements.push(...generatePlacements(data, byName, stamp));
  return out;
}

/** The academia tables of the demo, parents before children. */
export function academiaTables(a: AcademiaDataset): TableRows[] {
  return [
    { table: 'academia_partners', rows: a.partners },
    { table: 'exchange_rates', rows: a.rates },
    { table: 'academia_agreements', rows: a.agreements },
    { table: 'academia_projects', rows: a.projects },
    { table: 'academia_project_budgets', rows: a.budgets },
    { table: 'academia_milestones', rows: a.milestones },
    { table: 'academia_outcomes', rows: a.outcomes },
    { table: 'academia_scholarships', rows: a.scholarships },
    // The loader inserts the columns of the first row: every intern carries the cohort's columns.
    {
      table: 'academia_interns',
      rows: a.interns.map((r) => ({
        institute: null,
        sponsored: false,
        study_started_on: null,
        study_ended_on: null,
        ...r,
      })),
    },
    { table: 'academia_payments', rows: a.payments },
    { table: 'obligations', rows: a.obligations },
    { table: 'academia_courses', rows: a.courses },
    { table: 'academia_mentorships', rows: a.mentorships },
    { table: 'academia_mentorship_activities', rows: a.activities },
    { table: 'academia_hire_matches', rows: a.hireMatches },
    { table: 'academia_placements', rows: a.placements },
  ];
}

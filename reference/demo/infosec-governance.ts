import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { writesChinese } from './organisation.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const year = (iso: string) => Number(iso.slice(0, 4));

/**
 * The organisations the seed names as the group's information-sharing partners: FIRST, TWCERT/CC and the
 * High-tech Information Security Alliance, SEMI's Semiconductor Cybersecurity Committee, and the MOU that ASE
 * Kaohsiung signed with the Kaohsiung division of the Ministry of Justice Investigation Bureau. The seed gives
 * no dates: the start years and the yearly renewals are the demo's own.
 */
const MEMBERSHIPS = [
  { organisation: 'FIRST', kind: 'membership', since: '2019-05-01', site: null, renewMonth: '05-01' },
  { organisation: 'TWCERT/CC', kind: 'membership', since: '2018-01-01', site: null, renewMonth: '01-01' },
  {
    organisation: 'High-tech Information Security Alliance',
    kind: 'membership',
    since: '2021-09-01',
    site: null,
    renewMonth: '09-01',
  },
  {
    organisation: 'SEMI Semiconductor Cybersecurity Committee',
    kind: 'membership',
    since: '2019-07-01',
    site: null,
    renewMonth: '07-01',
  },
  {
    organisation: 'MJIB Kaohsiung Division',
    kind: 'mou',
    since: '2023-06-01',
    site: 'ASE-KH',
    renewMonth: '06-01',
  },
] as const;
const LEAD_DAYS = 60;

/** The risks each site's security team keeps on its register: [English, Chinese, likelihood, impact, treatment, on a critical system]. */
const RISKS: [string, string, number, number, string, boolean][] = [
  ['Ransomware encrypts the production systems', '勒索軟體加密生產系統', 3, 5, 'mitigate', true],
  ['Customer design files leak through e-mail', '客戶設計檔案經由電子郵件外洩', 3, 4, 'mitigate', false],
  ['Unpatched equipment PCs on the OT network', 'OT 網路上未修補的機台電腦', 4, 4, 'mitigate', true],
  ['Supplier remote access abused', '供應商遠端存取遭濫用', 2, 4, 'mitigate', false],
  ['Data centre power loss beyond the UPS', '機房斷電超過不斷電系統時間', 2, 3, 'transfer', true],
  ['Phishing steals employee credentials', '網路釣魚竊取員工帳密', 4, 3, 'mitigate', false],
  ['Legacy test software without vendor support', '無原廠支援的舊版測試軟體', 3, 2, 'accept', true],
];

/** The demo's governance records: the memberships and agreements with their renewals as obligations. */
export function governanceTables(group: DemoDataset, systems: Row[], ownerId: string | null): TableRows[] {
  const rng = new Random(`${group.seed}:infosec-governance`);
  const clock = group.clock;
  const memberships: Row[] = [];
  const obligations: Row[] = [];
  for (const m of MEMBERSHIPS) {
    const site = m.site ? group.sites.find((s) => s.code === m.site) : null;
    if (m.site && !site) continue;
    // The next renewal date on or after the demo's today.
    let renewalOn = `${year(clock)}-${m.renewMonth}`;
    if (renewalOn < clock) renewalOn = `${year(clock) + 1}-${m.renewMonth}`;
    const id = rng.uuid();
    memberships.push({
      id,
      site_id: site?.id ?? null,
      organisation: m.organisation,
      kind: m.kind,
      since: m.since,
      renewal_on: renewalOn,
      renewal_lead_days: LEAD_DAYS,
      owner_id: ownerId,
      note: null,
      created_by: ownerId,
      updated_by: ownerId,
    });
    obligations.push({
      id: rng.uuid(),
      kind: 'infosec.membership_renewal',
      source_type: 'infosec_membership',
      source_id: id,
      site_id: site?.id ?? null,
      program: 'infosec',
      owner_id: ownerId,
      title: null,
      title_key: 'infosec.membership.renewal',
      title_params: {
        organisation: m.organisation,
        kind: { key: `infosec.membershipKind.${m.kind}` },
        renewalOn,
      },
      due_date: addDays(renewalOn, -LEAD_DAYS),
      due_at: null,
      state: 'open',
      done_at: null,
    });
  }
  const risks = riskRows(group, systems, ownerId, rng);
  for (const r of risks)
    obligations.push({
      id: rng.uuid(),
      kind: 'infosec.risk_review',
      source_type: 'infosec_risk',
      source_id: r.id,
      site_id: r.site_id,
      program: 'infosec',
      owner_id: r.owner_id,
      title: null,
      title_key: 'infosec.risk.review',
      title_params: { title: r.title },
      due_date: r.review_on,
      due_at: null,
      state: 'open',
      done_at: null,
    });
  const goals = goalRows(ownerId, rng);
  return [
    { table: 'infosec_memberships', rows: memberships },
    { table: 'infosec_risks', rows: risks },
    { table: 'obligations', rows: obligations },
    { table: 'infosec_goals', rows: goals.goals },
    { table: 'infosec_goal_kpis', rows: goals.kpis },
    { table: 'infosec_site_kpis', rows: siteKpiRows(group, ownerId, rng) },
  ];
}

/**
 * The three cybersecurity goals the group set for 2025 (the seed: "Formulated three cybersecurity goals for
 * 2025"). The seed does not word them: these follow the aims it states (no major breach, every employee's
 * awareness through training and drills, KPI monitoring reaching every endpoint and confidential-file
 * labelling), each measured by the KPIs the sites report monthly or, for incidents, entered by hand.
 */
const GOALS_2025 = [
  {
    title: 'Zero material cybersecurity incidents',
    kpis: [
      {
        metric: 'manual',
        name: 'Material cybersecurity incidents',
        comparison: 'at_most',
        target: 0,
        actual: 0,
      },
    ],
  },
  {
    title: 'Every employee trained and drilled in information security',
    kpis: [
      { metric: 'training_completion', name: null, comparison: 'at_least', target: 95, actual: null },
      { metric: 'drill_participation', name: null, comparison: 'at_least', target: 90, actual: null },
    ],
  },
  {
    title: 'Every endpoint protected and every confidential file labelled',
    kpis: [
      { metric: 'endpoint_protection', name: null, comparison: 'at_least', target: 98, actual: null },
      { metric: 'file_labelling', name: null, comparison: 'at_least', target: 90, actual: null },
    ],
  },
];

function goalRows(ownerId: string | null, rng: Random) {
  const goals: Row[] = [];
  const kpis: Row[] = [];
  for (const g of GOALS_2025) {
    const id = rng.uuid();
    goals.push({
      id,
      site_id: null,
      year: 2025,
      title: g.title,
      description: null,
      created_by: ownerId,
      updated_by: ownerId,
    });
    for (const [position, k] of g.kpis.entries()) kpis.push({ goal_id: id, position, ...k });
  }
  return { goals, kpis };
}

/** Each site's monthly KPIs from January 2025 to the demo's last full month, improving month by month. */
function siteKpiRows(group: DemoDataset, ownerId: string | null, rng: Random) {
  const rows: Row[] = [];
  const last = group.clock.slice(0, 7);
  for (const site of group.sites) {
    const base = {
      training: 70 + rng.next() * 15,
      drills: 65 + rng.next() * 20,
      endpoint: 88 + rng.next() * 8,
      labelling: 60 + rng.next() * 20,
    };
    for (let m = 0; ; m++) {
      const month = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      if (month >= last) break;
      const gain = (start: number, perMonth: number) =>
        Math.min(100, start + perMonth * m + rng.next() * 2).toFixed(2);
      rows.push({
        site_id: site.id,
        month: `${month}-01`,
        training_completion: gain(base.training, 2.2),
        drill_participation: gain(base.drills, 2),
        endpoint_protection: gain(base.endpoint, 0.8),
        file_labelling: gain(base.labelling, 2.5),
        imported_by: ownerId,
      });
    }
  }
  return rows;
}

/**
 * Four or five risks of the list at each site, in the site's language, on one of its critical systems where
 * the risk is a system's; reviews a year apart, a few of them overdue; treated risks rated lower after.
 */
function riskRows(group: DemoDataset, systems: Row[], ownerId: string | null, rng: Random) {
  const rows: (Row & {
    id: string;
    site_id: string;
    owner_id: string | null;
    title: string;
    review_on: string;
  })[] = [];
  for (const site of group.sites) {
    const lang = writesChinese(site.country) ? 1 : 0;
    const critical = systems.filter((s) => s.site_id === site.id && s.criticality === 'critical');
    const count = 4 + (rng.chance(0.5) ? 1 : 0);
    const start = Math.floor(rng.next() * RISKS.length);
    for (let k = 0; k < count; k++) {
      const [en, zh, likelihood, impact, treatment, onSystem] = RISKS[(start + k) % RISKS.length];
      const system = onSystem && critical.length ? critical[k % critical.length] : null;
      const reviewOn = addDays(group.clock, Math.floor(rng.next() * 400) - 40);
      const treated = treatment === 'mitigate' || treatment === 'transfer';
      rows.push({
        id: rng.uuid(),
        site_id: site.id,
        system_id: (system?.id as string | undefined) ?? null,
        title: lang ? zh : en,
        description: null,
        likelihood,
        impact,
        treatment,
        owner_id: ownerId,
        review_on: reviewOn,
        residual_likelihood: treated ? Math.max(1, likelihood - 2) : null,
        residual_impact: treated ? Math.max(1, impact - 1) : null,
        created_by: ownerId,
        updated_by: ownerId,
      });
    }
  }
  return rows;
}

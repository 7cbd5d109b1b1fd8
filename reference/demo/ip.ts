import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { generateExitInterviews } from './ip-exit-interviews.ts';
import { generateDisclosures } from './ip-inventions.ts';
import { generateKeepDrop } from './ip-keep-drop.ts';
import { generateLicencesAndRisks } from './ip-licences.ts';
import { chooseGreenFamilies, type DemoMatter, generatePortfolio } from './ip-portfolio.ts';
import { generateIpRates } from './ip-rates.ts';
import { generateReviews } from './ip-reviews.ts';
import { generateTradeSecrets } from './ip-secrets.ts';
import { generateTipsCertificates } from './ip-tips.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The intellectual property demo: patent families of the group's packaging technologies (the IP seed's SiP
 * module, 2.5D/3D IC package, fan-out wafer-level package, MEMS and sensor package, with their green-technology
 * focus), each filed first in Taiwan or China and then abroad, every matter with its dated statuses, so that the
 * portfolio as of 31 January 2024 is the one the group's report publishes (ip-portfolio.ts); and the group's
 * trademarks in Taiwan, the US, China and the EU; and the trade secrets each manufacturing site registers
 * (ip-secrets.ts). Titles of families owned by
 * the Taiwanese and Chinese sites are in Traditional Chinese, as their engineers write them.
 */

type Row = Record<string, unknown>;
export type IpDataset = {
  families: Row[];
  matters: Row[];
  events: Row[];
  trademarks: Row[];
  secrets: Row[];
  obligations: Row[];
  disclosures: Row[];
  disclosureInventors: Row[];
  exitInterviews: Row[];
  exitObligations: Row[];
  licensing: ReturnType<typeof generateLicencesAndRisks>;
  keepDrop: ReturnType<typeof generateKeepDrop>;
  reviews: ReturnType<typeof generateReviews>;
  rates: Row[];
  /** The TIPS certificate of the seed's subsidiary, term by term, with their renewal obligations. */
  tips: ReturnType<typeof generateTipsCertificates>;
};

type Technology = 'sip' | 'ic_2_5d_3d' | 'fan_out' | 'mems_sensor' | 'other';

const TITLES: Record<Technology, readonly [string, string][]> = {
  sip: [
    ['System-in-package module with a conformal shield', '具共形屏蔽之系統級封裝模組'],
    ['Double-side moulded SiP with embedded passives', '內埋被動元件之雙面模封系統級封裝'],
    ['Antenna-in-package module and its making', '封裝天線模組及其製造方法'],
  ],
  ic_2_5d_3d: [
    ['Interposer with through-silicon vias and a stress buffer', '具矽穿孔與應力緩衝層之中介層'],
    ['Hybrid bonding structure for stacked dies', '堆疊晶粒之混合鍵合結構'],
  ],
  fan_out: [
    ['Fan-out wafer-level package with a redistribution layer', '具重佈線層之扇出型晶圓級封裝'],
    ['Panel-level fan-out carrier and warpage control', '面板級扇出載板及翹曲控制方法'],
    ['Chip-first fan-out package with die shift compensation', '具晶粒偏移補償之先晶片扇出封裝'],
  ],
  mems_sensor: [
    ['MEMS microphone package with an acoustic channel', '具聲學通道之微機電麥克風封裝'],
    ['Optical sensor package with a glass lid', '具玻璃蓋之光學感測器封裝'],
  ],
  other: [
    ['Wire bonding capillary with a wear indicator', '具磨耗指示之打線瓷嘴'],
    ['Test socket with self-aligning contacts', '具自對位接點之測試座'],
  ],
};

/** The seed's sustainability focus of each green technology. */
const FOCUS: Partial<Record<Technology, [string, string]>> = {
  sip: ['Reduce material usage', '減少材料使用'],
  ic_2_5d_3d: ['Save energy and reduce carbon', '節能減碳'],
  fan_out: ['Increase production capacity', '提升產能'],
  mems_sensor: ['Automation', '自動化'],
};

const TECHNOLOGIES: readonly Technology[] = ['sip', 'ic_2_5d_3d', 'fan_out', 'mems_sensor', 'other'];
const ZH_COUNTRIES = new Set(['TW', 'CN']);
const pad = (n: number) => String(n).padStart(2, '0');

export function generateIpDataset(data: DemoDataset): IpDataset {
  const rng = new Random(`${data.seed}:ip`);
  const owners = data.sites.filter((s) => s.kind === 'manufacturing');
  const ownersIn = (country: string) => {
    const found = owners.filter((s) => s.country === country);
    return found.length ? found : owners;
  };
  const families: Row[] = [];
  const matters: Row[] = [];
  const events: Row[] = [];
  const numbers = new Map<string, number>();
  const nextNumber = (key: string) => {
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    return n;
  };
  const portfolio = generatePortfolio(rng.fork('portfolio'), data.clock);
  const familyOf = new Map<DemoMatter, { id: string; siteId: string }>();
  // Families in the order of their first filing, numbered by year.
  const homes = portfolio.filter((m) => m.home).sort((x, y) => x.filing.localeCompare(y.filing));
  const greenFamilies = chooseGreenFamilies(portfolio, rng.fork('green'));
  for (const m of homes) {
    const site = rng.pick(
      ownersIn(m.office === 'CN' ? 'CN' : m.office === 'TW' ? 'TW' : rng.pick(['TW', 'CN'])),
    );
    const zh = ZH_COUNTRIES.has(site.country);
    const greenTechnology = greenFamilies.get(m);
    const technology = greenTechnology ?? TECHNOLOGIES[rng.int(0, TECHNOLOGIES.length - 1)];
    const [title, titleZh] = rng.pick(TITLES[technology]);
    const focus = FOCUS[technology];
    const green = greenTechnology !== undefined;
    const year = m.filing.slice(0, 4);
    const id = rng.uuid();
    families.push({
      id,
      site_id: site.id,
      reference: `P-${year}-${String(nextNumber(`P${year}`)).padStart(4, '0')}`,
      title: zh ? titleZh : title,
      technology,
      green,
      sustainability_focus: green && focus ? (zh ? focus[1] : focus[0]) : null,
    });
    familyOf.set(m, { id, siteId: site.id });
  }
  const validation = rng.fork('validation');
  for (const m of portfolio) {
    const family = familyOf.get(m.home ? m : (m.parent as DemoMatter));
    if (!family) throw new Error('A foreign matter without its family');
    const fy = Number(m.filing.slice(0, 4));
    const n = nextNumber(`${m.office}${fy}`);
    const id = rng.uuid();
    matters.push({
      id,
      family_id: family.id,
      site_id: family.siteId,
      office: m.office,
      kind: 'invention',
      route: 'direct',
      application_no: `${m.office}${fy}${String(n).padStart(5, '0')}`,
      filing_date: m.filing,
      priority_date: m.parent ? m.parent.filing : null,
      publication_date: m.publication,
      grant_date: m.grant,
      patent_no: m.grant ? `${m.office}${String(1_000_000 + fy * 100 + n)}` : null,
      status: m.status,
      // Every row names every column (the bulk load takes the first row's).
      validation_states: [] as string[],
      unitary_effect: false,
      ...(m.office === 'EP' && m.grant ? europeanValidation(validation, m.grant) : {}),
    });
    for (const e of m.events) events.push({ id: rng.uuid(), matter_id: id, ...e });
  }

  const trademarks: Row[] = [];
  const marks: [string, string, number[]][] = [
    ['ASE', 'ASE-KH', [9, 40, 42]],
    ['SPIL', 'SPIL-DF', [9, 40]],
    ['USI', 'USI-NT', [9, 40, 42]],
  ];
  const siteByCode = new Map(data.sites.map((s) => [s.code, s]));
  for (const [mark, owner, classes] of marks) {
    const site = siteByCode.get(owner) ?? owners[0];
    for (const office of ['TW', 'US', 'CN', 'EU']) {
      const filing = `20${pad(rng.int(10, 18))}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      const registration = addDays(filing, rng.int(200, 500));
      trademarks.push({
        id: rng.uuid(),
        site_id: site.id,
        mark,
        office,
        nice_classes: classes,
        application_no: `${office}-${filing.slice(0, 4)}-${rng.int(10000, 99999)}`,
        registration_no: `${office}R${rng.int(100000, 999999)}`,
        filing_date: filing,
        registration_date: registration,
        status: 'registered',
      });
    }
  }
  const { secrets, obligations } = generateTradeSecrets(data, rng.fork('secrets'));
  const { disclosures, inventors } = generateDisclosures(data, rng.fork('inventions'));
  const licensing = generateLicencesAndRisks(data, rng.fork('licences'), { families, matters });
  const keepDrop = generateKeepDrop(data, rng.fork('keep-drop'), { families, matters }, licensing);
  // After keep-or-drop, which enters the facts of some matters' re-assessment.
  const reviews = generateReviews(data, rng.fork('reviews'), { families, matters }, licensing);
  const exits = generateExitInterviews(data, rng.fork('exit-interviews'));
  const tips = generateTipsCertificates(data, rng.fork('tips'));
  return {
    families,
    matters,
    events,
    trademarks,
    secrets,
    obligations,
    disclosures: [...disclosures, ...exits.disclosures],
    disclosureInventors: [...inventors, ...exits.inventors],
    exitInterviews: exits.interviews,
    exitObligations: exits.obligations,
    licensing,
    keepDrop,
    reviews,
    rates: generateIpRates(data),
    tips,
  };
}

export function ipTables(d: IpDataset): TableRows[] {
  return [
    { table: 'ip_families', rows: d.families },
    { table: 'ip_matters', rows: d.matters },
    { table: 'ip_matter_events', rows: d.events },
    { table: 'ip_trademarks', rows: d.trademarks },
    { table: 'ip_trade_secrets', rows: d.secrets },
    {
      table: 'obligations',
      rows: [
        ...d.obligations,
        ...d.licensing.obligations,
        ...d.keepDrop.obligations,
        ...d.reviews.obligations,
        ...d.exitObligations,
        ...d.tips.obligations,
      ],
    },
    { table: 'ip_disclosures', rows: d.disclosures },
    { table: 'ip_disclosure_inventors', rows: d.disclosureInventors },
    { table: 'ip_exit_interviews', rows: d.exitInterviews },
    { table: 'ip_licences', rows: d.licensing.licences },
    { table: 'ip_licence_matters', rows: d.licensing.licenceMatters },
    { table: 'ip_licence_families', rows: d.licensing.licenceFamilies },
    { table: 'ip_royalty_reports', rows: d.licensing.reports },
    { table: 'ip_fto_records', rows: d.licensing.fto },
    { table: 'ip_risk_cases', rows: d.licensing.cases },
    { table: 'ip_risk_case_steps', rows: d.licensing.steps },
    { table: 'ip_risk_case_costs', rows: d.licensing.costs },
    { table: 'ip_keep_drop_decisions', rows: d.keepDrop.decisions },
    { table: 'ip_review_campaigns', rows: d.reviews.campaigns },
    { table: 'ip_review_items', rows: d.reviews.items },
    { table: 'exchange_rates', rows: d.rates },
    { table: 'certifications', rows: d.tips.certificates },
  ];
}

/**
 * Where a granted European patent of the demo took effect: the states most often chosen, and, for a grant since
 * the Unitary Patent began (2023-06-01), sometimes unitary effect with the United Kingdom validated beside it.
 */
function europeanValidation(rng: Random, grant: string) {
  if (grant >= '2023-06-01' && rng.chance(0.4))
    return { unitary_effect: true, validation_states: rng.chance(0.5) ? ['GB'] : ['GB', 'CH'] };
  const states = ['DE', 'FR', 'GB', ...(rng.chance(0.5) ? ['NL'] : []), ...(rng.chance(0.3) ? ['IT'] : [])];
  return { validation_states: states };
}

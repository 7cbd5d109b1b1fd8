import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { uuidFrom } from './ohs.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The intellectual property demo: patent families of the group's packaging technologies (the IP seed's SiP
 * module, 2.5D/3D IC package, fan-out wafer-level package, MEMS and sensor package, with their green-technology
 * focus), each filed first in Taiwan or China and then abroad, with statuses that follow from their dates as of
 * the demo's today; and the group's trademarks in Taiwan, the US, China and the EU. Titles of families owned by
 * the Taiwanese and Chinese sites are in Traditional Chinese, as their engineers write them.
 */

type Row = Record<string, unknown>;
export type IpDataset = { families: Row[]; matters: Row[]; trademarks: Row[] };

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
/** Where a family goes after its first filing, and how long each office takes to grant. */
const FOREIGN: readonly { office: string; share: number; grantYears: number }[] = [
  { office: 'US', share: 0.8, grantYears: 2.5 },
  { office: 'CN', share: 0.7, grantYears: 2 },
  { office: 'EP', share: 0.15, grantYears: 4 },
  { office: 'JP', share: 0.1, grantYears: 3 },
  { office: 'KR', share: 0.08, grantYears: 2.5 },
];
const ZH_COUNTRIES = new Set(['TW', 'CN']);
const pad = (n: number) => String(n).padStart(2, '0');

function statusOn(filing: string, grantYears: number, clock: string, rng: Random) {
  const grant = addDays(filing, Math.round(grantYears * 365 + rng.int(-120, 240)));
  if (grant <= clock) {
    if (rng.chance(0.04)) return { status: 'lapsed', grant };
    return { status: 'granted', grant };
  }
  const published = addDays(filing, 548);
  if (published > clock) return { status: 'filed', grant: null };
  return { status: rng.chance(0.6) ? 'under_examination' : 'published', grant: null };
}

export function generateIpDataset(data: DemoDataset): IpDataset {
  const rng = new Random(`${data.seed}:ip`);
  const owners = data.sites.filter((s) => s.kind === 'manufacturing');
  const families: Row[] = [];
  const matters: Row[] = [];
  const numbers = new Map<string, number>();
  const nextNumber = (office: string, year: number) => {
    const key = `${office}${year}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    return n;
  };
  const lastYear = Number(data.clock.slice(0, 4));
  let familyNo = 0;
  for (let year = 2014; year <= lastYear; year++) {
    for (let i = 0; i < 12; i++) {
      const site = owners[rng.int(0, owners.length - 1)];
      const zh = ZH_COUNTRIES.has(site.country);
      const technology = TECHNOLOGIES[rng.int(0, TECHNOLOGIES.length - 1)];
      const [title, titleZh] = rng.pick(TITLES[technology]);
      const focus = FOCUS[technology];
      const green = focus !== undefined && rng.chance(0.6);
      const filing = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      if (filing > data.clock) continue;
      familyNo++;
      const familyId = uuidFrom(rng);
      families.push({
        id: familyId,
        site_id: site.id,
        reference: `P-${year}-${String(familyNo).padStart(4, '0')}`,
        title: zh ? titleZh : title,
        technology,
        green,
        sustainability_focus: green && focus ? (zh ? focus[1] : focus[0]) : null,
      });
      const home = site.country === 'CN' ? 'CN' : 'TW';
      const offices = [
        { office: home, filing, grantYears: home === 'TW' ? 1.5 : 2 },
        ...FOREIGN.filter((f) => f.office !== home && rng.chance(f.share)).map((f) => ({
          office: f.office,
          filing: addDays(filing, rng.int(300, 364)),
          grantYears: f.grantYears,
        })),
      ];
      for (const o of offices) {
        if (o.filing > data.clock) continue;
        const fy = Number(o.filing.slice(0, 4));
        const { status, grant } = statusOn(o.filing, o.grantYears, data.clock, rng);
        const n = nextNumber(o.office, fy);
        matters.push({
          id: uuidFrom(rng),
          family_id: familyId,
          site_id: site.id,
          office: o.office,
          kind: 'invention',
          route: 'direct',
          application_no: `${o.office}${fy}${String(n).padStart(5, '0')}`,
          filing_date: o.filing,
          priority_date: o.office === home ? null : filing,
          grant_date: grant,
          patent_no: grant ? `${o.office}${String(1_000_000 + fy * 100 + n)}` : null,
          status,
        });
      }
    }
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
        id: uuidFrom(rng),
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
  return { families, matters, trademarks };
}

export function ipTables(d: IpDataset): TableRows[] {
  return [
    { table: 'ip_families', rows: d.families },
    { table: 'ip_matters', rows: d.matters },
    { table: 'ip_trademarks', rows: d.trademarks },
  ];
}

/**
 * The group of the seeds: ASE Technology Holding with its subsidiaries ASE, SPIL and USI, and 25 sites in
 * Taiwan, China, South Korea, Singapore, Malaysia, Japan and Mexico. The 18 facilities of the OHS seed's
 * ISO 45001 table keep exactly their names there (the seed writes "ASE Shanghai(Material)"; the information
 * security seed and Steward write "ASE Shanghai (Material)").
 */

export type SiteKind = 'manufacturing' | 'materials' | 'office' | 'warehouse' | 'research';

/** Whose names the people of a site carry, with their share of the workforce. */
export type Culture =
  | 'tw'
  | 'cn'
  | 'kr'
  | 'jp'
  | 'mx'
  | 'sg-chinese'
  | 'my-chinese'
  | 'malay'
  | 'indian-sg'
  | 'indian-my'
  | 'ph'
  | 'vn'
  | 'id';

export type DemoSubsidiary = {
  code: 'ASE' | 'SPIL' | 'USI';
  name: string;
  nameZh: string;
  /** Domain of staff email addresses (a reserved .example name). */
  emailDomain: string;
};

export type DemoSite = {
  code: string;
  subsidiary: DemoSubsidiary['code'];
  name: string;
  nameZh: string;
  country: 'TW' | 'CN' | 'KR' | 'SG' | 'MY' | 'JP' | 'MX';
  timeZone: string;
  kind: SiteKind;
  /** Year the site opened: nobody was hired before it. */
  opened: number;
  /** Employees (leavers included) at full scale. */
  employees: number;
  /** Named in the OHS seed's ISO 45001 table. */
  inOhsSeed: boolean;
  cultures: readonly (readonly [Culture, number])[];
  /** What the site's lines do, for area names. */
  lines: readonly string[];
  /** Building names, for area names. */
  buildings: readonly string[];
};

export const HOLDING = {
  code: 'ASEH',
  name: 'ASE Technology Holding Co., Ltd.',
  nameZh: '日月光投資控股股份有限公司',
} as const;

export const SUBSIDIARIES: readonly DemoSubsidiary[] = [
  {
    code: 'ASE',
    name: 'Advanced Semiconductor Engineering, Inc.',
    nameZh: '日月光半導體製造股份有限公司',
    emailDomain: 'ase.example',
  },
  {
    code: 'SPIL',
    name: 'Siliconware Precision Industries Co., Ltd.',
    nameZh: '矽品精密工業股份有限公司',
    emailDomain: 'spil.example',
  },
  {
    code: 'USI',
    name: 'Universal Scientific Industrial (Shanghai) Co., Ltd.',
    nameZh: '環旭電子股份有限公司',
    emailDomain: 'usi.example',
  },
];

const TW_FACTORY: DemoSite['cultures'] = [
  ['tw', 88],
  ['ph', 5],
  ['vn', 4],
  ['id', 3],
];
const CN: DemoSite['cultures'] = [['cn', 1]];
const OSAT_LINES = [
  'Wafer bumping',
  'Flip chip',
  'Wire bonding',
  'Molding',
  'Final test',
  'System in package',
];
const SPIL_LINES = ['Bumping', 'Flip chip', 'Wire bonding', 'Fan-out', 'Final test', 'Wafer sort'];
const EMS_LINES = ['SMT', 'System assembly', 'Functional test', 'Conformal coating', 'Box build'];

export const SITES: readonly DemoSite[] = [
  // ASE: the 6 facilities of the OHS seed, then 5 more.
  {
    code: 'ASE-KH',
    subsidiary: 'ASE',
    name: 'ASE Kaohsiung',
    nameZh: '日月光高雄廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1984,
    employees: 22_000,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: OSAT_LINES,
    buildings: ['K5', 'K7', 'K11', 'K12'],
  },
  {
    code: 'ASE-CL',
    subsidiary: 'ASE',
    name: 'ASE Chungli',
    nameZh: '日月光中壢廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1989,
    employees: 6_000,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: OSAT_LINES,
    buildings: ['C1', 'C3'],
  },
  {
    code: 'ASE-SHM',
    subsidiary: 'ASE',
    name: 'ASE Shanghai (Material)',
    nameZh: '日月光上海材料廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'materials',
    opened: 2002,
    employees: 3_000,
    inOhsSeed: true,
    cultures: CN,
    lines: ['Substrate lamination', 'Laser drilling', 'Plating', 'Solder mask', 'Substrate inspection'],
    buildings: ['Plant 1', 'Plant 2'],
  },
  {
    code: 'ASE-WX',
    subsidiary: 'ASE',
    name: 'ASE Wuxi',
    nameZh: '日月光無錫廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2004,
    employees: 3_500,
    inOhsSeed: true,
    cultures: CN,
    lines: OSAT_LINES,
    buildings: ['Plant A', 'Plant B'],
  },
  {
    code: 'ASE-KR',
    subsidiary: 'ASE',
    name: 'ASE Korea',
    nameZh: '日月光韓國廠',
    country: 'KR',
    timeZone: 'Asia/Seoul',
    kind: 'manufacturing',
    opened: 1999,
    employees: 2_500,
    inOhsSeed: true,
    cultures: [['kr', 1]],
    lines: OSAT_LINES,
    buildings: ['Paju 1', 'Paju 2'],
  },
  {
    code: 'ASE-SG',
    subsidiary: 'ASE',
    name: 'ASE Singapore',
    nameZh: '日月光新加坡廠',
    country: 'SG',
    timeZone: 'Asia/Singapore',
    kind: 'manufacturing',
    opened: 1998,
    employees: 1_800,
    inOhsSeed: true,
    cultures: [
      ['sg-chinese', 58],
      ['malay', 18],
      ['indian-sg', 12],
      ['ph', 12],
    ],
    lines: ['Wafer sort', 'Final test', 'Burn-in'],
    buildings: ['Yishun 1', 'Yishun 2'],
  },
  {
    code: 'ASE-PG',
    subsidiary: 'ASE',
    name: 'ASE Penang',
    nameZh: '日月光檳城廠',
    country: 'MY',
    timeZone: 'Asia/Kuala_Lumpur',
    kind: 'manufacturing',
    opened: 1991,
    employees: 2_500,
    inOhsSeed: false,
    cultures: [
      ['malay', 50],
      ['my-chinese', 32],
      ['indian-my', 18],
    ],
    lines: OSAT_LINES,
    buildings: ['Bayan Lepas 1', 'Bayan Lepas 2'],
  },
  {
    code: 'ASE-JP',
    subsidiary: 'ASE',
    name: 'ASE Japan Yamagata',
    nameZh: '日月光日本山形廠',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    kind: 'manufacturing',
    opened: 2004,
    employees: 900,
    inOhsSeed: false,
    cultures: [['jp', 1]],
    lines: ['Wire bonding', 'Molding', 'Final test'],
    buildings: ['Takahata'],
  },
  {
    code: 'ASE-KS',
    subsidiary: 'ASE',
    name: 'ASE Kunshan',
    nameZh: '日月光昆山廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2005,
    employees: 4_000,
    inOhsSeed: false,
    cultures: CN,
    lines: OSAT_LINES,
    buildings: ['Plant 1', 'Plant 2'],
  },
  {
    code: 'ASE-WH',
    subsidiary: 'ASE',
    name: 'ASE Weihai',
    nameZh: '日月光威海廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2006,
    employees: 1_500,
    inOhsSeed: false,
    cultures: CN,
    lines: ['Wire bonding', 'Molding', 'Final test'],
    buildings: ['Plant 1'],
  },
  {
    code: 'ASE-TPE',
    subsidiary: 'ASE',
    name: 'ASE Taipei Office',
    nameZh: '日月光台北辦公室',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'office',
    opened: 2000,
    employees: 300,
    inOhsSeed: false,
    cultures: [['tw', 1]],
    lines: [],
    buildings: ['Neihu Tower'],
  },
  // SPIL: the 7 facilities of the OHS seed, then Tanzi.
  {
    code: 'SPIL-DF',
    subsidiary: 'SPIL',
    name: 'SPIL Da Fong',
    nameZh: '矽品大豐廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1997,
    employees: 5_000,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['DF1', 'DF2'],
  },
  {
    code: 'SPIL-CS',
    subsidiary: 'SPIL',
    name: 'SPIL Chung Shan',
    nameZh: '矽品中山廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1995,
    employees: 4_500,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['CS1', 'CS2'],
  },
  {
    code: 'SPIL-ZK',
    subsidiary: 'SPIL',
    name: 'SPIL Zhong Ke',
    nameZh: '矽品中科廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 2011,
    employees: 5_000,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['ZK1', 'ZK2', 'ZK3'],
  },
  {
    code: 'SPIL-HC',
    subsidiary: 'SPIL',
    name: 'SPIL Hsinchu',
    nameZh: '矽品新竹廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 2000,
    employees: 2_800,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['HC1', 'HC2'],
  },
  {
    code: 'SPIL-CH',
    subsidiary: 'SPIL',
    name: 'SPIL Changhua',
    nameZh: '矽品彰化廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 2008,
    employees: 4_200,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['CH1', 'CH2'],
  },
  {
    code: 'SPIL-ZG',
    subsidiary: 'SPIL',
    name: 'SPIL Zhong Kong',
    nameZh: '矽品中港廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 2016,
    employees: 2_500,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['ZG1'],
  },
  {
    code: 'SPIL-SZ',
    subsidiary: 'SPIL',
    name: 'SPIL Suzhou',
    nameZh: '矽品蘇州廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2002,
    employees: 3_000,
    inOhsSeed: true,
    cultures: CN,
    lines: SPIL_LINES,
    buildings: ['Plant 1', 'Plant 2'],
  },
  {
    code: 'SPIL-TZ',
    subsidiary: 'SPIL',
    name: 'SPIL Tanzi',
    nameZh: '矽品潭子廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1990,
    employees: 2_000,
    inOhsSeed: false,
    cultures: TW_FACTORY,
    lines: SPIL_LINES,
    buildings: ['TZ1'],
  },
  // USI: the 5 facilities of the OHS seed, then Shenzhen.
  {
    code: 'USI-NT',
    subsidiary: 'USI',
    name: 'USI Nantou',
    nameZh: '環旭南投廠',
    country: 'TW',
    timeZone: 'Asia/Taipei',
    kind: 'manufacturing',
    opened: 1993,
    employees: 3_000,
    inOhsSeed: true,
    cultures: TW_FACTORY,
    lines: EMS_LINES,
    buildings: ['NT1', 'NT2'],
  },
  {
    code: 'USI-ZJ',
    subsidiary: 'USI',
    name: 'USI Zhangjiang',
    nameZh: '環旭張江廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2003,
    employees: 6_000,
    inOhsSeed: true,
    cultures: CN,
    lines: EMS_LINES,
    buildings: ['Plant 1', 'Plant 2', 'Plant 3'],
  },
  {
    code: 'USI-KS',
    subsidiary: 'USI',
    name: 'USI Kunshan',
    nameZh: '環旭昆山廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2011,
    employees: 4_500,
    inOhsSeed: true,
    cultures: CN,
    lines: EMS_LINES,
    buildings: ['Plant 1', 'Plant 2'],
  },
  {
    code: 'USI-JQ',
    subsidiary: 'USI',
    name: 'USI Jinqiao',
    nameZh: '環旭金橋廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2006,
    employees: 4_000,
    inOhsSeed: true,
    cultures: CN,
    lines: EMS_LINES,
    buildings: ['Plant 1', 'Plant 2'],
  },
  {
    code: 'USI-MX',
    subsidiary: 'USI',
    name: 'USI Mexico',
    nameZh: '環旭墨西哥廠',
    country: 'MX',
    timeZone: 'America/Mexico_City',
    kind: 'manufacturing',
    opened: 2013,
    employees: 3_500,
    inOhsSeed: true,
    cultures: [['mx', 1]],
    lines: EMS_LINES,
    buildings: ['Guadalajara 1', 'Guadalajara 2'],
  },
  {
    code: 'USI-SZ',
    subsidiary: 'USI',
    name: 'USI Shenzhen',
    nameZh: '環旭深圳廠',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    kind: 'manufacturing',
    opened: 2009,
    employees: 2_000,
    inOhsSeed: false,
    cultures: CN,
    lines: EMS_LINES,
    buildings: ['Plant 1'],
  },
];

/** The 18 facilities of the OHS seed's ISO 45001 table, as Steward names them. */
export const OHS_SEED_FACILITIES = [
  'ASE Kaohsiung',
  'ASE Chungli',
  'ASE Shanghai (Material)',
  'ASE Wuxi',
  'ASE Korea',
  'ASE Singapore',
  'SPIL Da Fong',
  'SPIL Chung Shan',
  'SPIL Zhong Ke',
  'SPIL Hsinchu',
  'SPIL Changhua',
  'SPIL Zhong Kong',
  'SPIL Suzhou',
  'USI Nantou',
  'USI Zhangjiang',
  'USI Kunshan',
  'USI Jinqiao',
  'USI Mexico',
] as const;

export function siteByCode(code: string): DemoSite {
  const site = SITES.find((s) => s.code === code);
  if (!site) throw new Error(`No demo site ${code}`);
  return site;
}

/** Sites whose records are written in Chinese (Taiwan, and mainland China, in Traditional characters). */
export function writesChinese(country: string): boolean {
  return country === 'TW' || country === 'CN';
}

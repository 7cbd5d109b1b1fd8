import type { DemoSite } from './organisation.ts';
import type { Random } from './random.ts';

/**
 * Contractor companies (the eight high-risk operations of the OHS seed — pipelines, hot work, confined
 * spaces, live-line electrical work, cranes, work at height, chemical filling and roofs — are done by
 * them), the universities of the academia seed and the group's equipment and material suppliers.
 */

/** Figures at full scale: the contractor companies and their workers, and the people from outside. */
export const FULL_SCALE = {
  contractorCompanies: 150,
  contractorWorkers: 15_000,
  externalPersons: 400,
} as const;

export type Business = {
  en: string;
  es: string;
  weight: number;
  trades: readonly (readonly [string, number])[];
};

export const BUSINESSES: readonly Business[] = [
  {
    en: 'Engineering',
    es: 'Ingeniería',
    weight: 14,
    trades: [
      ['Pipefitter', 3],
      ['Welder', 3],
      ['Electrician', 2],
      ['Rigger', 1],
      ['General labourer', 2],
    ],
  },
  {
    en: 'Electrical Engineering',
    es: 'Servicios Eléctricos',
    weight: 12,
    trades: [
      ['Electrician', 6],
      ['Live-line electrician', 2],
      ['Cable jointer', 1],
    ],
  },
  {
    en: 'Mechanical & Piping',
    es: 'Tubería y Mecánica Industrial',
    weight: 10,
    trades: [
      ['Pipefitter', 5],
      ['Welder', 4],
      ['Insulation worker', 1],
    ],
  },
  {
    en: 'Scaffolding',
    es: 'Andamios y Montajes',
    weight: 6,
    trades: [
      ['Scaffolder', 6],
      ['Rigger', 1],
    ],
  },
  {
    en: 'Crane & Rigging',
    es: 'Grúas y Maniobras',
    weight: 4,
    trades: [
      ['Crane operator', 3],
      ['Rigger', 3],
      ['Signaller', 2],
    ],
  },
  {
    en: 'Environmental Services',
    es: 'Servicios Ambientales',
    weight: 6,
    trades: [
      ['Wastewater operator', 3],
      ['Chemical handler', 3],
      ['Confined space worker', 1],
    ],
  },
  {
    en: 'Gas & Chemical Supply',
    es: 'Suministro de Gases y Químicos',
    weight: 5,
    trades: [
      ['Chemical filling operator', 4],
      ['Gas technician', 3],
    ],
  },
  {
    en: 'Cleaning Services',
    es: 'Limpieza Industrial',
    weight: 10,
    trades: [
      ['Cleaner', 5],
      ['Cleanroom cleaner', 4],
    ],
  },
  {
    en: 'Security Services',
    es: 'Seguridad Privada',
    weight: 8,
    trades: [['Security guard', 1]],
  },
  {
    en: 'Fire Protection',
    es: 'Protección contra Incendios',
    weight: 5,
    trades: [
      ['Fire protection technician', 4],
      ['Sprinkler fitter', 2],
    ],
  },
  {
    en: 'HVAC & Cleanroom',
    es: 'Climatización y Cuartos Limpios',
    weight: 7,
    trades: [
      ['HVAC technician', 4],
      ['Cleanroom installer', 2],
      ['Roof worker', 1],
    ],
  },
  {
    en: 'Construction',
    es: 'Construcciones',
    weight: 8,
    trades: [
      ['Construction worker', 4],
      ['Roof worker', 2],
      ['Painter', 2],
      ['Welder', 1],
    ],
  },
  {
    en: 'Automation',
    es: 'Automatización',
    weight: 4,
    trades: [
      ['Equipment installer', 3],
      ['Automation technician', 3],
    ],
  },
  {
    en: 'IT Services',
    es: 'Servicios de TI',
    weight: 3,
    trades: [
      ['Network technician', 2],
      ['Cabling technician', 2],
    ],
  },
  {
    en: 'Catering',
    es: 'Alimentos Industriales',
    weight: 4,
    trades: [
      ['Cook', 2],
      ['Kitchen assistant', 3],
    ],
  },
];

/** Where a site is, for company names and phone numbers. */
export const SITE_CITY: Record<string, { city: string; phone: string }> = {
  'ASE-KH': { city: 'Kaohsiung', phone: '+886 7' },
  'ASE-CL': { city: 'Taoyuan', phone: '+886 3' },
  'ASE-SHM': { city: 'Shanghai', phone: '+86 21' },
  'ASE-WX': { city: 'Wuxi', phone: '+86 510' },
  'ASE-KR': { city: 'Paju', phone: '+82 31' },
  'ASE-SG': { city: 'Yishun', phone: '+65' },
  'ASE-PG': { city: 'Bayan Lepas', phone: '+60 4' },
  'ASE-JP': { city: 'Yamagata', phone: '+81 238' },
  'ASE-KS': { city: 'Kunshan', phone: '+86 512' },
  'ASE-WH': { city: 'Weihai', phone: '+86 631' },
  'ASE-TPE': { city: 'Taipei', phone: '+886 2' },
  'SPIL-DF': { city: 'Taichung', phone: '+886 4' },
  'SPIL-CS': { city: 'Taichung', phone: '+886 4' },
  'SPIL-ZK': { city: 'Taichung', phone: '+886 4' },
  'SPIL-HC': { city: 'Hsinchu', phone: '+886 3' },
  'SPIL-CH': { city: 'Changhua', phone: '+886 4' },
  'SPIL-ZG': { city: 'Taichung', phone: '+886 4' },
  'SPIL-SZ': { city: 'Suzhou', phone: '+86 512' },
  'SPIL-TZ': { city: 'Taichung', phone: '+886 4' },
  'USI-NT': { city: 'Nantou', phone: '+886 49' },
  'USI-ZJ': { city: 'Shanghai', phone: '+86 21' },
  'USI-KS': { city: 'Kunshan', phone: '+86 512' },
  'USI-JQ': { city: 'Shanghai', phone: '+86 21' },
  'USI-MX': { city: 'Guadalajara', phone: '+52 33' },
  'USI-SZ': { city: 'Shenzhen', phone: '+86 755' },
};

const CORES: Record<DemoSite['country'], readonly string[]> = {
  TW: [
    'Hsin-Yu',
    'Ta-Tung',
    'Sheng-Li',
    'Chien-Hsing',
    'Yung-Fa',
    'Kuo-Tai',
    'Fu-Hsing',
    'Hung-Yuan',
    'Chin-Feng',
    'Ta-Hua',
    'Heng-Sheng',
    'Lien-Fa',
    'Jui-Hsiang',
    'Ming-Tai',
    'Chia-Hsin',
    'Tai-Feng',
    'Yuan-Li',
    'Kuang-Hua',
  ],
  CN: [
    'Hengtai',
    'Xinda',
    'Huayu',
    'Zhongxing',
    'Ruifeng',
    'Jinlong',
    'Tianhe',
    'Changjiang',
    'Dongfang',
    'Hongda',
    'Shengshi',
    'Yongxin',
    'Boyuan',
    'Kaida',
  ],
  KR: ['Hanil', 'Daesung', 'Samjin', 'Dongyang', 'Sewon', 'Jinsung', 'Woojin', 'Hanbit'],
  SG: ['Lian Hup', 'Keat Hong', 'Soon Lee', 'Kim Seng', 'Jurong', 'Sembawang', 'Kranji'],
  MY: ['Mutiara', 'Pinang Jaya', 'Seberang', 'Juru', 'Prai', 'Bukit Minyak', 'Sri Bayan'],
  JP: ['Mogami', 'Zao', 'Takahata', 'Okitama', 'Tohoku', 'Dewa'],
  MX: ['de Jalisco', 'de Occidente', 'Tapatíos', 'del Bajío', 'Zapopan', 'El Salto'],
};

const SUFFIX: Record<DemoSite['country'], string> = {
  TW: 'Co., Ltd.',
  CN: 'Co., Ltd.',
  KR: 'Co., Ltd.',
  SG: 'Pte. Ltd.',
  MY: 'Sdn. Bhd.',
  JP: 'Co., Ltd.',
  MX: 'S.A. de C.V.',
};

export function companyName(
  rng: Random,
  country: DemoSite['country'],
  city: string,
  business: Business,
): string {
  const core = rng.pick(CORES[country]);
  if (country === 'MX') return `${business.es} ${core} ${SUFFIX.MX}`;
  if (country === 'SG' || country === 'MY') return `${core} ${business.en} ${SUFFIX[country]}`;
  return `${city} ${core} ${business.en} ${SUFFIX[country]}`;
}

const CN_REGION: Record<string, string> = {
  Shanghai: '310115',
  Wuxi: '320214',
  Kunshan: '320583',
  Suzhou: '320594',
  Weihai: '371002',
  Shenzhen: '440306',
};
const ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A tax or company registration number in the country's format. */
export function taxId(rng: Random, country: DemoSite['country'], city: string): string {
  const alnum = (n: number) => Array.from({ length: n }, () => rng.pick([...ALNUM])).join('');
  switch (country) {
    case 'TW':
      return rng.digits(8);
    case 'CN':
      return `91${CN_REGION[city] ?? '310115'}MA${alnum(8)}`;
    case 'KR':
      return `${rng.digits(3)}-${rng.digits(2)}-${rng.digits(5)}`;
    case 'SG':
      return `${rng.int(1995, 2022)}${rng.digits(5)}${rng.pick([...'ABCDEGHKMNRWZ'])}`;
    case 'MY':
      return `${rng.int(1995, 2022)}01${rng.digits(6)}`;
    case 'JP':
      return rng.digits(13);
    case 'MX': {
      const letters = Array.from({ length: 3 }, () => rng.pick([...'ABCDEFGHIJKLMNOPRSTUVZ'])).join('');
      const y = String(rng.int(85, 120) % 100).padStart(2, '0');
      return `${letters}${y}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${alnum(3)}`;
    }
  }
}

export function phoneNumber(rng: Random, prefix: string): string {
  return prefix.startsWith('+65')
    ? `${prefix} 6${rng.digits(3)} ${rng.digits(4)}`
    : `${prefix} ${rng.digits(4)} ${rng.digits(4)}`;
}

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(co|ltd|pte|sdn|bhd|s\.a\.|de|c\.v\.|del)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 3)
    .join('-');
}

/** Universities of the academia seed (and a few more near the group's sites), by the sites they work with. */
export const UNIVERSITIES: readonly { name: string; sites: readonly string[]; weight: number }[] = [
  { name: 'National Sun Yat-sen University', sites: ['ASE-KH'], weight: 10 },
  { name: 'National Cheng Kung University', sites: ['ASE-KH'], weight: 7 },
  { name: 'National Kaohsiung University of Science and Technology', sites: ['ASE-KH'], weight: 6 },
  { name: 'National Chung Hsing University', sites: ['SPIL-DF', 'SPIL-CS', 'SPIL-ZK', 'SPIL-TZ'], weight: 7 },
  { name: 'Feng Chia University', sites: ['SPIL-ZK', 'SPIL-ZG', 'SPIL-DF'], weight: 5 },
  { name: 'National Yang Ming Chiao Tung University', sites: ['USI-NT', 'SPIL-HC', 'ASE-CL'], weight: 5 },
  { name: 'National Taipei University of Technology', sites: ['USI-NT', 'ASE-CL'], weight: 4 },
  { name: 'National Central University', sites: ['ASE-CL'], weight: 3 },
  { name: 'National Changhua University of Education', sites: ['SPIL-CH'], weight: 2 },
  { name: 'Fudan University', sites: ['ASE-SHM', 'USI-ZJ', 'USI-JQ'], weight: 3 },
  { name: 'Shanghai Jiao Tong University', sites: ['USI-ZJ', 'USI-JQ', 'ASE-SHM'], weight: 3 },
  { name: 'Soochow University', sites: ['SPIL-SZ', 'ASE-KS', 'USI-KS'], weight: 3 },
  { name: 'Jiangnan University', sites: ['ASE-WX'], weight: 2 },
  { name: 'Shandong University, Weihai', sites: ['ASE-WH'], weight: 1 },
  { name: 'Shenzhen University', sites: ['USI-SZ'], weight: 1 },
  { name: 'Universiti Sains Malaysia', sites: ['ASE-PG'], weight: 2 },
  { name: 'Nanyang Technological University', sites: ['ASE-SG'], weight: 1 },
  { name: 'National University of Singapore', sites: ['ASE-SG'], weight: 1 },
  { name: 'Yamagata University', sites: ['ASE-JP'], weight: 1 },
  { name: 'Seoul National University of Science and Technology', sites: ['ASE-KR'], weight: 1 },
  { name: 'Universidad de Guadalajara', sites: ['USI-MX'], weight: 1.5 },
  { name: 'ITESO Universidad Jesuita de Guadalajara', sites: ['USI-MX'], weight: 1 },
];

/** Equipment and material suppliers whose field engineers work at the sites. */
export const SUPPLIERS: readonly string[] = [
  'Applied Materials',
  'Kulicke & Soffa',
  'ASMPT',
  'DISCO Corporation',
  'Advantest',
  'Teradyne',
  'Tokyo Electron',
  'TOWA Corporation',
  'Shinko Electric Industries',
  'Sumitomo Bakelite',
  'Henkel',
  'Heraeus',
  'Tanaka Kikinzoku',
  'Shin-Etsu Chemical',
  'Air Liquide',
  'Linde',
  'Hitachi High-Tech',
  'KLA',
  'Camtek',
  'Besi',
];

/** Certification bodies and authorities whose people visit the sites. */
export const VISITOR_ORGANISATIONS: Record<DemoSite['country'], readonly string[]> = {
  TW: [
    'TÜV NORD Taiwan',
    'SGS Taiwan',
    'BSI Taiwan',
    'Occupational Safety and Health Administration, Ministry of Labor',
  ],
  CN: ['SGS China', 'TÜV SÜD China', 'Emergency Management Bureau'],
  KR: ['Korea Occupational Safety and Health Agency', 'KFQ'],
  SG: ['Ministry of Manpower', 'TÜV SÜD PSB'],
  MY: ['Department of Occupational Safety and Health (DOSH)', 'SIRIM QAS'],
  JP: ['Labour Standards Inspection Office', 'JQA'],
  MX: ['Secretaría del Trabajo y Previsión Social', 'Bureau Veritas México'],
};

import { UNIVERSITIES } from './partners.ts';

/**
 * The schools and institutes of the industry–academia demo: the universities the seed names (and those near
 * the group's sites, partners.ts) and others in the six countries the seed lists, "nearly 70" in all.
 */
export type DemoPartner = {
  name: string;
  nameZh: string | null;
  country: string;
  kind: 'university' | 'institute';
  sites: readonly string[];
};

const COUNTRY_OF: Record<string, string> = {
  'Fudan University': 'CN',
  'Shanghai Jiao Tong University': 'CN',
  'Soochow University': 'CN',
  'Jiangnan University': 'CN',
  'Shandong University, Weihai': 'CN',
  'Shenzhen University': 'CN',
  'Universiti Sains Malaysia': 'MY',
  'Nanyang Technological University': 'SG',
  'National University of Singapore': 'SG',
  'Yamagata University': 'JP',
  'Seoul National University of Science and Technology': 'KR',
};

const ZH: Record<string, string> = {
  'National Sun Yat-sen University': '國立中山大學',
  'National Cheng Kung University': '國立成功大學',
  'National Kaohsiung University of Science and Technology': '國立高雄科技大學',
  'National Chung Hsing University': '國立中興大學',
  'Feng Chia University': '逢甲大學',
  'National Yang Ming Chiao Tung University': '國立陽明交通大學',
  'National Taipei University of Technology': '國立臺北科技大學',
  'National Central University': '國立中央大學',
  'National Changhua University of Education': '國立彰化師範大學',
  'Fudan University': '復旦大學',
  'Shanghai Jiao Tong University': '上海交通大學',
  'Soochow University': '蘇州大學',
  'Jiangnan University': '江南大學',
};

/** Further schools and institutes, by the sites that work with them. */
const MORE: readonly [string, string | null, string, 'university' | 'institute', readonly string[]][] = [
  ['National Taiwan University', '國立臺灣大學', 'TW', 'university', ['ASE-CL', 'ASE-TPE']],
  ['National Tsing Hua University', '國立清華大學', 'TW', 'university', ['SPIL-HC', 'ASE-CL']],
  [
    'National Taiwan University of Science and Technology',
    '國立臺灣科技大學',
    'TW',
    'university',
    ['ASE-TPE'],
  ],
  ['National Chung Cheng University', '國立中正大學', 'TW', 'university', ['ASE-KH']],
  [
    'National Pingtung University of Science and Technology',
    '國立屏東科技大學',
    'TW',
    'university',
    ['ASE-KH'],
  ],
  ['I-Shou University', '義守大學', 'TW', 'university', ['ASE-KH']],
  ['Kun Shan University', '崑山科技大學', 'TW', 'university', ['ASE-KH']],
  ['Southern Taiwan University of Science and Technology', '南臺科技大學', 'TW', 'university', ['ASE-KH']],
  ['National Formosa University', '國立虎尾科技大學', 'TW', 'university', ['SPIL-DF', 'SPIL-CH']],
  [
    'National Chin-Yi University of Technology',
    '國立勤益科技大學',
    'TW',
    'university',
    ['SPIL-TZ', 'SPIL-ZK'],
  ],
  ['Chaoyang University of Technology', '朝陽科技大學', 'TW', 'university', ['SPIL-TZ']],
  ['Tunghai University', '東海大學', 'TW', 'university', ['SPIL-ZK']],
  ['National Chi Nan University', '國立暨南國際大學', 'TW', 'university', ['USI-NT']],
  ['Chung Yuan Christian University', '中原大學', 'TW', 'university', ['ASE-CL']],
  ['Ming Chi University of Technology', '明志科技大學', 'TW', 'university', ['ASE-CL', 'ASE-TPE']],
  ['Chang Gung University', '長庚大學', 'TW', 'university', ['ASE-CL']],
  ['Yuan Ze University', '元智大學', 'TW', 'university', ['ASE-CL']],
  ['National United University', '國立聯合大學', 'TW', 'university', ['SPIL-HC']],
  ['Industrial Technology Research Institute', '工業技術研究院', 'TW', 'institute', ['ASE-KH', 'SPIL-HC']],
  ['Taiwan Semiconductor Research Institute', '台灣半導體研究中心', 'TW', 'institute', ['ASE-KH', 'SPIL-DF']],
  ['Metal Industries Research & Development Centre', '金屬工業研究發展中心', 'TW', 'institute', ['ASE-KH']],
  ['Tongji University', '同濟大學', 'CN', 'university', ['ASE-SHM']],
  [
    'East China University of Science and Technology',
    '華東理工大學',
    'CN',
    'university',
    ['ASE-SHM', 'USI-ZJ'],
  ],
  ['Nanjing University', '南京大學', 'CN', 'university', ['ASE-KS']],
  ['Southeast University', '東南大學', 'CN', 'university', ['ASE-WX', 'SPIL-SZ']],
  ['Zhejiang University', '浙江大學', 'CN', 'university', ['USI-JQ']],
  ['Xidian University', '西安電子科技大學', 'CN', 'university', ['ASE-KS']],
  ['Harbin Institute of Technology, Weihai', '哈爾濱工業大學（威海）', 'CN', 'university', ['ASE-WH']],
  ['Wuxi Institute of Technology', '無錫職業技術學院', 'CN', 'institute', ['ASE-WX']],
  [
    'Suzhou Industrial Park Institute of Vocational Technology',
    '蘇州工業園區職業技術學院',
    'CN',
    'institute',
    ['SPIL-SZ', 'USI-KS'],
  ],
  [
    'Kunshan Dengyun College of Science and Technology',
    '崑山登雲科技職業學院',
    'CN',
    'institute',
    ['ASE-KS', 'USI-KS'],
  ],
  ['Shenzhen Polytechnic', '深圳職業技術學院', 'CN', 'institute', ['USI-SZ']],
  ['Institute of Microelectronics, A*STAR', null, 'SG', 'institute', ['ASE-SG']],
  ['Singapore Polytechnic', null, 'SG', 'institute', ['ASE-SG']],
  ['Nanyang Polytechnic', null, 'SG', 'institute', ['ASE-SG']],
  ['Singapore University of Technology and Design', null, 'SG', 'university', ['ASE-SG']],
  ['Universiti Teknologi Malaysia', null, 'MY', 'university', ['ASE-PG']],
  ['Universiti Malaya', null, 'MY', 'university', ['ASE-PG']],
  ['Universiti Teknikal Malaysia Melaka', null, 'MY', 'university', ['ASE-PG']],
  ['Penang Skills Development Centre', null, 'MY', 'institute', ['ASE-PG']],
  ['Multimedia University', null, 'MY', 'university', ['ASE-PG']],
  ['Korea Advanced Institute of Science and Technology', null, 'KR', 'university', ['ASE-KR']],
  ['Inha University', null, 'KR', 'university', ['ASE-KR']],
  ['Korea Polytechnics', null, 'KR', 'institute', ['ASE-KR']],
  ['Tohoku University', null, 'JP', 'university', ['ASE-JP']],
  ['Niigata University', null, 'JP', 'university', ['ASE-JP']],
];

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  ...UNIVERSITIES.map((u) => ({
    name: u.name,
    nameZh: ZH[u.name] ?? null,
    country: COUNTRY_OF[u.name] ?? 'TW',
    kind: 'university' as const,
    sites: u.sites,
  })),
  ...MORE.map(([name, nameZh, country, kind, sites]) => ({ name, nameZh, country, kind, sites })),
];

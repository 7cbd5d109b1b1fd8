import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';

type Row = Record<string, unknown>;

/** The ids migration 0052 gives the programs the interns already carried. */
const SHIPPED: Record<string, string> = {
  cooperative_education: '5a1c0000-0000-4000-8000-000000000001',
  onsite_internship: '5a1c0000-0000-4000-8000-000000000002',
  nsysu_college: '5a1c0000-0000-4000-8000-000000000003',
  career_development: '5a1c0000-0000-4000-8000-000000000004',
};

type Program = {
  code: string;
  name?: string;
  nameZh?: string;
  kind?: string;
  description?: string;
  activeFrom?: number;
  /** Site codes, or a prefix ending in '-' for every site of a subsidiary. */
  sites: string[];
  /** Demo users' e-mail prefixes. */
  owners: string[];
};

/**
 * The seed's programs (../shared/seeds/002: cooperative education and internships, academic research
 * collaborations, scholarships, career development and employment orientation, the assembly and manufacturing
 * education program, internships and company visits, AI colleges, the NSYSU college, university corporate
 * mentorships, USI University, and the three research lines), with the years the seed gives.
 */
const PROGRAMS: Program[] = [
  {
    code: 'cooperative_education',
    sites: ['ASE-KH', 'ASE-CL', 'SPIL-'],
    owners: ['academia.owner', 'officer.kh'],
  },
  { code: 'onsite_internship', sites: ['USI-'], owners: ['academia.owner'] },
  { code: 'nsysu_college', sites: ['ASE-KH'], owners: ['academia.owner'] },
  { code: 'career_development', sites: ['ASE-KH', 'ASE-CL', 'SPIL-'], owners: ['academia.owner'] },
  {
    code: 'research_collaboration',
    name: 'Academic research collaborations',
    nameZh: '學術研究合作',
    kind: 'research',
    description: 'Research projects with universities and institutes, budgets, milestones and outcomes.',
    sites: ['ASE-KH', 'ASE-CL', 'SPIL-'],
    owners: ['academia.owner'],
  },
  {
    code: 'scholarships',
    name: 'Scholarships',
    nameZh: '獎學金',
    kind: 'scholarship',
    sites: ['ASE-KH', 'SPIL-'],
    owners: ['academia.owner'],
  },
  {
    code: 'semiconductor_education',
    name: 'Semiconductor Assembly and Manufacturing Education Program',
    nameZh: '半導體封裝製造教育計畫',
    kind: 'education',
    description:
      'Semiconductor Assembly Materials and Processes course with National Chung Hsing University.',
    activeFrom: 2016,
    sites: ['SPIL-'],
    owners: ['academia.owner'],
  },
  {
    code: 'ai_college',
    name: 'AI colleges',
    nameZh: '人工智慧學院',
    kind: 'college',
    sites: ['ASE-KH'],
    owners: ['academia.owner'],
  },
  {
    code: 'corporate_mentorship',
    name: 'University Corporate Mentors',
    nameZh: '大學企業業師',
    kind: 'mentorship',
    sites: ['SPIL-'],
    owners: ['academia.owner'],
  },
  {
    code: 'usi_university',
    name: 'USI University',
    nameZh: '環旭大學',
    kind: 'university',
    description:
      'Free courses on corporate experience, management and technology trends for college students.',
    activeFrom: 2006,
    sites: ['USI-'],
    owners: ['academia.owner'],
  },
  {
    code: 'packaging',
    name: 'Research line: semiconductor assembly technology',
    nameZh: '研究主軸：半導體封裝技術',
    kind: 'research_line',
    description: 'With National Cheng Kung University and National Sun Yat-sen University.',
    activeFrom: 2012,
    sites: ['ASE-KH'],
    owners: ['academia.owner', 'officer.kh'],
  },
  {
    code: 'automation',
    name: 'Research line: manufacturing automation',
    nameZh: '研究主軸：製造自動化',
    kind: 'research_line',
    activeFrom: 2015,
    sites: ['ASE-KH'],
    owners: ['academia.owner', 'officer.kh'],
  },
  {
    code: 'materials',
    name: 'Research line: advanced materials',
    nameZh: '研究主軸：先進材料',
    kind: 'research_line',
    sites: ['ASE-KH'],
    owners: ['academia.owner'],
  },
];

/** The programs not shipped by the migration, and the owners and sites of all. */
export function generateAcademiaPrograms(data: DemoDataset, stamp: Row): TableRows[] {
  const programs: Row[] = [];
  const sites: Row[] = [];
  const owners: Row[] = [];
  PROGRAMS.forEach((p, n) => {
    let id = SHIPPED[p.code];
    if (!id) {
      id = `5a1c0000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
      programs.push({
        id,
        code: p.code,
        name: p.name,
        name_zh: p.nameZh,
        kind: p.kind,
        description: p.description ?? null,
        active_from: p.activeFrom ?? null,
        active_to: null,
        ...stamp,
      });
    }
    const siteIds = data.sites
      .filter((s) => p.sites.some((c) => (c.endsWith('-') ? s.code.startsWith(c) : s.code === c)))
      .map((s) => s.id);
    for (const site_id of siteIds) sites.push({ program_id: id, site_id });
    for (const prefix of p.owners) {
      const user = data.users.find((u) => u.email.startsWith(`${prefix}@`));
      if (!user) throw new Error(`No demo user ${prefix}`);
      owners.push({ program_id: id, user_id: user.id });
    }
  });
  return [
    { table: 'academia_programs', rows: programs },
    { table: 'academia_program_sites', rows: sites },
    { table: 'academia_program_owners', rows: owners },
  ];
}

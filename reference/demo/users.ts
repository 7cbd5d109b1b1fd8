import type { Program, Role } from '#shared/platform/access/roles.ts';

/**
 * The demo sign-ins: one user for each role, scoped the way such a person would be. They all share one
 * password, which the README lists with them. Never load the demo into a database that holds real data.
 */
export const DEMO_PASSWORD = 'Steward-demo-2026';

export type DemoScope =
  | { kind: 'group' }
  | { kind: 'subsidiary'; subsidiary: 'ASE' | 'SPIL' | 'USI' }
  | { kind: 'sites'; sites: string[] };

export type DemoUser = {
  email: string;
  displayName: string;
  locale: 'en' | 'zh-TW';
  role: Role;
  program: Program | null;
  scope: DemoScope;
  /** What this sign-in is for, in one line (README, sign-in page hints). */
  description: string;
  /** The person behind the account: an employee of this site, or a contractor worker there. */
  person: {
    kind: 'employee' | 'contractor_worker';
    site: string;
    fullName: string;
    department?: string;
    jobTitle?: string;
  };
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@steward.demo',
    displayName: 'Grace Lin',
    locale: 'en',
    role: 'group_admin',
    program: null,
    scope: { kind: 'group' },
    description: 'Group administrator: organisation, people, users and roles of the whole group',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '林佳穎',
      department: 'Information Technology',
      jobTitle: 'IT Manager',
    },
  },
  {
    email: 'ohs.owner@steward.demo',
    displayName: 'Oliver Huang',
    locale: 'en',
    role: 'program_owner',
    program: 'ohs',
    scope: { kind: 'group' },
    description: 'Group OHS office: occupational health and safety program of every site',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '黃志明',
      department: 'Environmental Safety & Health',
      jobTitle: 'Group OHS Director',
    },
  },
  {
    email: 'ip.owner@steward.demo',
    displayName: 'Irene Chang',
    locale: 'en',
    role: 'program_owner',
    program: 'ip',
    scope: { kind: 'group' },
    description: 'Group IP office: patents, trademarks, trade secrets and licensing',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '張雅婷',
      department: 'Legal & Intellectual Property',
      jobTitle: 'IP Director',
    },
  },
  {
    email: 'infosec.owner@steward.demo',
    displayName: 'Ivan Tsai',
    locale: 'en',
    role: 'program_owner',
    program: 'infosec',
    scope: { kind: 'group' },
    description: 'Group CISO office: information security management of every site, IT and OT',
    person: {
      kind: 'employee',
      site: 'ASE-TPE',
      fullName: '蔡承恩',
      department: 'Information Security',
      jobTitle: 'Chief Information Security Officer',
    },
  },
  {
    email: 'academia.owner@steward.demo',
    displayName: 'Amy Wu',
    locale: 'en',
    role: 'program_owner',
    program: 'academia',
    scope: { kind: 'group' },
    description: 'Group academia office: research projects, scholarships, internships and courses',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '吳欣怡',
      department: 'Human Resources',
      jobTitle: 'Academia Relations Manager',
    },
  },
  {
    email: 'smart.owner@steward.demo',
    displayName: 'Sam Liu',
    locale: 'en',
    role: 'program_owner',
    program: 'smart',
    scope: { kind: 'group' },
    description: 'Smart manufacturing office: shop-floor monitoring and abnormality detection',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '劉冠宇',
      department: 'Automation Engineering',
      jobTitle: 'Smart Factory Manager',
    },
  },
  {
    email: 'officer.kh@steward.demo',
    displayName: 'Kevin Chen',
    locale: 'zh-TW',
    role: 'site_officer',
    program: null,
    scope: { kind: 'sites', sites: ['ASE-KH'] },
    description: 'Site officer of ASE Kaohsiung only: runs every program there',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '陳建宏',
      department: 'Environmental Safety & Health',
      jobTitle: 'ESH Section Manager',
    },
  },
  {
    email: 'officer.spil@steward.demo',
    displayName: 'Sandy Lai',
    locale: 'zh-TW',
    role: 'site_officer',
    program: null,
    scope: { kind: 'subsidiary', subsidiary: 'SPIL' },
    description: 'Site officer of every SPIL site (Taiwan and Suzhou)',
    person: {
      kind: 'employee',
      site: 'SPIL-ZK',
      fullName: '賴雅雯',
      department: 'Environmental Safety & Health',
      jobTitle: 'ESH Department Manager',
    },
  },
  {
    email: 'employee@steward.demo',
    displayName: 'Emily Hsu',
    locale: 'zh-TW',
    role: 'employee',
    program: null,
    scope: { kind: 'sites', sites: ['ASE-KH'] },
    description: 'Employee at ASE Kaohsiung: reports incidents and hazards, takes training',
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '許淑芬',
      department: 'Production',
      jobTitle: 'Line Leader',
    },
  },
  {
    email: 'contractor@steward.demo',
    displayName: 'Mark Santos',
    locale: 'en',
    role: 'employee',
    program: null,
    scope: { kind: 'sites', sites: ['ASE-KH'] },
    description: 'Contractor worker (scaffolder) at ASE Kaohsiung: signs in with the employee role',
    person: { kind: 'contractor_worker', site: 'ASE-KH', fullName: 'Mark Santos' },
  },
  {
    email: 'auditor@steward.demo',
    displayName: 'Audrey Kuo',
    locale: 'en',
    role: 'auditor',
    program: null,
    scope: { kind: 'group' },
    description: 'Internal auditor: reads every program and the audit log, changes nothing',
    person: {
      kind: 'employee',
      site: 'ASE-TPE',
      fullName: '郭佩珊',
      department: 'Internal Audit',
      jobTitle: 'Senior Auditor',
    },
  },
  {
    email: 'board@steward.demo',
    displayName: 'Benjamin Yang',
    locale: 'en',
    role: 'board',
    program: null,
    scope: { kind: 'group' },
    description: 'Board member: reads the reports of every program',
    person: {
      kind: 'employee',
      site: 'ASE-TPE',
      fullName: '楊國華',
      department: 'Board Office',
      jobTitle: 'Independent Director',
    },
  },
  {
    email: 'medical@steward.demo',
    displayName: 'Dr. Mei-Ling Hsieh',
    locale: 'zh-TW',
    role: 'medical',
    program: null,
    scope: { kind: 'sites', sites: ['ASE-KH'] },
    description:
      "Occupational physician at ASE Kaohsiung's employees' clinic: the only one who sees health data",
    person: {
      kind: 'employee',
      site: 'ASE-KH',
      fullName: '謝美玲',
      department: 'Environmental Safety & Health',
      jobTitle: 'Occupational Physician',
    },
  },
];

/**
 * Demo sign-ins of people outside the company, with no role: a program gives each of them its own records
 * (the platform's external role), and they see those alone. The academia part of the demo gives the student
 * an internship and the professor a research project.
 */
export type DemoGuest = {
  email: string;
  displayName: string;
  locale: 'en' | 'zh-TW';
  description: string;
};

export const DEMO_GUESTS: readonly DemoGuest[] = [
  {
    email: 'student@steward.demo',
    displayName: 'Chen Yu-Ting',
    locale: 'zh-TW',
    description:
      'Student of the NSYSU college interning at ASE Kaohsiung: sees her own internship and evaluates it',
  },
  {
    email: 'professor@steward.demo',
    displayName: 'Prof. Lin Wei-Cheng',
    locale: 'en',
    description:
      'Principal investigator of a research project with ASE Kaohsiung: follows its milestones and results',
  },
];

const ROLE_LABELS: Record<Role, string> = {
  group_admin: 'Group admin',
  program_owner: 'Program owner',
  site_officer: 'Site officer',
  employee: 'Employee',
  auditor: 'Auditor',
  board: 'Board member',
  medical: 'Medical',
};

/** The demo sign-ins as a Markdown table, for the README (`node -e` or a docs script prints it). */
export function demoLoginsMarkdown(): string {
  const scope = (s: DemoScope) =>
    s.kind === 'group'
      ? 'group'
      : s.kind === 'subsidiary'
        ? `${s.subsidiary} (all its sites)`
        : s.sites.join(', ');
  const lines = [
    `All demo users share the password \`${DEMO_PASSWORD}\`.`,
    '',
    '| Sign in as | Role | Scope | For |',
    '|---|---|---|---|',
    ...DEMO_USERS.map(
      (u) =>
        `| \`${u.email}\` | ${ROLE_LABELS[u.role]}${u.program ? ` (${u.program})` : ''} | ${scope(u.scope)} | ${u.description} |`,
    ),
    ...DEMO_GUESTS.map((g) => `| \`${g.email}\` | External (no role) | own records | ${g.description} |`),
  ];
  return `${lines.join('\n')}\n`;
}

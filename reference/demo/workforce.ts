import type { SiteKind } from './organisation.ts';

/**
 * Departments and job titles of a semiconductor packaging, test and EMS group, with the share of the
 * workforce in each and the share of each title that has a company email address (operators mostly do not).
 */
export type Department = {
  name: string;
  weight: number;
  /** [title, weight, share with an email address] */
  titles: readonly (readonly [string, number, number])[];
};

const MANUFACTURING: readonly Department[] = [
  {
    name: 'Production',
    weight: 52,
    titles: [
      ['Operator', 68, 0],
      ['Senior Operator', 16, 0],
      ['Line Leader', 8, 0.4],
      ['Production Supervisor', 5, 1],
      ['Production Section Manager', 2, 1],
      ['Production Department Manager', 1, 1],
    ],
  },
  {
    name: 'Equipment Engineering',
    weight: 10,
    titles: [
      ['Equipment Technician', 52, 0.5],
      ['Senior Equipment Technician', 20, 0.7],
      ['Equipment Engineer', 19, 1],
      ['Senior Equipment Engineer', 6, 1],
      ['Equipment Section Manager', 3, 1],
    ],
  },
  {
    name: 'Process Engineering',
    weight: 6,
    titles: [
      ['Process Engineer', 58, 1],
      ['Senior Process Engineer', 26, 1],
      ['Principal Engineer', 9, 1],
      ['Process Section Manager', 7, 1],
    ],
  },
  {
    name: 'Test Engineering',
    weight: 5,
    titles: [
      ['Test Technician', 45, 0.5],
      ['Test Engineer', 38, 1],
      ['Senior Test Engineer', 12, 1],
      ['Test Section Manager', 5, 1],
    ],
  },
  {
    name: 'Quality Assurance',
    weight: 7,
    titles: [
      ['QA Inspector', 55, 0.1],
      ['QA Engineer', 30, 1],
      ['Senior QA Engineer', 10, 1],
      ['QA Section Manager', 5, 1],
    ],
  },
  {
    name: 'Production Planning & Control',
    weight: 3,
    titles: [
      ['Production Planner', 70, 1],
      ['Senior Planner', 20, 1],
      ['PPC Section Manager', 10, 1],
    ],
  },
  {
    name: 'Warehouse & Logistics',
    weight: 3.5,
    titles: [
      ['Material Handler', 45, 0],
      ['Warehouse Clerk', 40, 0.5],
      ['Logistics Supervisor', 15, 1],
    ],
  },
  {
    name: 'Facilities',
    weight: 3,
    titles: [
      ['Facility Technician', 60, 0.4],
      ['Facility Engineer', 30, 1],
      ['Facility Section Manager', 10, 1],
    ],
  },
  {
    name: 'Environmental Safety & Health',
    weight: 1.5,
    titles: [
      ['ESH Engineer', 50, 1],
      ['Safety Officer', 20, 1],
      ['Occupational Health Nurse', 15, 1],
      ['Industrial Hygienist', 7, 1],
      ['ESH Section Manager', 8, 1],
    ],
  },
  {
    name: 'Automation Engineering',
    weight: 1.5,
    titles: [
      ['Automation Engineer', 60, 1],
      ['Data Engineer', 25, 1],
      ['Automation Section Manager', 15, 1],
    ],
  },
  {
    name: 'Research & Development',
    weight: 1.5,
    titles: [
      ['R&D Engineer', 60, 1],
      ['Senior R&D Engineer', 28, 1],
      ['R&D Manager', 12, 1],
    ],
  },
  {
    name: 'Information Technology',
    weight: 1.2,
    titles: [
      ['IT Engineer', 60, 1],
      ['System Administrator', 28, 1],
      ['IT Section Manager', 12, 1],
    ],
  },
  {
    name: 'Information Security',
    weight: 0.3,
    titles: [
      ['Security Engineer', 75, 1],
      ['Security Manager', 25, 1],
    ],
  },
  {
    name: 'Human Resources',
    weight: 1.4,
    titles: [
      ['HR Specialist', 60, 1],
      ['Recruiter', 25, 1],
      ['HR Manager', 15, 1],
    ],
  },
  {
    name: 'Finance',
    weight: 1,
    titles: [
      ['Accountant', 60, 1],
      ['Financial Analyst', 28, 1],
      ['Finance Manager', 12, 1],
    ],
  },
  {
    name: 'Procurement',
    weight: 1,
    titles: [
      ['Buyer', 60, 1],
      ['Senior Buyer', 28, 1],
      ['Procurement Manager', 12, 1],
    ],
  },
  {
    name: 'General Affairs',
    weight: 1,
    titles: [
      ['General Affairs Specialist', 70, 1],
      ['Driver', 15, 0],
      ['General Affairs Manager', 15, 1],
    ],
  },
  {
    name: 'Legal & Intellectual Property',
    weight: 0.2,
    titles: [
      ['Patent Engineer', 60, 1],
      ['Legal Counsel', 25, 1],
      ['IP Manager', 15, 1],
    ],
  },
];

const OFFICE: readonly Department[] = [
  {
    name: 'Finance',
    weight: 18,
    titles: [
      ['Accountant', 50, 1],
      ['Financial Analyst', 35, 1],
      ['Finance Manager', 15, 1],
    ],
  },
  {
    name: 'Human Resources',
    weight: 12,
    titles: [
      ['HR Specialist', 70, 1],
      ['HR Manager', 30, 1],
    ],
  },
  {
    name: 'Legal & Intellectual Property',
    weight: 12,
    titles: [
      ['Patent Engineer', 50, 1],
      ['Legal Counsel', 30, 1],
      ['IP Manager', 20, 1],
    ],
  },
  {
    name: 'Information Technology',
    weight: 14,
    titles: [
      ['IT Engineer', 60, 1],
      ['IT Manager', 40, 1],
    ],
  },
  {
    name: 'Information Security',
    weight: 8,
    titles: [
      ['Security Engineer', 60, 1],
      ['Security Analyst', 25, 1],
      ['Security Manager', 15, 1],
    ],
  },
  {
    name: 'Sustainability',
    weight: 8,
    titles: [
      ['Sustainability Specialist', 70, 1],
      ['Sustainability Manager', 30, 1],
    ],
  },
  {
    name: 'Investor Relations',
    weight: 5,
    titles: [
      ['IR Specialist', 70, 1],
      ['IR Manager', 30, 1],
    ],
  },
  {
    name: 'Internal Audit',
    weight: 6,
    titles: [
      ['Auditor', 55, 1],
      ['Senior Auditor', 30, 1],
      ['Audit Manager', 15, 1],
    ],
  },
  {
    name: 'Procurement',
    weight: 8,
    titles: [
      ['Buyer', 60, 1],
      ['Procurement Manager', 40, 1],
    ],
  },
  {
    name: 'General Affairs',
    weight: 9,
    titles: [
      ['Administrative Assistant', 70, 1],
      ['General Affairs Manager', 30, 1],
    ],
  },
];

export function departmentsFor(kind: SiteKind): readonly Department[] {
  return kind === 'office' ? OFFICE : MANUFACTURING;
}

/** Managers and principals have served longer, on average. */
export function isSenior(title: string): boolean {
  return /Manager|Principal|Director|Senior|Supervisor|Officer|Counsel/.test(title);
}

/** Job titles as the Taiwanese and Chinese sites' HR systems hold them (Traditional Chinese). */
export const JOB_TITLE_ZH: Readonly<Record<string, string>> = {
  Accountant: '會計專員',
  'Administrative Assistant': '行政助理',
  'Audit Manager': '稽核經理',
  Auditor: '稽核專員',
  'Automation Engineer': '自動化工程師',
  'Automation Section Manager': '自動化課長',
  Buyer: '採購專員',
  'Data Engineer': '資料工程師',
  Driver: '司機',
  'ESH Engineer': '環安衛工程師',
  'ESH Section Manager': '環安衛課長',
  'ESH Department Manager': '環安衛處經理',
  'Group OHS Director': '集團職安衛處長',
  'IP Director': '智權處長',
  'Chief Information Security Officer': '資安長',
  'Academia Relations Manager': '產學合作經理',
  'Smart Factory Manager': '智慧工廠經理',
  'Independent Director': '獨立董事',
  'Occupational Physician': '職業醫學科醫師',
  'Equipment Engineer': '設備工程師',
  'Equipment Section Manager': '設備課長',
  'Equipment Technician': '設備技術員',
  'Facility Engineer': '廠務工程師',
  'Facility Section Manager': '廠務課長',
  'Facility Technician': '廠務技術員',
  'Finance Manager': '財務經理',
  'Financial Analyst': '財務分析師',
  'General Affairs Manager': '總務經理',
  'General Affairs Specialist': '總務專員',
  'HR Manager': '人資經理',
  'HR Specialist': '人資專員',
  'IP Manager': '智權經理',
  'IR Manager': '投資人關係經理',
  'IR Specialist': '投資人關係專員',
  'IT Engineer': '資訊工程師',
  'IT Manager': '資訊經理',
  'IT Section Manager': '資訊課長',
  'Industrial Hygienist': '工業衛生師',
  'Legal Counsel': '法務專員',
  'Line Leader': '線長',
  'Logistics Supervisor': '物流主任',
  'Material Handler': '物料員',
  'Occupational Health Nurse': '職業衛生護理師',
  Operator: '作業員',
  'PPC Section Manager': '生管課長',
  'Patent Engineer': '專利工程師',
  'Principal Engineer': '主任工程師',
  'Process Engineer': '製程工程師',
  'Process Section Manager': '製程課長',
  'Procurement Manager': '採購經理',
  'Production Department Manager': '生產部經理',
  'Production Planner': '生管專員',
  'Production Section Manager': '生產課長',
  'Production Supervisor': '生產領班',
  'QA Engineer': '品保工程師',
  'QA Inspector': '品檢員',
  'QA Section Manager': '品保課長',
  'R&D Engineer': '研發工程師',
  'R&D Manager': '研發經理',
  Recruiter: '招募專員',
  'Safety Officer': '職業安全管理師',
  'Security Analyst': '資安分析師',
  'Security Engineer': '資安工程師',
  'Security Manager': '資安經理',
  'Senior Auditor': '資深稽核專員',
  'Senior Buyer': '資深採購專員',
  'Senior Equipment Engineer': '資深設備工程師',
  'Senior Equipment Technician': '資深設備技術員',
  'Senior Operator': '資深作業員',
  'Senior Planner': '資深生管專員',
  'Senior Process Engineer': '資深製程工程師',
  'Senior QA Engineer': '資深品保工程師',
  'Senior R&D Engineer': '資深研發工程師',
  'Senior Test Engineer': '資深測試工程師',
  'Sustainability Manager': '永續經理',
  'Sustainability Specialist': '永續專員',
  'System Administrator': '系統管理員',
  'Test Engineer': '測試工程師',
  'Test Section Manager': '測試課長',
  'Test Technician': '測試技術員',
  'Warehouse Clerk': '倉管員',
};

/** Departments in Traditional Chinese, for the same sites. */
export const DEPARTMENT_ZH: Readonly<Record<string, string>> = {
  Production: '生產部',
  'Equipment Engineering': '設備工程部',
  'Process Engineering': '製程工程部',
  'Test Engineering': '測試工程部',
  'Quality Assurance': '品質保證部',
  'Production Planning & Control': '生產管理部',
  'Warehouse & Logistics': '倉儲物流部',
  Facilities: '廠務部',
  'Environmental Safety & Health': '環安衛處',
  'Automation Engineering': '自動化工程部',
  'Research & Development': '研發部',
  'Information Technology': '資訊部',
  'Information Security': '資訊安全部',
  'Human Resources': '人力資源部',
  Finance: '財務部',
  Procurement: '採購部',
  'General Affairs': '總務部',
  'Legal & Intellectual Property': '法務智權部',
  Sustainability: '永續發展室',
  'Investor Relations': '投資人關係室',
  'Internal Audit': '稽核室',
};

/** A job title or department in the language the site writes in (English where there is no Chinese). */
export function inSiteLanguage(
  text: string,
  chinese: boolean,
  table: Readonly<Record<string, string>>,
): string {
  return chinese ? (table[text] ?? text) : text;
}

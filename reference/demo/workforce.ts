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

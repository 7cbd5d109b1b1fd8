import type { ColumnType, Generated } from 'kysely';
import type { DateString, Stamps } from '../../db/schema.ts';

/** The industry–academia program's table types for Kysely. Keep in step with ./migrations. */

/** bigint money in minor units: read back as a number (exact below 2^53). */
type Minor = ColumnType<number, number, number>;

export type AgreementKind = 'framework' | 'mou' | 'research_contract' | 'internship' | 'scholarship';
export type ProjectLine = 'packaging' | 'automation' | 'materials' | 'other';
export type ProjectStatus = 'proposal' | 'active' | 'completed' | 'cancelled';
export type OutcomeKind = 'paper' | 'patent' | 'prototype' | 'adoption';
export type InternProgram =
  | 'onsite_internship'
  | 'cooperative_education'
  | 'nsysu_college'
  | 'career_development';
export type InternOutcome = 'ongoing' | 'completed' | 'withdrawn';
export type PaymentCategory = 'research' | 'scholarship' | 'college' | 'course' | 'internship' | 'other';

export type AcademiaPartnersTable = Stamps & {
  id: Generated<string>;
  name: string;
  name_zh: string | null;
  country: string;
  kind: 'university' | 'institute';
};

export type AcademiaAgreementsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  kind: AgreementKind;
  title: string;
  starts_on: DateString;
  ends_on: DateString;
  renewal_notice_days: Generated<number>;
};

export type AcademiaProjectsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  title: string;
  line: ProjectLine;
  principal_investigator: string;
  contact_employee_id: string | null;
  status: Generated<ProjectStatus>;
  starts_on: DateString;
  ends_on: DateString | null;
  currency: string;
};

export type AcademiaProjectBudgetsTable = Stamps & {
  id: Generated<string>;
  project_id: string;
  site_id: string;
  year: number;
  budget_minor: Minor;
};

export type AcademiaMilestonesTable = Stamps & {
  id: Generated<string>;
  project_id: string;
  site_id: string;
  title: string;
  due_date: DateString;
  done_on: DateString | null;
};

export type AcademiaOutcomesTable = Stamps & {
  id: Generated<string>;
  project_id: string;
  site_id: string;
  kind: OutcomeKind;
  title: string;
  occurred_on: DateString;
  ip_reference: string | null;
};

export type AcademiaInternsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  /** Null once anonymised (anonymised_on). */
  full_name: string | null;
  email: string | null;
  program: InternProgram;
  started_on: DateString;
  ended_on: DateString | null;
  hours: Generated<number>;
  outcome: Generated<InternOutcome>;
  hired_employee_id: string | null;
  hired_on: DateString | null;
  date_of_birth: DateString | null;
  /** The day the retention job erased the name and contact details. */
  anonymised_on: Generated<DateString | null>;
  /** A college cohort's institute (the NSYSU college's two), null for other interns. */
  institute: CollegeInstitute | null;
  /** The company sponsors the student's studies. */
  sponsored: Generated<boolean>;
  /** The period of study at the school before the internship, for a study-then-internship cohort. */
  study_started_on: DateString | null;
  study_ended_on: DateString | null;
};

export type CollegeInstitute = 'advanced_packaging_testing' | 'precision_electronic_components';

/** Students a school places at a site for a term under an internship cooperation, counted, not named. */
export type AcademiaPlacementsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  term: string;
  starts_on: DateString;
  ends_on: DateString;
  students: number;
  participation_hours: number;
};

export type ProgramKind =
  | 'internship'
  | 'research'
  | 'scholarship'
  | 'career'
  | 'education'
  | 'college'
  | 'mentorship'
  | 'university'
  | 'research_line';

/** A program of the industry–academia office: group records, edited by the program owner. */
export type AcademiaProgramsTable = Stamps & {
  id: Generated<string>;
  code: string;
  name: string;
  name_zh: string;
  kind: ProgramKind;
  description: string | null;
  active_from: number | null;
  active_to: number | null;
};

export type AcademiaProgramSitesTable = { program_id: string; site_id: string };
export type AcademiaProgramOwnersTable = { program_id: string; user_id: string };

export type HireMatchReason = 'email' | 'name_and_birth_date';
export type HireMatchStatus = 'proposed' | 'confirmed' | 'dismissed';

export type AcademiaHireMatchesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  intern_id: string;
  employee_id: string;
  employee_site_id: string;
  reason: HireMatchReason;
  proposed_at: Generated<Date>;
  status: Generated<HireMatchStatus>;
  decided_by: string | null;
  decided_at: Date | null;
};

export type AcademiaScholarshipsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  /** Erased (null) by the retention job, with `anonymised_on` set. */
  recipient_name: string | null;
  program: string;
  awarded_on: DateString;
  amount_minor: Minor;
  currency: string;
  condition: string | null;
  anonymised_on: DateString | null;
};

export type AcademiaPaymentsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  category: PaymentCategory;
  project_id: string | null;
  scholarship_id: string | null;
  paid_on: DateString;
  amount_minor: Minor;
  currency: string;
  note: string | null;
};

export type CourseProgram =
  | 'usi_university'
  | 'semiconductor_education'
  | 'practical_training'
  | 'nsysu_college'
  | 'ai_college'
  | 'other';
export type CourseSubject = 'semiconductor' | 'ai' | 'management' | 'career' | 'other';
export type MentorshipActivityKind =
  | 'forum'
  | 'line_tour'
  | 'dinner'
  | 'career_talk'
  | 'competition'
  | 'other';
type Ids = ColumnType<string[], string[] | undefined, string[]>;

export type AcademiaCoursesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string | null;
  program: CourseProgram;
  subject: CourseSubject;
  title: string;
  lecturer_employee_ids: Ids;
  starts_on: DateString;
  ends_on: DateString;
  hours: number;
  students: number;
  /** numeric(3,2), as a string to stay exact. */
  feedback_score: ColumnType<string | null, string | null | undefined, string | null>;
  feedback_comments: string | null;
};

export type AcademiaMentorshipsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  partner_id: string;
  title: string;
  mentor_employee_ids: Ids;
  starts_on: DateString;
  ends_on: DateString;
  students: number;
  /** The code of the program record it runs under (academia_programs), if any. */
  program: string | null;
};

export type AcademiaMentorshipActivitiesTable = Stamps & {
  id: Generated<string>;
  mentorship_id: string;
  site_id: string;
  kind: MentorshipActivityKind;
  held_on: DateString;
  hours: number;
  students: number;
};

export type AcademiaInternEvaluationsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  intern_id: string;
  evaluator: 'mentor' | 'student';
  rating: number;
  evaluated_on: DateString;
  /** Null once the retention job erased the intern's personal data. */
  comments: string | null;
  /** Given by the student through their own sign-in: once per internship (a unique index). */
  given_by_student: Generated<boolean>;
};

export type AcademiaTables = {
  academia_partners: AcademiaPartnersTable;
  academia_agreements: AcademiaAgreementsTable;
  academia_projects: AcademiaProjectsTable;
  academia_project_budgets: AcademiaProjectBudgetsTable;
  academia_milestones: AcademiaMilestonesTable;
  academia_outcomes: AcademiaOutcomesTable;
  academia_interns: AcademiaInternsTable;
  academia_intern_evaluations: AcademiaInternEvaluationsTable;
  academia_programs: AcademiaProgramsTable;
  academia_program_sites: AcademiaProgramSitesTable;
  academia_program_owners: AcademiaProgramOwnersTable;
  academia_scholarships: AcademiaScholarshipsTable;
  academia_payments: AcademiaPaymentsTable;
  academia_courses: AcademiaCoursesTable;
  academia_mentorships: AcademiaMentorshipsTable;
  academia_mentorship_activities: AcademiaMentorshipActivitiesTable;
  academia_hire_matches: AcademiaHireMatchesTable;
  academia_placements: AcademiaPlacementsTable;
};

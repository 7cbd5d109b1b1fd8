import type { ColumnType, Generated } from 'kysely';
import type { Bilingual, TemplateQuestion } from '#shared/modules/infosec/suppliers/contract.ts';
import type { AssessmentStep, SupplierAnswer } from '#shared/modules/infosec/suppliers/rules.ts';
import type { Stamps } from '../../../db/schema.ts';

/** The supplier assessments' table types for Kysely. Keep in step with ../migrations/0041_infosec_suppliers.ts. */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null, string | null>;
type Json<T> = ColumnType<T, string, string>;

export type InfosecSuppliersTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  name: string;
  country: string;
  supplies: string;
  category: string;
  criticality: string;
  active: Generated<boolean>;
};

export type InfosecSupplierSitesTable = { supplier_id: string; site_id: string };

export type InfosecSupplierContactsTable = Stamps & {
  id: Generated<string>;
  supplier_id: string;
  name: string;
  email: string;
  phone: string | null;
  position: string | null;
  user_id: string | null;
};

export type InfosecSupplierTemplatesTable = Stamps & {
  id: Generated<string>;
  code: string;
  name: Json<Bilingual>;
  /** What the questionnaire is for and whom it is sent to. */
  description: ColumnType<Bilingual | null, string | null, string | null>;
  questions: Json<TemplateQuestion[]>;
  active: Generated<boolean>;
};

export type InfosecSupplierAssessmentsTable = Stamps & {
  id: Generated<string>;
  supplier_id: string;
  site_id: string;
  template_id: string;
  /** The template's questions as they were when the assessment started. */
  questions: Json<TemplateQuestion[]>;
  kind: 'initial' | 'follow_up';
  previous_id: string | null;
  status: Generated<AssessmentStep>;
  started_on: DateColumn;
  guidance_on: NullableDate;
  confirmed_on: NullableDate;
  followed_up_on: NullableDate;
  guidance_note: string | null;
  result_note: string | null;
  /** The score of the answers when the current situation closed (the rule in shared/…/suppliers/rules.ts). */
  score: ColumnType<string | null, number | null, number | null>;
};

export type InfosecSupplierAnswersTable = {
  assessment_id: string;
  question_code: string;
  answer: SupplierAnswer;
  note: string | null;
  answered_by: string | null;
  answered_at: Generated<Date>;
};

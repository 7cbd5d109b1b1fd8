import type { ColumnType, Generated } from 'kysely';
import type { Decision, DisclosureStatus, RewardEvent } from '#shared/modules/ip/inventions/rules.ts';
import type { Exclusivity, FtoConclusion, RoyaltyBasis } from '#shared/modules/ip/licences/contract.ts';
import type { ReportingPeriod } from '#shared/modules/ip/licences/rules.ts';
import type { OfficeActionKind } from '#shared/modules/ip/office-actions/contract.ts';
import type { KeepDropDecision } from '#shared/modules/ip/reassessment/contract.ts';
import type { Assessment, Recommendation } from '#shared/modules/ip/reassessment/rules.ts';
import type {
  RiskCostCategory,
  RiskDirection,
  RiskKind,
  RiskOutcome,
  RiskStep,
} from '#shared/modules/ip/risk/contract.ts';
import type {
  EntitySize,
  EpState,
  Kind,
  Office,
  Status,
  Technology,
} from '#shared/modules/ip/rules/offices.ts';
import type { Checklist, SecretCategory } from '#shared/modules/ip/rules/secrets.ts';
import type { DateString, Stamps } from '../../db/schema.ts';

/** The IP program's table types for Kysely. Keep in step with ./migrations. */

export type IpFamiliesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  title: string;
  technology: Technology;
  green: Generated<boolean>;
  sustainability_focus: string | null;
};

export type IpInventorsTable = {
  family_id: string;
  employee_id: string;
  /** The name as filed: an inventor's name on the application does not change with the HR record. */
  name: string;
  /** Per cent of the invention, whole numbers. */
  share: number;
};

export type IpMattersTable = Stamps & {
  id: Generated<string>;
  family_id: string;
  site_id: string;
  office: Office;
  kind: Kind;
  /** 'pct': entered the national or regional phase of an international application (filing date = its date). */
  route: Generated<'direct' | 'pct'>;
  application_no: string;
  filing_date: DateString;
  priority_date: DateString | null;
  publication_no: string | null;
  publication_date: DateString | null;
  grant_date: DateString | null;
  patent_no: string | null;
  status: Status;
  term_adjustment_days: Generated<number>;
  /** USPTO entity size of the owner; 'large' outside the US. */
  entity_size: Generated<EntitySize>;
  /** Re-assessment facts entered where Steward holds no record of them (null: not known). */
  claims: Generated<number | null>;
  forward_citations: Generated<number | null>;
  backward_citations: Generated<number | null>;
  /** 1–5: how well the patent fits the technologies the group pursues. */
  technology_fit: Generated<number | null>;
  used_in_products: Generated<boolean | null>;
  /** Patent classes as printed (IPC "H01L 23/31", CPC "H01L 2224/48091"), in the office's order. */
  ipc_classes: ColumnType<string[], string[] | undefined, string[]>;
  cpc_classes: ColumnType<string[], string[] | undefined, string[]>;
  /** The day the term counts from when earlier than the filing date (a US continuation's parent); null: filing. */
  term_from: Generated<DateString | null>;
  /** A granted European patent: the states where it was validated (codes), and whether it has unitary effect. */
  validation_states: ColumnType<EpState[], EpState[] | undefined, EpState[]>;
  unitary_effect: Generated<boolean>;
};

/** An office action: a communication setting a period to respond, the extension taken and the response filed. */
export type IpOfficeActionsTable = Stamps & {
  id: Generated<string>;
  matter_id: string;
  site_id: string;
  kind: OfficeActionKind;
  mailed_on: DateString;
  period_months: number;
  extension_months: Generated<number>;
  replied_on: DateString | null;
};

/** A status of a matter and the day it took effect. */
export type IpMatterEventsTable = {
  id: Generated<string>;
  matter_id: string;
  status: Status;
  effective_on: DateString;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type IpTrademarksTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  mark: string;
  office: 'TW' | 'US' | 'CN' | 'EU';
  nice_classes: number[];
  application_no: string;
  registration_no: string | null;
  filing_date: DateString;
  registration_date: DateString | null;
  status: 'filed' | 'registered' | 'opposed' | 'lapsed' | 'abandoned';
};

/** A trade secret as registered: what is protected, never the secret itself. */
export type IpTradeSecretsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  title: string;
  category: SecretCategory;
  owner_id: string;
  access_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Employees who may access it without a sign-in of their own. */
  access_employee_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** jsonb: read as a value, written as JSON text. */
  checklist: ColumnType<Checklist, string, string>;
  /** The reasonable-measures score (0–100) of the checklist, kept for sorting. */
  score: number;
  last_review_date: DateString;
  next_review_due: DateString;
};

export type IpOfficeClosuresTable = {
  office: Office;
  day: DateString;
  name: string;
  source: string;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type IpDisclosuresTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  title: string;
  description: string;
  submitted_by: string;
  /** A research project of the industry–academia program, checked through its lookup. */
  research_project_id: string | null;
  partner_name: string | null;
  status: Generated<DisclosureStatus>;
  decision: Decision | null;
  decision_office: Office | null;
  decision_kind: Kind | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  family_id: string | null;
  trade_secret_id: string | null;
};

export type ExitInterviewStatus = 'due' | 'held' | 'acknowledged' | 'withdrawn';

export type IpExitInterviewsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  employee_id: string;
  leave_date: DateString;
  due_date: DateString;
  inventor: boolean;
  family_ids: ColumnType<string[], string[] | undefined, string[]>;
  disclosure_ids: ColumnType<string[], string[] | undefined, string[]>;
  trade_secret_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<ExitInterviewStatus>;
  held_on: DateString | null;
  signed_on: DateString | null;
};

export type IpDisclosureInventorsTable = {
  disclosure_id: string;
  employee_id: string;
  name: string;
  share: number;
};

export type IpInventionRewardsTable = Stamps & {
  id: Generated<string>;
  disclosure_id: string;
  site_id: string;
  employee_id: string;
  name: string;
  event: RewardEvent;
  share: number;
  /** numeric(14,0), NT$: read as text, written as text. */
  amount: string;
  paid_on: DateString | null;
  paid_by: string | null;
};

export type IpLicencesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  direction: 'in' | 'out' | 'cross';
  counterparty: string;
  subject: string;
  territory: ColumnType<string[], string[] | undefined, string[]>;
  field_of_use: string | null;
  starts_on: DateString;
  ends_on: DateString | null;
  exclusivity: Exclusivity;
  royalty_basis: Generated<RoyaltyBasis>;
  /** numeric(7,4), per cent: read as text, written as text. */
  royalty_rate: string | null;
  /** numeric(16,2): read as text, written as text. */
  royalty_amount: string | null;
  currency: string | null;
  reporting_period: ReportingPeriod | null;
  report_due_days: number | null;
};

export type IpLicenceFamiliesTable = { licence_id: string; family_id: string };
export type IpLicenceMattersTable = { licence_id: string; matter_id: string };

export type IpRoyaltyReportsTable = {
  id: Generated<string>;
  licence_id: string;
  site_id: string;
  period_start: DateString;
  period_end: DateString;
  reported_on: DateString;
  amount: string;
  currency: string;
  created_at: Generated<Date>;
  created_by: string | null;
};

/** A freedom-to-operate opinion on a product or technology. */
export type IpFtoRecordsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  subject: string;
  technology: Technology | null;
  conclusion: FtoConclusion;
  counsel: string;
  opinion_date: DateString;
  patents_considered: ColumnType<string[], string[] | undefined, string[]>;
  family_ids: ColumnType<string[], string[] | undefined, string[]>;
};

export type IpRiskCasesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  kind: RiskKind;
  direction: RiskDirection;
  title: string;
  counterparty: string | null;
  counsel: string | null;
  /** A security incident of the information security program, checked through its lookup. */
  incident_id: string | null;
  /** The latest step of the response procedure and the day it took effect (kept with the step rows). */
  step: RiskStep;
  step_on: DateString;
  outcome: RiskOutcome | null;
  /** The patent family the case concerns, if any (counted as litigation in the re-assessment). */
  family_id: Generated<string | null>;
};

export type IpRiskCaseStepsTable = {
  id: Generated<string>;
  case_id: string;
  step: RiskStep;
  effective_on: DateString;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type IpRiskCaseCostsTable = {
  id: Generated<string>;
  case_id: string;
  incurred_on: DateString;
  category: RiskCostCategory;
  amount: string;
  currency: string;
  created_at: Generated<Date>;
  created_by: string | null;
};

/** A keep-or-drop decision for one fee of a matter, with the re-assessment it was based on. */
export type IpKeepDropDecisionsTable = {
  id: Generated<string>;
  matter_id: string;
  site_id: string;
  fee_year: number | null;
  fee_due_date: DateString;
  decide_by: DateString;
  decision: KeepDropDecision;
  reason: string;
  lapses_on: DateString | null;
  /** jsonb: read as a value, written as JSON text. */
  assessment: ColumnType<Assessment, string, string>;
  decided_by: string | null;
  decided_on: DateString;
  created_at: Generated<Date>;
};

export type IpReviewCampaignsTable = {
  id: Generated<string>;
  name: string;
  due_date: DateString;
  office: Office | null;
  technology: Technology | null;
  subsidiary_id: string | null;
  granted_only: boolean;
  closed_on: DateString | null;
  created_by: string | null;
  created_on: DateString;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  version: Generated<number>;
};

export type IpReviewItemsTable = {
  id: Generated<string>;
  campaign_id: string;
  matter_id: string;
  site_id: string;
  /** jsonb: read as a value, written as JSON text. */
  assessment: ColumnType<Assessment, string, string>;
  /** numeric: read as text. */
  score: ColumnType<string, number, number>;
  recommendation: Recommendation;
  verdict: KeepDropDecision | null;
  note: string | null;
  reviewed_by: string | null;
  reviewed_on: DateString | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  version: Generated<number>;
};

export type IpTables = {
  ip_families: IpFamiliesTable;
  ip_inventors: IpInventorsTable;
  ip_matters: IpMattersTable;
  ip_matter_events: IpMatterEventsTable;
  ip_trademarks: IpTrademarksTable;
  ip_office_actions: IpOfficeActionsTable;
  ip_office_closures: IpOfficeClosuresTable;
  ip_trade_secrets: IpTradeSecretsTable;
  ip_disclosures: IpDisclosuresTable;
  ip_disclosure_inventors: IpDisclosureInventorsTable;
  ip_exit_interviews: IpExitInterviewsTable;
  ip_invention_rewards: IpInventionRewardsTable;
  ip_licences: IpLicencesTable;
  ip_licence_families: IpLicenceFamiliesTable;
  ip_licence_matters: IpLicenceMattersTable;
  ip_royalty_reports: IpRoyaltyReportsTable;
  ip_fto_records: IpFtoRecordsTable;
  ip_risk_cases: IpRiskCasesTable;
  ip_risk_case_steps: IpRiskCaseStepsTable;
  ip_risk_case_costs: IpRiskCaseCostsTable;
  ip_keep_drop_decisions: IpKeepDropDecisionsTable;
  ip_review_campaigns: IpReviewCampaignsTable;
  ip_review_items: IpReviewItemsTable;
};

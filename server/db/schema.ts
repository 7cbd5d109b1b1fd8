import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ModuleTables } from '../modules/tables.ts';
import type { MessageParam } from '../platform/i18n/message.ts';
import type { NotificationFacts } from '../platform/notify/messages.ts';
import type { NoticeFacts } from '../platform/notify/notices.ts';

/** A message's parameters (jsonb), written as JSON text. */
type MessageParamsColumn = ColumnType<
  Record<string, MessageParam> | null,
  string | null | undefined,
  string | null
>;

/**
 * Table types for Kysely: the platform's, and each module's from its own `tables.ts` (through
 * server/modules/tables.ts). Keep in step with the migrations.
 */

/** The columns every mutable row has. */
export type Stamps = {
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
};

/** A calendar date travels as 'YYYY-MM-DD'. */
export type DateString = string;

export type HoldingsTable = Stamps & {
  id: Generated<string>;
  code: string;
  name: string;
  name_zh: string | null;
};

export type SubsidiariesTable = Stamps & {
  id: Generated<string>;
  holding_id: string;
  code: string;
  name: string;
  name_zh: string | null;
};

export type SitesTable = Stamps & {
  id: Generated<string>;
  subsidiary_id: string;
  code: string;
  name: string;
  name_zh: string | null;
  country: string;
  time_zone: string;
  kind: 'manufacturing' | 'materials' | 'office' | 'warehouse' | 'research';
  active: Generated<boolean>;
};

export type AreasTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  parent_id: string | null;
  kind: 'building' | 'floor' | 'line' | 'room' | 'zone';
  code: string;
  name: string;
};

export type EmployeesTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  employee_no: string;
  full_name: string;
  email: string | null;
  department: string;
  job_title: string | null;
  hire_date: DateString;
  leave_date: DateString | null;
};

export type ContractorCompaniesTable = Stamps & {
  id: Generated<string>;
  name: string;
  tax_id: string | null;
  country: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
};

export type ContractorWorkersTable = Stamps & {
  id: Generated<string>;
  company_id: string;
  site_id: string;
  worker_no: string;
  full_name: string;
  trade: string | null;
  start_date: DateString | null;
  end_date: DateString | null;
};

export type ExternalPersonsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  kind: 'student' | 'supplier_staff' | 'visitor' | 'researcher' | 'other';
  full_name: string;
  organisation: string;
  email: string | null;
};

export type UsersTable = Stamps & {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: Generated<'en' | 'zh-TW'>;
  employee_id: string | null;
  contractor_worker_id: string | null;
  active: Generated<boolean>;
  failed_signins: Generated<number>;
  locked_until: Date | null;
  last_signin_at: Date | null;
  notification_digest: Generated<boolean>;
  calendar_token_hash: string | null;
};

export type RoleAssignmentsTable = {
  id: Generated<string>;
  user_id: string;
  role: string;
  program: string | null;
  scope_kind: 'group' | 'subsidiary' | 'sites';
  subsidiary_id: string | null;
  site_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
};

export type AuditChainsTable = {
  chain_key: string;
  last_seq: number;
  last_hash: string;
};

export type AuditEventsTable = {
  id: Generated<number>;
  chain_key: string;
  seq: number;
  prev_hash: string;
  hash: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  site_id: string | null;
  /** What a user typed, or the sentence of an event written before migration 0029; null with a message. */
  summary: string | null;
  /** The summary as a message (`summary_key`, `summary_params`: server/platform/i18n), from migration 0029. */
  summary_key: ColumnType<string | null, string | null | undefined, string | null>;
  summary_params: MessageParamsColumn;
  before: unknown;
  after: unknown;
  request_id: string | null;
};

export type RecordGrantsTable = {
  id: Generated<string>;
  user_id: string;
  record_type: string;
  record_id: string;
  site_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type AppSettingsTable = {
  key: string;
  value: unknown;
  updated_at: Generated<Date>;
  /** Raised by every change: the setting's ETag. */
  version: Generated<number>;
};

export type ObligationsTable = Stamps & {
  id: Generated<string>;
  kind: string;
  source_type: string;
  source_id: string;
  site_id: string | null;
  program: string | null;
  owner_id: string | null;
  delegate_id: string | null;
  /** What a user typed; null when the title is a message (`title_key`, `title_params`: server/platform/i18n). */
  title: string | null;
  title_key: string | null;
  title_params: MessageParamsColumn;
  due_date: DateString;
  due_at: Date | null;
  grace_days: Generated<number>;
  state: Generated<'open' | 'done' | 'cancelled'>;
  done_at: Date | null;
  done_by: string | null;
  escalated_at: Date | null;
};

export type NotificationsTable = {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  obligation_id: string | null;
  site_id: string | null;
  /** A reminder's facts (`NotificationFacts`) or a notice's message, rendered in the reader's language when read. */
  facts: ColumnType<NotificationFacts | NoticeFacts | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  read_at: Date | null;
};

export type NotificationOutboxTable = {
  id: Generated<string>;
  dedupe_key: string;
  obligation_id: string | null;
  /** A notice's email: the notification it repeats (obligation_id is then null). */
  notification_id: string | null;
  step: string;
  channel: 'email' | 'inbox';
  recipient_id: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'skipped'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
};

export type CertificationsTable = Stamps & {
  id: Generated<string>;
  standard: string;
  site_id: string | null;
  subsidiary_id: string | null;
  certificate_no: string | null;
  issuer: string | null;
  scope: string | null;
  issued_on: DateString;
  valid_until: DateString;
  renewal_in_progress: Generated<boolean>;
  owner_id: string | null;
  previous_id: string | null;
};

export type ActionsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  program: string | null;
  kind: 'corrective' | 'preventive' | 'improvement';
  /** What a user typed; null when the title is a message (`title_key`, `title_params`: server/platform/i18n). */
  title: string | null;
  title_key: string | null;
  title_params: MessageParamsColumn;
  description: string | null;
  description_key: string | null;
  description_params: MessageParamsColumn;
  source_type: string | null;
  source_id: string | null;
  owner_id: string | null;
  due_date: DateString;
  status: Generated<'open' | 'in_progress' | 'done' | 'verified'>;
  done_at: Date | null;
  verified_at: Date | null;
  verified_by: string | null;
  effectiveness_note: string | null;
};

export type DocumentsTable = {
  id: Generated<string>;
  site_id: string | null;
  entity_type: string;
  entity_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
  deleted_at: Date | null;
};

export type TrainingCoursesTable = Stamps & {
  id: Generated<string>;
  code: string;
  title: string;
  title_zh: string | null;
  domain: 'intellectual_property' | 'cybersecurity' | 'safety' | 'other';
  audience: 'all_employees' | 'new_hires' | 'site_officers' | 'contractors' | 'selected';
  recurrence_months: number | null;
  /** numeric: travels as a string to stay exact. */
  hours: ColumnType<string, string | number, string | number>;
  site_id: string | null;
  active: Generated<boolean>;
};

export type TrainingSessionsTable = Stamps & {
  id: Generated<string>;
  course_id: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  trainer: string | null;
  location: string | null;
  capacity: number | null;
};

export type TrainingCompletionsTable = {
  id: Generated<number>;
  course_id: string;
  person_type: 'employee' | 'contractor_worker' | 'external';
  person_id: string;
  site_id: string | null;
  completed_on: DateString;
  hours: ColumnType<string, string | number, string | number>;
  result: 'passed' | 'failed' | 'attended';
  session_id: string | null;
  import_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

/** Kept by triggers on training_completions (migration 0011): a year's figures without grouping its completions. */
/** Employees who have not left, per site (kept by triggers, migration 0036). */
export type SiteHeadcountsTable = { site_id: string; employees: number };

export type ObligationOpenCountsTable = {
  site_id: string | null;
  kind: string;
  due_date: DateString;
  grace_days: number;
  open: number;
};

/** Versions of data that answers are kept under: sixteen slots per name, renewed by triggers (migration 0075). */
export type DataVersionsTable = { name: string; slot: number; version: string };

export type ObligationDoneCountsTable = { site_id: string | null; kind: string; year: number; done: number };

export type TrainingYearSitesTable = {
  year: number;
  site_key: string;
  domain: string;
  individuals: number;
  completions: number;
  hours: string;
};

/** Per course and employee, the date of the latest completion that is not failed (kept by triggers). */
export type TrainingCourseLatestTable = {
  course_id: string;
  person_id: string;
  latest_on: DateString;
};

export type TrainingYearMoversTable = {
  year: number;
  person_id: string;
};

export type ImportJobsTable = {
  id: Generated<string>;
  kind: string;
  status: 'uploaded' | 'validating' | 'valid' | 'invalid' | 'committing' | 'done' | 'failed';
  filename: string;
  format: 'csv' | 'xlsx';
  storage_key: string;
  sha256: string;
  size_bytes: number;
  header: ColumnType<string[], string, string>;
  mapping: ColumnType<Record<string, string | null>, string, string>;
  rows_total: number | null;
  rows_done: Generated<number>;
  rows_inserted: number | null;
  error_count: Generated<number>;
  errors: ColumnType<{ row: number; column: string | null; message: string }[], string | undefined, string>;
  message: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  version: Generated<number>;
};

export type CommitteesTable = Stamps & {
  id: Generated<string>;
  level: 'group' | 'subsidiary' | 'site';
  site_id: string | null;
  subsidiary_id: string | null;
  program: string | null;
  name: string;
  name_zh: string | null;
  charter: string | null;
  frequency: Generated<'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'as_needed'>;
  quorum_percent: Generated<number>;
  quorum_chair_required: Generated<boolean>;
  active: Generated<boolean>;
};

export type CommitteeMembersTable = {
  id: Generated<string>;
  committee_id: string;
  site_id: string | null;
  user_id: string;
  role: 'chair' | 'secretary' | 'member' | 'employee_representative';
  title: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type MeetingsTable = Stamps & {
  id: Generated<string>;
  committee_id: string;
  site_id: string | null;
  title: string;
  scheduled_at: Date;
  duration_minutes: number | null;
  time_zone: string;
  location: string | null;
  online_url: string | null;
  status: Generated<'planned' | 'held' | 'minutes_approved' | 'cancelled'>;
  minutes: string | null;
  held_at: Date | null;
  minutes_approved_at: Date | null;
  minutes_approved_by: string | null;
  cancelled_reason: string | null;
};

export type MeetingAgendaItemsTable = {
  id: Generated<string>;
  meeting_id: string;
  site_id: string | null;
  position: number;
  title: string;
  presenter_id: string | null;
  presenter_name: string | null;
  duration_minutes: number | null;
  notes: string | null;
};

export type MeetingAttendanceTable = {
  meeting_id: string;
  user_id: string;
  site_id: string | null;
  committee_role: 'chair' | 'secretary' | 'member' | 'employee_representative';
  status: 'present' | 'absent' | 'excused' | null;
  note: string | null;
};

export type MeetingDecisionsTable = {
  id: Generated<string>;
  meeting_id: string;
  site_id: string | null;
  seq: number;
  text: string;
  action_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

/** A dated exchange rate: units of the currency per US dollar from `valid_from` on. */
export type ExchangeRatesTable = Stamps & {
  id: Generated<string>;
  currency: string;
  valid_from: DateString;
  /** numeric, as a string to stay exact. */
  per_usd: ColumnType<string, string, string>;
};

/** A day of a sites' working calendar that differs from Monday to Friday: a country's, or one site's. */
export type SiteCalendarDaysTable = Stamps & {
  id: Generated<string>;
  day: DateString;
  country: string | null;
  site_id: string | null;
  kind: 'public_holiday' | 'day_off' | 'closure' | 'working_day';
  name: string;
  source: string | null;
};

/** The platform's tables. */
export type PlatformTables = {
  committees: CommitteesTable;
  committee_members: CommitteeMembersTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_decisions: MeetingDecisionsTable;
  training_courses: TrainingCoursesTable;
  training_sessions: TrainingSessionsTable;
  training_completions: TrainingCompletionsTable;
  training_year_sites: TrainingYearSitesTable;
  site_headcounts: SiteHeadcountsTable;
  obligation_open_counts: ObligationOpenCountsTable;
  obligation_done_counts: ObligationDoneCountsTable;
  data_versions: DataVersionsTable;
  training_year_movers: TrainingYearMoversTable;
  training_course_latest: TrainingCourseLatestTable;
  import_jobs: ImportJobsTable;
  actions: ActionsTable;
  documents: DocumentsTable;
  obligations: ObligationsTable;
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
  certifications: CertificationsTable;
  holdings: HoldingsTable;
  subsidiaries: SubsidiariesTable;
  sites: SitesTable;
  areas: AreasTable;
  employees: EmployeesTable;
  contractor_companies: ContractorCompaniesTable;
  contractor_workers: ContractorWorkersTable;
  external_persons: ExternalPersonsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_chains: AuditChainsTable;
  audit_events: AuditEventsTable;
  app_settings: AppSettingsTable;
  record_grants: RecordGrantsTable;
  exchange_rates: ExchangeRatesTable;
  site_calendar_days: SiteCalendarDaysTable;
};

/** Every table: the platform's and the program modules'. */
export type DB = PlatformTables & ModuleTables;

export type Site = Selectable<SitesTable>;
export type Employee = Selectable<EmployeesTable>;
export type NewEmployee = Insertable<EmployeesTable>;
export type EmployeeUpdate = Updateable<EmployeesTable>;
export type User = Selectable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

import type { Selectable } from 'kysely';
import type {
  ActionsTable,
  AreasTable,
  CertificationsTable,
  ContractorCompaniesTable,
  ContractorWorkersTable,
  EmployeesTable,
  ExternalPersonsTable,
  HoldingsTable,
  ObligationsTable,
  RoleAssignmentsTable,
  SitesTable,
  SubsidiariesTable,
  UsersTable,
} from '../../server/db/schema.ts';

/**
 * The rows the demo generates take their types from the tables they go into (server/db/schema.ts and the
 * modules' tables.ts), so that a column renamed or retyped there fails to compile here.
 */

/** A timestamp as the demo writes it: ISO 8601 text; any other value as it is. */
type AsText<V> = V extends Date ? string : V;

/**
 * The columns `K` of a table as the demo generates them: every one present, each of the type it reads back
 * as, except timestamps, which are ISO 8601 text. The rows travel to the database as JSON (`bulkInsert`, where
 * PostgreSQL converts each column as an INSERT would; the benchmarks COPY them as text), and the tests
 * compare them by digest: JSON has no dates. Columns left out take their defaults (`version`, the stamps).
 */
export type DemoRow<T, K extends keyof Selectable<T>> = { [C in K]: AsText<Selectable<T>[C]> };

/**
 * An action of the tracker. Its title is text, as an officer types it in the site's language; its
 * description a message (`description_key`, `description_params`) shown in the reader's language.
 */
export type ActionRow = DemoRow<
  ActionsTable,
  | 'id'
  | 'site_id'
  | 'program'
  | 'kind'
  | 'description'
  | 'description_key'
  | 'description_params'
  | 'source_type'
  | 'source_id'
  | 'owner_id'
  | 'due_date'
  | 'status'
  | 'done_at'
  | 'verified_at'
  | 'verified_by'
  | 'effectiveness_note'
  | 'created_at'
> & { title: string };

/** The columns of an obligation of the calendar that the demo fills. */
export type ObligationColumns =
  | 'id'
  | 'kind'
  | 'source_type'
  | 'source_id'
  | 'site_id'
  | 'program'
  | 'owner_id'
  | 'title'
  | 'title_key'
  | 'title_params'
  | 'due_date'
  | 'due_at'
  | 'state'
  | 'done_at'
  | 'created_at';

/** An obligation of the calendar; its title a message (`title_key`, `title_params`), `title` null. */
export type ObligationRow = DemoRow<ObligationsTable, ObligationColumns>;

/** A certificate of the register: the demo's are sites' certificates, each with its number and issuer. */
export type CertificationRow = DemoRow<
  CertificationsTable,
  | 'id'
  | 'standard'
  | 'subsidiary_id'
  | 'scope'
  | 'issued_on'
  | 'valid_until'
  | 'renewal_in_progress'
  | 'owner_id'
  | 'previous_id'
  | 'created_at'
> & { site_id: string; certificate_no: string; issuer: string };

// The group: its organisation (every name of which has its Traditional Chinese), its people and the demo's
// users.

export type HoldingRow = DemoRow<HoldingsTable, 'id' | 'code' | 'name'> & { name_zh: string };
export type SubsidiaryRow = DemoRow<SubsidiariesTable, 'id' | 'holding_id' | 'code' | 'name'> & {
  name_zh: string;
};
export type SiteRow = DemoRow<
  SitesTable,
  'id' | 'subsidiary_id' | 'code' | 'name' | 'country' | 'time_zone' | 'kind'
> & { name_zh: string };
export type AreaRow = DemoRow<AreasTable, 'id' | 'site_id' | 'parent_id' | 'kind' | 'code' | 'name'>;
export type EmployeeRow = DemoRow<
  EmployeesTable,
  | 'id'
  | 'site_id'
  | 'employee_no'
  | 'full_name'
  | 'email'
  | 'department'
  | 'job_title'
  | 'hire_date'
  | 'leave_date'
>;
export type ContractorCompanyRow = DemoRow<
  ContractorCompaniesTable,
  'id' | 'name' | 'tax_id' | 'country' | 'contact_name' | 'contact_email' | 'contact_phone'
>;
/** A contractor's worker; every one of the demo's has a trade and the day the engagement started. */
export type ContractorWorkerRow = DemoRow<
  ContractorWorkersTable,
  'id' | 'company_id' | 'site_id' | 'worker_no' | 'full_name' | 'end_date'
> & { trade: string; start_date: string };
export type ExternalPersonRow = DemoRow<
  ExternalPersonsTable,
  'id' | 'site_id' | 'kind' | 'full_name' | 'organisation' | 'email'
>;
/** A demo user; its password hash is added when the demo is loaded (load.ts), the same for every user. */
export type UserRow = DemoRow<
  UsersTable,
  'id' | 'email' | 'display_name' | 'locale' | 'employee_id' | 'contractor_worker_id'
>;
export type RoleAssignmentRow = DemoRow<
  RoleAssignmentsTable,
  'id' | 'user_id' | 'role' | 'program' | 'scope_kind' | 'subsidiary_id' | 'site_ids'
>;

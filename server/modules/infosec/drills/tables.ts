import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../../db/schema.ts';

/** The drills' table types for Kysely. Keep in step with ../migrations/0040_infosec_drills.ts. */

type Numeric = ColumnType<string, string | number, string | number>;
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type InfosecDrillsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  kind: 'recovery' | 'incident_response';
  title: string;
  status: Generated<'planned' | 'held' | 'reviewed'>;
  planned_on: DateColumn;
  duration_hours: Numeric;
  scope: 'full_failover' | 'partial_restore' | 'component' | 'tabletop';
  scope_note: string | null;
  steps: Json<{ description: string; minutes: number }[]>;
  resources: Json<string[]>;
  risks: Json<{ risk: string; mitigation: string }[]>;
  held_on: ColumnType<string | null, string | null, string | null>;
  run_notes: string | null;
  reviewed_on: ColumnType<string | null, string | null, string | null>;
  findings: string | null;
};

export type InfosecDrillPeopleTable = {
  drill_id: string;
  user_id: string;
  site_id: string;
  position: number;
  role: string;
  unit: string;
  task: string;
  backup_user_id: string | null;
};

export type InfosecDrillSystemsTable = {
  drill_id: string;
  system_id: string;
  site_id: string;
  backup_source: string;
  achieved_rto_hours: Numeric | null;
  achieved_rpo_hours: Numeric | null;
  data_restored: boolean | null;
};

export type InfosecPhishingCampaignsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  name: string;
  sent_on: DateColumn;
  course_id: string | null;
  /** The course's code when the campaign was set up, for the training obligation's title. */
  course_code: string | null;
  training_due_days: Generated<number>;
  import_by: string | null;
  import_requested_at: Date | null;
  results_imported_at: Date | null;
};

export type PhishingStatus = 'sent' | 'opened' | 'clicked' | 'submitted';

export type InfosecPhishingResultsTable = {
  id: Generated<string>;
  campaign_id: string;
  site_id: string;
  employee_id: string;
  email: string;
  name: string;
  position: string | null;
  department: string;
  status: PhishingStatus;
  sent_at: Date | null;
  reported: Generated<boolean>;
  /** Set when the recipient, a repeat clicker, was assigned the campaign's course. */
  training_due_on: ColumnType<string | null, string | null, string | null>;
};

import type { ColumnType, Generated } from 'kysely';
import type { DateString, Stamps } from '../../db/schema.ts';

/** The OHS program's table types for Kysely. Keep in step with ./migrations. */

export type OhsIncidentsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  area_id: string | null;
  reference: string;
  kind: 'injury' | 'illness' | 'near_miss' | 'unsafe_condition';
  occurred_at: Date;
  occurred_on: DateString;
  reported_by: string | null;
  anonymous: Generated<boolean>;
  title: string;
  description: string;
  immediate_actions: string | null;
  commuting: Generated<boolean>;
  fatalities: Generated<number>;
  injured: Generated<number>;
  hospitalised: Generated<number>;
  authority_notified_at: Date | null;
  authority_reference: string | null;
};

export type OhsInjuriesTable = Stamps & {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  injury_type: string;
  body_part: string;
  treatment: string | null;
  classification:
    | 'fatality'
    | 'permanent_total_disability'
    | 'permanent_partial_disability'
    | 'temporary_total_disability'
    | 'medical_treatment'
    | 'first_aid';
  injury_date: DateString;
  return_date: DateString | null;
  charged_days: number | null;
  charged_days_key: string | null;
  restricted_days: Generated<number>;
  hospitalised: Generated<boolean>;
  recovery: Generated<
    | 'expected_full_recovery'
    | 'not_expected_full_recovery'
    | 'recovered_fully'
    | 'not_recovered_within_six_months'
  >;
};

export type OhsInvestigationsTable = Stamps & {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  status: Generated<'draft' | 'investigating' | 'review' | 'closed'>;
  lead_id: string | null;
  team_ids: ColumnType<string[], string[] | undefined, string[]>;
  summary: string | null;
  closed_at: Date | null;
};

export type OhsInvestigationEventsTable = {
  id: Generated<string>;
  investigation_id: string;
  at: Date;
  description: string;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type OhsRootCausesTable = Stamps & {
  id: Generated<string>;
  investigation_id: string;
  site_id: string;
  method: 'five_whys' | 'fishbone';
  category:
    | 'people'
    | 'machine'
    | 'method'
    | 'material'
    | 'measurement'
    | 'environment'
    | 'management'
    | null;
  whys: ColumnType<string[], string[] | undefined, string[]>;
  statement: string;
};

export type OhsHoursTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  month: DateString;
  employee_hours: ColumnType<string, string | number, string | number>;
  non_employee_hours: ColumnType<string, string | number | undefined, string | number>;
};

/** The settled injuries' counts per site, month, person type and injury type (migration 0034, kept by triggers). */
export type OhsInjuryMonthsTable = {
  site_id: string;
  month: DateString;
  person_type: string;
  injury_type: string;
  injuries: number;
  disabling: number;
  days_lost: ColumnType<string, string | number, string | number>;
  fatalities: number;
  high_consequence: number;
  recordable: number;
  dart: number;
  lost_time: number;
};

export type HazardControl = {
  type: 'elimination' | 'substitution' | 'engineering' | 'administrative' | 'ppe';
  description: string;
  inPlace: boolean;
};

export type OhsHazardsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  area_id: string | null;
  activity: string;
  hazard: string;
  consequence: string;
  likelihood: number;
  severity: number;
  controls: ColumnType<HazardControl[], string | undefined, string>;
  residual_likelihood: number;
  residual_severity: number;
  owner_id: string | null;
  next_review: DateString;
  last_reviewed_on: DateString | null;
  archived: Generated<boolean>;
};

export type ContractorQualificationsTable = Stamps & {
  id: Generated<string>;
  worker_id: string;
  site_id: string;
  kind: string;
  certificate_no: string | null;
  issued_on: DateString | null;
  valid_until: DateString;
};

export type PermitHistoryEntry = {
  at: string;
  by: string | null;
  transition: string;
  from: string;
  to: string;
  note?: string;
};

export type OhsPermitsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  area_id: string;
  reference: string;
  type:
    | 'pipeline'
    | 'hot_work'
    | 'confined_space'
    | 'live_line_electrical'
    | 'crane'
    | 'elevated_work'
    | 'chemical_filling'
    | 'roof_work';
  status: Generated<string>;
  company_id: string;
  worker_ids: ColumnType<string[], string[] | undefined, string[]>;
  description: string;
  starts_at: Date;
  ends_at: Date;
  checklist: ColumnType<Record<string, boolean>, string | undefined, string>;
  gas_test: ColumnType<
    {
      oxygenPercent: number;
      lelPercent: number;
      toxicPpm: number | null;
      testedAt: string;
      testedBy: string | null;
    } | null,
    string | null | undefined,
    string | null
  >;
  requested_by: string | null;
  approved_by: string | null;
  issued_by: string | null;
  history: ColumnType<PermitHistoryEntry[], string | undefined, string>;
  rejection_reason: string | null;
};

export type HealthScreeningsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  kind: 'general' | 'special';
  special_hazard: string | null;
  screened_on: DateString;
  provider: string | null;
  cost_minor: ColumnType<number, number | undefined, number>;
  currency: Generated<string>;
  management_level: number | null;
  abnormal: Generated<boolean>;
  findings: string | null;
  recommendation: string | null;
};

export type HealthFollowupsTable = Stamps & {
  id: Generated<string>;
  screening_id: string;
  site_id: string;
  due_date: DateString;
  consulted_on: DateString | null;
  clinician_id: string | null;
  notes: string | null;
};

export type WellbeingProgramsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  kind: 'clinic' | 'counselling' | 'gym' | 'club' | 'group_course' | 'counsellor_training' | 'other';
  name: string;
  name_zh: string | null;
  started_on: DateString;
  ended_on: DateString | null;
};

export type WellbeingParticipationTable = {
  id: Generated<number>;
  program_id: string;
  site_id: string | null;
  person_id: string | null;
  participated_on: DateString;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type OhsGoalsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  title: string;
  horizon: 'short' | 'medium' | 'long';
  metric: 'fatalities' | 'disabling_injuries' | 'fr' | 'sr' | 'contractor_injuries' | 'screening_coverage';
  comparison: 'at_most' | 'at_least';
  target: ColumnType<string, string | number, string | number>;
  from_year: number;
  to_year: number;
};

/** The OHS program's tables, joined to the platform's in the database type. */
export type OhsTables = {
  ohs_incidents: OhsIncidentsTable;
  ohs_injuries: OhsInjuriesTable;
  ohs_investigations: OhsInvestigationsTable;
  ohs_investigation_events: OhsInvestigationEventsTable;
  ohs_root_causes: OhsRootCausesTable;
  ohs_hours: OhsHoursTable;
  ohs_injury_months: OhsInjuryMonthsTable;
  ohs_hazards: OhsHazardsTable;
  contractor_qualifications: ContractorQualificationsTable;
  ohs_permits: OhsPermitsTable;
  health_screenings: HealthScreeningsTable;
  health_followups: HealthFollowupsTable;
  wellbeing_programs: WellbeingProgramsTable;
  wellbeing_participation: WellbeingParticipationTable;
  ohs_goals: OhsGoalsTable;
};

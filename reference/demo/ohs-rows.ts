import type { RecoveryOutcome } from '#shared/modules/ohs/rules/injury.ts';
import type { PermitType } from '#shared/modules/ohs/rules/permits.ts';
import type { Message } from '../../server/platform/i18n/index.ts';
import type { EmployeeRow } from './generate.ts';
import type { InjuryType } from './ohs-text.ts';

/** The OHS part of the demo as rows, named and shaped like the tables they go into. */

export type OhsHoursRow = {
  id: string;
  site_id: string;
  month: string;
  employee_hours: number;
  non_employee_hours: number;
};
export type OhsIncidentRow = {
  id: string;
  site_id: string;
  area_id: string | null;
  reference: string;
  kind: 'injury' | 'illness' | 'near_miss' | 'unsafe_condition';
  occurred_at: string;
  occurred_on: string;
  reported_by: string | null;
  anonymous: boolean;
  title: string;
  description: string;
  immediate_actions: string | null;
  commuting: boolean;
  fatalities: number;
  injured: number;
  hospitalised: number;
  authority_notified_at: string | null;
  authority_reference: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};
export type OhsInjuryRow = {
  id: string;
  incident_id: string;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  injury_type: InjuryType;
  body_part: string;
  treatment: string | null;
  classification:
    | 'fatality'
    | 'permanent_total_disability'
    | 'permanent_partial_disability'
    | 'temporary_total_disability'
    | 'medical_treatment'
    | 'first_aid';
  injury_date: string;
  return_date: string | null;
  charged_days: number | null;
  charged_days_key: string | null;
  restricted_days: number;
  hospitalised: boolean;
  recovery: RecoveryOutcome;
  created_at: string;
  updated_at: string;
};
export type OhsInvestigationRow = {
  id: string;
  incident_id: string;
  site_id: string;
  status: 'draft' | 'investigating' | 'review' | 'closed';
  lead_id: string | null;
  team_ids: string[];
  summary: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
};
export type OhsInvestigationEventRow = {
  id: string;
  investigation_id: string;
  at: string;
  description: string;
  created_at: string;
};
export type OhsRootCauseRow = {
  id: string;
  investigation_id: string;
  site_id: string;
  method: 'five_whys' | 'fishbone';
  category: string | null;
  whys: string[];
  statement: string;
  created_at: string;
};
export type ActionRow = {
  id: string;
  site_id: string | null;
  program: 'ohs';
  kind: 'corrective' | 'preventive' | 'improvement';
  title: string;
  description: null;
  description_key: string;
  description_params: Message['params'];
  source_type: string;
  source_id: string;
  owner_id: string | null;
  due_date: string;
  status: 'open' | 'in_progress' | 'done' | 'verified';
  done_at: string | null;
  verified_at: string | null;
  verified_by: string | null;
  effectiveness_note: string | null;
  created_at: string;
};
export type HealthScreeningRow = {
  id: string;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  kind: 'general' | 'special';
  special_hazard: string | null;
  screened_on: string;
  provider: string;
  cost_minor: number;
  management_level: number | null;
  abnormal: boolean;
  findings: string | null;
  recommendation: string | null;
};
export type HealthFollowupRow = {
  id: string;
  screening_id: string;
  site_id: string;
  due_date: string;
  consulted_on: string | null;
  clinician_id: string | null;
  notes: string | null;
};
export type WellbeingProgramRow = {
  id: string;
  site_id: string | null;
  kind: 'clinic' | 'counselling' | 'gym' | 'club' | 'group_course' | 'counsellor_training' | 'other';
  name: string;
  name_zh: string | null;
  started_on: string;
  ended_on: string | null;
};
export type WellbeingParticipationRow = {
  program_id: string;
  site_id: string | null;
  person_id: string | null;
  participated_on: string;
};
export type CertificationRow = {
  id: string;
  standard: string;
  site_id: string;
  subsidiary_id: null;
  certificate_no: string;
  issuer: string;
  scope: string;
  issued_on: string;
  valid_until: string;
  renewal_in_progress: boolean;
  owner_id: string | null;
  previous_id: string | null;
  created_at: string;
};
export type OhsGoalRow = {
  id: string;
  site_id: string | null;
  title: string;
  horizon: 'short' | 'medium' | 'long';
  metric: 'fatalities' | 'disabling_injuries' | 'fr' | 'sr' | 'contractor_injuries' | 'screening_coverage';
  comparison: 'at_most' | 'at_least';
  target: number;
  from_year: number;
  to_year: number;
};
export type OhsHazardRow = {
  id: string;
  site_id: string;
  area_id: string | null;
  activity: string;
  hazard: string;
  consequence: string;
  likelihood: number;
  severity: number;
  controls: { type: string; description: string; inPlace: boolean }[];
  residual_likelihood: number;
  residual_severity: number;
  owner_id: string | null;
  next_review: string;
  last_reviewed_on: string;
};
export type ContractorQualificationRow = {
  id: string;
  worker_id: string;
  site_id: string;
  kind: string;
  certificate_no: string;
  issued_on: string;
  valid_until: string;
};
export type PermitHistoryEntry = {
  at: string;
  by: string | null;
  transition: string;
  from: string;
  to: string;
  note?: string;
};
export type OhsPermitRow = {
  id: string;
  site_id: string;
  area_id: string;
  reference: string;
  type: PermitType;
  status: string;
  company_id: string;
  worker_ids: string[];
  description: string;
  starts_at: string;
  ends_at: string;
  checklist: Record<string, boolean>;
  gas_test: {
    oxygenPercent: number;
    lelPercent: number;
    toxicPpm: number | null;
    testedAt: string;
    testedBy: string | null;
  } | null;
  requested_by: string | null;
  approved_by: string | null;
  issued_by: string | null;
  history: PermitHistoryEntry[];
  rejection_reason: string | null;
  created_at: string;
};
export type ObligationRow = {
  id: string;
  kind: string;
  source_type: string;
  source_id: string;
  site_id: string | null;
  program: 'ohs';
  owner_id: string | null;
  /** Null: the title is a message (`title_key`, `title_params`), shown in the reader's language. */
  title: null;
  title_key: string;
  title_params: Message['params'];
  due_date: string;
  due_at: string | null;
  state: 'open' | 'done' | 'cancelled';
  done_at: string | null;
  created_at: string;
};

export type OhsDataset = {
  /**
   * People who worked at the sites during the OHS history and left before the recent past. The workforce of
   * generate.ts is today's, with the last two years' leavers; the seed's year needs the people who worked
   * then (51,895 of them were screened), so the ones missing are added here, as leavers.
   */
  formerEmployees: EmployeeRow[];
  hours: OhsHoursRow[];
  incidents: OhsIncidentRow[];
  injuries: OhsInjuryRow[];
  investigations: OhsInvestigationRow[];
  investigationEvents: OhsInvestigationEventRow[];
  rootCauses: OhsRootCauseRow[];
  actions: ActionRow[];
  screenings: HealthScreeningRow[];
  followups: HealthFollowupRow[];
  wellbeingPrograms: WellbeingProgramRow[];
  wellbeingParticipation: WellbeingParticipationRow[];
  certifications: CertificationRow[];
  goals: OhsGoalRow[];
  hazards: OhsHazardRow[];
  qualifications: ContractorQualificationRow[];
  permits: OhsPermitRow[];
  obligations: ObligationRow[];
};

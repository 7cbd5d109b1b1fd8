import type { OhsTables } from '../../server/modules/ohs/index.ts';
import type { ActionRow, CertificationRow, DemoRow, EmployeeRow, ObligationRow } from './rows.ts';

/**
 * The OHS part of the demo as rows of the OHS program's tables (server/modules/ohs/tables.ts), typed from
 * them (rows.ts says how); where a row says more than its table, the comment says why.
 */

/**
 * Hours worked in a site's month. The generator writes them as numbers, and sums them to weigh the sites'
 * incidents by; the numeric columns take a JSON number as it is (they read back as text, to stay exact).
 */
export type OhsHoursRow = DemoRow<OhsTables['ohs_hours'], 'id' | 'site_id' | 'month'> & {
  employee_hours: number;
  non_employee_hours: number;
};

export type OhsIncidentRow = DemoRow<
  OhsTables['ohs_incidents'],
  Exclude<keyof OhsTables['ohs_incidents'], 'version'>
>;

export type OhsInjuryRow = DemoRow<
  OhsTables['ohs_injuries'],
  Exclude<keyof OhsTables['ohs_injuries'], 'version' | 'created_by' | 'updated_by'>
>;

export type OhsInvestigationRow = DemoRow<
  OhsTables['ohs_investigations'],
  Exclude<keyof OhsTables['ohs_investigations'], 'version' | 'created_by' | 'updated_by'>
>;

export type OhsInvestigationEventRow = DemoRow<
  OhsTables['ohs_investigation_events'],
  'id' | 'investigation_id' | 'at' | 'description' | 'created_at'
>;

export type OhsRootCauseRow = DemoRow<
  OhsTables['ohs_root_causes'],
  'id' | 'investigation_id' | 'site_id' | 'method' | 'category' | 'whys' | 'statement' | 'created_at'
>;

export type HealthScreeningRow = DemoRow<
  OhsTables['health_screenings'],
  | 'id'
  | 'site_id'
  | 'person_type'
  | 'person_id'
  | 'kind'
  | 'special_hazard'
  | 'screened_on'
  | 'provider'
  | 'cost_minor'
  | 'management_level'
  | 'abnormal'
  | 'findings'
  | 'recommendation'
>;

export type HealthFollowupRow = DemoRow<
  OhsTables['health_followups'],
  'id' | 'screening_id' | 'site_id' | 'due_date' | 'consulted_on' | 'clinician_id' | 'notes'
>;

export type WellbeingProgramRow = DemoRow<
  OhsTables['wellbeing_programs'],
  'id' | 'site_id' | 'kind' | 'name' | 'name_zh' | 'started_on' | 'ended_on'
>;

/** A visit to a program; its id is the table's own sequence. */
export type WellbeingParticipationRow = DemoRow<
  OhsTables['wellbeing_participation'],
  'program_id' | 'site_id' | 'person_id' | 'participated_on'
>;

/** A goal; its target a number (the numeric column reads back as text, to stay exact). */
export type OhsGoalRow = DemoRow<
  OhsTables['ohs_goals'],
  'id' | 'site_id' | 'title' | 'horizon' | 'metric' | 'comparison' | 'from_year' | 'to_year'
> & { target: number };

/** A hazard; every one of the demo's has been reviewed (the audit history dates its creation so). */
export type OhsHazardRow = DemoRow<
  OhsTables['ohs_hazards'],
  | 'id'
  | 'site_id'
  | 'area_id'
  | 'activity'
  | 'hazard'
  | 'consequence'
  | 'likelihood'
  | 'severity'
  | 'controls'
  | 'residual_likelihood'
  | 'residual_severity'
  | 'owner_id'
  | 'next_review'
> & { last_reviewed_on: string };

/** A qualification; every one of the demo's has its certificate and issue date (the audit history names them). */
export type ContractorQualificationRow = DemoRow<
  OhsTables['contractor_qualifications'],
  'id' | 'worker_id' | 'site_id' | 'kind' | 'valid_until'
> & { certificate_no: string; issued_on: string };

export type OhsPermitRow = DemoRow<
  OhsTables['ohs_permits'],
  Exclude<keyof OhsTables['ohs_permits'], 'version' | 'created_by' | 'updated_at' | 'updated_by'>
>;
export type PermitHistoryEntry = OhsPermitRow['history'][number];

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

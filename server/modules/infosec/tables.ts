import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../db/schema.ts';
import type { AdvisoryTables } from './advisories/tables.ts';
import type * as drills from './drills/tables.ts';
import type { InfosecEngagementsTable, InfosecFindingsTable } from './findings/tables.ts';
import type { GovernanceTables, PolicyTables } from './governance/tables.ts';
import type { MaterialTables } from './material/tables.ts';
import type { ResponseTables } from './response/tables.ts';
import type * as suppliers from './suppliers/tables.ts';

/** The information security program's table types for Kysely. Keep in step with ./migrations. */

type Numeric = ColumnType<string, string | number, string | number>;

export type InfosecSystemsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  name: string;
  owner_id: string | null;
  domain: 'it' | 'ot';
  criticality: 'low' | 'medium' | 'high' | 'critical';
  rto_hours: Numeric | null;
  rpo_hours: Numeric | null;
  backup: string | null;
  vendor: string | null;
  product: string | null;
  product_version: string | null;
  cpe: string | null;
};

export type InfosecIncidentsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  title: string;
  description: string;
  aware_at: Date;
  reported_by: string | null;
  sensitive: Generated<boolean>;
  sensitive_reason: 'insider' | 'hr' | 'legal' | null;
  status: Generated<'reported' | 'triaged' | 'contained' | 'recovered' | 'closed'>;
  level: number | null;
  level_reason: string | null;
  impact: ColumnType<unknown, string | null, string | null> | null;
  functional_impact: string | null;
  information_impact: string | null;
  recoverability: string | null;
  attack_vector: string | null;
  ciso_reported_at: Date | null;
  level_reviewed_at: Date | null;
  recovered_at: Date | null;
  investigation_reported_at: Date | null;
  breach_assessed_at: Generated<Date | null>;
  authority_notified_at: Generated<Date | null>;
};

export type InfosecIncidentSitesTable = { incident_id: string; site_id: string };
export type InfosecIncidentSystemsTable = { incident_id: string; system_id: string; site_id: string };
export type InfosecIncidentPeopleTable = { incident_id: string; user_id: string; site_id: string };

export type InfosecTimelineTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  at: Date;
  kind: string;
  text: string | null;
  data: ColumnType<unknown, string | null, string | null> | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type CsfCataloguesTable = {
  id: Generated<string>;
  name: string;
  version: string;
  framework_version: string;
  published: ColumnType<string, string, string>;
  source: string;
  created_at: Generated<Date>;
};

export type CsfItemsTable = {
  catalogue_id: string;
  identifier: string;
  kind: 'function' | 'category' | 'subcategory';
  parent: string | null;
  position: number;
  title: string;
  statement: string;
  examples: ColumnType<string[], string, string>;
};

export type CsfCampaignsTable = Stamps & {
  id: Generated<string>;
  year: number;
  name: string;
  catalogue_id: string;
  basis: '1.1' | '2.0';
  due_on: ColumnType<string | null, string | null, string | null>;
  status: Generated<'open' | 'closed'>;
};

export type CsfAssessmentStatus =
  | 'draft'
  | 'in_review'
  | 'reviewed'
  | 'signed_off'
  | 'approved'
  | 'superseded';

export type CsfAssessmentsTable = Stamps & {
  id: Generated<string>;
  campaign_id: string;
  site_id: string;
  domain: 'it' | 'ot';
  revision: Generated<number>;
  status: Generated<CsfAssessmentStatus>;
  assessor_id: string | null;
  consultancy: string | null;
  correction_of: string | null;
  correction_reason: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  signed_off_at: Date | null;
  signed_off_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
};

export type CsfAnswersTable = {
  assessment_id: string;
  site_id: string;
  subcategory: string;
  current_level: number | null;
  not_applicable: Generated<boolean>;
  target_level: number | null;
  notes: string | null;
  assessed_by: string | null;
  assessed_at: Generated<Date>;
};

export type CsfBenchmarksTable = {
  year: number;
  function: string;
  score: Numeric;
  source: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
};

export type InfosecTables = {
  infosec_systems: InfosecSystemsTable;
  infosec_incidents: InfosecIncidentsTable;
  infosec_incident_sites: InfosecIncidentSitesTable;
  infosec_incident_systems: InfosecIncidentSystemsTable;
  infosec_incident_people: InfosecIncidentPeopleTable;
  infosec_timeline: InfosecTimelineTable;
  csf_catalogues: CsfCataloguesTable;
  csf_items: CsfItemsTable;
  csf_campaigns: CsfCampaignsTable;
  csf_assessments: CsfAssessmentsTable;
  csf_answers: CsfAnswersTable;
  csf_benchmarks: CsfBenchmarksTable;
  infosec_engagements: InfosecEngagementsTable;
  infosec_findings: InfosecFindingsTable;
  infosec_drills: drills.InfosecDrillsTable;
  infosec_drill_people: drills.InfosecDrillPeopleTable;
  infosec_drill_systems: drills.InfosecDrillSystemsTable;
  infosec_phishing_campaigns: drills.InfosecPhishingCampaignsTable;
  infosec_phishing_results: drills.InfosecPhishingResultsTable;
  infosec_advisories: AdvisoryTables['infosec_advisories'];
  infosec_advisory_recipients: AdvisoryTables['infosec_advisory_recipients'];
  infosec_advisory_objects: AdvisoryTables['infosec_advisory_objects'];
  infosec_advisory_relationships: AdvisoryTables['infosec_advisory_relationships'];
  infosec_advisory_observables: AdvisoryTables['infosec_advisory_observables'];
  infosec_advisory_sites: AdvisoryTables['infosec_advisory_sites'];
  infosec_advisory_matches: AdvisoryTables['infosec_advisory_matches'];
  infosec_suppliers: suppliers.InfosecSuppliersTable;
  infosec_supplier_sites: suppliers.InfosecSupplierSitesTable;
  infosec_supplier_contacts: suppliers.InfosecSupplierContactsTable;
  infosec_supplier_templates: suppliers.InfosecSupplierTemplatesTable;
  infosec_supplier_assessments: suppliers.InfosecSupplierAssessmentsTable;
  infosec_supplier_answers: suppliers.InfosecSupplierAnswersTable;
  infosec_material_decisions: MaterialTables['infosec_material_decisions'];
  infosec_insurance_policies: MaterialTables['infosec_insurance_policies'];
  infosec_insurer_notices: MaterialTables['infosec_insurer_notices'];
  infosec_board_presentations: MaterialTables['infosec_board_presentations'];
  infosec_memberships: GovernanceTables['infosec_memberships'];
  infosec_risks: GovernanceTables['infosec_risks'];
  infosec_goals: GovernanceTables['infosec_goals'];
  infosec_goal_kpis: GovernanceTables['infosec_goal_kpis'];
  infosec_site_kpis: GovernanceTables['infosec_site_kpis'];
  infosec_policies: PolicyTables['infosec_policies'];
  infosec_policy_versions: PolicyTables['infosec_policy_versions'];
  infosec_policy_campaigns: PolicyTables['infosec_policy_campaigns'];
  infosec_policy_campaign_sites: PolicyTables['infosec_policy_campaign_sites'];
  infosec_policy_asked: PolicyTables['infosec_policy_asked'];
  infosec_policy_acknowledgements: PolicyTables['infosec_policy_acknowledgements'];
  infosec_incident_tasks: ResponseTables['infosec_incident_tasks'];
  infosec_incident_observables: ResponseTables['infosec_incident_observables'];
  infosec_evidence_custody: ResponseTables['infosec_evidence_custody'];
  infosec_incident_lessons: ResponseTables['infosec_incident_lessons'];
};

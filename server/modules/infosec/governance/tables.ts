import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../../db/schema.ts';

/** Governance's table types for Kysely. Keep in step with ../migrations/0042_infosec_governance.ts. */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null, string | null>;

export type InfosecMembershipsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  organisation: string;
  kind: 'membership' | 'agreement' | 'mou';
  since: DateColumn;
  renewal_on: NullableDate;
  renewal_lead_days: Generated<number>;
  owner_id: string | null;
  note: string | null;
};

export type InfosecRisksTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  system_id: string | null;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  treatment: 'mitigate' | 'transfer' | 'avoid' | 'accept';
  owner_id: string | null;
  review_on: DateColumn;
  residual_likelihood: number | null;
  residual_impact: number | null;
};

type Numeric = ColumnType<string, string | number, string | number>;

export type InfosecGoalsTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  year: number;
  title: string;
  description: string | null;
};

export type KpiMetric =
  | 'training_completion'
  | 'drill_participation'
  | 'endpoint_protection'
  | 'file_labelling'
  | 'manual';

export type InfosecGoalKpisTable = {
  goal_id: string;
  position: number;
  metric: KpiMetric;
  name: string | null;
  comparison: 'at_least' | 'at_most';
  target: Numeric;
  actual: ColumnType<string | null, string | number | null, string | number | null>;
};

export type InfosecSiteKpisTable = {
  site_id: string;
  month: DateColumn;
  training_completion: Numeric;
  drill_participation: Numeric;
  endpoint_protection: Numeric;
  file_labelling: Numeric;
  imported_at: Generated<Date>;
  imported_by: string | null;
};

export type GovernanceTables = {
  infosec_memberships: InfosecMembershipsTable;
  infosec_risks: InfosecRisksTable;
  infosec_goals: InfosecGoalsTable;
  infosec_goal_kpis: InfosecGoalKpisTable;
  infosec_site_kpis: InfosecSiteKpisTable;
};

/** Policies' table types. Keep in step with ../migrations/0048_infosec_policies.ts. */
export type InfosecPoliciesTable = Stamps & {
  id: Generated<string>;
  site_id: string | null;
  code: string;
  title: string;
  owner_id: string | null;
  status: Generated<'draft' | 'active' | 'retired'>;
};

export type InfosecPolicyVersionsTable = Stamps & {
  id: Generated<string>;
  policy_id: string;
  label: string;
  effective_on: DateColumn;
  summary: string | null;
  approved_by: string | null;
  approved_on: NullableDate;
};

export type InfosecPolicyCampaignsTable = Stamps & {
  id: Generated<string>;
  policy_version_id: string;
  group_wide: boolean;
  opened_on: DateColumn;
  due_on: DateColumn;
};

export type PolicyTables = {
  infosec_policies: InfosecPoliciesTable;
  infosec_policy_versions: InfosecPolicyVersionsTable;
  infosec_policy_campaigns: InfosecPolicyCampaignsTable;
  infosec_policy_campaign_sites: { campaign_id: string; site_id: string };
  infosec_policy_asked: { campaign_id: string; user_id: string; employee_id: string; site_id: string };
  infosec_policy_acknowledgements: {
    campaign_id: string;
    user_id: string;
    acknowledged_at: Generated<Date>;
  };
};

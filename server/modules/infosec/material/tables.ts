import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../../db/schema.ts';

/** Material decisions and cyber insurance for Kysely. Keep in step with ../migrations/0043_infosec_material.ts. */

type DateColumn = ColumnType<string, string, string>;
type Money = ColumnType<string, string | number | bigint, string | number | bigint>;

export type InfosecMaterialDecisionsTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  material: boolean;
  reason: string;
  decided_at: Date;
  decided_by: string | null;
  created_at: Generated<Date>;
};

export type InfosecInsurancePoliciesTable = Stamps & {
  id: Generated<string>;
  insurer: string;
  policy_number: string;
  covers: ColumnType<string[], string[], string[]>;
  limit_minor: Money;
  retention_minor: Money;
  currency: string;
  notice_hours: number;
  starts_on: DateColumn;
  ends_on: DateColumn;
};

export type InfosecInsurerNoticesTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  policy_id: string;
  notified_at: Date;
  claim_reference: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type InfosecBoardPresentationsTable = {
  id: Generated<string>;
  year: number;
  presented_on: DateColumn;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type MaterialTables = {
  infosec_board_presentations: InfosecBoardPresentationsTable;
  infosec_material_decisions: InfosecMaterialDecisionsTable;
  infosec_insurance_policies: InfosecInsurancePoliciesTable;
  infosec_insurer_notices: InfosecInsurerNoticesTable;
};

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

export type GovernanceTables = {
  infosec_memberships: InfosecMembershipsTable;
  infosec_risks: InfosecRisksTable;
};

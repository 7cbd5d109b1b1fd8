import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../db/schema.ts';

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

export type InfosecTables = {
  infosec_systems: InfosecSystemsTable;
  infosec_incidents: InfosecIncidentsTable;
  infosec_incident_sites: InfosecIncidentSitesTable;
  infosec_incident_systems: InfosecIncidentSystemsTable;
  infosec_incident_people: InfosecIncidentPeopleTable;
  infosec_timeline: InfosecTimelineTable;
};

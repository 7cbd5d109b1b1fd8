import type { ColumnType, Generated } from 'kysely';
import type { Severity } from '#shared/modules/infosec/findings/severity.ts';
import type { Stamps } from '../../../db/schema.ts';

/** Table types of engagements and findings for Kysely. Keep in step with ../migrations/0037_infosec_findings.ts. */

type Numeric = ColumnType<string, string | number, string | number>;
type CalendarDate = ColumnType<string, string, string>;

export type InfosecEngagementsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  reference: string;
  kind: 'audit' | 'vulnerability_scan' | 'penetration_test' | 'ot_assessment';
  vendor: string | null;
  scope: string;
  starts_on: CalendarDate;
  ends_on: ColumnType<string | null, string | null, string | null>;
  report: string | null;
};

export type InfosecFindingsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  engagement_id: string;
  last_engagement_id: string;
  system_id: string | null;
  tool: string;
  scan_scope: string;
  rule_id: string | null;
  identity: string;
  title: string;
  location: string | null;
  cvss_vector: string | null;
  cvss_score: Numeric | null;
  severity: Severity;
  severity_rank: number;
  severity_source: 'cvss' | 'security_severity' | 'level' | 'tool';
  status: Generated<'open' | 'accepted' | 'closed'>;
  opened_on: CalendarDate;
  first_seen_at: Date;
  last_seen_at: Date;
  last_import_id: string | null;
  due_on: ColumnType<string | null, string | null, string | null>;
  closed_at: Date | null;
  closed_reason: 'not_reported' | 'verified' | null;
  evidence: string | null;
  reopened_count: Generated<number>;
  accepted_by: string | null;
  accepted_until: ColumnType<string | null, string | null, string | null>;
  acceptance_reason: string | null;
};

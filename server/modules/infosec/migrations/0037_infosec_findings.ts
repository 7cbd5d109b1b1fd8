import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security: engagements (audits, vulnerability scans, penetration tests, OT assessments) and the
 * findings they report, one row per finding however often later scans see it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_engagements (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      kind text not null check (kind in ('audit', 'vulnerability_scan', 'penetration_test', 'ot_assessment')),
      vendor text,
      scope text not null,
      starts_on date not null,
      ends_on date check (ends_on is null or ends_on >= starts_on),
      report text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index infosec_engagements_site_idx on infosec_engagements (site_id, starts_on, id);

    create table infosec_findings (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      engagement_id uuid not null references infosec_engagements(id),
      last_engagement_id uuid not null references infosec_engagements(id),
      system_id uuid references infosec_systems(id),
      tool text not null,
      scan_scope text not null,
      rule_id text,
      identity text not null,
      title text not null,
      location text,
      cvss_vector text,
      cvss_score numeric(3,1) check (cvss_score is null or (cvss_score >= 0 and cvss_score <= 10)),
      severity text not null check (severity in ('none', 'low', 'medium', 'high', 'critical')),
      severity_rank smallint not null,
      severity_source text not null check (severity_source in ('cvss', 'security_severity', 'level', 'tool')),
      status text not null default 'open' check (status in ('open', 'accepted', 'closed')),
      opened_on date not null,
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null,
      last_import_id uuid,
      due_on date,
      closed_at timestamptz,
      closed_reason text check (closed_reason is null or closed_reason in ('not_reported', 'verified')),
      evidence text,
      reopened_count integer not null default 0,
      accepted_by uuid references users(id),
      accepted_until date,
      acceptance_reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, tool, identity)
    );
    create index infosec_findings_scope_idx on infosec_findings (site_id, tool, scan_scope, status);
    create index infosec_findings_engagement_idx on infosec_findings (engagement_id);
    create index infosec_findings_due_idx on infosec_findings (site_id, status, due_on, id);
    `,
  );
}

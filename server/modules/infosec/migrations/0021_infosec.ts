import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security: the register of critical information systems and OT assets, security incidents with the
 * sites and systems they affect, the people named on them, their classification and clock events, and timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_systems (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      name text not null,
      owner_id uuid references users(id),
      domain text not null check (domain in ('it', 'ot')),
      criticality text not null check (criticality in ('low', 'medium', 'high', 'critical')),
      rto_hours numeric(8,2) check (rto_hours is null or rto_hours >= 0),
      rpo_hours numeric(8,2) check (rpo_hours is null or rpo_hours >= 0),
      backup text,
      vendor text,
      product text,
      product_version text,
      cpe text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, name)
    );
    create index infosec_systems_name_idx on infosec_systems (site_id, name, id);

    create table infosec_incidents (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      title text not null,
      description text not null,
      aware_at timestamptz not null,
      reported_by uuid references users(id),
      sensitive boolean not null default false,
      sensitive_reason text check (sensitive_reason in ('insider', 'hr', 'legal')),
      status text not null default 'reported' check (status in ('reported', 'triaged', 'contained', 'recovered', 'closed')),
      level integer check (level between 1 and 4),
      level_reason text,
      impact jsonb,
      functional_impact text check (functional_impact in ('none', 'low', 'medium', 'high')),
      information_impact text check (information_impact in ('none', 'privacy', 'proprietary', 'integrity')),
      recoverability text check (recoverability in ('regular', 'supplemented', 'extended', 'not_recoverable')),
      attack_vector text check (attack_vector in ('external_media', 'attrition', 'web', 'email', 'impersonation', 'improper_usage', 'loss_theft', 'other', 'unknown')),
      ciso_reported_at timestamptz,
      level_reviewed_at timestamptz,
      recovered_at timestamptz,
      investigation_reported_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (sensitive or sensitive_reason is null)
    );
    create index infosec_incidents_site_idx on infosec_incidents (site_id, aware_at desc, id);
    create index infosec_incidents_aware_idx on infosec_incidents (aware_at desc, id);

    create table infosec_incident_sites (
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      primary key (incident_id, site_id)
    );
    create table infosec_incident_systems (
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      system_id uuid not null references infosec_systems(id),
      site_id uuid not null references sites(id),
      primary key (incident_id, system_id)
    );
    create index infosec_incident_systems_system_idx on infosec_incident_systems (system_id);
    create table infosec_incident_people (
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      user_id uuid not null references users(id),
      site_id uuid not null references sites(id),
      primary key (incident_id, user_id)
    );
    create index infosec_incident_people_user_idx on infosec_incident_people (user_id);

    create table infosec_timeline (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      at timestamptz not null,
      kind text not null check (kind in ('note', 'reported', 'classified', 'level_changed', 'ciso_reported', 'level_reviewed', 'contained', 'recovered', 'investigation_reported', 'closed')),
      text text,
      data jsonb,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index infosec_timeline_incident_idx on infosec_timeline (incident_id, at, id);
  `,
  );
}

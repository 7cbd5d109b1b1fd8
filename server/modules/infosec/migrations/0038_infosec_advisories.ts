import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Cybersecurity advisories from information-sharing partners (STIX 2.1 bundles or entered by hand): the
 * advisory with its TLP level and named recipients, its STIX objects and relationships, the observables its
 * indicators compare against, the registered systems its software matched, and each routed site's response
 * with its due date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_advisories (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      title text not null,
      summary text,
      source text not null check (source in ('twcert', 'first', 'vendor', 'other')),
      severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
      tlp text not null check (tlp in ('clear', 'green', 'amber', 'amber_strict', 'red')),
      bundle_id text,
      published_at timestamptz,
      routed_at timestamptz not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index infosec_advisories_routed_idx on infosec_advisories (routed_at desc, id);

    create table infosec_advisory_recipients (
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      user_id uuid not null references users(id),
      primary key (advisory_id, user_id)
    );
    create index infosec_advisory_recipients_user_idx on infosec_advisory_recipients (user_id);

    create table infosec_advisory_objects (
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      stix_id text not null,
      type text not null,
      name text,
      external_id text,
      detail text,
      primary key (advisory_id, stix_id)
    );

    create table infosec_advisory_relationships (
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      source_ref text not null,
      relationship_type text not null,
      target_ref text not null,
      primary key (advisory_id, source_ref, relationship_type, target_ref)
    );

    create table infosec_advisory_observables (
      id uuid primary key default gen_random_uuid(),
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      stix_id text not null,
      name text,
      kind text not null,
      value text not null,
      unique (advisory_id, stix_id, kind, value)
    );
    create index infosec_advisory_observables_value_idx on infosec_advisory_observables (lower(value));

    create table infosec_advisory_sites (
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      site_id uuid not null references sites(id),
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'not_affected', 'patched', 'mitigated', 'accepted')),
      note text,
      responded_at timestamptz,
      responded_by uuid,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (advisory_id, site_id)
    );
    create index infosec_advisory_sites_site_idx on infosec_advisory_sites (site_id, status, due_on);

    create table infosec_advisory_matches (
      advisory_id uuid not null references infosec_advisories(id) on delete cascade,
      site_id uuid not null references sites(id),
      system_id uuid not null references infosec_systems(id) on delete cascade,
      software_stix_id text not null,
      primary key (advisory_id, system_id, software_stix_id)
    );
  `,
  );
}

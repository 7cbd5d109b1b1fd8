import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security policies: the register (a group-wide policy has no site), each policy's versions with
 * their effective dates and approval (the document is a platform document of the version), and acknowledgement
 * campaigns of one version over some sites: the people asked (employees of those sites holding a user account
 * when the campaign opened) and each one's acknowledgement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_policies (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      code text not null unique,
      title text not null,
      owner_id uuid references users(id),
      status text not null default 'draft' check (status in ('draft', 'active', 'retired')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index infosec_policies_site_idx on infosec_policies (site_id, code, id);

    create table infosec_policy_versions (
      id uuid primary key default gen_random_uuid(),
      policy_id uuid not null references infosec_policies(id) on delete cascade,
      label text not null,
      effective_on date not null,
      summary text,
      approved_by uuid references users(id),
      approved_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (policy_id, label)
    );
    create index infosec_policy_versions_policy_idx on infosec_policy_versions (policy_id, effective_on);

    create table infosec_policy_campaigns (
      id uuid primary key default gen_random_uuid(),
      policy_version_id uuid not null references infosec_policy_versions(id) on delete cascade,
      group_wide boolean not null,
      opened_on date not null,
      due_on date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (due_on >= opened_on)
    );
    create index infosec_policy_campaigns_version_idx on infosec_policy_campaigns (policy_version_id, opened_on);

    create table infosec_policy_campaign_sites (
      campaign_id uuid not null references infosec_policy_campaigns(id) on delete cascade,
      site_id uuid not null references sites(id),
      primary key (campaign_id, site_id)
    );

    create table infosec_policy_asked (
      campaign_id uuid not null references infosec_policy_campaigns(id) on delete cascade,
      user_id uuid not null references users(id),
      employee_id uuid not null references employees(id),
      site_id uuid not null references sites(id),
      primary key (campaign_id, user_id)
    );
    create index infosec_policy_asked_user_idx on infosec_policy_asked (user_id, campaign_id);

    create table infosec_policy_acknowledgements (
      campaign_id uuid not null,
      user_id uuid not null,
      acknowledged_at timestamptz not null default now(),
      primary key (campaign_id, user_id),
      foreign key (campaign_id, user_id) references infosec_policy_asked (campaign_id, user_id) on delete cascade
    );
  `,
  );
}

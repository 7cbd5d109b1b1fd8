import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The NIST CSF maturity assessment: catalogue versions and their items (stored from NIST's OSCAL file when first
 * needed, see csf/catalogues.ts), yearly campaigns (one a year), one assessment per site and domain (IT or OT) in revisions (a correction of an
 * approved assessment is a new revision with its reason), a maturity answer per subcategory, and the industry
 * benchmark per function and year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table csf_catalogues (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      version text not null,
      framework_version text not null,
      published date not null,
      source text not null,
      created_at timestamptz not null default now(),
      unique (name, version)
    );

    create table csf_items (
      catalogue_id uuid not null references csf_catalogues(id),
      identifier text not null,
      kind text not null check (kind in ('function', 'category', 'subcategory')),
      parent text,
      position integer not null,
      title text not null,
      statement text not null,
      examples jsonb not null default '[]',
      primary key (catalogue_id, identifier),
      check ((kind = 'function') = (parent is null))
    );

    create table csf_campaigns (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2200),
      name text not null,
      catalogue_id uuid not null references csf_catalogues(id),
      basis text not null check (basis in ('1.1', '2.0')),
      due_on date,
      status text not null default 'open' check (status in ('open', 'closed')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (year)
    );

    create table csf_assessments (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references csf_campaigns(id),
      site_id uuid not null references sites(id),
      domain text not null check (domain in ('it', 'ot')),
      revision integer not null default 1 check (revision >= 1),
      status text not null default 'draft'
        check (status in ('draft', 'in_review', 'reviewed', 'signed_off', 'approved', 'superseded')),
      assessor_id uuid references users(id),
      consultancy text,
      correction_of uuid references csf_assessments(id),
      correction_reason text,
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by uuid references users(id),
      signed_off_at timestamptz,
      signed_off_by uuid references users(id),
      approved_at timestamptz,
      approved_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (campaign_id, site_id, domain, revision),
      check ((revision = 1) = (correction_of is null)),
      check (correction_of is null or correction_reason is not null)
    );
    create index csf_assessments_site_idx on csf_assessments (site_id, campaign_id);

    create table csf_answers (
      assessment_id uuid not null references csf_assessments(id) on delete cascade,
      site_id uuid not null references sites(id),
      subcategory text not null,
      current_level smallint check (current_level between 0 and 5),
      not_applicable boolean not null default false,
      target_level smallint check (target_level between 0 and 5),
      notes text,
      assessed_by uuid references users(id),
      assessed_at timestamptz not null default now(),
      primary key (assessment_id, subcategory),
      check (not (not_applicable and current_level is not null))
    );

    create table csf_benchmarks (
      year integer not null check (year between 2000 and 2200),
      function text not null,
      score numeric(2,1) not null check (score between 0 and 5),
      source text,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      primary key (year, function)
    );
    `,
  );
}

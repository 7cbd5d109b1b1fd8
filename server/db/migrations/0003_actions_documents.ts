import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/** One tracker for corrective, preventive and improvement actions; documents attached to any record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table actions (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      program text check (program in ('ip', 'infosec', 'ohs', 'academia', 'smart')),
      kind text not null check (kind in ('corrective', 'preventive', 'improvement')),
      title text not null,
      description text,
      source_type text,
      source_id text,
      owner_id uuid references users(id),
      due_date date not null,
      status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'verified')),
      done_at timestamptz,
      verified_at timestamptz,
      verified_by uuid references users(id),
      effectiveness_note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index actions_site_idx on actions (site_id, status, due_date);
    create index actions_source_idx on actions (source_type, source_id);
    create index actions_owner_idx on actions (owner_id, status);

    create table documents (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      entity_type text not null,
      entity_id text not null,
      filename text not null,
      content_type text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text not null,
      storage_key text not null unique,
      uploaded_by uuid references users(id),
      created_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    create index documents_entity_idx on documents (entity_type, entity_id);
  `,
  );
}

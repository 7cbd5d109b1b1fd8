import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The response work on a security incident: tasks with owners by phase (NIST SP 800-61: analysis, containment,
 * eradication, recovery, communication), observables normalised so that the same address or hash on two
 * incidents or an advisory is found by equality, the chain of custody of each evidence file (the file itself
 * and its SHA-256 are a platform document of the incident), and the lessons learned, each of which may raise an
 * improvement action. The timeline also notes tasks done and lessons recorded. A personal-data breach records when
 * it was assessed as one to notify and when the data-protection authority was notified (its clock's events).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_incident_tasks (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      phase text not null check (phase in ('analysis', 'containment', 'eradication', 'recovery', 'communication')),
      title text not null check (length(title) > 0),
      owner_id uuid references users(id),
      due_at timestamptz,
      status text not null default 'open' check (status in ('open', 'done')),
      done_at timestamptz,
      done_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((status = 'done') = (done_at is not null))
    );
    create index infosec_incident_tasks_incident_idx on infosec_incident_tasks (incident_id, created_at, id);
    create index infosec_incident_tasks_owner_idx on infosec_incident_tasks (owner_id) where status = 'open';

    create table infosec_incident_observables (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null check (kind in ('ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file-hash')),
      value text not null check (length(value) > 0),
      note text,
      created_at timestamptz not null default now(),
      created_by uuid,
      unique (incident_id, kind, value)
    );
    create index infosec_incident_observables_value_idx on infosec_incident_observables (value);

    create table infosec_evidence_custody (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      document_id uuid not null references documents(id),
      at timestamptz not null,
      event text not null check (event in ('collected', 'transferred', 'stored', 'examined', 'returned', 'released', 'destroyed')),
      holder text not null check (length(holder) > 0),
      location text,
      note text,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index infosec_evidence_custody_document_idx on infosec_evidence_custody (document_id, at, id);

    create table infosec_incident_lessons (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null check (kind in ('went_well', 'to_improve')),
      text text not null check (length(text) > 0),
      action_id uuid references actions(id),
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index infosec_incident_lessons_incident_idx on infosec_incident_lessons (incident_id, created_at, id);

    alter table infosec_incidents add column breach_assessed_at timestamptz;
    alter table infosec_incidents add column authority_notified_at timestamptz;

    alter table infosec_timeline drop constraint infosec_timeline_kind_check;
    alter table infosec_timeline add constraint infosec_timeline_kind_check check (kind in ('note', 'reported', 'classified', 'level_changed', 'ciso_reported', 'level_reviewed', 'contained', 'recovered', 'investigation_reported', 'breach_assessed', 'authority_notified', 'closed', 'task_done', 'lesson_added'));
    `,
  );
}

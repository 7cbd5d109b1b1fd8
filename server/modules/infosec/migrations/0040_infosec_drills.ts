import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security drills: recovery and incident-response drills with their plan (participants, systems,
 * steps, resources, risks), what each system achieved against its objectives, and the review; phishing
 * simulation campaigns with each recipient's furthest step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_drills (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      kind text not null check (kind in ('recovery', 'incident_response')),
      title text not null,
      status text not null default 'planned' check (status in ('planned', 'held', 'reviewed')),
      planned_on date not null,
      duration_hours numeric(8,2) not null check (duration_hours >= 0),
      scope text not null check (scope in ('full_failover', 'partial_restore', 'component', 'tabletop')),
      scope_note text,
      steps jsonb not null default '[]',
      resources jsonb not null default '[]',
      risks jsonb not null default '[]',
      held_on date,
      run_notes text,
      reviewed_on date,
      findings text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((status = 'planned') = (held_on is null)),
      check ((status = 'reviewed') = (reviewed_on is not null))
    );
    create index infosec_drills_site_idx on infosec_drills (site_id, planned_on, id);
    create index infosec_drills_held_idx on infosec_drills (held_on) where held_on is not null;

    create table infosec_drill_people (
      drill_id uuid not null references infosec_drills(id) on delete cascade,
      user_id uuid not null references users(id),
      site_id uuid not null references sites(id),
      position integer not null,
      role text not null check (role in ('commander', 'recovery_lead', 'system_owner', 'operator', 'communications', 'observer')),
      unit text not null,
      task text not null,
      backup_user_id uuid references users(id),
      primary key (drill_id, user_id)
    );

    create table infosec_drill_systems (
      drill_id uuid not null references infosec_drills(id) on delete cascade,
      system_id uuid not null references infosec_systems(id),
      site_id uuid not null references sites(id),
      backup_source text not null check (backup_source in ('onsite_backup', 'offsite_backup', 'cloud_snapshot', 'replica', 'none')),
      achieved_rto_hours numeric(8,2) check (achieved_rto_hours is null or achieved_rto_hours >= 0),
      achieved_rpo_hours numeric(8,2) check (achieved_rpo_hours is null or achieved_rpo_hours >= 0),
      data_restored boolean,
      primary key (drill_id, system_id)
    );
    create index infosec_drill_systems_system_idx on infosec_drill_systems (system_id);

    create table infosec_phishing_campaigns (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      name text not null,
      sent_on date not null,
      course_id uuid references training_courses(id),
      course_code text,
      training_due_days integer not null default 30 check (training_due_days between 1 and 365),
      import_by uuid references users(id),
      import_requested_at timestamptz,
      results_imported_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, name)
    );
    create index infosec_phishing_campaigns_sent_idx on infosec_phishing_campaigns (site_id, sent_on, id);

    create table infosec_phishing_results (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references infosec_phishing_campaigns(id) on delete cascade,
      site_id uuid not null references sites(id),
      employee_id uuid not null references employees(id),
      email text not null,
      name text not null,
      position text,
      department text not null,
      status text not null check (status in ('sent', 'opened', 'clicked', 'submitted')),
      sent_at timestamptz,
      reported boolean not null default false,
      training_due_on date,
      unique (campaign_id, employee_id)
    );
    create index infosec_phishing_results_employee_idx on infosec_phishing_results (employee_id, status);
  `,
  );
}

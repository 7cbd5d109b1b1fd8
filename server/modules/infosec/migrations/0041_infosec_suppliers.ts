import { type Kysely, sql } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';
import { SHIPPED_TEMPLATES } from '../suppliers/questionnaires.ts';

/**
 * Supplier cybersecurity assessments: critical suppliers with the sites they serve and their contacts,
 * questionnaire templates (two shipped: SEMI E187 areas for equipment suppliers, and a general one), and the
 * four-step assessments with each question's answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_suppliers (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      name text not null,
      country text not null check (country ~ '^[A-Z]{2}$'),
      supplies text not null,
      category text not null check (category in ('equipment', 'materials', 'it_services', 'software', 'facilities', 'logistics', 'other')),
      criticality text not null check (criticality in ('critical', 'high', 'medium')),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, name)
    );

    create table infosec_supplier_sites (
      supplier_id uuid not null references infosec_suppliers(id) on delete cascade,
      site_id uuid not null references sites(id),
      primary key (supplier_id, site_id)
    );
    create index infosec_supplier_sites_site_idx on infosec_supplier_sites (site_id);

    create table infosec_supplier_contacts (
      id uuid primary key default gen_random_uuid(),
      supplier_id uuid not null references infosec_suppliers(id) on delete cascade,
      name text not null,
      email text not null,
      phone text,
      position text,
      user_id uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index infosec_supplier_contacts_supplier_idx on infosec_supplier_contacts (supplier_id);

    create table infosec_supplier_templates (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name jsonb not null,
      description jsonb,
      questions jsonb not null,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table infosec_supplier_assessments (
      id uuid primary key default gen_random_uuid(),
      supplier_id uuid not null references infosec_suppliers(id),
      site_id uuid not null references sites(id),
      template_id uuid not null references infosec_supplier_templates(id),
      questions jsonb not null,
      kind text not null check (kind in ('initial', 'follow_up')),
      previous_id uuid references infosec_supplier_assessments(id),
      status text not null default 'current_situation' check (status in ('current_situation', 'guidance', 'confirmed', 'followed_up')),
      started_on date not null,
      guidance_on date,
      confirmed_on date,
      followed_up_on date,
      guidance_note text,
      result_note text,
      score numeric(4,1),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((kind = 'follow_up') = (previous_id is not null)),
      check ((status = 'current_situation') = (guidance_on is null)),
      check ((status in ('confirmed', 'followed_up')) = (confirmed_on is not null)),
      check ((status = 'followed_up') = (followed_up_on is not null))
    );
    create index infosec_supplier_assessments_site_idx on infosec_supplier_assessments (site_id, started_on, id);
    create index infosec_supplier_assessments_supplier_idx on infosec_supplier_assessments (supplier_id);
    create index infosec_supplier_assessments_confirmed_idx on infosec_supplier_assessments (confirmed_on) where confirmed_on is not null;
    create unique index infosec_supplier_assessments_previous_idx on infosec_supplier_assessments (previous_id) where previous_id is not null;

    create table infosec_supplier_answers (
      assessment_id uuid not null references infosec_supplier_assessments(id) on delete cascade,
      question_code text not null,
      answer text not null check (answer in ('yes', 'partial', 'no', 'not_applicable')),
      note text,
      answered_by uuid references users(id),
      answered_at timestamptz not null default now(),
      primary key (assessment_id, question_code)
    );
  `,
  );
  for (const t of SHIPPED_TEMPLATES)
    await sql`insert into infosec_supplier_templates (id, code, name, questions)
      values (${t.id}, ${t.code}, ${JSON.stringify(t.name)}::jsonb, ${JSON.stringify(t.questions)}::jsonb)`.execute(
      db,
    );
}

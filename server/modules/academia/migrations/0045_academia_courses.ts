import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

const stamps = `
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid`;

/**
 * Industry–academia teaching: courses taught with or at universities (the company's lecturers, hours, students
 * and feedback; USI University's courses are courses of that program), and mentorship programs with their
 * activities. Academia records, not the platform's training of employees.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table academia_courses (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid references academia_partners(id),
      program text not null check (program in ('usi_university', 'semiconductor_education', 'practical_training', 'nsysu_college', 'ai_college', 'other')),
      subject text not null check (subject in ('semiconductor', 'ai', 'management', 'career', 'other')),
      title text not null,
      lecturer_employee_ids uuid[] not null default '{}',
      starts_on date not null,
      ends_on date not null,
      hours integer not null check (hours between 1 and 2000),
      students integer not null check (students between 0 and 100000),
      feedback_score numeric(3, 2) check (feedback_score between 1 and 5),
      feedback_comments text,
      ${stamps},
      check (ends_on >= starts_on)
    );
    create index academia_courses_site_idx on academia_courses (site_id, starts_on, id);
    create index academia_courses_partner_idx on academia_courses (partner_id);

    create table academia_mentorships (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      title text not null,
      mentor_employee_ids uuid[] not null default '{}',
      starts_on date not null,
      ends_on date not null,
      students integer not null check (students between 0 and 100000),
      ${stamps},
      check (ends_on >= starts_on)
    );
    create index academia_mentorships_site_idx on academia_mentorships (site_id, starts_on, id);
    create index academia_mentorships_partner_idx on academia_mentorships (partner_id);

    create table academia_mentorship_activities (
      id uuid primary key default gen_random_uuid(),
      mentorship_id uuid not null references academia_mentorships(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null check (kind in ('forum', 'line_tour', 'dinner', 'career_talk', 'competition', 'other')),
      held_on date not null,
      hours integer not null check (hours between 1 and 200),
      students integer not null check (students between 0 and 100000),
      ${stamps}
    );
    create index academia_mentorship_activities_idx on academia_mentorship_activities (mentorship_id, held_on);
    create index academia_mentorship_activities_site_idx on academia_mentorship_activities (site_id, held_on);
    `,
  );
}

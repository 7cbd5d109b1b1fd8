import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Internship cooperation placements: the groups of students a school places at a site for a term under an
 * internship cooperation (USI's "660 students … 54,616 hours of participation", seeds/002), each with its
 * students and the participation hours their timesheets add up to. No student is named: the register counts
 * students placed, apart from the interns the program recruits one by one.
 *
 * A study-then-internship cohort tracked per student (the NSYSU college: one year of study at the university,
 * then two of internship at the company): the intern's institute, whether the company sponsors the student,
 * and the period of study before the internship (the intern's own dates stay the internship's). The study
 * comes before the internship, and its two days go together.
 *
 * A mentorship program names the program record it runs under (SPIL's University Corporate Mentors under
 * `corporate_mentorship`), a foreign key to the program's code as the interns' is; none for one recorded
 * before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table academia_placements (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      term text not null,
      starts_on date not null,
      ends_on date not null,
      students integer not null check (students between 1 and 100000),
      participation_hours integer not null check (participation_hours between 0 and 100000000),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (ends_on >= starts_on)
    );
    create index academia_placements_site_idx on academia_placements (site_id, starts_on, id);
    create index academia_placements_partner_idx on academia_placements (partner_id);

    alter table academia_interns add column institute text check (institute in ('advanced_packaging_testing', 'precision_electronic_components'));
    alter table academia_interns add column sponsored boolean not null default false;
    alter table academia_interns add column study_started_on date;
    alter table academia_interns add column study_ended_on date;
    alter table academia_interns add constraint academia_interns_study_check check (
      (study_started_on is null) = (study_ended_on is null)
      and (study_ended_on is null or (study_ended_on >= study_started_on and study_ended_on <= started_on))
    );
    alter table academia_mentorships add column program text references academia_programs(code);
    create index academia_mentorships_program_idx on academia_mentorships (program);
    create index academia_interns_study_idx on academia_interns (study_started_on) where study_started_on is not null;
    `,
  );
}

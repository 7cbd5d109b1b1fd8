import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The program's programs as records (cooperative education, the NSYSU college, USI University, the research
 * lines…): a code that the records under a program carry, names in English and Traditional Chinese that the
 * program owner edits, a kind, the owners, the sites that run it and the years it is active. The interns'
 * program is a foreign key to the code (renaming a program keeps its code), so the four codes the interns'
 * check already allows are shipped here with their names; the owner completes them. Courses, scholarships and
 * research projects carry codes of their own lists that reach beyond the programs ('other'), and are counted
 * under the program whose code they carry.
 * Stable ids for the shipped rows: a backup's copy replaces them (server/platform/backup/restore.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table academia_programs (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name text not null,
      name_zh text not null,
      kind text not null check (kind in ('internship', 'research', 'scholarship', 'career', 'education', 'college', 'mentorship', 'university', 'research_line')),
      description text,
      active_from integer check (active_from between 1950 and 2200),
      active_to integer check (active_to between 1950 and 2200),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (active_to is null or active_from is null or active_to >= active_from)
    );

    create table academia_program_sites (
      program_id uuid not null references academia_programs(id) on delete cascade,
      site_id uuid not null references sites(id),
      primary key (program_id, site_id)
    );
    create index academia_program_sites_site_idx on academia_program_sites (site_id);

    create table academia_program_owners (
      program_id uuid not null references academia_programs(id) on delete cascade,
      user_id uuid not null,
      primary key (program_id, user_id)
    );

    insert into academia_programs (id, code, name, name_zh, kind, active_from) values
      ('5a1c0000-0000-4000-8000-000000000001', 'cooperative_education', 'Cooperative education and internships', '建教合作與實習', 'internship', null),
      ('5a1c0000-0000-4000-8000-000000000002', 'onsite_internship', 'Internships and company visits', '實習與企業參訪', 'internship', null),
      ('5a1c0000-0000-4000-8000-000000000003', 'nsysu_college', 'NSYSU College of Semiconductor and Advanced Technology Research', '國立中山大學半導體及重點科技研究學院', 'college', 2022),
      ('5a1c0000-0000-4000-8000-000000000004', 'career_development', 'Career development and employment orientation projects', '職涯發展與就業導向計畫', 'career', null);

    alter table academia_interns add constraint academia_interns_program_fkey foreign key (program) references academia_programs(code);
    `,
  );
}

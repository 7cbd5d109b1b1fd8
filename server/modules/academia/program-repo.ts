import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

export function programRows(db: Db) {
  return db.selectFrom('academia_programs as g').selectAll('g');
}
export type ProgramRow = Awaited<ReturnType<ReturnType<typeof programRows>['execute']>>[number];

/** The sites and owners of these programs. */
export async function programLinks(db: Db, ids: readonly string[]) {
  if (!ids.length) return { sites: [], owners: [] };
  const [sites, owners] = await Promise.all([
    db
      .selectFrom('academia_program_sites')
      .selectAll()
      .where('program_id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('academia_program_owners')
      .selectAll()
      .where('program_id', 'in', [...ids])
      .execute(),
  ]);
  return { sites, owners };
}

/** Replaces a program's sites or owners with these (inside the caller's transaction). */
export async function replaceLinks(
  trx: Db,
  programId: string,
  links: { siteIds?: readonly string[]; ownerIds?: readonly string[] },
) {
  if (links.siteIds) {
    await trx.deleteFrom('academia_program_sites').where('program_id', '=', programId).execute();
    const unique = [...new Set(links.siteIds)];
    if (unique.length)
      await trx
        .insertInto('academia_program_sites')
        .values(unique.map((site_id) => ({ program_id: programId, site_id })))
        .execute();
  }
  if (links.ownerIds) {
    await trx.deleteFrom('academia_program_owners').where('program_id', '=', programId).execute();
    const unique = [...new Set(links.ownerIds)];
    if (unique.length)
      await trx
        .insertInto('academia_program_owners')
        .values(unique.map((user_id) => ({ program_id: programId, user_id })))
        .execute();
  }
}

export async function codeTaken(db: Db, code: string) {
  return !!(await db
    .selectFrom('academia_programs')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst());
}

/**
 * The records that carry this code, at these sites: interns, courses, scholarships, mentorship programs,
 * research projects.
 */
export async function recordsUnder(db: Db, code: string, scope: SiteScope) {
  const count = (
    table: 'academia_interns' | 'academia_courses' | 'academia_scholarships' | 'academia_mentorships',
    column: string,
  ) =>
    db
      .selectFrom(table)
      .select(sql<string>`count(*)`.as('n'))
      .where(sql.ref(column), '=', code)
      .where((eb) => inScope(eb, 'site_id', scope))
      .executeTakeFirstOrThrow();
  const [interns, courses, scholarships, mentorships, projects] = await Promise.all([
    count('academia_interns', 'program'),
    count('academia_courses', 'program'),
    count('academia_scholarships', 'program'),
    count('academia_mentorships', 'program'),
    db
      .selectFrom('academia_projects')
      .select(sql<string>`count(*)`.as('n'))
      .where(sql.ref('line'), '=', code)
      .where((eb) => inScope(eb, 'site_id', scope))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    interns: Number(interns.n),
    courses: Number(courses.n),
    scholarships: Number(scholarships.n),
    mentorships: Number(mentorships.n),
    projects: Number(projects.n),
  };
}

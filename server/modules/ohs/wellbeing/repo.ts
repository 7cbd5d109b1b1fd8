import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { WellbeingParticipationTable, WellbeingProgramsTable } from '../tables.ts';

/** SQL of wellbeing programs and participation (group-wide programs have no site and everyone sees them). */

export const programs = (db: Db, scope: SiteScope) =>
  db
    .selectFrom('wellbeing_programs as p')
    .selectAll('p')
    .select([
      (eb) =>
        eb
          .selectFrom('wellbeing_participation as w')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('w.program_id', '=', 'p.id')
          .as('participations'),
      (eb) =>
        eb
          .selectFrom('wellbeing_participation as w')
          .select(sql<number>`count(distinct w.person_id)`.as('n'))
          .whereRef('w.program_id', '=', 'p.id')
          .as('people'),
    ])
    .where((eb) => eb.or([eb('p.site_id', 'is', null), inScope(eb, 'p.site_id', scope)]))
    .orderBy('p.kind')
    .orderBy('p.name')
    .execute();

export const programById = (db: Db, id: string) =>
  db.selectFrom('wellbeing_programs').select(['id', 'site_id']).where('id', '=', id).executeTakeFirst();

export const insertProgram = (db: Db, values: Insertable<WellbeingProgramsTable>) =>
  db.insertInto('wellbeing_programs').values(values).returningAll().executeTakeFirstOrThrow();

export async function insertParticipation(db: Db, rows: Insertable<WellbeingParticipationTable>[]) {
  await db.insertInto('wellbeing_participation').values(rows).execute();
}

/** Per kind: programs running in the year and participations in it. */
export const kindsOfYear = (db: Db, scope: SiteScope, year: number) =>
  db
    .selectFrom('wellbeing_programs as p')
    .select([
      'p.kind',
      sql<number>`count(*)`.as('programs'),
      sql<number>`coalesce(sum((select count(*) from wellbeing_participation w where w.program_id = p.id and w.participated_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date)), 0)`.as(
        'participations',
      ),
    ])
    .where((eb) => eb.or([eb('p.site_id', 'is', null), inScope(eb, 'p.site_id', scope)]))
    .where('p.started_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>=', `${year}-01-01`)]))
    .groupBy('p.kind')
    .execute();

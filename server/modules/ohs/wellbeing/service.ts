import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import { suppressSmall } from '../rules/privacy.ts';
import type { participationInput, wellbeingProgramInput } from './contract.ts';
import { wellbeingKinds } from './contract.ts';

const PROGRAM = 'ohs' as const;

/** Wellbeing programs (clinics, counselling, gyms, clubs, group courses) and participation in them. */
export function createWellbeingService(db: Db) {
  const programs = (scope: ReturnType<typeof access.listScope>) =>
    db
      .selectFrom('wellbeing_programs as p')
      .leftJoin('sites as s', 's.id', 'p.site_id')
      .selectAll('p')
      .select(['s.code as site_code'])
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
      .where((eb) => eb.or([eb('p.site_id', 'is', null), inScope(eb, 'p.site_id', scope)]));

  return {
    async list(actor: Actor) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const found = await programs(scope).orderBy('p.kind').orderBy('p.name').execute();
      return found.map((p) => ({
        id: p.id,
        siteId: p.site_id,
        siteCode: p.site_code,
        kind: p.kind,
        name: p.name,
        nameZh: p.name_zh,
        startedOn: p.started_on,
        endedOn: p.ended_on,
        participations: Number(p.participations ?? 0),
        people: suppressSmall(Number(p.people ?? 0)),
        version: p.version,
      }));
    },

    async create(actor: Actor, input: z.infer<typeof wellbeingProgramInput>) {
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: input.siteId ?? null,
        what: 'site',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('wellbeing_programs')
          .values({
            site_id: input.siteId ?? null,
            kind: input.kind,
            name: input.name,
            name_zh: input.nameZh ?? null,
            started_on: input.startedOn,
            ended_on: input.endedOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'wellbeing.program.created',
          entityType: 'wellbeing_program',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return {
          id: row.id,
          siteId: row.site_id,
          siteCode: null,
          kind: row.kind,
          name: row.name,
          nameZh: row.name_zh,
          startedOn: row.started_on,
          endedOn: row.ended_on,
          participations: 0,
          people: 0,
          version: row.version,
        };
      });
    },

    /** Records participation: a named person, or `count` anonymous engagements (a group class). */
    async participate(actor: Actor, programId: string, input: z.infer<typeof participationInput>) {
      const p = await db
        .selectFrom('wellbeing_programs')
        .select(['id', 'site_id'])
        .where('id', '=', programId)
        .executeTakeFirst();
      if (!p) throw new NotFoundError('wellbeing program');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: p.site_id,
        what: 'wellbeing program',
        program: PROGRAM,
      });
      const n = input.personId ? 1 : input.count;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('wellbeing_participation')
          .values(
            Array.from({ length: n }, () => ({
              program_id: p.id,
              site_id: p.site_id,
              person_id: input.personId ?? null,
              participated_on: input.participatedOn,
              created_by: actor.userId,
            })),
          )
          .execute();
        await recordAudit(trx, actor, {
          action: 'wellbeing.participation',
          entityType: 'wellbeing_program',
          entityId: p.id,
          siteId: p.site_id,
          summary: `${n} participation(s) on ${input.participatedOn}`,
        });
      });
      return { recorded: n };
    },

    /** Per kind: programs running in the year and participations in it. */
    async summary(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const rows = await db
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
      return {
        year,
        kinds: wellbeingKinds.map((kind) => ({
          kind,
          programs: Number(rows.find((r) => r.kind === kind)?.programs ?? 0),
          participations: Number(rows.find((r) => r.kind === kind)?.participations ?? 0),
        })),
      };
    },
  };
}

export type WellbeingService = ReturnType<typeof createWellbeingService>;

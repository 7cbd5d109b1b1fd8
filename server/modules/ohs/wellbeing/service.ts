import type { z } from 'zod';
import {
  type participationInput,
  wellbeingKinds,
  type wellbeingProgramInput,
} from '#shared/modules/ohs/wellbeing/contract.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { ohsMessage } from '../messages.ts';
import { suppressSmall } from '../rules/privacy.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;

/** Wellbeing programs (clinics, counselling, gyms, clubs, group courses) and participation in them. */
export function createWellbeingService(db: Db, org: Pick<OrgService, 'sitesByIds'>) {
  return {
    async list(actor: Actor) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const found = await repo.programs(db, scope);
      const sites = await org.sitesByIds(found.flatMap((p) => (p.site_id ? [p.site_id] : [])));
      return found.map((p) => ({
        id: p.id,
        siteId: p.site_id,
        siteCode: p.site_id ? (sites.get(p.site_id)?.code ?? null) : null,
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
        const row = await repo.insertProgram(trx, {
          site_id: input.siteId ?? null,
          kind: input.kind,
          name: input.name,
          name_zh: input.nameZh ?? null,
          started_on: input.startedOn,
          ended_on: input.endedOn ?? null,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
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
      const p = await repo.programById(db, programId);
      if (!p) throw new NotFoundError('wellbeing program');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: p.site_id,
        what: 'wellbeing program',
        program: PROGRAM,
      });
      const n = input.personId ? 1 : input.count;
      await db.transaction().execute(async (trx) => {
        await repo.insertParticipation(
          trx,
          Array.from({ length: n }, () => ({
            program_id: p.id,
            site_id: p.site_id,
            person_id: input.personId ?? null,
            participated_on: input.participatedOn,
            created_by: actor.userId,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'wellbeing.participation',
          entityType: 'wellbeing_program',
          entityId: p.id,
          siteId: p.site_id,
          // The count and the day only: never who took part.
          summary: ohsMessage('ohs.audit.participations', { date: input.participatedOn, count: n }),
        });
      });
      return { recorded: n };
    },

    /** Per kind: programs running in the year and participations in it. */
    async summary(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const rows = await repo.kindsOfYear(db, scope, year);
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

import type { z } from 'zod';
import type * as c from '#shared/modules/academia/sign-in-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type AcademiaDeps, assertManageRecord, assertReadAt, PROGRAM } from './deps.ts';
import * as repo from './repo.ts';

type Held = { site_id: string; anonymised_on?: string | null };

/**
 * One person outside the company who signs in to a record of the program (the platform's external role): the
 * staff of the record's site give it or take it back; giving it to someone else takes it from the previous
 * holder. A person with a role at a site is refused (staff see records through their roles).
 */
export function createRecordSignIn<R extends Held>(
  deps: AcademiaDeps,
  record: { type: string; what: string; find: (id: string) => Promise<R | undefined> },
) {
  const { db, grants } = deps;

  async function readable(actor: Actor, id: string, manage: boolean) {
    const row = await record.find(id);
    if (!row) throw new NotFoundError(record.what);
    assertReadAt(actor, row.site_id, record.what);
    if (manage) assertManageRecord(actor, row.site_id, record.what);
    return row;
  }

  async function holderOf(id: string): Promise<z.infer<typeof c.recordSignInView>> {
    const [holder] = await grants.holders(record.type, id);
    return { holder: holder ?? null };
  }

  return {
    async signIn(actor: Actor, id: string) {
      await readable(actor, id, false);
      return holderOf(id);
    },

    async setSignIn(actor: Actor, id: string, userId: string | null) {
      const row = await readable(actor, id, true);
      if (row.anonymised_on && userId)
        throw new ConflictError('The personal data of this record has been erased: nobody signs in to it.');
      await db.transaction().execute(async (trx) => {
        // One change of the record's holder at a time: two at once leave one holder, not two.
        await repo.lockSignIn(trx, record.type, id);
        const current = await grants.holders(record.type, id, trx);
        for (const h of current)
          if (h.userId !== userId)
            await grants.revoke(trx, actor, { userId: h.userId, recordType: record.type, recordId: id });
        if (userId && !current.some((h) => h.userId === userId))
          await grants.grant(trx, actor, {
            userId,
            recordType: record.type,
            recordId: id,
            siteId: row.site_id,
          });
      });
      return holderOf(id);
    },

    /** The record granted to the actor; 404 for anything else, even to staff who read it at its site. */
    async own(actor: Actor, id: string): Promise<R> {
      const row = access.granted(actor, record.type, id) ? await record.find(id) : undefined;
      if (!row) throw new NotFoundError(record.what);
      return row;
    },

    /** The ids of the records of this kind granted to the actor. */
    granted: (actor: Actor) => [...(actor.grants?.get(record.type) ?? [])],
  };
}

/** People outside the company by name or e-mail, for a manager of the program to choose from. */
export async function outsidersFor(deps: AcademiaDeps, actor: Actor, q: { q?: string; limit: number }) {
  access.assert(actor, { permission: 'academia.manage', siteId: null, what: 'site', program: PROGRAM });
  return { items: await deps.grants.outsiders(q.q, q.limit) };
}

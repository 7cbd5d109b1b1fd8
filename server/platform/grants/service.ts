import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import * as repo from './repo.ts';

export type RecordGrant = { userId: string; recordType: string; recordId: string; siteId: string | null };

/**
 * The external role: a person outside the company (a supplier's contact, a consultant assessor, a student, a
 * professor) is a user with no role at any site who is granted named records, one by one. A module grants its
 * records (after checking its own permission to manage them) and asks `access.granted` when such a person
 * reads one; the person sees those records and nothing else.
 */
export function createGrantsService(db: Db) {
  return {
    /** Grants one record, inside the caller's transaction, with its audit event. Granting twice is one grant. */
    async grant(trx: Db, actor: Actor, g: RecordGrant): Promise<void> {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'active'])
        .where('id', '=', g.userId)
        .executeTakeFirst();
      if (!user) throw new ValidationError('No such user.', [{ path: 'userId', message: 'Unknown user' }]);
      const roles = await trx
        .selectFrom('role_assignments')
        .select('id')
        .where('user_id', '=', g.userId)
        .executeTakeFirst();
      // A person who works for the group sees records through the roles of their sites, not one by one.
      if (roles)
        throw new ValidationError('Records are granted one by one only to people outside the company.', [
          { path: 'userId', message: 'Holds a role at a site' },
        ]);
      const row = await repo.insertGrant(trx, { ...g, by: actor.userId });
      if (!row) return;
      await recordAudit(trx, actor, {
        action: 'record.granted',
        entityType: g.recordType,
        entityId: g.recordId,
        siteId: g.siteId,
        after: { userId: g.userId, recordType: g.recordType, recordId: g.recordId },
      });
    },

    /** Takes a grant back, inside the caller's transaction; a grant that does not exist is a 404. */
    async revoke(trx: Db, actor: Actor, g: Omit<RecordGrant, 'siteId'>): Promise<void> {
      const row = await repo.deleteGrant(trx, g.userId, g.recordType, g.recordId);
      if (!row) throw new NotFoundError('grant');
      await recordAudit(trx, actor, {
        action: 'record.grant_revoked',
        entityType: g.recordType,
        entityId: g.recordId,
        siteId: row.site_id,
        before: { userId: g.userId, recordType: g.recordType, recordId: g.recordId },
      });
    },

    /** Whether the user is a person outside the company: one who holds no role at any site. */
    async isOutsider(userId: string, handle: Db = db): Promise<boolean> {
      const role = await handle
        .selectFrom('role_assignments')
        .select('id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return !role;
    },

    /**
     * People outside the company found by name or email, to be granted a record: the module asks only after
     * checking that the caller may grant it (the list is not for every reader).
     */
    async outsiders(q: string | undefined, limit: number) {
      return (await repo.outsiders(db, q, limit)).map((u) => ({
        id: u.id,
        displayName: u.display_name,
        email: u.email,
      }));
    },

    /** The people outside the company who hold a record. */
    /** Who holds the record; `handle` is the caller's transaction when asked inside one. */
    async holders(recordType: string, recordId: string, handle: Db = db) {
      return (await repo.holdersOf(handle, recordType, recordId)).map((h) => ({
        userId: h.id,
        name: h.display_name,
        email: h.email,
        grantedAt: h.created_at.toISOString(),
      }));
    },
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;

import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  MembershipView,
  membershipInput,
  membershipListQuery,
  membershipPatch,
} from '#shared/modules/infosec/governance/contract.ts';
import { renewalDueOn } from '#shared/modules/infosec/governance/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { governanceMessage, governanceWord } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;
export const MEMBERSHIP_SOURCE = 'infosec_membership';
export const RENEWAL_KIND = 'infosec.membership_renewal';

registerObligationKind({
  kind: RENEWAL_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'membership_renewal'),
  schedule: { daysBefore: [30, 7], overdueEveryDays: 7 },
});

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  documents: DocumentsService;
  obligations: ObligationsService;
};

/**
 * Memberships of and agreements with information-sharing organisations (FIRST, TWCERT/CC, the investigation
 * bureau's MOU…): a group-wide one has no site and is read by every security reader, changed only by whoever
 * manages the program group-wide; a site's agreement belongs to its site. Its renewal falls due as an
 * obligation `renewalLeadDays` before the renewal date.
 */
export function createMembershipsService({ db, org, users, documents, obligations }: Deps) {
  async function toViews(rows: repo.MembershipRow[], handle: Db = db): Promise<MembershipView[]> {
    const [sites, names, docs] = await Promise.all([
      org.sitesByIds(
        rows.flatMap((r) => (r.site_id ? [r.site_id] : [])),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.owner_id),
        handle,
      ),
      documents.countsByOwner(
        MEMBERSHIP_SOURCE,
        rows.map((r) => r.id),
        handle,
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: r.site_id ? (sites.get(r.site_id)?.code ?? null) : null,
      organisation: r.organisation,
      kind: r.kind,
      since: r.since,
      renewalOn: r.renewal_on,
      renewalLeadDays: r.renewal_lead_days,
      renewalDueOn: r.renewal_on ? renewalDueOn(r.renewal_on, r.renewal_lead_days) : null,
      ownerId: r.owner_id,
      ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
      note: r.note,
      documents: docs.get(r.id) ?? 0,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    }));
  }

  /** Reading: a group-wide record with the permission anywhere, a site's with it at the site (404 outside). */
  function assertMay(actor: Actor, siteId: string | null, permission: 'infosec.read' | 'infosec.manage') {
    access.assert(actor, { permission, siteId, what: 'membership', program: PROGRAM });
    if (siteId === null && permission === 'infosec.manage')
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
  }

  async function loaded(actor: Actor, id: string, permission: 'infosec.read' | 'infosec.manage') {
    const row = await repo.membershipById(db, id);
    if (!row) throw new NotFoundError('membership');
    assertMay(actor, row.site_id, permission);
    return row;
  }

  /** The renewal obligation follows the renewal date; without one, nothing falls due. */
  async function syncRenewal(trx: Db, actor: Actor, row: repo.MembershipRow) {
    if (!row.renewal_on) {
      await obligations.closeForSource(trx, actor, RENEWAL_KIND, MEMBERSHIP_SOURCE, row.id, 'cancelled');
      return;
    }
    await obligations.upsertForSource(trx, actor, {
      kind: RENEWAL_KIND,
      sourceType: MEMBERSHIP_SOURCE,
      sourceId: row.id,
      siteId: row.site_id,
      program: PROGRAM,
      ownerId: row.owner_id,
      title: governanceMessage('infosec.membership.renewal', {
        organisation: row.organisation,
        kind: governanceWord('infosec.membershipKind', row.kind),
        renewalOn: row.renewal_on,
      }),
      dueDate: renewalDueOn(row.renewal_on, row.renewal_lead_days),
      reopen: true,
    });
  }

  const summary = (row: repo.MembershipRow) =>
    governanceMessage('infosec.audit.membership', {
      organisation: row.organisation,
      kind: governanceWord('infosec.membershipKind', row.kind),
    });

  return {
    /** For the documents service: the site of a membership the actor may read or change (null: group-wide). */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await loaded(actor, id, intent === 'read' ? 'infosec.read' : 'infosec.manage');
      return row.site_id;
    },

    async list(actor: Actor, q: z.infer<typeof membershipListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.membershipListBase(db, scope);
      if (q.groupWide) base = base.where('m.site_id', 'is', null);
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.kind) base = base.where('m.kind', '=', q.kind);
      if (q.dueBy) base = base.where(sql<boolean>`m.renewal_on - m.renewal_lead_days <= ${q.dueBy}::date`);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('m.organisation', 'ilike', p), eb('m.note', 'ilike', p)]));
      }
      const sortColumn = {
        organisation: 'm.organisation',
        renewalOn: 'm.renewal_on',
        since: 'm.since',
        kind: 'm.kind',
        updatedAt: 'm.updated_at',
      }[q.sort];
      const page = await listPage<repo.MembershipRow, repo.MembershipRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'm.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    async get(actor: Actor, id: string) {
      return (await toViews([await loaded(actor, id, 'infosec.read')]))[0];
    },

    async create(actor: Actor, input: z.infer<typeof membershipInput>) {
      const site = input.siteId ? await org.siteForWriting(input.siteId) : null;
      assertMay(actor, site?.id ?? null, 'infosec.manage');
      if (input.ownerId) await users.assertActiveUsers([input.ownerId], 'ownerId');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_memberships')
          .values({
            site_id: site?.id ?? null,
            organisation: input.organisation,
            kind: input.kind,
            since: input.since,
            renewal_on: input.renewalOn ?? null,
            renewal_lead_days: input.renewalLeadDays ?? 60,
            owner_id: input.ownerId ?? null,
            note: input.note ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await syncRenewal(trx, actor, row);
        await recordAudit(trx, actor, {
          action: 'infosec.membership.created',
          entityType: MEMBERSHIP_SOURCE,
          entityId: row.id,
          siteId: row.site_id,
          summary: summary(row),
          after: row,
        });
        return (await toViews([row], trx))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof membershipPatch>) {
      const before = await loaded(actor, id, 'infosec.manage');
      if (patch.ownerId) await users.assertActiveUsers([patch.ownerId], 'ownerId');
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_memberships',
          id,
          patch.version,
          definedOnly({
            organisation: patch.organisation,
            kind: patch.kind,
            since: patch.since,
            renewal_on: patch.renewalOn,
            renewal_lead_days: patch.renewalLeadDays,
            owner_id: patch.ownerId,
            note: patch.note,
          }),
          actor.userId,
        )) as repo.MembershipRow;
        await syncRenewal(trx, actor, after);
        await recordAudit(trx, actor, {
          action: 'infosec.membership.updated',
          entityType: MEMBERSHIP_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: summary(after),
          before,
          after,
        });
        return (await toViews([after], trx))[0];
      });
    },

    /** Removes a membership recorded in error or ended; its renewal no longer falls due. */
    async remove(actor: Actor, id: string, version: number) {
      const before = await loaded(actor, id, 'infosec.manage');
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_memberships')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_memberships', id, version, {}, actor.userId);
        await obligations.closeForSource(trx, actor, RENEWAL_KIND, MEMBERSHIP_SOURCE, id, 'cancelled');
        await recordAudit(trx, actor, {
          action: 'infosec.membership.deleted',
          entityType: MEMBERSHIP_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: summary(before),
          before,
        });
      });
    },
  };
}

export type MembershipsService = ReturnType<typeof createMembershipsService>;

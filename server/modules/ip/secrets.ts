import type { z } from 'zod';
import type { SecretView, secretInput, secretListQuery, secretPatch } from '#shared/modules/ip/contract.ts';
import { measuresScore } from '#shared/modules/ip/rules/secrets.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Actor, visibleSites } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { ipMessages } from './messages.ts';
import * as repo from './repo.ts';
import { nextReviewDue } from './rules/secrets.ts';
import type { SitesLookup } from './sites.ts';

const PROGRAM = 'ip' as const;
const SECRET = 'ip_trade_secret';
export const SECRET_REVIEW = 'ip.trade_secret_review';
registerObligationKind({
  kind: SECRET_REVIEW,
  name: word('ip.obligationKind', SECRET_REVIEW.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [30, 7], overdueEveryDays: 14 },
});

type Users = Pick<UsersService, 'displayNames' | 'assertActiveUser' | 'assertActiveUsers'>;
type People = Pick<PeopleService, 'employeeEssentials'>;

/** The register of trade secrets: what is protected, its owner and the measures that keep it secret. */
export function createSecretsService(
  db: Db,
  obligations: ObligationsService,
  users: Users,
  people: People,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  async function toViews(rows: repo.SecretRow[], siteCode: (id: string) => string, handle: Db = db) {
    const [names, employees] = await Promise.all([
      users.displayNames(
        rows.flatMap((r) => [r.owner_id, ...r.access_user_ids]),
        handle,
      ),
      people.employeeEssentials(
        rows.flatMap((r) => r.access_employee_ids),
        handle,
      ),
    ]);
    return rows.map((r): SecretView => {
      const { score, working } = measuresScore(r.checklist);
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: siteCode(r.site_id),
        title: r.title,
        category: r.category,
        ownerId: r.owner_id,
        ownerName: names.get(r.owner_id) ?? null,
        access: r.access_user_ids.map((userId) => ({ userId, name: names.get(userId) ?? null })),
        accessEmployees: r.access_employee_ids.flatMap((employeeId) => {
          const e = employees.get(employeeId);
          return e ? [{ employeeId, name: e.fullName, employeeNo: e.employeeNo }] : [];
        }),
        checklist: r.checklist,
        score,
        working,
        lastReviewDate: r.last_review_date,
        nextReviewDue: r.next_review_due,
        version: r.version,
      };
    });
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.secretRows(handle).where('s.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('trade secret');
    return r;
  }

  /**
   * Refuses a review dated after today at the site, owners or readers who are not active users, and employees
   * the actor does not see (each named by its place in the list).
   */
  async function check(
    handle: Db,
    actor: Actor,
    timeZone: string,
    v: { ownerId?: string; accessUserIds?: string[]; accessEmployeeIds?: string[]; lastReviewDate?: string },
  ) {
    if (v.lastReviewDate && v.lastReviewDate > localDate(now(), timeZone))
      throw new ValidationError('The last review is after today.', [
        { path: 'lastReviewDate', message: 'After today' },
      ]);
    if (v.ownerId) await users.assertActiveUser(v.ownerId, 'ownerId', handle);
    if (v.accessUserIds) await users.assertActiveUsers(v.accessUserIds, 'accessUserIds', undefined, handle);
    if (v.accessEmployeeIds?.length) {
      const found = await people.employeeEssentials(v.accessEmployeeIds, handle);
      const scope = visibleSites(actor);
      const unknown = v.accessEmployeeIds.flatMap((id, i) => {
        const e = found.get(id);
        return e && (scope === 'all' || scope.has(e.siteId))
          ? []
          : [{ path: `accessEmployeeIds.${i}`, message: 'Unknown employee' }];
      });
      if (unknown.length) throw new ValidationError('An employee with access is unknown.', unknown);
    }
  }

  /** The yearly review as an obligation of its owner. */
  async function sync(trx: Db, actor: Actor, r: repo.SecretRow) {
    await obligations.upsertForSource(trx, actor, {
      kind: SECRET_REVIEW,
      sourceType: SECRET,
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: r.owner_id,
      title: ipMessages.secretReviewTitle(r.title),
      dueDate: r.next_review_due,
    });
    const site = await sites.forWriting(r.site_id, trx);
    return (await toViews([r], () => site.code, trx))[0];
  }

  return {
    async list(actor: Actor, q: z.infer<typeof secretListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.secretRows(db).where((eb) => inScope(eb, 's.site_id', scope));
      if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
      if (q.category) base = base.where('s.category', '=', q.category);
      if (q.dueBy) base = base.where('s.next_review_due', '<=', q.dueBy);
      if (q.q) base = base.where('s.title', 'ilike', likePattern(q.q));
      const sortColumn = {
        title: 's.title',
        nextReviewDue: 's.next_review_due',
        score: 's.score',
        category: 's.category',
      }[q.sort];
      const { items, ...paging } = await paginate<repo.SecretRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 's.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const siteMap = await sites.visible(actor);
      return {
        items: await toViews(items, (id) => sites.of(siteMap, id).code),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.read',
        siteId: r.site_id,
        what: 'trade secret',
        program: PROGRAM,
      });
      const siteMap = await sites.visible(actor);
      return (await toViews([r], (s) => sites.of(siteMap, s).code))[0];
    },

    async create(actor: Actor, input: z.infer<typeof secretInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await check(db, actor, site.timeZone, input);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_trade_secrets')
          .values({
            site_id: site.id,
            title: input.title,
            category: input.category,
            owner_id: input.ownerId,
            access_user_ids: [...new Set(input.accessUserIds)],
            access_employee_ids: [...new Set(input.accessEmployeeIds)],
            checklist: JSON.stringify(input.checklist),
            score: measuresScore(input.checklist).score,
            last_review_date: input.lastReviewDate,
            next_review_due: nextReviewDue(input.lastReviewDate),
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.trade_secret.created',
          entityType: SECRET,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return sync(trx, actor, await rowOrNotFound(trx, row.id));
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof secretPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'trade secret',
        program: PROGRAM,
      });
      const site = await sites.forWriting(before.site_id);
      await check(db, actor, site.timeZone, patch);
      const changes = definedOnly({
        title: patch.title,
        category: patch.category,
        owner_id: patch.ownerId,
        access_user_ids: patch.accessUserIds && [...new Set(patch.accessUserIds)],
        access_employee_ids: patch.accessEmployeeIds && [...new Set(patch.accessEmployeeIds)],
        checklist: patch.checklist && JSON.stringify(patch.checklist),
        score: patch.checklist && measuresScore(patch.checklist).score,
        last_review_date: patch.lastReviewDate,
        next_review_due: patch.lastReviewDate && nextReviewDue(patch.lastReviewDate),
      });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ip_trade_secrets',
          id,
          patch.version,
          changes,
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.trade_secret.updated',
          entityType: SECRET,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return sync(trx, actor, await rowOrNotFound(trx, id));
      });
    },
  };
}

export type SecretsService = ReturnType<typeof createSecretsService>;

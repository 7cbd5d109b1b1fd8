import { type ExpressionBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type {
  CertificationView,
  certificationInput,
  certificationListQuery,
  certificationPatch,
} from '#shared/platform/certifications/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { daysBetween, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Actor, type SiteScope, scopeHas, visibleSites } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { inScope } from '../access/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors.ts';
import { platformMessage, platformWord } from '../i18n/index.ts';
import { registerObligationKind } from '../obligations/kinds.ts';
import type { ObligationsService } from '../obligations/service.ts';
import { certificationStatus } from './rules/status.ts';
import { knownStandards, standardProgram } from './standards.ts';

export const CERTIFICATION_RENEWAL = 'certification.renewal';
registerObligationKind({
  kind: CERTIFICATION_RENEWAL,
  program: null,
  name: platformWord('platform.obligationKind', CERTIFICATION_RENEWAL),
  schedule: { daysBefore: [90, 30, 7], overdueEveryDays: 7 },
});

function rows(db: Db) {
  return db
    .selectFrom('certifications as c')
    .leftJoin('sites', 'sites.id', 'c.site_id')
    .leftJoin('subsidiaries', (join) =>
      join.on(sql<boolean>`subsidiaries.id = coalesce(c.subsidiary_id, sites.subsidiary_id)`),
    )
    .leftJoin('users as owner', 'owner.id', 'c.owner_id')
    .leftJoin('certifications as next', 'next.previous_id', 'c.id')
    .selectAll('c')
    .select([
      'sites.code as site_code',
      'sites.name as site_name',
      'sites.time_zone',
      'subsidiaries.code as subsidiary_code',
      'subsidiaries.id as holder_subsidiary_id',
      'owner.display_name as owner_name',
      'next.id as superseded_by_id',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

/**
 * Certificates are scoped by their site; a subsidiary's certificate is visible to whoever holds the
 * permission at any of that subsidiary's sites.
 */
function scopeFilter(scope: SiteScope) {
  return (eb: ExpressionBuilder<any, any>) =>
    scope === 'all'
      ? sql<boolean>`true`
      : eb.or([
          inScope(eb, 'c.site_id', scope),
          eb.and([
            eb('c.site_id', 'is', null),
            eb(
              'c.subsidiary_id',
              'in',
              eb
                .selectFrom('sites as s2')
                .select('s2.subsidiary_id')
                .where((w) => inScope(w, 's2.id', scope)),
            ),
          ]),
        ]);
}

export function createCertificationsService(
  db: Db,
  obligations: ObligationsService,
  now: () => Date = () => new Date(),
) {
  function toView(r: Row): CertificationView {
    const today = localDate(now(), r.time_zone ?? GROUP_TIME_ZONE);
    return {
      id: r.id,
      standard: r.standard,
      siteId: r.site_id,
      siteCode: r.site_code,
      siteName: r.site_name,
      subsidiaryId: r.holder_subsidiary_id,
      subsidiaryCode: r.subsidiary_code,
      certificateNo: r.certificate_no,
      issuer: r.issuer,
      scope: r.scope,
      issuedOn: r.issued_on,
      validUntil: r.valid_until,
      renewalInProgress: r.renewal_in_progress,
      status: certificationStatus(
        {
          validUntil: r.valid_until,
          renewalInProgress: r.renewal_in_progress,
          superseded: !!r.superseded_by_id,
        },
        today,
      ),
      daysLeft: daysBetween(today, r.valid_until),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      previousId: r.previous_id,
      supersededById: r.superseded_by_id,
      version: r.version,
    };
  }

  async function rowOrNotFound(id: string) {
    const row = await rows(db).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('certificate');
    return row;
  }

  /**
   * A site's certificate is checked at its site. A subsidiary's certificate is visible through any of its
   * sites, readable with the permission at any of them, and managed only with it at all of them.
   * Reading follows the list's rule: whoever holds `certifications.read` at the holder reads every
   * certificate there, of any program (the registry is shared); changing one takes
   * `certifications.manage` for the certificate's program.
   */
  async function assertAccess(
    actor: Actor,
    permission: 'certifications.read' | 'certifications.manage',
    r: { site_id: string | null; subsidiary_id: string | null; standard: string },
  ) {
    const program =
      permission === 'certifications.read' ? undefined : (standardProgram(r.standard) ?? undefined);
    if (r.site_id)
      return access.assert(actor, { permission, siteId: r.site_id, what: 'certificate', program });
    const sites = (
      await db
        .selectFrom('sites')
        .select('id')
        .where('subsidiary_id', '=', r.subsidiary_id as string)
        .execute()
    ).map((s) => s.id);
    if (!sites.some((id) => scopeHas(visibleSites(actor), id))) throw new NotFoundError('certificate');
    const can = (id: string) => access.can(actor, permission, id, program);
    if (!(permission === 'certifications.read' ? sites.some(can) : sites.every(can)))
      throw new ForbiddenError(permission);
  }

  async function syncObligation(trx: Db, actor: Actor, id: string) {
    const c = await rows(trx).where('c.id', '=', id).executeTakeFirstOrThrow();
    const holder = c.site_code ?? c.subsidiary_code ?? '';
    await obligations.upsertForSource(trx, actor, {
      kind: CERTIFICATION_RENEWAL,
      sourceType: 'certification',
      sourceId: c.id,
      siteId: c.site_id,
      program: standardProgram(c.standard),
      ownerId: c.owner_id,
      title: platformMessage('platform.certification.renew', { standard: c.standard, holder }),
      dueDate: c.valid_until,
    });
  }

  return {
    standards: () => knownStandards(),

    async list(actor: Actor, q: z.infer<typeof certificationListQuery>) {
      const scope = access.listScope(actor, 'certifications.read');
      let base = rows(db).where(scopeFilter(scope));
      if (q.includeSuperseded !== 'true') base = base.where('next.id', 'is', null);
      if (q.standard) base = base.where('c.standard', '=', q.standard);
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('c.standard', 'ilike', p),
            eb('c.certificate_no', 'ilike', p),
            eb('sites.name', 'ilike', p),
            eb('c.issuer', 'ilike', p),
          ]),
        );
      }
      if (q.status) {
        // Status depends on the calendar: filter the (small) scoped set after computing it.
        const all = (await base.orderBy('c.valid_until').execute())
          .map(toView)
          .filter((v) => v.status === q.status);
        return {
          items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
          total: all.length,
          page: q.page,
          cursor: q.cursor,
          count: q.count,
          pageSize: q.pageSize,
        };
      }
      const sortColumn = {
        validUntil: 'c.valid_until',
        standard: 'c.standard',
        site: 'sites.code',
        issuedOn: 'c.issued_on',
      }[q.sort];
      const { items, ...paging } = await paginate<Row>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'c.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: items.map(toView), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      await assertAccess(actor, 'certifications.read', row);
      return toView(row);
    },

    /** The site of a certificate (null for a subsidiary's), for the certificate file and other documents attached to it. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await rowOrNotFound(id);
      await assertAccess(actor, intent === 'read' ? 'certifications.read' : 'certifications.manage', row);
      return row.site_id;
    },

    /** The history of one holder's certificates of a standard, newest first. */
    async history(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      await assertAccess(actor, 'certifications.read', row);
      let q = rows(db).where('c.standard', '=', row.standard);
      q = row.site_id
        ? q.where('c.site_id', '=', row.site_id)
        : q.where('c.subsidiary_id', '=', row.subsidiary_id as string).where('c.site_id', 'is', null);
      return (await q.orderBy('c.valid_until', 'desc').execute()).map(toView);
    },

    async create(actor: Actor, input: z.infer<typeof certificationInput>) {
      await assertAccess(actor, 'certifications.manage', {
        site_id: input.siteId ?? null,
        subsidiary_id: input.subsidiaryId ?? null,
        standard: input.standard,
      });
      if (input.previousId) {
        const previous = await rowOrNotFound(input.previousId);
        if (
          previous.standard !== input.standard ||
          previous.site_id !== (input.siteId ?? null) ||
          (previous.site_id === null && previous.subsidiary_id !== input.subsidiaryId)
        ) {
          throw new ValidationError(
            'A renewal must be of the same standard and holder as the certificate it renews.',
            [{ path: 'previousId', message: 'Different standard or holder' }],
          );
        }
        if (previous.superseded_by_id)
          throw new ValidationError('That certificate was already renewed.', [
            { path: 'previousId', message: 'Already renewed' },
          ]);
      }
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('certifications')
          .values({
            standard: input.standard,
            site_id: input.siteId ?? null,
            subsidiary_id: input.siteId ? null : (input.subsidiaryId ?? null),
            certificate_no: input.certificateNo ?? null,
            issuer: input.issuer ?? null,
            scope: input.scope ?? null,
            issued_on: input.issuedOn,
            valid_until: input.validUntil,
            renewal_in_progress: input.renewalInProgress ?? false,
            owner_id: input.ownerId ?? null,
            previous_id: input.previousId ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'certification.created',
          entityType: 'certification',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        if (input.previousId) {
          await trx
            .updateTable('certifications')
            .set({ renewal_in_progress: false })
            .where('id', '=', input.previousId)
            .execute();
          await obligations.closeForSource(
            trx,
            actor,
            CERTIFICATION_RENEWAL,
            'certification',
            input.previousId,
            'done',
          );
        }
        await syncObligation(trx, actor, row.id);
        return toView(await rows(trx).where('c.id', '=', row.id).executeTakeFirstOrThrow());
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof certificationPatch>) {
      const before = await rowOrNotFound(id);
      await assertAccess(actor, 'certifications.manage', before);
      if (patch.standard && patch.standard !== before.standard)
        await assertAccess(actor, 'certifications.manage', { ...before, standard: patch.standard });
      const issued = patch.issuedOn ?? before.issued_on;
      const until = patch.validUntil ?? before.valid_until;
      if (until < issued)
        throw new ValidationError('Valid until cannot be before the issue date.', [
          { path: 'validUntil', message: 'Before the issue date' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'certifications',
          id,
          patch.version,
          definedOnly({
            standard: patch.standard,
            certificate_no: patch.certificateNo,
            issuer: patch.issuer,
            scope: patch.scope,
            issued_on: patch.issuedOn,
            valid_until: patch.validUntil,
            renewal_in_progress: patch.renewalInProgress,
            owner_id: patch.ownerId,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'certification.updated',
          entityType: 'certification',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        if (!before.superseded_by_id) await syncObligation(trx, actor, id);
        return toView(await rows(trx).where('c.id', '=', id).executeTakeFirstOrThrow());
      });
    },

    /** Sites (and subsidiaries) × standards with each current certificate's status. */
    async matrix(actor: Actor) {
      const scope = access.listScope(actor, 'certifications.read');
      const current = (await rows(db).where(scopeFilter(scope)).where('next.id', 'is', null).execute()).map(
        (r) => ({ r, v: toView(r) }),
      );
      const known = knownStandards();
      const standards = [...new Set([...known, ...current.map((c) => c.v.standard)])].filter(
        (s) => current.some((c) => c.v.standard === s) || known.includes(s),
      );
      const sites = await db
        .selectFrom('sites')
        .select(['id', 'code', 'name'])
        .where((eb) => inScope(eb, 'id', scope))
        .orderBy('code')
        .execute();
      const subsidiaryHolders = [
        ...new Map(
          current.filter((c) => !c.r.site_id).map((c) => [c.r.holder_subsidiary_id as string, c.r]),
        ).values(),
      ];
      const cell = (match: (r: Row) => boolean) =>
        Object.fromEntries(
          standards.map((s) => {
            const found = current
              .filter((c) => c.v.standard === s && match(c.r))
              .sort((a, b) => b.v.validUntil.localeCompare(a.v.validUntil))[0];
            return [
              s,
              found ? { id: found.v.id, status: found.v.status, validUntil: found.v.validUntil } : null,
            ];
          }),
        );
      const counts: Record<string, number> = {};
      for (const c of current)
        if (c.v.status !== 'expired')
          counts[c.v.standard] = (counts[c.v.standard] ?? 0) + (c.r.site_id ? 1 : 0);
      return {
        standards,
        rows: [
          ...subsidiaryHolders.map((h) => ({
            holderId: h.holder_subsidiary_id as string,
            holderCode: h.subsidiary_code ?? '',
            holderName: h.subsidiary_code ?? '',
            level: 'subsidiary' as const,
            cells: cell((r) => !r.site_id && r.holder_subsidiary_id === h.holder_subsidiary_id),
          })),
          ...sites.map((s) => ({
            holderId: s.id,
            holderCode: s.code,
            holderName: s.name,
            level: 'site' as const,
            cells: cell((r) => r.site_id === s.id),
          })),
        ],
        counts,
      };
    },
  };
}

export type CertificationsService = ReturnType<typeof createCertificationsService>;

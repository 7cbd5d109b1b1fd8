import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditedDelete } from './audited-delete.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertPartner,
  assertReadAt,
  num,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import * as repo from './repo.ts';

const paymentSort = { paidOn: 'm.paid_on', amountMinor: 'm.amount_minor' } as const;

export function toPaymentView(r: repo.PaymentRow, code: (siteId: string) => string) {
  return {
    id: r.id,
    siteId: r.site_id,
    siteCode: code(r.site_id),
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    partnerNameZh: r.partner_name_zh,
    category: r.category,
    projectId: r.project_id,
    scholarshipId: r.scholarship_id,
    paidOn: r.paid_on,
    amountMinor: num(r.amount_minor),
    currency: r.currency,
    note: r.note,
    version: r.version,
  };
}

/** Payments to partners (what the year's contribution adds up) and the exchange rates they convert at. */
export function createPaymentsService(deps: AcademiaDeps) {
  const { db } = deps;

  /** A payment against a record belongs to that record's site and partner (422 naming the field otherwise). */
  async function assertTarget(input: z.infer<typeof c.paymentInput>) {
    if (input.projectId) {
      const p = await repo.projectRows(db).where('r.id', '=', input.projectId).executeTakeFirst();
      if (
        !p ||
        p.site_id !== input.siteId ||
        p.partner_id !== input.partnerId ||
        input.category !== 'research'
      )
        throw new ValidationError('The payment does not belong to that research project.', [
          { path: 'projectId', message: 'Not a research project of this site and partner' },
        ]);
    }
    if (input.scholarshipId) {
      const s = await repo.scholarshipRows(db).where('s.id', '=', input.scholarshipId).executeTakeFirst();
      if (
        !s ||
        s.site_id !== input.siteId ||
        s.partner_id !== input.partnerId ||
        input.category !== 'scholarship'
      )
        throw new ValidationError('The payment does not belong to that scholarship.', [
          { path: 'scholarshipId', message: 'Not a scholarship of this site and partner' },
        ]);
    }
  }

  async function rowOrNotFound(id: string) {
    const row = await repo.paymentRows(db).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('payment');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.paymentListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.paymentRows(db).where((eb) => inScope(eb, 'm.site_id', scope));
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('m.partner_id', '=', q.partnerId);
      if (q.category) base = base.where('m.category', '=', q.category);
      if (q.q) {
        // The school in either language, or the note.
        const like = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('p.name', 'ilike', like), eb('p.name_zh', 'ilike', like), eb('m.note', 'ilike', like)]),
        );
      }
      if (q.year)
        base = base.where('m.paid_on', '>=', `${q.year}-01-01`).where('m.paid_on', '<=', `${q.year}-12-31`);
      const page = await listPage(db, base, q, {
        sortColumn: paymentSort[q.sort],
        tieBreaker: 'm.id',
        toView: (r: repo.PaymentRow) => r,
      });
      const code = await siteCodes(deps, page.items);
      return { ...page, items: page.items.map((r) => toPaymentView(r, code)) };
    },

    async create(actor: Actor, input: z.infer<typeof c.paymentInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      await assertTarget(input);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_payments')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            category: input.category,
            project_id: input.projectId ?? null,
            scholarship_id: input.scholarshipId ?? null,
            paid_on: input.paidOn,
            amount_minor: input.amountMinor,
            currency: input.currency,
            note: input.note ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_payment.recorded',
          entityType: 'academia_payment',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return row.id;
      });
      const row = await repo.paymentRows(db).where('m.id', '=', id).executeTakeFirstOrThrow();
      return toPaymentView(row, await siteCodes(deps, [row]));
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      assertReadAt(actor, row.site_id, 'payment');
      return toPaymentView(row, await siteCodes(deps, [row]));
    },

    /** Corrects a payment's day, amount, currency or note (a stale version is refused with 409). */
    async update(actor: Actor, id: string, patch: z.infer<typeof c.paymentPatch>) {
      const current = await rowOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'payment');
      await db.transaction().execute((trx) =>
        auditedUpdate(trx, actor, {
          table: 'academia_payments',
          id,
          version: patch.version,
          action: 'academia_payment.updated',
          entityType: 'academia_payment',
          what: 'payment',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'payment'),
          change: () => ({
            paid_on: patch.paidOn,
            amount_minor: patch.amountMinor,
            currency: patch.currency,
            note: patch.note === undefined ? undefined : (patch.note ?? null),
          }),
        }),
      );
      return this.get(actor, id);
    },

    /** Removes a payment recorded in error; the year's contribution moves with it. */
    async remove(actor: Actor, id: string, version: number) {
      await db.transaction().execute((trx) =>
        auditedDelete(trx, actor, {
          table: 'academia_payments',
          id,
          version,
          what: 'payment',
          action: 'academia_payment.deleted',
          entityType: 'academia_payment',
          authorize: (before) => assertManageRecord(actor, before.site_id, 'payment'),
        }),
      );
    },

    /** The platform's dated rates, as the program's readers see them. */
    async listRates(actor: Actor) {
      access.listScope(actor, 'academia.read', PROGRAM);
      return { items: await deps.rates.list() };
    },

    /** A dated rate, set by the program's group-wide managers (the rates every site's figures convert at). */
    async addRate(actor: Actor, input: z.infer<typeof c.rateInput>) {
      access.assert(actor, {
        permission: 'academia.manage',
        siteId: null,
        what: 'exchange rate',
        program: PROGRAM,
      });
      access.assertGroupWide(actor, 'academia.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.rates.add(trx, actor, input));
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;

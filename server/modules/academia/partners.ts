import { sql } from 'kysely';
import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { addDays } from '#shared/platform/obligations/rules/reminders.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertPartner,
  assertRange,
  assertReadAt,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import { messages } from './messages.ts';
import * as repo from './repo.ts';

export const AGREEMENT_RENEWAL = 'academia.agreement_renewal';
registerObligationKind({
  kind: AGREEMENT_RENEWAL,
  name: word('academia.obligationKind', AGREEMENT_RENEWAL.slice('academia.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [60, 30, 7], overdueEveryDays: 14 },
});

const partnerSort = { name: 'p.name', country: 'p.country' } as const;
const agreementSort = { endsOn: 'a.ends_on', title: 'a.title', startsOn: 'a.starts_on' } as const;

const toPartnerView = (r: repo.PartnerRow) => ({
  id: r.id,
  name: r.name,
  nameZh: r.name_zh,
  country: r.country,
  kind: r.kind,
  version: r.version,
});

/** Universities and institutes (group records) and the agreements each site holds with them. */
export function createPartnersService(deps: AcademiaDeps) {
  const { db } = deps;

  async function agreementViews(rows: repo.AgreementRow[]) {
    const code = await siteCodes(deps, rows);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      kind: r.kind,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      renewalNoticeDays: r.renewal_notice_days,
      renewalDue: addDays(r.ends_on, -r.renewal_notice_days),
      version: r.version,
    }));
  }

  async function agreementOrNotFound(id: string, handle = db) {
    const row = await repo.agreementRows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('agreement');
    return row;
  }

  /** The agreement's renewal, a platform obligation due its notice before the end. */
  async function syncRenewal(trx: typeof db, actor: Actor, r: repo.AgreementRow) {
    await deps.obligations.upsertForSource(trx, actor, {
      kind: AGREEMENT_RENEWAL,
      sourceType: 'academia_agreement',
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: null,
      title: messages.agreementRenewal({ partner: r.partner_name, title: r.title }),
      dueDate: addDays(r.ends_on, -r.renewal_notice_days),
    });
  }

  return {
    async listPartners(actor: Actor, q: z.infer<typeof c.partnerListQuery>) {
      access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.partnerRows(db);
      if (q.country) base = base.where('p.country', '=', q.country);
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.name_zh', 'ilike', like)]));
      }
      return listPage(db, base, q, {
        sortColumn: partnerSort[q.sort],
        tieBreaker: 'p.id',
        toView: toPartnerView,
      });
    },

    async getPartner(actor: Actor, id: string) {
      access.listScope(actor, 'academia.read', PROGRAM);
      const row = await repo.partnerRows(db).where('p.id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('partner');
      return toPartnerView(row);
    },

    /** Partners are group records: any holder of academia.manage adds one (the group's one register). */
    async createPartner(actor: Actor, input: z.infer<typeof c.partnerInput>) {
      access.assert(actor, {
        permission: 'academia.manage',
        siteId: null,
        what: 'partner',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_partners')
          .values({
            name: input.name,
            name_zh: input.nameZh ?? null,
            country: input.country,
            kind: input.kind,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_partner.created',
          entityType: 'academia_partner',
          entityId: row.id,
          siteId: null,
          after: row,
        });
        return toPartnerView(row);
      });
    },

    async updatePartner(actor: Actor, id: string, patch: z.infer<typeof c.partnerPatch>) {
      return db.transaction().execute(async (trx) => {
        const after = await auditedUpdate(trx, actor, {
          table: 'academia_partners',
          id,
          version: patch.version,
          action: 'academia_partner.updated',
          entityType: 'academia_partner',
          what: 'partner',
          siteOf: () => null,
          authorize: () =>
            access.assert(actor, {
              permission: 'academia.manage',
              siteId: null,
              what: 'partner',
              program: PROGRAM,
            }),
          change: () => ({
            name: patch.name,
            name_zh: patch.nameZh,
            country: patch.country,
            kind: patch.kind,
          }),
        });
        return toPartnerView(after as repo.PartnerRow);
      });
    },

    async listAgreements(actor: Actor, q: z.infer<typeof c.agreementListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.agreementRows(db).where((eb) => inScope(eb, 'a.site_id', scope));
      if (q.siteId) base = base.where('a.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('a.partner_id', '=', q.partnerId);
      if (q.kind) base = base.where('a.kind', '=', q.kind);
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('a.title', 'ilike', like), eb('p.name', 'ilike', like)]));
      }
      const page = await listPage(db, base, q, {
        sortColumn: agreementSort[q.sort],
        tieBreaker: 'a.id',
        toView: (r: repo.AgreementRow) => r,
      });
      return { ...page, items: await agreementViews(page.items) };
    },

    async getAgreement(actor: Actor, id: string) {
      const row = await agreementOrNotFound(id);
      assertReadAt(actor, row.site_id, 'agreement');
      return (await agreementViews([row]))[0];
    },

    async createAgreement(actor: Actor, input: z.infer<typeof c.agreementInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      assertRange(input.startsOn, input.endsOn, 'endsOn');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_agreements')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            kind: input.kind,
            title: input.title,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            renewal_notice_days: input.renewalNoticeDays ?? 90,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_agreement.created',
          entityType: 'academia_agreement',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        await syncRenewal(trx, actor, await agreementOrNotFound(row.id, trx));
        return row.id;
      });
      return this.getAgreement(actor, id);
    },

    async updateAgreement(actor: Actor, id: string, patch: z.infer<typeof c.agreementPatch>) {
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      await db.transaction().execute(async (trx) => {
        const after = await auditedUpdate(trx, actor, {
          table: 'academia_agreements',
          id,
          version: patch.version,
          action: 'academia_agreement.updated',
          entityType: 'academia_agreement',
          what: 'agreement',
          siteOf: (r) => r.site_id,
          authorize: (before) => {
            assertManageRecord(actor, before.site_id, 'agreement');
            assertRange(patch.startsOn ?? before.starts_on, patch.endsOn ?? before.ends_on, 'endsOn');
          },
          change: () => ({
            partner_id: patch.partnerId,
            kind: patch.kind,
            title: patch.title,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
            renewal_notice_days: patch.renewalNoticeDays,
          }),
        });
        await syncRenewal(trx, actor, await agreementOrNotFound(after.id, trx));
      });
      return this.getAgreement(actor, id);
    },

    /** Partners of these ids with their country (the contribution report's grouping). */
    partnersByIds: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : repo.partnerRows(db).where('p.id', 'in', ids).orderBy(sql`lower(p.name)`).execute(),
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;

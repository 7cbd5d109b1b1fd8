import type { z } from 'zod';
import type { trademarkInput, trademarkListQuery, trademarkPatch } from '#shared/modules/ip/contract.ts';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { CalendarsService } from './calendars.ts';
import { ipMessages } from './messages.ts';
import * as repo from './repo.ts';
import { nextWorkingDay, type OfficeCalendar } from './rules/calendar.ts';
import { trademarkDeadlines, trademarkExpiry } from './rules/trademarks.ts';
import type { SitesLookup } from './sites.ts';

const PROGRAM = 'ip' as const;
const TRADEMARK = 'ip_trademark';
export const TRADEMARK_RENEWAL = 'ip.trademark_renewal';
registerObligationKind({
  kind: TRADEMARK_RENEWAL,
  name: word('ip.obligationKind', TRADEMARK_RENEWAL.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [180, 60, 30, 7], overdueEveryDays: 14 },
});

/** Trademarks per office and their renewals. */
export function createTrademarksService(
  db: Db,
  obligations: ObligationsService,
  calendarsService: CalendarsService,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  function deadlines(r: repo.TrademarkRow, calendars: (o: Office) => OfficeCalendar) {
    const d = trademarkDeadlines({
      office: r.office,
      status: r.status,
      filingDate: r.filing_date,
      registrationDate: r.registration_date,
    });
    if (d === null)
      return { list: [], problems: [{ code: 'grant_date_missing' as const, field: 'registrationDate' }] };
    // The EUIPO keeps no calendar here: its dates are shown as the law sets them.
    const list = d.map((x) => ({
      ...x,
      actBy: r.office === 'EU' ? x.dueDate : nextWorkingDay(calendars(r.office as Office), x.dueDate).date,
    }));
    return { list, problems: [] };
  }

  function toView(r: repo.TrademarkRow, calendars: (o: Office) => OfficeCalendar, siteCode: string) {
    const d = deadlines(r, calendars);
    return {
      id: r.id,
      siteId: r.site_id,
      siteCode,
      mark: r.mark,
      office: r.office,
      niceClasses: r.nice_classes,
      applicationNo: r.application_no,
      registrationNo: r.registration_no,
      filingDate: r.filing_date,
      registrationDate: r.registration_date,
      status: r.status,
      expires: trademarkExpiry(d.list),
      deadlines: d.list,
      problems: d.problems,
      version: r.version,
    };
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.trademarkRows(handle).where('t.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('trademark');
    return r;
  }

  function checkDates(v: { filing_date: string; registration_date: string | null }) {
    if (v.registration_date && v.registration_date < v.filing_date)
      throw new ValidationError('The registration is before the filing.', [
        { path: 'registrationDate', message: 'Before the filing date' },
      ]);
  }

  async function sync(trx: Db, actor: Actor, r: repo.TrademarkRow) {
    const calendars = await calendarsService.load(trx);
    const site = await sites.forWriting(r.site_id, trx);
    const today = localDate(now(), site.timeZone);
    const next = deadlines(r, calendars).list.find((d) => d.actBy >= today);
    if (next)
      await obligations.upsertForSource(trx, actor, {
        kind: TRADEMARK_RENEWAL,
        sourceType: TRADEMARK,
        sourceId: r.id,
        siteId: r.site_id,
        program: PROGRAM,
        ownerId: null,
        title: ipMessages.trademarkTitle(next.kind, r.office, r.mark, r.application_no),
        dueDate: next.actBy,
      });
    else await obligations.closeForSource(trx, actor, TRADEMARK_RENEWAL, TRADEMARK, r.id, 'cancelled');
    return toView(r, calendars, site.code);
  }

  // A change of the TIPO's, USPTO's or CNIPA's closure days moves the renewals kept there.
  calendarsService.onChanged(async (trx, actor, office) => {
    if (office !== 'TW' && office !== 'US' && office !== 'CN') return;
    const rows = await repo
      .trademarkRows(trx)
      .where('t.office', '=', office)
      .where('t.status', 'in', ['registered', 'opposed'])
      .execute();
    for (const r of rows) await sync(trx, actor, r);
  });

  return {
    async list(actor: Actor, q: z.infer<typeof trademarkListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.trademarkRows(db).where((eb) => inScope(eb, 't.site_id', scope));
      if (q.siteId) base = base.where('t.site_id', '=', q.siteId);
      if (q.office) base = base.where('t.office', '=', q.office);
      if (q.status) base = base.where('t.status', '=', q.status);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('t.mark', 'ilike', p),
            eb('t.application_no', 'ilike', p),
            eb('t.registration_no', 'ilike', p),
          ]),
        );
      }
      const sortColumn = { mark: 't.mark', filingDate: 't.filing_date', office: 't.office' }[q.sort];
      const { items, ...paging } = await paginate<repo.TrademarkRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 't.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const calendars = await calendarsService.load();
      const siteMap = await sites.visible(actor);
      return {
        items: items.map((r) => toView(r, calendars, sites.of(siteMap, r.site_id).code)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'trademark', program: PROGRAM });
      const siteMap = await sites.visible(actor);
      return toView(r, await calendarsService.load(), sites.of(siteMap, r.site_id).code);
    },

    async create(actor: Actor, input: z.infer<typeof trademarkInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const values = {
        site_id: site.id,
        mark: input.mark,
        office: input.office,
        nice_classes: [...new Set(input.niceClasses)].sort((a, b) => a - b),
        application_no: input.applicationNo,
        registration_no: input.registrationNo ?? null,
        filing_date: input.filingDate,
        registration_date: input.registrationDate ?? null,
        status: input.status,
      };
      checkDates(values);
      return db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('ip_trademarks')
          .select('id')
          .where('office', '=', input.office)
          .where('application_no', '=', input.applicationNo)
          .executeTakeFirst();
        if (taken)
          throw new ConflictError(`${input.office} ${input.applicationNo} is already recorded.`, {
            errors: [{ path: 'applicationNo', message: 'Already recorded' }],
          });
        const row = await trx
          .insertInto('ip_trademarks')
          .values({ ...values, created_by: actor.userId, updated_by: actor.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.trademark.created',
          entityType: TRADEMARK,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return sync(trx, actor, await rowOrNotFound(trx, row.id));
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof trademarkPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'trademark',
        program: PROGRAM,
      });
      const changes = definedOnly({
        mark: patch.mark,
        nice_classes: patch.niceClasses && [...new Set(patch.niceClasses)].sort((a, b) => a - b),
        application_no: patch.applicationNo,
        registration_no: patch.registrationNo,
        filing_date: patch.filingDate,
        registration_date: patch.registrationDate,
        status: patch.status,
      });
      checkDates({
        filing_date: changes.filing_date ?? before.filing_date,
        registration_date:
          changes.registration_date === undefined ? before.registration_date : changes.registration_date,
      });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(trx, 'ip_trademarks', id, patch.version, changes, actor.userId);
        await recordAudit(trx, actor, {
          action: 'ip.trademark.updated',
          entityType: TRADEMARK,
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

export type TrademarksService = ReturnType<typeof createTrademarksService>;

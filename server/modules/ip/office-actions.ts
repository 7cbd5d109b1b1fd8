import type { z } from 'zod';
import type {
  OfficeActionView,
  officeActionInput,
  officeActionPatch,
} from '#shared/modules/ip/office-actions/contract.ts';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { CalendarsService } from './calendars.ts';
import { ipMessages } from './messages.ts';
import type { OfficeCalendar } from './rules/calendar.ts';
import { type ResponseProblem, responsePeriod } from './rules/office-actions.ts';
import type { SitesLookup } from './sites.ts';

const PROGRAM = 'ip' as const;
const OFFICE_ACTION = 'ip_office_action';
export const OFFICE_ACTION_RESPONSE = 'ip.office_action';
registerObligationKind({
  kind: OFFICE_ACTION_RESPONSE,
  name: word('ip.obligationKind', OFFICE_ACTION_RESPONSE.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [30, 14, 7, 1], overdueEveryDays: 1 },
});

const PROBLEMS: Record<ResponseProblem, string> = {
  extension_beyond_limit: 'The period and its extension exceed the six months the law allows',
  extension_rules_unknown: 'This office’s extension rules are not kept: record the period it granted instead',
};

type Row = {
  id: string;
  matter_id: string;
  site_id: string;
  kind: OfficeActionView['kind'];
  mailed_on: string;
  period_months: number;
  extension_months: number;
  replied_on: string | null;
  version: number;
  office: Office;
  application_no: string;
  family_reference: string;
};

/** The office actions of a matter: the period each sets, to the day, and the response that answers it. */
export function createOfficeActionsService(
  db: Db,
  obligations: ObligationsService,
  calendarsService: CalendarsService,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  const rows = (handle: Db) =>
    handle
      .selectFrom('ip_office_actions as a')
      .innerJoin('ip_matters as m', 'm.id', 'a.matter_id')
      .innerJoin('ip_families as f', 'f.id', 'm.family_id')
      .select([
        'a.id',
        'a.matter_id',
        'a.site_id',
        'a.kind',
        'a.mailed_on',
        'a.period_months',
        'a.extension_months',
        'a.replied_on',
        'a.version',
        'm.office',
        'm.application_no',
        'f.reference as family_reference',
      ]);

  function period(
    r: Pick<Row, 'office' | 'mailed_on' | 'period_months' | 'extension_months'>,
    calendars: Calendars,
  ) {
    const p = responsePeriod(
      {
        office: r.office,
        mailedOn: r.mailed_on,
        periodMonths: r.period_months,
        extensionMonths: r.extension_months,
      },
      calendars,
    );
    if ('problem' in p)
      throw new ValidationError(PROBLEMS[p.problem], [
        { path: 'extensionMonths', message: PROBLEMS[p.problem] },
      ]);
    return p;
  }

  function toView(r: Row, calendars: Calendars): OfficeActionView {
    return {
      id: r.id,
      matterId: r.matter_id,
      office: r.office,
      kind: r.kind,
      mailedOn: r.mailed_on,
      periodMonths: r.period_months,
      extensionMonths: r.extension_months,
      repliedOn: r.replied_on,
      ...period(r, calendars),
      version: r.version,
    };
  }

  async function matterOrNotFound(handle: Db, matterId: string) {
    const m = await handle
      .selectFrom('ip_matters')
      .select(['id', 'site_id', 'office'])
      .where('id', '=', matterId)
      .executeTakeFirst();
    if (!m) throw new NotFoundError('matter');
    return m;
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await rows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('office action');
    return r as Row;
  }

  /** The response is an obligation of the matter's site until it is filed, due on the period's last day. */
  async function sync(trx: Db, actor: Actor, r: Row, actBy: string) {
    if (r.replied_on) {
      await obligations.closeForSource(trx, actor, OFFICE_ACTION_RESPONSE, OFFICE_ACTION, r.id, 'done');
      return;
    }
    await obligations.upsertForSource(trx, actor, {
      kind: OFFICE_ACTION_RESPONSE,
      sourceType: OFFICE_ACTION,
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: null,
      title: ipMessages.officeActionTitle(r.kind, r.office, r.application_no, r.family_reference),
      dueDate: actBy,
    });
  }

  function checkReply(mailedOn: string, repliedOn: string | null | undefined, today: string) {
    if (!repliedOn) return;
    const message =
      repliedOn < mailedOn
        ? 'Before the date of the communication'
        : repliedOn > today
          ? 'After today'
          : null;
    if (message)
      throw new ValidationError('The response’s date does not fit.', [{ path: 'repliedOn', message }]);
  }

  return {
    async list(actor: Actor, matterId: string) {
      const m = await matterOrNotFound(db, matterId);
      access.assert(actor, { permission: 'ip.read', siteId: m.site_id, what: 'matter', program: PROGRAM });
      const [found, calendars] = await Promise.all([
        rows(db).where('a.matter_id', '=', matterId).orderBy('a.mailed_on', 'desc').orderBy('a.id').execute(),
        calendarsService.load(),
      ]);
      return { items: found.map((r) => toView(r as Row, calendars)) };
    },

    async create(actor: Actor, matterId: string, input: z.infer<typeof officeActionInput>) {
      const m = await matterOrNotFound(db, matterId);
      access.assert(actor, { permission: 'ip.manage', siteId: m.site_id, what: 'matter', program: PROGRAM });
      const site = await sites.forWriting(m.site_id);
      checkReply(input.mailedOn, input.repliedOn, localDate(now(), site.timeZone));
      return db.transaction().execute(async (trx) => {
        const calendars = await calendarsService.load(trx);
        period(
          {
            office: m.office,
            mailed_on: input.mailedOn,
            period_months: input.periodMonths,
            extension_months: input.extensionMonths,
          },
          calendars,
        );
        const row = await trx
          .insertInto('ip_office_actions')
          .values({
            matter_id: m.id,
            site_id: m.site_id,
            kind: input.kind,
            mailed_on: input.mailedOn,
            period_months: input.periodMonths,
            extension_months: input.extensionMonths,
            replied_on: input.repliedOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.office_action.created',
          entityType: OFFICE_ACTION,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        const full = await rowOrNotFound(trx, row.id);
        const view = toView(full, calendars);
        await sync(trx, actor, full, view.actBy);
        return view;
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof officeActionPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'office action',
        program: PROGRAM,
      });
      const changes = definedOnly({
        kind: patch.kind,
        mailed_on: patch.mailedOn,
        period_months: patch.periodMonths,
        extension_months: patch.extensionMonths,
        replied_on: patch.repliedOn,
      });
      const site = await sites.forWriting(before.site_id);
      const mailedOn = changes.mailed_on ?? before.mailed_on;
      checkReply(
        mailedOn,
        changes.replied_on === undefined ? before.replied_on : changes.replied_on,
        localDate(now(), site.timeZone),
      );
      return db.transaction().execute(async (trx) => {
        const calendars = await calendarsService.load(trx);
        period({ ...before, ...changes }, calendars);
        const after = await updateVersioned(
          trx,
          'ip_office_actions',
          id,
          patch.version,
          changes,
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.office_action.updated',
          entityType: OFFICE_ACTION,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        const full = await rowOrNotFound(trx, id);
        const view = toView(full, calendars);
        await sync(trx, actor, full, view.actBy);
        return view;
      });
    },
  };
}

type Calendars = (office: Office) => OfficeCalendar;

export type OfficeActionsService = ReturnType<typeof createOfficeActionsService>;

import type { z } from 'zod';
import type {
  CalendarDayView,
  calendarDayInput,
  calendarDayListQuery,
} from '#shared/platform/workdays/contract.ts';
import {
  type DayAnswer,
  isWorkingDay,
  previousWorkingDay,
  type WorkCalendar,
  workCalendar,
} from '#shared/platform/workdays/rules.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import * as repo from './repo.ts';

/** What else must follow a change of these sites' calendars, in the same transaction (due dates re-dated). */
export type WorkdaysChanged = (trx: Db, actor: Actor, siteIds: readonly string[]) => Promise<void>;

const AUDIT_ENTITY = 'site_calendar_day';

const view = (r: repo.CalendarDayRow): CalendarDayView => ({
  id: r.id,
  day: r.day,
  country: r.country,
  siteId: r.site_id,
  siteCode: r.site_code,
  kind: r.kind,
  name: r.name,
  source: r.source,
  version: r.version,
});

/**
 * Sites' working calendars: public holidays and days off per country, and a site's own closures and make-up
 * working days, kept by the group admin (`org.manage`) and read by whoever reads sites (`org.read`). Programs
 * ask whether a day is worked at a site and which working day comes before one (`isWorkingDay`,
 * `previousWorkingDay`, or `calendars` for many sites at once), always with whether the year's country calendar
 * is known; and register to hear of a change (`onChanged`) to re-date what they computed.
 */
export function createWorkdaysService(db: Db) {
  const listeners: WorkdaysChanged[] = [];

  /** Each of these sites' calendar, read in two queries. A site unknown to the database has weekdays only. */
  async function calendars(siteIds: readonly string[], handle: Db = db) {
    const countries = await repo.siteCountries(handle, siteIds);
    const entries = await repo.entriesOf(handle, [...new Set(countries.values())], [...countries.keys()]);
    const cache = new Map<string, WorkCalendar>();
    return (siteId: string): WorkCalendar => {
      let calendar = cache.get(siteId);
      if (!calendar) {
        const country = countries.get(siteId);
        calendar = workCalendar(
          entries
            .filter((e) => (e.country !== null && e.country === country) || e.site_id === siteId)
            .map((e) => ({ day: e.day, kind: e.kind, scope: e.site_id ? 'site' : 'country' })),
        );
        cache.set(siteId, calendar);
      }
      return calendar;
    };
  }

  async function changed(trx: Db, actor: Actor, row: { country: string | null; site_id: string | null }) {
    const siteIds = row.site_id ? [row.site_id] : await repo.sitesOfCountry(trx, row.country ?? '');
    for (const listener of listeners) await listener(trx, actor, siteIds);
  }

  async function assertMayChange(
    actor: Actor,
    handle: Db,
    row: { country?: string | null; siteId?: string | null },
  ) {
    if (row.siteId) {
      if (!(await repo.siteCountries(handle, [row.siteId])).size) throw new NotFoundError('site');
      access.assert(actor, { permission: 'org.manage', siteId: row.siteId, what: 'site' });
    } else access.assertGroupWide(actor, 'org.manage');
  }

  return {
    onChanged(listener: WorkdaysChanged) {
      listeners.push(listener);
    },

    calendars,

    async isWorkingDay(siteId: string, date: string, handle: Db = db) {
      return isWorkingDay((await calendars([siteId], handle))(siteId), date);
    },

    async previousWorkingDay(siteId: string, date: string, handle: Db = db): Promise<DayAnswer> {
      return previousWorkingDay((await calendars([siteId], handle))(siteId), date);
    },

    async list(actor: Actor, q: z.infer<typeof calendarDayListQuery>) {
      const scope = access.listScope(actor, 'org.read');
      let base = repo.calendarDays(db, scope);
      if (q.country) base = base.where('d.country', '=', q.country);
      if (q.siteId) base = base.where('d.site_id', '=', q.siteId);
      if (q.year) base = base.where('d.day', '>=', `${q.year}-01-01`).where('d.day', '<=', `${q.year}-12-31`);
      if (q.q) base = base.where('d.name', 'ilike', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return listPage(db, base, q, { sortColumn: 'd.day', tieBreaker: 'd.id', toView: view });
    },

    /** The years entered for each country of the reader's sites: any other year is unknown. */
    async coverage(actor: Actor) {
      const scope = access.listScope(actor, 'org.read');
      const countries = await repo.countriesInScope(db, scope);
      const rows = await repo.coverage(db, countries);
      const byCountry = new Map<string, number[]>(countries.map((c) => [c, []]));
      for (const r of rows) byCountry.get(r.country ?? '')?.push(r.year);
      return {
        items: [...byCountry]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([country, years]) => ({ country, years })),
      };
    },

    async add(actor: Actor, input: z.infer<typeof calendarDayInput>) {
      await assertMayChange(actor, db, input);
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('site_calendar_days')
          .values({
            day: input.day,
            country: input.siteId ? null : (input.country ?? null),
            site_id: input.siteId ?? null,
            kind: input.kind,
            name: input.name,
            source: input.source ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted)
          throw new ConflictError(
            `${input.siteId ? 'The site' : input.country} already has ${input.day} entered.`,
            {
              day: input.day,
            },
          );
        const row = (await repo.calendarDay(trx, inserted.id)) as repo.CalendarDayRow;
        await recordAudit(trx, actor, {
          action: 'site_calendar_day.added',
          entityType: AUDIT_ENTITY,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        await changed(trx, actor, row);
        return view(row);
      });
    },

    async remove(actor: Actor, id: string, version: number) {
      const current = await repo.calendarDay(db, id);
      if (!current) throw new NotFoundError('calendar day');
      await assertMayChange(actor, db, { country: current.country, siteId: current.site_id });
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('site_calendar_days')
          .where('id', '=', id)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst();
        if (!row)
          throw new ConflictError('The day was changed or removed meanwhile.', { version: current.version });
        await recordAudit(trx, actor, {
          action: 'site_calendar_day.removed',
          entityType: AUDIT_ENTITY,
          entityId: id,
          siteId: current.site_id,
          before: current,
        });
        await changed(trx, actor, current);
      });
    },
  };
}

export type WorkdaysService = ReturnType<typeof createWorkdaysService>;

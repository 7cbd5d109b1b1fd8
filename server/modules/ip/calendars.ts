import type { z } from 'zod';
import type { closureInput, closureListQuery } from '#shared/modules/ip/contract.ts';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import * as repo from './repo.ts';
import { type OfficeCalendar, officeCalendar, usFederalHolidays } from './rules/calendar.ts';

const PROGRAM = 'ip' as const;

/** The US federal holidays are derived by rule for these years; other offices' closures are entered. */
const US_YEARS = Array.from({ length: 2080 - 1980 + 1 }, (_, i) => 1980 + i);

/** What else must follow a change of an office's closure days (the deadlines kept as obligations). */
export type CalendarChanged = (trx: Db, actor: Actor, office: Office) => Promise<void>;

/**
 * The offices' closure days: entered by the IP office (group-wide), plus the USPTO's by statute. A change
 * re-computes the open deadlines of that office's matters in the same transaction (`onChanged`).
 */
export function createCalendarsService(db: Db) {
  const listeners: CalendarChanged[] = [];
  return {
    onChanged(listener: CalendarChanged) {
      listeners.push(listener);
    },

    /** Every office's calendar, read once per command: a function from office to calendar. */
    async load(handle: Db = db): Promise<(office: Office) => OfficeCalendar> {
      const rows = await repo.closures(handle);
      const byOffice = new Map<Office, { day: string }[]>();
      for (const r of rows) {
        const days = byOffice.get(r.office);
        if (days) days.push({ day: r.day });
        else byOffice.set(r.office, [{ day: r.day }]);
      }
      const cache = new Map<Office, OfficeCalendar>();
      return (office) => {
        let c = cache.get(office);
        if (!c) {
          c = officeCalendar(office, byOffice.get(office) ?? [], office === 'US' ? US_YEARS : []);
          cache.set(office, c);
        }
        return c;
      };
    },

    async list(actor: Actor, q: z.infer<typeof closureListQuery>) {
      access.listScope(actor, 'ip.read', PROGRAM);
      const entered = (await repo.closures(db, q.office ? [q.office] : undefined, q.year)).map((r) => ({
        office: r.office,
        day: r.day,
        name: r.name,
        source: r.source,
      }));
      const derived =
        q.year && (!q.office || q.office === 'US')
          ? usFederalHolidays(q.year).map((h) => ({
              office: 'US' as const,
              day: h.day,
              name: h.name,
              source: '5 U.S.C. 6103',
            }))
          : [];
      return { items: [...derived, ...entered].sort((a, b) => a.day.localeCompare(b.day)) };
    },

    async add(actor: Actor, input: z.infer<typeof closureInput>) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_office_closures')
          .values({ ...input, created_by: actor.userId })
          .onConflict((oc) => oc.columns(['office', 'day']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new ConflictError(`${input.office} is already closed on ${input.day}.`);
        await recordAudit(trx, actor, {
          action: 'ip.closure.added',
          entityType: 'ip_office_closure',
          entityId: `${row.office}:${row.day}`,
          siteId: null,
          after: row,
        });
        for (const l of listeners) await l(trx, actor, row.office);
        return { office: row.office, day: row.day, name: row.name, source: row.source };
      });
    },

    async remove(actor: Actor, office: Office, day: string) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('ip_office_closures')
          .where('office', '=', office)
          .where('day', '=', day)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new NotFoundError('closure day');
        await recordAudit(trx, actor, {
          action: 'ip.closure.removed',
          entityType: 'ip_office_closure',
          entityId: `${office}:${day}`,
          siteId: null,
          before: row,
        });
        for (const l of listeners) await l(trx, actor, office);
      });
    },
  };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;

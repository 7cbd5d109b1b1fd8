import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import type { Importer } from '../../../platform/imports/importer.ts';
import type { hoursInput } from './contract.ts';

const PROGRAM = 'ohs' as const;

function rows(db: Db) {
  return db
    .selectFrom('ohs_hours as h')
    .innerJoin('sites as s', 's.id', 'h.site_id')
    .selectAll('h')
    .select('s.code as site_code');
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];
const toView = (r: Row) => ({
  id: r.id,
  siteId: r.site_id,
  siteCode: r.site_code,
  month: r.month.slice(0, 7),
  employeeHours: String(r.employee_hours),
  nonEmployeeHours: String(r.non_employee_hours),
  version: r.version,
});

/** Hours worked per site and month, employees and other workers apart: the denominators of every rate. */
export function createOhsHoursService(db: Db) {
  return {
    async list(actor: Actor, year: number, siteId?: string) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      let q = rows(db)
        .where((eb) => inScope(eb, 'h.site_id', scope))
        .where('h.month', '>=', `${year}-01-01`)
        .where('h.month', '<=', `${year}-12-01`);
      if (siteId) q = q.where('h.site_id', '=', siteId);
      return (await q.orderBy('s.code').orderBy('h.month').execute()).map(toView);
    },

    /** Records a site-month; entering it again updates it (with the version it was read at). */
    async put(actor: Actor, input: z.infer<typeof hoursInput>) {
      const site = await db
        .selectFrom('sites')
        .select('id')
        .where('id', '=', input.siteId)
        .executeTakeFirst();
      if (!site) throw new NotFoundError('site');
      access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const month = `${input.month}-01`;
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('ohs_hours')
          .selectAll()
          .where('site_id', '=', site.id)
          .where('month', '=', month)
          .executeTakeFirst();
        const values = {
          employee_hours: input.employeeHours,
          non_employee_hours: input.nonEmployeeHours ?? '0',
        };
        let id: string;
        if (existing) {
          const after = await updateVersioned(
            trx,
            'ohs_hours',
            existing.id,
            input.version ?? existing.version,
            values,
            actor.userId,
          );
          await recordAudit(trx, actor, {
            action: 'ohs.hours.updated',
            entityType: 'ohs_hours',
            entityId: existing.id,
            siteId: site.id,
            before: existing,
            after,
          });
          id = existing.id;
        } else {
          const row = await trx
            .insertInto('ohs_hours')
            .values({
              site_id: site.id,
              month,
              ...values,
              created_by: actor.userId,
              updated_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actor, {
            action: 'ohs.hours.recorded',
            entityType: 'ohs_hours',
            entityId: row.id,
            siteId: site.id,
            after: row,
          });
          id = row.id;
        }
        return toView((await rows(trx).where('h.id', '=', id).executeTakeFirst()) as Row);
      });
    },
  };
}

type HoursRow = { siteId: string; month: string; employeeHours: string; nonEmployeeHours: string };
type HoursContext = { sites: Map<string, string>; scope: ReturnType<typeof sitesWith> };

/** Hours worked from a spreadsheet: site code, month, employee hours, other workers' hours. */
export const ohsHoursImporter: Importer<HoursRow, HoursContext> = {
  kind: 'ohs_hours',
  title: 'Hours worked',
  permission: 'ohs.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區'] },
    { key: 'month', label: 'Month (YYYY-MM)', required: true, aliases: ['月份'] },
    { key: 'employee_hours', label: 'Employee hours', required: true, aliases: ['員工工時'] },
    {
      key: 'non_employee_hours',
      label: 'Other workers hours',
      required: false,
      aliases: ['contractor hours', '承攬商工時', '非員工工時'],
    },
  ],
  async prepare(db, actor) {
    return {
      sites: new Map(
        (await db.selectFrom('sites').select(['id', 'code']).execute()).map((s) => [
          s.code.toUpperCase(),
          s.id,
        ]),
      ),
      scope: sitesWith(actor, 'ohs.manage', PROGRAM),
    };
  },
  check(r, c) {
    const errors: { column: string; message: string }[] = [];
    const siteId = c.sites.get(r.site_code.toUpperCase());
    if (!siteId || !scopeHas(c.scope, siteId))
      errors.push({ column: 'site_code', message: `No site ${r.site_code} where you record hours` });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month)) errors.push({ column: 'month', message: 'Use YYYY-MM' });
    const amount = /^\d{1,12}(\.\d{1,2})?$/;
    if (!amount.test(r.employee_hours))
      errors.push({ column: 'employee_hours', message: 'Hours, at most two decimals' });
    if (r.non_employee_hours && !amount.test(r.non_employee_hours))
      errors.push({ column: 'non_employee_hours', message: 'Hours, at most two decimals' });
    if (errors.length || !siteId) return { errors };
    return {
      row: {
        siteId,
        month: `${r.month}-01`,
        employeeHours: r.employee_hours,
        nonEmployeeHours: r.non_employee_hours || '0',
      },
    };
  },
  /** A month already recorded is replaced by the file's figures. */
  async insert(trx, batch, _c, meta) {
    const result = await sql<{ inserted: boolean }>`
      insert into ohs_hours (site_id, month, employee_hours, non_employee_hours, created_by, updated_by)
      select s, m, e, n, ${meta.actorId}::uuid, ${meta.actorId}::uuid
      from unnest(${batch.map((b) => b.siteId)}::uuid[], ${batch.map((b) => b.month)}::date[], ${batch.map((b) => b.employeeHours)}::numeric[], ${batch.map((b) => b.nonEmployeeHours)}::numeric[]) as t(s, m, e, n)
      on conflict (site_id, month) do update set employee_hours = excluded.employee_hours, non_employee_hours = excluded.non_employee_hours,
        version = ohs_hours.version + 1, updated_at = now(), updated_by = excluded.updated_by
      returning (xmax = 0) as inserted`.execute(trx);
    return result.rows.filter((r) => r.inserted).length;
  },
};

import type { z } from 'zod';
import type { hoursInput } from '#shared/modules/ohs/hours/contract.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { Importer } from '../../../platform/imports/importer.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { ohsMessage } from '../messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;

type Org = Pick<OrgService, 'siteForWriting' | 'sitesByIds' | 'sitesWithSubsidiary'>;

/** The rows with their site codes (from the platform), by site code and month (the rows come by month). */
async function views(org: Org, rows: repo.HoursRow[], handle?: Db) {
  const sites = await org.sitesByIds(
    rows.map((r) => r.site_id),
    handle,
  );
  const code = (r: repo.HoursRow) => {
    const site = sites.get(r.site_id);
    // The site is a foreign key of the row: a missing one is a broken database, not an empty code.
    if (!site) throw new Error(`The site ${r.site_id} of hours ${r.id} is missing.`);
    return site.code;
  };
  return rows
    .map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r),
      month: r.month.slice(0, 7),
      employeeHours: String(r.employee_hours),
      nonEmployeeHours: String(r.non_employee_hours),
      version: r.version,
    }))
    .sort((a, b) => (a.siteCode < b.siteCode ? -1 : a.siteCode > b.siteCode ? 1 : 0));
}

/** Hours worked per site and month, employees and other workers apart: the denominators of every rate. */
export function createOhsHoursService(db: Db, org: Org) {
  return {
    async list(actor: Actor, year: number, siteId?: string) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      return views(org, await repo.hoursOfYear(db, scope, year, siteId));
    },

    /** Records a site-month; entering it again updates it (with the version it was read at). */
    async put(actor: Actor, input: z.infer<typeof hoursInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const month = `${input.month}-01`;
      return db.transaction().execute(async (trx) => {
        const existing = await repo.hoursOfSiteMonth(trx, site.id, month);
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
          const row = await repo.insertHours(trx, {
            site_id: site.id,
            month,
            ...values,
            created_by: actor.userId,
            updated_by: actor.userId,
          });
          await recordAudit(trx, actor, {
            action: 'ohs.hours.recorded',
            entityType: 'ohs_hours',
            entityId: row.id,
            siteId: site.id,
            after: row,
          });
          id = row.id;
        }
        return (await views(org, [await repo.hoursById(trx, id)], trx))[0];
      });
    },
  };
}

type HoursRow = { siteId: string; month: string; employeeHours: string; nonEmployeeHours: string };
type HoursContext = { sites: Map<string, string>; scope: ReturnType<typeof sitesWith> };

/** Hours worked from a spreadsheet: site code, month, employee hours, other workers' hours. */
export const createHoursImporter = (org: Org): Importer<HoursRow, HoursContext> => ({
  kind: 'ohs_hours',
  name: ohsMessage('ohs.importKind.hours'),
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
      sites: new Map((await org.sitesWithSubsidiary('all', db)).map((s) => [s.code.toUpperCase(), s.id])),
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
    return repo.upsertHours(trx, batch, meta.actorId);
  },
});

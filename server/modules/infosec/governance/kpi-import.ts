import { sql } from 'kysely';
import { type SiteScope, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import type { Importer, RowError } from '../../../platform/imports/importer.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { governanceMessage } from './messages.ts';

export const SITE_KPIS_IMPORT = 'infosec_site_kpis';

type SiteKpiRow = {
  siteId: string;
  month: string;
  trainingCompletion: string;
  drillParticipation: string;
  endpointProtection: string;
  fileLabelling: string;
};

type Context = {
  sites: Map<string, string>;
  scope: SiteScope;
  /** The first row of each site and month, to name a second one. */
  seen: Map<string, number>;
  actorId: string | null;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

const percentColumns = [
  ['training_completion', 'trainingCompletion'],
  ['drill_participation', 'drillParticipation'],
  ['endpoint_protection', 'endpointProtection'],
  ['file_labelling', 'fileLabelling'],
] as const;

/**
 * Each site's security KPIs of a month (training completion, drill participation, endpoint protection
 * coverage, confidential-file labelling, each a percentage), all or nothing. A site and month imported again
 * replaces its figures: a corrected month is sent again.
 */
export function createSiteKpisImporter(org: OrgService): Importer<SiteKpiRow, Context> {
  return {
    kind: SITE_KPIS_IMPORT,
    name: governanceMessage('infosec.importKind.siteKpis'),
    permission: 'infosec.manage',
    columns: [
      { key: 'site', label: 'Site', required: true, aliases: ['site code', '廠區'] },
      { key: 'month', label: 'Month', required: true, aliases: ['月份'] },
      {
        key: 'training_completion',
        label: 'Training completion %',
        required: true,
        aliases: ['training completion', '訓練完成率'],
      },
      {
        key: 'drill_participation',
        label: 'Drill participation %',
        required: true,
        aliases: ['drill participation', '演練參與率'],
      },
      {
        key: 'endpoint_protection',
        label: 'Endpoint protection coverage %',
        required: true,
        aliases: ['endpoint protection', 'endpoint protection coverage', '端點防護覆蓋率'],
      },
      {
        key: 'file_labelling',
        label: 'Confidential-file labelling %',
        required: true,
        aliases: ['confidential file labelling', 'file labelling', '機密文件標示率'],
      },
    ],
    async prepare(db, actor) {
      return {
        sites: new Map((await org.sitesWithSubsidiary('all', db)).map((s) => [s.code.toUpperCase(), s.id])),
        scope: sitesWith(actor, 'infosec.manage', 'infosec'),
        seen: new Map(),
        actorId: actor.userId,
      };
    },
    check(r, c, _actor, rowNumber) {
      const errors: RowError[] = [];
      const siteId = c.sites.get(r.site.trim().toUpperCase());
      if (!siteId || !scopeHas(c.scope, siteId))
        errors.push({ column: 'site', message: `No site ${r.site} whose security KPIs you report` });
      const month = r.month.trim();
      if (!MONTH.test(month)) errors.push({ column: 'month', message: 'A month such as 2025-03' });
      const values: Record<string, string> = {};
      for (const [column] of percentColumns) {
        const v = (r[column] ?? '').trim().replace(/%$/, '');
        if (!PERCENT.test(v) || Number(v) > 100)
          errors.push({ column, message: 'A percentage from 0 to 100, at most two decimals' });
        else values[column] = v;
      }
      if (siteId && MONTH.test(month)) {
        const key = `${siteId}|${month}`;
        const first = c.seen.get(key);
        if (first !== undefined && first !== rowNumber)
          errors.push({ column: 'month', message: `The same site and month as row ${first}` });
        else c.seen.set(key, rowNumber);
      }
      if (errors.length || !siteId) return { errors };
      return {
        row: {
          siteId,
          month: `${month}-01`,
          trainingCompletion: values.training_completion,
          drillParticipation: values.drill_participation,
          endpointProtection: values.endpoint_protection,
          fileLabelling: values.file_labelling,
        },
      };
    },
    async insert(trx, rows, c) {
      if (rows.length === 0) return 0;
      const written = await trx
        .insertInto('infosec_site_kpis')
        .values(
          rows.map((r) => ({
            site_id: r.siteId,
            month: r.month,
            training_completion: r.trainingCompletion,
            drill_participation: r.drillParticipation,
            endpoint_protection: r.endpointProtection,
            file_labelling: r.fileLabelling,
            imported_by: c.actorId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['site_id', 'month']).doUpdateSet({
            training_completion: (eb) => eb.ref('excluded.training_completion'),
            drill_participation: (eb) => eb.ref('excluded.drill_participation'),
            endpoint_protection: (eb) => eb.ref('excluded.endpoint_protection'),
            file_labelling: (eb) => eb.ref('excluded.file_labelling'),
            imported_at: sql`now()`,
            imported_by: (eb) => eb.ref('excluded.imported_by'),
          }),
        )
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      return written.filter((w) => w.inserted).length;
    },
  };
}

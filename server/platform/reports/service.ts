import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import type { OrgService } from '../org/service.ts';
import type { ReportDefinition, ReportLocale } from './definition.ts';
import { reportFileName } from './format.ts';
import { organisationOverview } from './organisation.ts';
import * as repo from './repo.ts';

export type ReportFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type RenderedReport = { fileName: string; contentType: string; body: Buffer };

/** Renders a definition in the asked format, with a dated file name. */
export async function render(
  def: ReportDefinition,
  slug: string,
  format: ReportFormat,
): Promise<RenderedReport> {
  // The renderers (ECharts, pdfkit, exceljs: some 100 MB resident) load with the first report, not at start.
  const body =
    format === 'pdf'
      ? await (await import('./pdf.ts')).renderPdf(def)
      : await (await import('./xlsx.ts')).renderXlsx(def);
  return {
    fileName: `${reportFileName(slug, def.generatedAt, def.timeZone)}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
  };
}

/** The reports the platform offers itself; each module's Board report is built the same way on the kit. */
export function createReportsService(db: Db, org: OrgService, now: () => Date = () => new Date()) {
  return {
    /** Sites by subsidiary and country with their active employees, in the reader's scope and language. */
    async organisationOverview(actor: Actor, format: ReportFormat, locale: ReportLocale = actor.locale) {
      const scope = access.listScope(actor, 'org.read');
      const generatedAt = now();
      const yearAgo = new Date(generatedAt);
      yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
      const yearAgoDay = yearAgo.toISOString().slice(0, 10);
      const [tree, hireYears, employedYearAgo] = await Promise.all([
        org.tree(actor),
        repo.activeEmployeesByHireYear(db, scope),
        repo.employedOn(db, scope, yearAgoDay),
      ]);
      const subsidiaryOfSite = new Map(tree.subsidiaries.flatMap((s) => s.sites.map((x) => [x.id, s.code])));
      const subsidiaries = tree.subsidiaries.filter((s) => s.sites.length > 0);
      const sites = subsidiaries.flatMap((s) => s.sites);
      // One time zone when every site shares it (a site's own report), else UTC.
      const zones = new Set(sites.map((s) => s.timeZone));
      const timeZone = zones.size === 1 ? [...zones][0] : 'UTC';
      const def = organisationOverview(
        {
          holding: tree.holding,
          wholeGroup: scope === 'all',
          subsidiaries,
          hireYears: hireYears.flatMap((h) => {
            const subsidiaryCode = subsidiaryOfSite.get(h.siteId);
            return subsidiaryCode ? [{ subsidiaryCode, year: h.year, count: h.count }] : [];
          }),
          employedYearAgo,
          yearAgo: yearAgoDay,
        },
        // The document names who asked for it, without their address.
        { locale, generatedAt, timeZone, author: actor.label.replace(/\s*<[^>]*>$/, '') },
      );
      return render(def, 'organisation-overview', format);
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

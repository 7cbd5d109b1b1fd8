import type { z } from 'zod';
import type * as c from '#shared/modules/academia/hire-match-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { type AcademiaDeps, num, PROGRAM, siteCodes } from './deps.ts';
import * as repo from './hire-match-repo.ts';
import { partnerRows } from './repo.ts';
import { percent } from './rules/conversion.ts';

type Report = z.infer<typeof c.conversionReport>;

const counts = (completed: number, hired: number) => ({
  completed,
  hired,
  ratePercent: completed === 0 ? null : percent(hired, completed),
});

/**
 * The intern-to-hire conversion by the year the internship ended, school, program and site, at the reader's
 * sites (rules/conversion.ts defines the rate). Anonymised interns still count: the report reads no name.
 */
export function createConversionReportService(deps: AcademiaDeps) {
  return {
    async report(actor: Actor, q: z.infer<typeof c.conversionQuery>): Promise<Report> {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const rows = await repo.conversionRows(deps.db, scope, q.fromYear, q.toYear);
      const partnerIds = [...new Set(rows.map((r) => r.partner_id))];
      const [code, partners] = await Promise.all([
        siteCodes(deps, rows),
        partnerIds.length
          ? partnerRows(deps.db).where('p.id', 'in', partnerIds).execute()
          : Promise.resolve([]),
      ]);
      const collator = new Intl.Collator('en');
      partners.sort((a, b) => collator.compare(a.name, b.name));
      // Rows sort by school in the order of its English name (the order the list of schools has).
      const rank = new Map(partners.map((p, i) => [p.id, i]));
      const byYear = new Map<number, { completed: number; hired: number }>();
      let completed = 0;
      let hired = 0;
      const out = rows.map((r) => {
        const year = num(r.year);
        const k = num(r.completed);
        const h = num(r.hired);
        completed += k;
        hired += h;
        const y = byYear.get(year) ?? { completed: 0, hired: 0 };
        y.completed += k;
        y.hired += h;
        byYear.set(year, y);
        return {
          year,
          siteId: r.site_id,
          siteCode: code(r.site_id),
          partnerId: r.partner_id,
          program: r.program,
          ...counts(k, h),
        };
      });
      out.sort(
        (a, b) =>
          a.year - b.year ||
          (rank.get(a.partnerId) ?? 0) - (rank.get(b.partnerId) ?? 0) ||
          collator.compare(a.program, b.program) ||
          collator.compare(a.siteCode, b.siteCode),
      );
      return {
        fromYear: q.fromYear,
        toYear: q.toYear,
        rows: out,
        partners: partners.map((p) => ({ id: p.id, name: p.name, nameZh: p.name_zh })),
        byYear: [...byYear.entries()]
          .sort(([a], [b]) => a - b)
          .map(([year, v]) => ({ year, ...counts(v.completed, v.hired) })),
        total: counts(completed, hired),
      };
    },
  };
}

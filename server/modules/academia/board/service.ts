import type { BoardSectionOutcome } from '#shared/platform/reports/board.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import { PROGRAM } from '../deps.ts';
import { academiaBoardReport } from './report.ts';
import type { AcademiaBoardContext } from './section.ts';
import { academiaBoardSections } from './sections/index.ts';

/**
 * The program's yearly report to the Board: its figures section by section, computed through the module's
 * services at the reader's sites, and its PDF and XLSX.
 */
export function createAcademiaBoardService(
  deps: Omit<AcademiaBoardContext, 'actor' | 'year' | 'locale'> & { now: () => Date },
) {
  async function sections(actor: Actor, year: number, locale: ReportLocale): Promise<BoardSectionOutcome[]> {
    access.listScope(actor, 'academia.read', PROGRAM);
    const ctx: AcademiaBoardContext = { ...deps, actor: { ...actor, locale }, year, locale };
    // One after the other: each reads a little, and a failing one fails the report rather than a figure.
    const out: BoardSectionOutcome[] = [];
    for (const section of academiaBoardSections) out.push(await section.build(ctx));
    return out;
  }

  return {
    async figures(actor: Actor, year: number, locale: ReportLocale = actor.locale) {
      return { year, sections: await sections(actor, year, locale) };
    },

    async report(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale = actor.locale) {
      const def = academiaBoardReport(
        { year, sections: await sections(actor, year, locale) },
        { locale, generatedAt: deps.now(), author: actor.label.replace(/\s*<[^>]*>$/, '') },
      );
      return render(def, `academia-board-report-${year}`, format);
    },
  };
}

export type AcademiaBoardService = ReturnType<typeof createAcademiaBoardService>;

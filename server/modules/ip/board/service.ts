import type { IpBoardFigures } from '#shared/modules/ip/board/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { boardReportDefinition, type Words } from '../../../platform/reports/board.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { IpBoardContext } from './section.ts';
import { ipBoardSections } from './sections/index.ts';

const PROGRAM = 'ip' as const;

const words: Words<{ title: (y: number) => string; subtitle: string }> = {
  en: { title: (y) => `Intellectual property ${y}`, subtitle: 'Yearly report to the Board of Directors' },
  'zh-TW': { title: (y) => `${y} 年智慧財產管理執行情形`, subtitle: '向董事會報告' },
};

/** The yearly intellectual property report to the Board: its figures, and its PDF and XLSX. */
export function createIpBoardService(
  deps: Omit<IpBoardContext, 'actor' | 'year' | 'locale' | 'timeZone' | 'asOf'> & { now: () => Date },
) {
  const { now, ...services } = deps;

  async function figures(actor: Actor, year: number, locale: ReportLocale): Promise<IpBoardFigures> {
    access.listScope(actor, 'ip.read', PROGRAM);
    const today = localDate(now(), GROUP_TIME_ZONE);
    const yearEnd = `${year}-12-31`;
    const ctx: IpBoardContext = {
      ...services,
      actor: { ...actor, locale },
      year,
      locale,
      timeZone: GROUP_TIME_ZONE,
      asOf: yearEnd < today ? yearEnd : today,
    };
    // One after the other: each reads a little, and a failing one fails the report rather than a figure.
    const sections = [];
    for (const section of ipBoardSections) sections.push(await section.build(ctx));
    return { year, asOf: ctx.asOf, sections };
  }

  return {
    figures: (actor: Actor, year: number, locale: ReportLocale = actor.locale) =>
      figures(actor, year, locale),

    async report(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale = actor.locale) {
      const { sections } = await figures(actor, year, locale);
      const w = words[locale];
      const def = boardReportDefinition(
        { title: w.title(year), subtitle: w.subtitle, sections },
        // The document names who asked for it, without their address.
        { locale, generatedAt: now(), author: actor.label.replace(/\s*<[^>]*>$/, '') },
      );
      return render(def, `ip-board-report-${year}`, format);
    },
  };
}

export type IpBoardService = ReturnType<typeof createIpBoardService>;

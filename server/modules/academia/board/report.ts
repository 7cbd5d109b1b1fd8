import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { BoardSectionOutcome } from '#shared/platform/reports/board.ts';
import { boardReportDefinition, type Words } from '../../../platform/reports/board.ts';
import type { ReportDefinition, ReportLocale } from '../../../platform/reports/definition.ts';

const words: Words<{ title: (y: number) => string; subtitle: string }> = {
  en: {
    title: (y) => `Industry–academia collaboration ${y}`,
    subtitle: 'Report to the Board of Directors',
  },
  'zh-TW': {
    title: (y) => `${y} 年產學合作執行情形`,
    subtitle: '向董事會報告',
  },
};

/** The program's yearly report to the Board as a report definition (PDF and XLSX by the kit). */
export function academiaBoardReport(
  d: { year: number; sections: BoardSectionOutcome[] },
  o: { locale: ReportLocale; generatedAt: Date; author?: string },
): ReportDefinition {
  const w = words[o.locale];
  return boardReportDefinition(
    { title: w.title(d.year), subtitle: w.subtitle, sections: d.sections },
    { ...o, timeZone: GROUP_TIME_ZONE },
  );
}

import type { BoardSectionOutcome } from '#shared/modules/infosec/board/contract.ts';
import { boardReportDefinition } from '../../../platform/reports/board.ts';
import type { ReportDefinition, ReportLocale } from '../../../platform/reports/definition.ts';
import type { Words } from './section.ts';

const words: Words<{ title: (y: number) => string; subtitle: string }> = {
  en: {
    title: (y) => `Information security ${y}`,
    subtitle: 'Status report to the Board of Directors',
  },
  'zh-TW': {
    title: (y) => `${y} 年資訊安全執行情形`,
    subtitle: '向董事會報告',
  },
};

/** The yearly information security report to the Board as a report definition (PDF and XLSX by the kit). */
export function infosecBoardReport(
  d: { year: number; sections: BoardSectionOutcome[] },
  o: { locale: ReportLocale; generatedAt: Date; author?: string },
): ReportDefinition {
  const w = words[o.locale];
  return boardReportDefinition({ title: w.title(d.year), subtitle: w.subtitle, sections: d.sections }, o);
}

import type { BoardContextBase, BoardSection, Words } from '../../../platform/reports/board.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import type { ContributionService } from '../contribution.ts';
import type { InternsService } from '../interns.ts';
import type { PlacementsService } from '../placements.ts';
import type { TeachingFiguresService } from '../teaching-figures.ts';
import type { YearFiguresService } from '../year-figures.ts';

/** What every section of the program's Board report may read: the reader, the year and the module's services. */
export type AcademiaBoardContext = BoardContextBase & {
  contribution: Pick<ContributionService, 'amounts' | 'interns'>;
  yearFigures: YearFiguresService;
  teaching: Pick<TeachingFiguresService, 'year'>;
  placements: Pick<PlacementsService, 'year'>;
  interns: Pick<InternsService, 'cohorts'>;
};

/** One section of the program's Board report, in a file of its own (./sections, listed in its index). */
export type AcademiaBoardSection = BoardSection<AcademiaBoardContext>;

/** Minor units (cents) as a figure's value in whole currency units with their cents. */
export const units = (minor: number) => minor / 100;

/** The report's currencies as their labels name them. */
export const currencyLabel = { USD: 'US$', TWD: 'NT$' } as const;

/** Why a sum in a currency cannot be given: a payment's day has no rate (a missing rate is never 0). */
export const missingRate: Words<(currency: string, on: string) => string> = {
  en: (currency, on) =>
    `Cannot be computed: no ${currency} exchange rate is kept on or before ${on}, and a sum leaving that amount out would be wrong.`,
  'zh-TW': (currency, on) => `無法計算：${on}（含）以前未登錄 ${currency} 匯率，略去該筆之總額將不正確。`,
};

/** A country code as its name in the report's language. */
export function countryName(code: string, locale: ReportLocale): string {
  if (code === 'OTHER') return locale === 'en' ? 'Other' : '其他';
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

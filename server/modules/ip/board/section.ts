import type { BoardSectionOutcome } from '#shared/platform/reports/board.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { CertificationsService } from '../../../platform/certifications/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import type { TrainingService } from '../../../platform/training/service.ts';
import type { InventionsService } from '../inventions/service.ts';
import type { KeepDropService } from '../keep-drop/service.ts';
import type { MattersService } from '../matters.ts';
import type { PortfolioService } from '../portfolio.ts';
import type { ReviewsService } from '../reviews/service.ts';
import type { RiskCasesService } from '../risk/service.ts';
import type { SecretsService } from '../secrets.ts';

/** What every section of the IP Board report may read: the reader, the year and the services behind it. */
export type IpBoardContext = {
  actor: Actor;
  year: number;
  locale: ReportLocale;
  /** The zone in which a year's days are read (the group's). */
  timeZone: string;
  /** The year's last day, or today while the year runs ('YYYY-MM-DD'). */
  asOf: string;
  portfolio: Pick<PortfolioService, 'counts'>;
  matters: Pick<MattersService, 'list'>;
  keepDrop: Pick<KeepDropService, 'decidedInYear'>;
  reviews: Pick<ReviewsService, 'verdictsInYear'>;
  riskCases: Pick<RiskCasesService, 'list'>;
  secrets: Pick<SecretsService, 'list'>;
  inventions: Pick<InventionsService, 'list' | 'get'>;
  training: Pick<TrainingService, 'yearlyFigures'>;
  certifications: Pick<CertificationsService, 'list'>;
};

/**
 * One section of the IP Board report, in a file of its own (./sections): its figures come from rows through
 * the module's services in the reader's scope, and what it cannot compute it says in words.
 */
export type IpBoardSection = {
  key: string;
  build(ctx: IpBoardContext): Promise<BoardSectionOutcome>;
};

/** Integer hundredths of a decimal amount written as text ('1234.5' → 123450), so sums stay exact. */
export function hundredths(amount: string): number {
  const [whole, frac = ''] = amount.trim().replace(/^-/, '').split('.');
  const value = Number(whole) * 100 + Number(`${frac}00`.slice(0, 2));
  return amount.trim().startsWith('-') ? -value : value;
}

export const inYear = (day: string | null | undefined, year: number) =>
  day != null && day.slice(0, 4) === String(year);

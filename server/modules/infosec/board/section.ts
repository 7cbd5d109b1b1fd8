import type { Actor } from '../../../platform/access/actor.ts';
import type { CertificationsService } from '../../../platform/certifications/service.ts';
import type { MeetingsService } from '../../../platform/meetings/service.ts';
import type { BoardSection as PlatformBoardSection } from '../../../platform/reports/board.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import type { TrainingService } from '../../../platform/training/service.ts';
import type { CsfRollups } from '../csf/rollups.ts';
import type { DrillsService } from '../drills/service.ts';
import type { GoalsService } from '../governance/goals.ts';
import type { MaterialDecisionsService } from '../material/service.ts';
import type { SupplierAssessmentsService } from '../suppliers/assessments.ts';
import type { SuppliersService } from '../suppliers/service.ts';

/** What every section of the Board report may read: the reader, the year and the services behind the figures. */
export type BoardContext = {
  actor: Actor;
  year: number;
  locale: ReportLocale;
  /** The zone in which a year's days are read (the group's). */
  timeZone: string;
  /** Today in that zone, 'YYYY-MM-DD' (a year still running is read to today). */
  today: string;
  material: MaterialDecisionsService;
  drills: DrillsService;
  csf: Pick<CsfRollups, 'heatMap'>;
  training: TrainingService;
  meetings: MeetingsService;
  certifications: CertificationsService;
  suppliers: Pick<SuppliersService, 'list'>;
  supplierAssessments: Pick<SupplierAssessmentsService, 'figures'>;
  goals: Pick<GoalsService, 'count'>;
  /** Standards of the program's certificates, in the order the report lists them. */
  standards: readonly string[];
};

/** One section of the information security Board report, in a file of its own (./sections, listed in its index). */
export type BoardSection = PlatformBoardSection<BoardContext>;

export { figure, missing, type Words, withheld } from '../../../platform/reports/board.ts';

import type { BoardSectionOutcome } from '#shared/modules/infosec/board/contract.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { CertificationsService } from '../../../platform/certifications/service.ts';
import type { MeetingsService } from '../../../platform/meetings/service.ts';
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

/**
 * One section of the Board report, in a file of its own (./sections): it computes its figures from rows
 * through the services, in the reader's scope, and says in words what it cannot compute. Adding a section
 * is adding its file and its line in ./sections/index.ts.
 */
export type BoardSection = {
  key: string;
  build(ctx: BoardContext): Promise<BoardSectionOutcome>;
};

export { figure, missing, type Words, withheld } from '../../../platform/reports/board.ts';

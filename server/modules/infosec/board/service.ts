import type { BoardSectionOutcome } from '#shared/modules/infosec/board/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { CertificationsService } from '../../../platform/certifications/service.ts';
import { ForbiddenError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import type { MeetingsService } from '../../../platform/meetings/service.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { TrainingService } from '../../../platform/training/service.ts';
import type { CsfRollups } from '../csf/rollups.ts';
import type { DrillsService } from '../drills/service.ts';
import { materialMessage } from '../material/messages.ts';
import type { MaterialDecisionsService } from '../material/service.ts';
import { infosecBoardReport } from './report.ts';
import type { BoardContext } from './section.ts';
import { boardSections } from './sections/index.ts';

const PROGRAM = 'infosec' as const;
export const BOARD_SOURCE = 'infosec_board_presentation';
/** The yearly status report to the Board, due in the last quarter of each year. */
export const BOARD_REPORT_KIND = 'infosec.board_report';

registerObligationKind({
  kind: BOARD_REPORT_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'board_report'),
  // Reminders from the first days of the last quarter.
  schedule: { daysBefore: [90, 30, 7], overdueEveryDays: 7 },
});

/** The program's certificates, in the order the report lists them. */
const STANDARDS = ['ISO 27001', 'ISO 22301', 'IEC 62443-2-1', 'ISO 15408', 'ISO/SAE 21434', 'GSMA SAS-UP'];

/** The yearly information security report to the Board: its figures, its PDF and XLSX, and when it was given. */
export function createBoardService(deps: {
  db: Db;
  material: MaterialDecisionsService;
  drills: DrillsService;
  csf: Pick<CsfRollups, 'heatMap'>;
  training: TrainingService;
  meetings: MeetingsService;
  certifications: CertificationsService;
  suppliers: BoardContext['suppliers'];
  supplierAssessments: BoardContext['supplierAssessments'];
  goals: BoardContext['goals'];
  obligations: ObligationsService;
  now: () => Date;
}) {
  const { db, obligations, now } = deps;

  async function sections(actor: Actor, year: number, locale: ReportLocale): Promise<BoardSectionOutcome[]> {
    access.listScope(actor, 'infosec.read', PROGRAM);
    const ctx: BoardContext = {
      ...deps,
      actor: { ...actor, locale },
      year,
      locale,
      timeZone: GROUP_TIME_ZONE,
      today: localDate(now(), GROUP_TIME_ZONE),
      standards: STANDARDS,
    };
    // One after the other: each reads a little, and a failing one fails the report rather than a figure.
    const out: BoardSectionOutcome[] = [];
    for (const section of boardSections) out.push(await section.build(ctx));
    return out;
  }

  const mayRecord = (actor: Actor) => sitesWith(actor, 'infosec.manage', PROGRAM) === 'all';

  return {
    async figures(actor: Actor, year: number, locale: ReportLocale = actor.locale) {
      const [outcomes, presented] = await Promise.all([
        sections(actor, year, locale),
        db
          .selectFrom('infosec_board_presentations')
          .select('presented_on')
          .where('year', '=', year)
          .executeTakeFirst(),
      ]);
      return {
        year,
        sections: outcomes,
        presentedOn: presented?.presented_on ?? null,
        mayRecordPresentation: mayRecord(actor),
      };
    },

    async report(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale = actor.locale) {
      const def = infosecBoardReport(
        { year, sections: await sections(actor, year, locale) },
        { locale, generatedAt: now(), author: actor.label.replace(/\s*<[^>]*>$/, '') },
      );
      return render(def, `infosec-board-report-${year}`, format);
    },

    /**
     * The day the year's report was given to the Board (by the program owner, group-wide): the year's
     * obligation is done and next year's opens, due on its last day.
     */
    async recordPresentation(actor: Actor, year: number, presentedOn: string) {
      if (!mayRecord(actor)) throw new ForbiddenError('infosec.manage');
      if (Number(presentedOn.slice(0, 4)) !== year && Number(presentedOn.slice(0, 4)) !== year + 1)
        throw new ValidationError('The report is presented in its year or early the next.', [
          { path: 'presentedOn', message: 'Not in the year or the next' },
        ]);
      if (presentedOn > localDate(now(), GROUP_TIME_ZONE))
        throw new ValidationError('That day is in the future.', [
          { path: 'presentedOn', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('infosec_board_presentations')
          .selectAll()
          .where('year', '=', year)
          .executeTakeFirst();
        const row = await trx
          .insertInto('infosec_board_presentations')
          .values({ year, presented_on: presentedOn, created_by: actor.userId })
          .onConflict((oc) => oc.column('year').doUpdateSet({ presented_on: presentedOn }))
          .returningAll()
          .executeTakeFirstOrThrow();
        const previous = await trx
          .selectFrom('infosec_board_presentations')
          .select('id')
          .where('year', '=', year - 1)
          .executeTakeFirst();
        if (previous)
          await obligations.closeForSource(trx, actor, BOARD_REPORT_KIND, BOARD_SOURCE, previous.id, 'done');
        await obligations.upsertForSource(trx, actor, {
          kind: BOARD_REPORT_KIND,
          sourceType: BOARD_SOURCE,
          sourceId: row.id,
          siteId: null,
          program: PROGRAM,
          ownerId: null,
          title: materialMessage('infosec.board.obligation', { year: String(year + 1) }),
          dueDate: `${year + 1}-12-31`,
        });
        await recordAudit(trx, actor, {
          action: 'infosec.board_report.presented',
          entityType: BOARD_SOURCE,
          entityId: row.id,
          siteId: null,
          before: before ?? undefined,
          after: row,
        });
        return { year, presentedOn: row.presented_on };
      });
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;

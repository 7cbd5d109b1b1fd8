import { z } from 'zod';
import { isoDate } from '../../../platform/http/list.ts';
import { boardSection } from '../../../platform/reports/board.ts';

/** The zod contracts of the yearly information security report to the Board. */

export {
  type BoardFigure,
  type BoardSectionOutcome,
  boardFigure,
  boardSection,
  boardYearQuery,
} from '../../../platform/reports/board.ts';

export const boardFigures = z.object({
  year: z.number().int(),
  sections: z.array(boardSection),
  /** The day the year's report was presented to the Board, when recorded. */
  presentedOn: z.string().nullable(),
  mayRecordPresentation: z.boolean(),
});

export const boardPresentationInput = z
  .object({
    year: z.number().int().min(1990).max(2100),
    presentedOn: isoDate,
  })
  .strict();

import { z } from 'zod';
import { boardSection } from '../../../platform/reports/board.ts';

/** The zod contracts of the intellectual property program's yearly report to the Board. */

export { boardYearQuery as ipBoardYearQuery } from '../../../platform/reports/board.ts';

export const ipBoardFigures = z.object({
  year: z.number().int(),
  /** The day the portfolio is counted on: the year's last day, or today while the year runs. */
  asOf: z.string(),
  sections: z.array(boardSection),
});
export type IpBoardFigures = z.infer<typeof ipBoardFigures>;

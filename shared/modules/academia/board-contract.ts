import { z } from 'zod';
import { boardSection } from '../../platform/reports/board.ts';

/** The zod contract of the program's yearly report to the Board (its year query is the platform's). */
export { boardYearQuery } from '../../platform/reports/board.ts';

export const academiaBoardFigures = z.object({
  year: z.number().int(),
  sections: z.array(boardSection),
});

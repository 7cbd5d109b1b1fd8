import { IconPresentation } from '@tabler/icons-react';
import type { ModuleReport } from '../../../platform/modules/manifest.ts';

/** The program's yearly Board report, as the reports page offers it. */
export const academiaBoardReport: ModuleReport = {
  key: 'academiaBoard',
  icon: IconPresentation,
  permission: 'academia.read',
  byYear: true,
  titleKey: 'academia:board.reportTitle',
  descriptionKey: 'academia:board.reportDescription',
  url: (format) => `/api/academia/board/report.${format}`,
};

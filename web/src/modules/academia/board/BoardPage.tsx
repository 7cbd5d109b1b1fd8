import { academiaBoardFigures } from '#shared/modules/academia/board-contract.ts';
import { BoardReportPage } from '../../../platform/reports/BoardReportPage.tsx';
import { useAcademiaT } from '../i18n/index.ts';

/** The program's yearly Board report: its figures section by section, and the PDF and XLSX to download. */
export function BoardPage() {
  const t = useAcademiaT();
  return (
    <BoardReportPage
      endpoint="/api/academia/board"
      figuresSchema={academiaBoardFigures}
      firstYear={2012}
      t={t}
    />
  );
}

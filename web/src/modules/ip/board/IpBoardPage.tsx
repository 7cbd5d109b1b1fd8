import { Text } from '@mantine/core';
import { ipBoardFigures } from '#shared/modules/ip/board/contract.ts';
import { BoardReportPage } from '../../../platform/reports/BoardReportPage.tsx';
import { useIpT } from '../i18n/index.ts';

/** The year's IP report to the Board: its figures section by section, and the PDF and XLSX. */
export function IpBoardPage() {
  const t = useIpT();
  return (
    <BoardReportPage
      endpoint="/api/ip/board"
      figuresSchema={ipBoardFigures}
      firstYear={2019}
      t={t}
      aboveSections={(figures) => (
        <Text size="sm" c="dimmed">
          {t('board.asOf', { day: figures.asOf })}
        </Text>
      )}
    />
  );
}

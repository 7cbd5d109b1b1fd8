import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { academiaBoardFigures } from '#shared/modules/academia/board-contract.ts';
import { api, buildUrl } from '../../../platform/api/client.ts';
import { BoardSectionCard } from '../../../platform/reports/BoardSectionCard.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useAcademiaT } from '../i18n/index.ts';

const BOARD = '/api/academia/board';

/** The program's yearly Board report: its figures section by section, and the PDF and XLSX to download. */
export function BoardPage() {
  const t = useAcademiaT();
  const { i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [locale, setLocale] = useState(i18n.language === 'zh-TW' ? 'zh-TW' : 'en');
  const figures = useQuery({
    queryKey: [BOARD, year, locale],
    queryFn: () => api.get(`${BOARD}/figures`, academiaBoardFigures, { year: Number(year), locale }),
  });
  const query = { year, locale };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('board.title')}
        description={t('board.description')}
        crumbs={[{ label: t('nav.section') }, { label: t('board.title') }]}
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('board.year')}
          data={Array.from({ length: thisYear - 2011 }, (_, i) => String(thisYear - i))}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={110}
        />
        <Select
          label={t('board.language')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'zh-TW', label: '繁體中文' },
          ]}
          value={locale}
          onChange={(v) => v && setLocale(v)}
          allowDeselect={false}
          w={140}
        />
        <Button
          component="a"
          href={buildUrl(`${BOARD}/report.pdf`, query)}
          download
          leftSection={<IconFileTypePdf size={16} />}
          aria-label={t('board.download', { year, format: 'PDF' })}
        >
          {t('board.pdf')}
        </Button>
        <Button
          component="a"
          href={buildUrl(`${BOARD}/report.xlsx`, query)}
          download
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          aria-label={t('board.download', { year, format: 'XLSX' })}
        >
          {t('board.xlsx')}
        </Button>
      </Group>
      {figures.error ? <ProblemAlert error={figures.error} /> : null}
      {figures.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {figures.data.sections.map((s) => (
            <BoardSectionCard key={s.key} section={s} locale={locale} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

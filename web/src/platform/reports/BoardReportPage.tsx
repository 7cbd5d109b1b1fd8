import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BoardSectionOutcome } from '#shared/platform/reports/board.ts';
import { api, buildUrl } from '../api/client.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { BoardSectionCard } from './BoardSectionCard.tsx';

/**
 * The program's translator: its catalogue holds the page's words under these keys (`board.download` with
 * `{{year}}` and `{{format}}`), and its name under `nav.section`.
 */
export type BoardReportT = (
  key: 'nav.section' | `board.${'title' | 'description' | 'year' | 'language' | 'pdf' | 'xlsx' | 'download'}`,
  options?: Record<string, unknown>,
) => string;

type BoardFigures = { sections: BoardSectionOutcome[] };

/**
 * A program's yearly Board report on its page: the year and the report's language to pick, the PDF and XLSX to
 * download, and the figures section by section. What only one program shows (the day it was presented, the
 * day its figures are counted on) comes in `aboveSections`, between the pickers and the sections.
 */
export function BoardReportPage<Figures extends BoardFigures>({
  endpoint,
  figuresSchema,
  firstYear,
  t,
  aboveSections,
}: {
  /** The report's API folder: `${endpoint}/figures`, `${endpoint}/report.pdf`, `${endpoint}/report.xlsx`. */
  endpoint: string;
  figuresSchema: z.ZodType<Figures>;
  /** The earliest year offered; the latest is this year, and last year is picked first. */
  firstYear: number;
  t: BoardReportT;
  aboveSections?: (figures: Figures, year: number) => ReactNode;
}) {
  const { i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [locale, setLocale] = useState(i18n.language === 'zh-TW' ? 'zh-TW' : 'en');
  const figures = useQuery({
    queryKey: [endpoint, year, locale],
    queryFn: () => api.get(`${endpoint}/figures`, figuresSchema, { year: Number(year), locale }),
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
          data={Array.from({ length: thisYear - firstYear + 1 }, (_, i) => String(thisYear - i))}
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
          href={buildUrl(`${endpoint}/report.pdf`, query)}
          download
          leftSection={<IconFileTypePdf size={16} />}
          aria-label={t('board.download', { year, format: 'PDF' })}
        >
          {t('board.pdf')}
        </Button>
        <Button
          component="a"
          href={buildUrl(`${endpoint}/report.xlsx`, query)}
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
        <>
          {aboveSections?.(figures.data, Number(year))}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {figures.data.sections.map((s) => (
              <BoardSectionCard key={s.key} section={s} locale={locale} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

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

/** The words of a program's Board report page, in the reader's language, from the program's catalogue. */
export type BoardReportTexts = {
  title: string;
  description: string;
  /** The program's name in the breadcrumbs. */
  section: string;
  year: string;
  language: string;
  pdf: string;
  xlsx: string;
  /** The accessible name of a download link. */
  download: (year: string, format: 'PDF' | 'XLSX') => string;
};

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
  texts,
  aboveSections,
}: {
  /** The report's API folder: `${endpoint}/figures`, `${endpoint}/report.pdf`, `${endpoint}/report.xlsx`. */
  endpoint: string;
  figuresSchema: z.ZodType<Figures>;
  /** The earliest year offered; the latest is this year, and last year is picked first. */
  firstYear: number;
  texts: BoardReportTexts;
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
        title={texts.title}
        description={texts.description}
        crumbs={[{ label: texts.section }, { label: texts.title }]}
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={texts.year}
          data={Array.from({ length: thisYear - firstYear + 1 }, (_, i) => String(thisYear - i))}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={110}
        />
        <Select
          label={texts.language}
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
          aria-label={texts.download(year, 'PDF')}
        >
          {texts.pdf}
        </Button>
        <Button
          component="a"
          href={buildUrl(`${endpoint}/report.xlsx`, query)}
          download
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          aria-label={texts.download(year, 'XLSX')}
        >
          {texts.xlsx}
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

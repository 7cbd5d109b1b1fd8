import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardFigures } from '#shared/modules/infosec/board/contract.ts';
import { api, buildUrl } from '../../../platform/api/client.ts';
import { BoardSectionCard } from '../../../platform/reports/BoardSectionCard.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecT } from '../i18n/index.ts';

const BOARD = '/api/infosec/board';

/** The year's Board report: its figures section by section, the PDF and XLSX, and the day it was presented. */
export function BoardPage() {
  const t = useInfosecT();
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [locale, setLocale] = useState(i18n.language === 'zh-TW' ? 'zh-TW' : 'en');
  const [recording, setRecording] = useState(false);
  const [day, setDay] = useState('');
  const figures = useQuery({
    queryKey: [BOARD, year, locale],
    queryFn: () => api.get(`${BOARD}/figures`, boardFigures, { year: Number(year), locale }),
  });
  const record = useMutation({
    mutationFn: () => api.put(`${BOARD}/presentation`, { year: Number(year), presentedOn: day }),
    onSuccess: async () => {
      notifications.show({ message: t('board.presentationSaved'), color: 'teal' });
      setRecording(false);
      await queryClient.invalidateQueries({ queryKey: [BOARD] });
    },
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
          data={Array.from({ length: thisYear - 2018 }, (_, i) => String(thisYear - i))}
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
        <>
          <Alert color={figures.data.presentedOn ? 'teal' : 'gray'} variant="light">
            <Group justify="space-between">
              <Text size="sm">
                {figures.data.presentedOn
                  ? t('board.presentedOn', { day: figures.data.presentedOn })
                  : t('board.notPresented')}
              </Text>
              {figures.data.mayRecordPresentation && (
                <Button size="xs" variant="default" onClick={() => setRecording(true)}>
                  {t('board.recordPresentation')}
                </Button>
              )}
            </Group>
          </Alert>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {figures.data.sections.map((s) => (
              <BoardSectionCard key={s.key} section={s} locale={locale} />
            ))}
          </SimpleGrid>
        </>
      )}
      <FormModal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('board.recordPresentation')}
        onSubmit={(e) => {
          e?.preventDefault();
          record.mutate();
        }}
        busy={record.isPending}
        error={record.error}
      >
        <TextInput
          data-autofocus
          type="date"
          label={t('board.presentationDay')}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          required
        />
      </FormModal>
    </Stack>
  );
}

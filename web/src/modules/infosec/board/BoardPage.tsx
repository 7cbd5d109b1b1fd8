import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { boardFigures } from '#shared/modules/infosec/board/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { BoardReportPage } from '../../../platform/reports/BoardReportPage.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useInfosecT } from '../i18n/index.ts';

const BOARD = '/api/infosec/board';

/** Whether the year's report was presented to the Board, and the program owner's way to record the day. */
function Presentation({ figures, year }: { figures: z.infer<typeof boardFigures>; year: number }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [day, setDay] = useState('');
  const record = useMutation({
    mutationFn: () => api.put(`${BOARD}/presentation`, { year, presentedOn: day }),
    onSuccess: async () => {
      notifications.show({ message: t('board.presentationSaved'), color: 'teal' });
      setRecording(false);
      await queryClient.invalidateQueries({ queryKey: [BOARD] });
    },
  });
  return (
    <>
      <Alert color={figures.presentedOn ? 'teal' : 'gray'} variant="light">
        <Group justify="space-between">
          <Text size="sm">
            {figures.presentedOn
              ? t('board.presentedOn', { day: figures.presentedOn })
              : t('board.notPresented')}
          </Text>
          {figures.mayRecordPresentation && (
            <Button size="xs" variant="default" onClick={() => setRecording(true)}>
              {t('board.recordPresentation')}
            </Button>
          )}
        </Group>
      </Alert>
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
    </>
  );
}

/** The year's Board report: its figures section by section, the PDF and XLSX, and the day it was presented. */
export function BoardPage() {
  const t = useInfosecT();
  return (
    <BoardReportPage
      endpoint={BOARD}
      figuresSchema={boardFigures}
      firstYear={2019}
      t={t}
      aboveSections={(figures, year) => <Presentation figures={figures} year={year} />}
    />
  );
}

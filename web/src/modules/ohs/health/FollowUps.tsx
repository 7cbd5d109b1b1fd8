import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { z } from 'zod';
import { screeningView } from '#shared/modules/ohs/health/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

export type Screening = z.infer<typeof screeningView>;

export function FollowUps({ screening }: { screening: Screening }) {
  const t = useOhsT();
  const [consultedOn, setConsultedOn] = useState<string | null>(localDay());
  const [notes, setNotes] = useState('');
  const save = useWrite(
    (f: Screening['followups'][number]) =>
      api.post(
        `/api/ohs/health/followups/${f.id}`,
        { consultedOn, notes: notes.trim(), version: f.version },
        screeningView,
      ),
    { invalidate: [ohsKeys.health], success: t('health.followUpDone') },
  );
  return (
    <Stack gap="xs">
      {screening.findings && (
        <Text size="sm">
          <b>{t('health.findings')}:</b> {screening.findings}
        </Text>
      )}
      {screening.recommendation && (
        <Text size="sm">
          <b>{t('health.recommendation')}:</b> {screening.recommendation}
        </Text>
      )}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {screening.followups.map((f) => (
        <Paper key={f.id} withBorder p="xs" radius="sm">
          <Group justify="space-between">
            <Text size="sm">
              {t('health.followUps')} · {t('common.due')} {f.dueDate}
            </Text>
            {f.consultedOn ? (
              <Badge color="teal">
                {t('health.consultedOn')} {f.consultedOn}
              </Badge>
            ) : (
              <Badge color="orange">{t('health.pending')}</Badge>
            )}
          </Group>
          {f.notes && <Text size="xs">{f.notes}</Text>}
          {!f.consultedOn && (
            <Group align="flex-end" gap="xs" mt="xs">
              <DateInput
                label={t('health.consultedOn')}
                valueFormat="YYYY-MM-DD"
                value={consultedOn}
                onChange={setConsultedOn}
                w={160}
                size="xs"
              />
              <TextInput
                label={t('common.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                style={{ flex: 1 }}
                size="xs"
              />
              <Button size="xs" onClick={() => save.mutate(f)} loading={save.isPending}>
                {t('health.recordFollowUp')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

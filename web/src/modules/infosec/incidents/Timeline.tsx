import {
  Button,
  Group,
  Timeline as MantineTimeline,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type IncidentView, incidentView } from '#shared/modules/infosec/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { infosecKeys } from '../api.ts';
import { useInfosecT } from '../i18n/index.ts';

/** What happened, in order: reports, classifications (with the reason of a level change), events and notes. */
export function IncidentTimeline({ incident }: { incident: IncidentView }) {
  const t = useInfosecT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post(`/api/infosec/incidents/${incident.id}/timeline`, { text }, incidentView),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t('detail.timeline')}
      </Title>
      {incident.timeline.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      ) : (
        <MantineTimeline bulletSize={14} lineWidth={2} data-testid="timeline">
          {incident.timeline.map((e) => {
            const data = (e.data ?? {}) as { from?: number | null; to?: number };
            return (
              <MantineTimeline.Item
                key={e.id}
                title={t(`timeline.${e.kind}` as never, { from: data.from ?? '—', to: data.to ?? '—' })}
              >
                {e.text && <Text size="sm">{e.text}</Text>}
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(e.at)}
                  {e.byName ? ` · ${e.byName}` : ''}
                </Text>
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
      {incident.canManage && (
        <Stack gap="xs" mt="md">
          {add.error ? <ProblemAlert error={add.error} /> : null}
          <Textarea
            aria-label={t('detail.note')}
            placeholder={t('detail.note')}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button size="xs" disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate()}>
              {t('detail.addNote')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { IncidentView } from '#shared/modules/infosec/contract.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { formatDuration, useNow } from './badges.tsx';

/** The incident's four clocks, each with its start event and a live countdown (red once late). */
export function ClocksCard({ incident }: { incident: IncidentView }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const now = useNow(1000);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t('detail.clocks')}
      </Title>
      {incident.level === null && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('detail.notClassified')}
        </Text>
      )}
      <Stack gap="sm">
        {incident.clocks.map((c) => {
          const left = c.dueAt ? new Date(c.dueAt).getTime() - now : 0;
          const event = label('startEvents', c.startEvent);
          let badge: { color: string; text: string };
          if (c.state === 'waiting') badge = { color: 'gray', text: t('clocks.waiting', { event }) };
          else if (c.state === 'met') badge = { color: 'teal', text: t('clocks.met') };
          else if (c.state === 'missed') badge = { color: 'red', text: t('clocks.missed') };
          else if (left < 0 || c.state === 'overdue')
            badge = { color: 'red', text: t('clocks.late', { time: formatDuration(left) }) };
          else
            badge = {
              color: left < 3_600_000 ? 'orange' : 'blue',
              text: t('clocks.left', { time: formatDuration(left) }),
            };
          return (
            <Group key={c.clock} justify="space-between" wrap="nowrap" data-testid={`clock-${c.clock}`}>
              <div>
                <Text size="sm" fw={500}>
                  {label('clocks', c.clock)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('clocks.startEvent', { event })}
                  {c.dueAt ? ` · ${t('clocks.due', { at: fmt.dateTime(c.dueAt) })}` : ''}
                </Text>
              </div>
              <Badge
                color={badge.color}
                variant={badge.color === 'red' ? 'filled' : 'light'}
                data-state={c.state}
              >
                {badge.text}
              </Badge>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

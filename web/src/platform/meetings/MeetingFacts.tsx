import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MeetingView } from '#shared/platform/meetings/contract.ts';
import { useFormat } from '../ui/labels.ts';
import { MeetingStatusBadge } from './parts.tsx';
import { useMeetingsT } from './texts.ts';

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** A meeting's status, when and where it takes place, when its minutes are due, and who approved them. */
export function MeetingFacts({
  meeting: m,
  run,
  started,
}: {
  meeting: MeetingView;
  /** The user runs this committee's meetings: the page tells them what comes next. */
  run: boolean;
  started: boolean;
}) {
  const t = useMeetingsT();
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <MeetingStatusBadge status={m.status} />
        {m.status === 'planned' && !started && run && (
          <Text size="xs" c="dimmed">
            {t('meeting.notStarted')}
          </Text>
        )}
        {m.status === 'held' && run && (
          <Text size="xs" c="dimmed">
            {t('meeting.approveNeeds')}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <Field name={t('meeting.when')}>
          {`${m.localStart} (${m.timeZone})${m.durationMinutes ? ` · ${t('agenda.minutesShort', { count: m.durationMinutes })}` : ''}`}
        </Field>
        <Field name={t('meeting.where')}>
          <Stack gap={2}>
            {m.location && <span>{m.location}</span>}
            {m.onlineUrl && (
              <Anchor href={m.onlineUrl} target="_blank" rel="noreferrer" size="sm">
                {t('meeting.online')}
              </Anchor>
            )}
          </Stack>
        </Field>
        <Field name={t('meeting.minutesDue')}>{m.minutesDueDate}</Field>
        {m.heldAt && <Field name={t('meeting.heldAt')}>{fmt.dateTime(m.heldAt)}</Field>}
      </SimpleGrid>
      {m.minutesApprovedAt && (
        <Text size="sm" mt="sm" c="teal">
          {t('meeting.approvedBy', {
            name: m.minutesApprovedByName ?? '',
            date: fmt.dateTime(m.minutesApprovedAt),
          })}
        </Text>
      )}
      {m.cancelledReason && (
        <Alert color="gray" mt="sm">
          {t('meeting.cancelled', { reason: m.cancelledReason })}
        </Alert>
      )}
    </Paper>
  );
}

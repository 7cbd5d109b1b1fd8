import { Button, Stack, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import type { MeetingView } from '#shared/platform/meetings/contract.ts';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetingsT } from './texts.ts';

/** The agenda, item by item, with its presenters and durations; `onEdit` offers to change it. */
export function AgendaCard({ meeting, onEdit }: { meeting: MeetingView; onEdit: (() => void) | null }) {
  const t = useMeetingsT();
  return (
    <MeetingCard
      title={t('agenda.title')}
      testId="meeting-agenda"
      actions={
        onEdit ? (
          <Button size="xs" variant="light" leftSection={<IconEdit size={14} />} onClick={onEdit}>
            {t('agenda.edit')}
          </Button>
        ) : null
      }
    >
      {meeting.agenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agenda.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ paddingInlineStart: 20, margin: 0 }}>
          {meeting.agenda.map((a) => (
            <li key={a.id}>
              <Text size="sm" fw={500}>
                {a.title}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  a.presenterName,
                  a.durationMinutes ? t('agenda.minutesShort', { count: a.durationMinutes }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {a.notes && <Text size="xs">{a.notes}</Text>}
            </li>
          ))}
        </Stack>
      )}
    </MeetingCard>
  );
}

import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type MeetingView, meetingView } from '#shared/platform/meetings/contract.ts';
import { api } from '../api/client.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetingWrite } from './meeting-write.ts';
import { useMeetingsT } from './texts.ts';

/** The minutes: written while the meeting is held, read once approved. */
export function MinutesCard({ meeting, editable }: { meeting: MeetingView; editable: boolean }) {
  const t = useMeetingsT();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [base, setBase] = useState(meeting.version);
  if (base !== meeting.version) {
    setBase(meeting.version);
    setText(meeting.minutes ?? '');
  }
  const save = useMeetingWrite(
    meeting.id,
    () =>
      api.patch(
        `/api/meetings/${meeting.id}`,
        { version: meeting.version, minutes: text.trim() || null },
        meetingView,
      ),
    t('minutes.saved'),
  );
  return (
    <MeetingCard title={t('minutes.title')} testId="meeting-minutes">
      {editable ? (
        <Stack gap="sm">
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Textarea
            aria-label={t('minutes.title')}
            placeholder={t('minutes.placeholder')}
            autosize
            minRows={6}
            maxRows={24}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button
              onClick={() => save.mutate(undefined)}
              loading={save.isPending}
              disabled={text === (meeting.minutes ?? '')}
            >
              {t('minutes.save')}
            </Button>
          </Group>
        </Stack>
      ) : meeting.minutes ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {meeting.minutes}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {meeting.status === 'planned' ? t('minutes.onlyHeld') : t('minutes.empty')}
        </Text>
      )}
    </MeetingCard>
  );
}

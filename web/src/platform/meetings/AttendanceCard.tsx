import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { type MeetingView, meetingView } from '#shared/platform/meetings/contract.ts';
import { attendanceStatuses } from '#shared/platform/meetings/rules/quorum.ts';
import { putJson, useCsrfToken } from '../services/http.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetingWrite } from './meeting-write.ts';
import { useMeetingsLabel, useMeetingsT } from './texts.ts';

/** The roster with each member's attendance, and the quorum as it stands (or will stand with the draft). */
export function AttendanceCard({
  meeting,
  editable,
  chairRequired,
}: {
  meeting: MeetingView;
  editable: boolean;
  chairRequired: boolean;
}) {
  const t = useMeetingsT();
  const label = useMeetingsLabel();
  const csrf = useCsrfToken();
  const initial = () =>
    Object.fromEntries(meeting.attendance.map((a) => [a.userId, { status: a.status, note: a.note ?? '' }]));
  const [draft, setDraft] =
    useState<Record<string, { status: MeetingView['attendance'][number]['status']; note: string }>>(initial);
  const [base, setBase] = useState(meeting.version);
  if (base !== meeting.version) {
    setBase(meeting.version);
    setDraft(initial());
  }
  const save = useMeetingWrite(
    meeting.id,
    () =>
      putJson(
        `/api/meetings/${meeting.id}/attendance`,
        {
          version: meeting.version,
          entries: meeting.attendance.map((a) => ({
            userId: a.userId,
            status: draft[a.userId]?.status ?? null,
            note: draft[a.userId]?.note.trim() || null,
          })),
        },
        meetingView,
        csrf,
      ),
    t('roster.saved'),
  );
  const dirty = meeting.attendance.some(
    (a) => (draft[a.userId]?.status ?? null) !== a.status || (draft[a.userId]?.note ?? '') !== (a.note ?? ''),
  );
  const q = meeting.quorum;
  // The quorum as it will be with the draft.
  const present = meeting.attendance.filter((a) => draft[a.userId]?.status === 'present').length;
  const chair = meeting.attendance.find((a) => a.committeeRole === 'chair');
  const chairPresent = chair ? draft[chair.userId]?.status === 'present' : false;
  const metNow = dirty ? present >= q.required && (!chairRequired || chairPresent) && q.members > 0 : q.met;
  return (
    <MeetingCard title={t('roster.title')} testId="meeting-attendance">
      <Stack gap="md">
        <Group gap="sm" data-testid="quorum" data-met={q.met}>
          <ThemeIcon color={metNow ? 'teal' : 'red'} variant="light" radius="xl" size="lg">
            {metNow ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
          </ThemeIcon>
          <div>
            <Text fw={700}>{metNow ? t('roster.quorumMet') : t('roster.quorumNotMet')}</Text>
            <Text size="sm" c="dimmed">
              {t('roster.counts', {
                present: dirty ? present : q.present,
                members: q.members,
                required: q.required,
              })}
              {' · '}
              {chair
                ? (dirty ? chairPresent : q.chairPresent)
                  ? t('roster.chairPresent')
                  : t('roster.chairAbsent')
                : t('roster.noChair')}
            </Text>
          </div>
        </Group>
        {meeting.attendance.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('roster.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} aria-label={t('roster.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roster.member')}</Table.Th>
                <Table.Th>{t('roster.status')}</Table.Th>
                <Table.Th>{t('roster.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.attendance.map((a) => {
                const d = draft[a.userId] ?? { status: null, note: '' };
                return (
                  <Table.Tr key={a.userId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={500}>
                        {a.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {label('roles', a.committeeRole)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <SegmentedControl
                          size="xs"
                          aria-label={`${t('roster.status')}: ${a.name}`}
                          value={d.status ?? ''}
                          onChange={(v) =>
                            setDraft((x) => ({
                              ...x,
                              [a.userId]: { ...d, status: (v || null) as typeof d.status },
                            }))
                          }
                          data={[
                            ...attendanceStatuses.map((s) => ({ value: s, label: label('attendance', s) })),
                          ]}
                          color={
                            d.status === 'present'
                              ? 'teal'
                              : d.status === 'absent'
                                ? 'red'
                                : d.status
                                  ? 'gray'
                                  : undefined
                          }
                        />
                      ) : (
                        <Badge
                          variant="light"
                          color={a.status === 'present' ? 'teal' : a.status === 'absent' ? 'red' : 'gray'}
                        >
                          {label('attendance', a.status ?? 'unknown')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <TextInput
                          size="xs"
                          aria-label={`${t('roster.note')}: ${a.name}`}
                          value={d.note}
                          onChange={(e) => {
                            const note = e.currentTarget.value;
                            setDraft((x) => ({ ...x, [a.userId]: { ...d, note } }));
                          }}
                        />
                      ) : (
                        (a.note ?? '')
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {editable && meeting.attendance.length > 0 && (
          <Group>
            <Button
              onClick={() => save.mutate(undefined)}
              loading={save.isPending}
              disabled={!dirty}
              leftSection={<IconCheck size={16} />}
            >
              {t('roster.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </MeetingCard>
  );
}

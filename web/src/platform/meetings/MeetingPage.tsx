import { Button, Center, Grid, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconCheck, IconEdit, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { committeeView, meetingView } from '#shared/platform/meetings/contract.ts';
import { api } from '../api/client.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { AgendaCard } from './AgendaCard.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { CancelMeetingModal } from './CancelMeetingModal.tsx';
import { DecisionsCard } from './DecisionsCard.tsx';
import { MeetingFacts } from './MeetingFacts.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { MinutesCard } from './MinutesCard.tsx';
import { type Known, useMeetingWrite } from './meeting-write.ts';
import { useCommitteeAccess, useCommitteeName } from './parts.tsx';
import { useMeetingsT } from './texts.ts';

/** One meeting: when and where, the agenda, attendance and quorum, the minutes and the decisions (which become actions). */
export function MeetingPage() {
  const t = useMeetingsT();
  const name = useCommitteeName();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const [editing, setEditing] = useState<'time' | 'agenda' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const q = useQuery({
    queryKey: ['/api/meetings', meetingId],
    queryFn: () => api.get(`/api/meetings/${meetingId}`, meetingView),
  });
  const m = q.data;
  const committee = useQuery({
    queryKey: ['/api/committees', m?.committeeId],
    queryFn: () => api.get(`/api/committees/${m?.committeeId}`, committeeView),
    enabled: !!m,
  });
  const access = useCommitteeAccess(committee.data);
  const transition = useMeetingWrite(
    meetingId,
    (v: { transition: 'hold' | 'approve_minutes' | 'cancel'; reason?: string }) =>
      api.post(`/api/meetings/${meetingId}/transition`, { ...v, version: m?.version }, meetingView),
    '',
    () => setCancelling(false),
  );
  const known: Known = (committee.data?.members ?? []).map((x) => ({ id: x.userId, name: x.name }));
  const started = m ? new Date(m.scheduledAt).getTime() <= Date.now() : false;
  const run = access.run;
  const messages = {
    hold: t('meeting.held'),
    approve_minutes: t('meeting.approved'),
    cancel: t('meeting.cancelledDone'),
  };
  const doTransition = (tr: keyof typeof messages, extra?: { reason?: string }) =>
    transition.mutate(
      { transition: tr, ...extra },
      { onSuccess: () => notifications.show({ color: 'teal', message: messages[tr] }) },
    );

  return (
    <>
      <PageHeader
        title={m?.title ?? '…'}
        crumbs={[
          { label: t('meeting.crumb'), to: '/committees' },
          ...(m
            ? [
                {
                  label: name({ name: m.committeeName, nameZh: m.committeeNameZh }),
                  to: `/committees/${m.committeeId}`,
                },
              ]
            : []),
          { label: m?.localStart.slice(0, 10) ?? '…' },
        ]}
        actions={
          m && run ? (
            <>
              {m.status === 'planned' && (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing('time')}
                >
                  {t('meetingForm.edit')}
                </Button>
              )}
              {m.status === 'planned' && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconX size={16} />}
                  onClick={() => setCancelling(true)}
                >
                  {t('meeting.cancel')}
                </Button>
              )}
              {m.status === 'planned' && (
                <Button
                  leftSection={<IconCalendarCheck size={16} />}
                  disabled={!started}
                  title={started ? undefined : t('meeting.notStarted')}
                  loading={transition.isPending}
                  onClick={() => doTransition('hold')}
                >
                  {t('meeting.hold')}
                </Button>
              )}
              {m.status === 'held' && (
                <Button
                  color="teal"
                  leftSection={<IconCheck size={16} />}
                  loading={transition.isPending}
                  onClick={() => doTransition('approve_minutes')}
                >
                  {t('meeting.approve')}
                </Button>
              )}
            </>
          ) : null
        }
      />
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {q.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {m && (
        <Stack gap="lg">
          {transition.error && !cancelling ? (
            <ProblemAlert error={transition.error} onReload={() => void q.refetch()} />
          ) : null}
          <MeetingFacts meeting={m} run={run} started={started} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AgendaCard
                meeting={m}
                onEdit={
                  run && (m.status === 'planned' || m.status === 'held') ? () => setEditing('agenda') : null
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AttendanceCard
                meeting={m}
                editable={run && (m.status === 'planned' || m.status === 'held')}
                chairRequired={committee.data?.quorumChairRequired ?? true}
              />
            </Grid.Col>
          </Grid>
          <MinutesCard meeting={m} editable={run && m.status === 'held'} />
          <DecisionsCard meeting={m} editable={run && m.status === 'held'} known={known} />
        </Stack>
      )}
      {m && editing === 'time' && committee.data && (
        <MeetingFormModal
          committee={{ id: committee.data.id, name: name(committee.data) }}
          meeting={m}
          defaultTimeZone={m.timeZone}
          onClose={() => setEditing(null)}
          onSaved={() => void q.refetch()}
        />
      )}
      {m && editing === 'agenda' && (
        <AgendaEditor meeting={m} known={known} onClose={() => setEditing(null)} />
      )}
      <CancelMeetingModal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        onCancel={(reason) => doTransition('cancel', reason ? { reason } : undefined)}
        error={transition.error}
        pending={transition.isPending}
      />
    </>
  );
}

import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconCalendarCheck,
  IconCheck,
  IconCircleCheck,
  IconCircleX,
  IconEdit,
  IconExternalLink,
  IconGavel,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKinds } from '../../../../server/platform/actions/contract.ts';
import {
  committeeView,
  type MeetingView,
  meetingView,
} from '../../../../server/platform/meetings/contract.ts';
import { attendanceStatuses } from '../../../../server/platform/meetings/rules/quorum.ts';
import { useActionsLabel } from '../actions/texts.ts';
import { ApiError, api } from '../api/client.ts';
import { putJson, useCsrfToken } from '../services/http.ts';
import { useWrite } from '../services/mutation.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { useFormat } from '../ui/labels.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import {
  MeetingFormModal,
  MeetingStatusBadge,
  meetingKeys,
  useCommitteeAccess,
  useCommitteeName,
} from './parts.tsx';
import { useMeetingsLabel, useMeetingsT } from './texts.ts';

type Known = { id: string; name: string }[];

/** A write to the meeting that answers with the meeting: the page shows the new version at once. */
function useMeetingWrite<V>(
  meetingId: string,
  fn: (v: V) => Promise<MeetingView>,
  success: string,
  onSuccess?: () => void,
) {
  const queryClient = useQueryClient();
  return useWrite(fn, {
    invalidate: meetingKeys.filter((k) => k !== '/api/meetings'),
    success,
    onSuccess: (m) => {
      queryClient.setQueryData(['/api/meetings', meetingId], m);
      void queryClient.invalidateQueries({
        queryKey: ['/api/meetings'],
        predicate: (q) => q.queryKey[1] !== meetingId,
      });
      onSuccess?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['/api/meetings', meetingId] });
    },
  });
}

function Card({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

type AgendaRow = {
  title: string;
  presenterId: string | null;
  presenterName: string;
  durationMinutes: number | string;
  notes: string;
};

function AgendaEditor({
  meeting,
  known,
  onClose,
}: {
  meeting: MeetingView;
  known: Known;
  onClose: () => void;
}) {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const csrf = useCsrfToken();
  const [rows, setRows] = useState<AgendaRow[]>(
    meeting.agenda.map((a) => ({
      title: a.title,
      presenterId: a.presenterId,
      presenterName: a.presenterId ? '' : (a.presenterName ?? ''),
      durationMinutes: a.durationMinutes ?? '',
      notes: a.notes ?? '',
    })),
  );
  const [tried, setTried] = useState(false);
  const save = useMeetingWrite(
    meeting.id,
    () =>
      putJson(
        `/api/meetings/${meeting.id}/agenda`,
        {
          version: meeting.version,
          items: rows.map((r) => ({
            title: r.title.trim(),
            presenterId: r.presenterId,
            presenterName: r.presenterId ? null : r.presenterName.trim() || null,
            durationMinutes: r.durationMinutes === '' ? null : Number(r.durationMinutes),
            notes: r.notes.trim() || null,
          })),
        },
        meetingView,
        csrf,
      ),
    t('agenda.saved'),
    onClose,
  );
  const set = (i: number, patch: Partial<AgendaRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Modal opened onClose={onClose} title={t('agenda.edit')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (rows.some((r) => r.title.trim().length < 2)) return;
          save.mutate(undefined);
        }}
      >
        <Stack gap="md">
          {save.error ? <ProblemAlert error={save.error} /> : null}
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Paper key={i} withBorder p="sm" radius="md">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Text fw={700} mt={30} w={20}>
                  {i + 1}
                </Text>
                <Stack gap="xs" style={{ flex: 1 }}>
                  <TextInput
                    label={t('agenda.item')}
                    required
                    value={r.title}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    error={
                      (tried && r.title.trim().length < 2 ? tc('forms.required') : undefined) ??
                      fieldErrors[`items.${i}.title`]
                    }
                    data-autofocus={i === 0 ? true : undefined}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <UserSelect
                      label={t('agenda.presenter')}
                      known={known}
                      clearable
                      value={r.presenterId}
                      onChange={(v) => set(i, { presenterId: v })}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <TextInput
                      label={t('agenda.presenterName')}
                      value={r.presenterName}
                      disabled={!!r.presenterId}
                      onChange={(e) => set(i, { presenterName: e.currentTarget.value })}
                    />
                    <NumberInput
                      label={t('agenda.minutes')}
                      min={1}
                      max={1440}
                      allowDecimal={false}
                      value={r.durationMinutes}
                      onChange={(v) => set(i, { durationMinutes: v })}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t('agenda.notes')}
                    value={r.notes}
                    onChange={(e) => set(i, { notes: e.currentTarget.value })}
                  />
                </Stack>
                <Stack gap={4} mt={26}>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('agenda.moveUp')}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('agenda.moveDown')}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    aria-label={t('agenda.remove')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Stack>
              </Group>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { title: '', presenterId: null, presenterName: '', durationMinutes: '', notes: '' },
                ])
              }
            >
              {t('agenda.add')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {tc('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {tc('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Attendance({
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
    <Card title={t('roster.title')} testId="meeting-attendance">
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
    </Card>
  );
}

function Minutes({ meeting, editable }: { meeting: MeetingView; editable: boolean }) {
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
    <Card title={t('minutes.title')} testId="meeting-minutes">
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
    </Card>
  );
}

function Decisions({ meeting, editable, known }: { meeting: MeetingView; editable: boolean; known: Known }) {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const actionLabel = useActionsLabel();
  const [text, setText] = useState('');
  const [follow, setFollow] = useState(true);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('improvement');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const add = useMeetingWrite(
    meeting.id,
    () =>
      api.post(
        `/api/meetings/${meeting.id}/decisions`,
        {
          version: meeting.version,
          text: text.trim(),
          ...(follow
            ? { action: { ...(title.trim() ? { title: title.trim() } : {}), kind, ownerId, dueDate: due } }
            : {}),
        },
        meetingView,
      ),
    t('decisions.added'),
    () => {
      setText('');
      setTitle('');
      setOwnerId(null);
      setDue(null);
      setTried(false);
    },
  );
  const fields = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const required = (ok: boolean) => (tried && !ok ? tc('forms.required') : undefined);
  return (
    <Card title={t('decisions.title')} testId="meeting-decisions">
      <Stack gap="md">
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {meeting.status === 'planned' ? t('decisions.onlyHeld') : t('decisions.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {meeting.decisions.map((d) => (
              <Paper key={d.id} withBorder p="sm" radius="md">
                <Group align="flex-start" wrap="nowrap" gap="sm">
                  <Badge variant="filled" radius="sm" color="gray">
                    {d.seq}
                  </Badge>
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {d.text}
                    </Text>
                    {d.actionId && (
                      <Group gap="xs">
                        <Text size="xs" c="dimmed">
                          {t('decisions.action')}:
                        </Text>
                        {d.actionStatus && (
                          <Badge size="xs" variant="light">
                            {actionLabel('statuses', d.actionStatus)}
                          </Badge>
                        )}
                        <Text size="xs">
                          {[d.actionOwnerName, d.actionDueDate].filter(Boolean).join(' · ')}
                        </Text>
                        <AnchorLink size="xs" to="/actions/$actionId" params={{ actionId: d.actionId }}>
                          <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />{' '}
                          {t('decisions.openAction')}
                        </AnchorLink>
                      </Group>
                    )}
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {editable && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              if (text.trim().length < 3 || (follow && (!ownerId || !due))) return;
              add.mutate(undefined);
            }}
          >
            <Stack gap="sm">
              {add.error && !Object.keys(fields).length ? <ProblemAlert error={add.error} /> : null}
              <Textarea
                label={t('decisions.text')}
                required
                autosize
                minRows={2}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={required(text.trim().length >= 3) ?? fields.text}
              />
              <Checkbox
                label={t('decisions.follow')}
                checked={follow}
                onChange={(e) => setFollow(e.currentTarget.checked)}
              />
              {follow && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('decisions.actionTitle')}
                    placeholder={t('decisions.actionTitleHint')}
                    value={title}
                    onChange={(e) => setTitle(e.currentTarget.value)}
                    error={fields['action.title']}
                  />
                  <Select
                    label={t('decisions.kind')}
                    data={actionKinds.map((k) => ({ value: k, label: actionLabel('kinds', k) }))}
                    value={kind}
                    onChange={(v) => v && setKind(v)}
                    allowDeselect={false}
                  />
                  <UserSelect
                    label={t('decisions.owner')}
                    required
                    known={known}
                    value={ownerId}
                    onChange={setOwnerId}
                    error={required(!!ownerId) ?? fields['action.ownerId']}
                  />
                  <DateInput
                    label={t('decisions.due')}
                    valueFormat="YYYY-MM-DD"
                    required
                    value={due}
                    onChange={setDue}
                    error={required(!!due) ?? fields['action.dueDate']}
                  />
                </SimpleGrid>
              )}
              <Group>
                <Button type="submit" leftSection={<IconGavel size={16} />} loading={add.isPending}>
                  {t('decisions.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/** One meeting: when and where, the agenda, attendance and quorum, the minutes and the decisions (which become actions). */
export function MeetingPage() {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const name = useCommitteeName();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const [editing, setEditing] = useState<'time' | 'agenda' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
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

  const field = (n: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {n}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
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
              {field(
                t('meeting.when'),
                `${m.localStart} (${m.timeZone})${m.durationMinutes ? ` · ${t('agenda.minutesShort', { count: m.durationMinutes })}` : ''}`,
              )}
              {field(
                t('meeting.where'),
                <Stack gap={2}>
                  {m.location && <span>{m.location}</span>}
                  {m.onlineUrl && (
                    <Anchor href={m.onlineUrl} target="_blank" rel="noreferrer" size="sm">
                      {t('meeting.online')}
                    </Anchor>
                  )}
                </Stack>,
              )}
              {field(t('meeting.minutesDue'), m.minutesDueDate)}
              {m.heldAt && field(t('meeting.heldAt'), fmt.dateTime(m.heldAt))}
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
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card
                title={t('agenda.title')}
                testId="meeting-agenda"
                actions={
                  run && (m.status === 'planned' || m.status === 'held') ? (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEdit size={14} />}
                      onClick={() => setEditing('agenda')}
                    >
                      {t('agenda.edit')}
                    </Button>
                  ) : null
                }
              >
                {m.agenda.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('agenda.empty')}
                  </Text>
                ) : (
                  <Stack gap="xs" component="ol" style={{ paddingInlineStart: 20, margin: 0 }}>
                    {m.agenda.map((a) => (
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
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Attendance
                meeting={m}
                editable={run && (m.status === 'planned' || m.status === 'held')}
                chairRequired={committee.data?.quorumChairRequired ?? true}
              />
            </Grid.Col>
          </Grid>
          <Minutes meeting={m} editable={run && m.status === 'held'} />
          <Decisions meeting={m} editable={run && m.status === 'held'} known={known} />
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
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t('meeting.cancelTitle')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            doTransition('cancel', reason.trim() ? { reason: reason.trim() } : undefined);
          }}
        >
          <Stack gap="md">
            {transition.error ? <ProblemAlert error={transition.error} /> : null}
            <Textarea
              label={t('meeting.cancelReason')}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(false)}>
                {tc('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={transition.isPending}>
                {t('meeting.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

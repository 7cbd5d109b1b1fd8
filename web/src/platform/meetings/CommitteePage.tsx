import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconCalendarPlus, IconEdit, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommitteeView, committeeView } from '#shared/platform/meetings/contract.ts';
import { committeeRoles } from '#shared/platform/meetings/rules/committee.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { ApiError, api } from '../api/client.ts';
import { programNameKey } from '../modules/program-names.ts';
import { useSites } from '../people/sites.ts';
import { useWrite } from '../services/mutation.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { MeetingsTable } from './CommitteesPage.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import {
  CommitteeFormModal,
  meetingKeys,
  useCommitteeAccess,
  useCommitteeName,
  useCommitteeWarnings,
} from './parts.tsx';
import { useMeetingsLabel, useMeetingsT } from './texts.ts';

function AddMember({ committee }: { committee: CommitteeView }) {
  const t = useMeetingsT();
  const label = useMeetingsLabel();
  const { t: tc } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string>('member');
  const [title, setTitle] = useState('');
  const [tried, setTried] = useState(false);
  const add = useWrite(
    () =>
      api.post(
        `/api/committees/${committee.id}/members`,
        { userId, role, ...(title.trim() ? { title: title.trim() } : {}) },
        committeeView,
      ),
    {
      invalidate: meetingKeys,
      success: t('committee.added'),
      onSuccess: () => {
        setUserId(null);
        setTitle('');
        setRole('member');
        setTried(false);
      },
    },
  );
  const fields = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (userId) add.mutate(undefined);
      }}
    >
      <Stack gap="sm">
        <Title order={5}>{t('committee.addMember')}</Title>
        {add.error && !Object.keys(fields).length ? <ProblemAlert error={add.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <UserSelect
            label={t('committee.person')}
            required
            value={userId}
            onChange={setUserId}
            error={(tried && !userId ? tc('forms.required') : undefined) ?? fields.userId}
          />
          <Select
            label={t('committee.role')}
            data={committeeRoles.map((r) => ({ value: r, label: label('roles', r) }))}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
            error={fields.role}
          />
          <TextInput
            label={t('committee.seatTitle')}
            placeholder={t('committee.seatHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fields.title}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" leftSection={<IconUserPlus size={16} />} loading={add.isPending}>
            {t('committee.addMember')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One committee: what it is, its quorum rule, its members (add, remove), and its meetings (schedule one). */
export function CommitteePage() {
  const t = useMeetingsT();
  const label = useMeetingsLabel();
  const { t: tc } = useTranslation();
  const name = useCommitteeName();
  const warningsOf = useCommitteeWarnings();
  const { sites } = useSites();
  const { committeeId } = useParams({ strict: false }) as { committeeId: string };
  const [editing, setEditing] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const q = useQuery({
    queryKey: ['/api/committees', committeeId],
    queryFn: () => api.get(`/api/committees/${committeeId}`, committeeView),
  });
  const c = q.data;
  const access = useCommitteeAccess(c);
  const remove = useWrite((memberId: string) => api.delete(`/api/committee-members/${memberId}`), {
    invalidate: meetingKeys,
    success: t('committee.removed'),
    notifyErrors: true,
  });

  function confirmRemove(m: CommitteeView['members'][number]) {
    modals.openConfirmModal({
      title: t('committee.removeTitle'),
      children: <Text size="sm">{t('committee.removeBody', { name: m.name })}</Text>,
      labels: { confirm: tc('common.delete'), cancel: tc('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(m.id),
    });
  }

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
  const timeZone = (c?.siteId && sites.find((s) => s.id === c.siteId)?.timeZone) || GROUP_TIME_ZONE;
  const roleOrder = (r: string) => committeeRoles.indexOf(r as (typeof committeeRoles)[number]);

  return (
    <>
      <PageHeader
        title={c ? name(c) : t('committees.title')}
        crumbs={[{ label: t('committee.crumb'), to: '/committees' }, { label: c ? name(c) : '…' }]}
        actions={
          c ? (
            <>
              {access.manage && (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('committeeForm.edit')}
                </Button>
              )}
              {access.run && c.active && (
                <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setScheduling(true)}>
                  {t('committee.schedule')}
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
      {c && (
        <Stack gap="lg">
          {c.warnings.length > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              <Stack gap={2}>
                {warningsOf(c).map((w) => (
                  <Text key={w} size="sm">
                    {w}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder radius="md" p="lg" h="100%">
                <Title order={4} mb="sm">
                  {t('committee.details')}
                </Title>
                <SimpleGrid cols={2} spacing="md">
                  {field(t('committees.program'), c.program ? tc(programNameKey(c.program)) : '—')}
                  {field(
                    t('committees.level'),
                    `${label('levels', c.level)}${c.siteCode || c.subsidiaryCode ? ` · ${c.siteCode ?? c.subsidiaryCode}` : ''}`,
                  )}
                  {field(t('committees.frequency'), label('frequencies', c.frequency))}
                  {field(
                    t('committee.quorumRule'),
                    c.quorumChairRequired
                      ? t('committee.quorumWithChair', { percent: c.quorumPercent })
                      : t('committee.quorumText', { percent: c.quorumPercent }),
                  )}
                  {field(t('committees.lastMet'), c.lastMeetingOn ?? '—')}
                  {field(
                    t('committees.next'),
                    c.meetingOverdue ? (
                      <Badge color="red" variant="light">
                        {t('committees.overdue')}
                      </Badge>
                    ) : (
                      (c.nextMeetingDue ?? t('committees.none'))
                    ),
                  )}
                </SimpleGrid>
                {c.charter && (
                  <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.charter}
                  </Text>
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder radius="md" p="lg">
                <Title order={4} mb="sm">
                  {t('committee.members')} · {c.members.length}
                </Title>
                {c.members.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('committee.noMembers')}
                  </Text>
                ) : (
                  <Table
                    verticalSpacing={6}
                    aria-label={t('committee.members')}
                    data-testid="committee-members"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('committee.memberName')}</Table.Th>
                        <Table.Th>{t('committee.role')}</Table.Th>
                        <Table.Th>{t('committee.seat')}</Table.Th>
                        {access.manage && <Table.Th />}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...c.members]
                        .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name))
                        .map((m) => (
                          <Table.Tr key={m.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {m.name}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {m.email}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Badge
                                variant="light"
                                color={
                                  m.role === 'chair'
                                    ? 'blue'
                                    : m.role === 'secretary'
                                      ? 'grape'
                                      : m.role === 'employee_representative'
                                        ? 'teal'
                                        : 'gray'
                                }
                              >
                                {label('roles', m.role)}
                              </Badge>
                            </Table.Td>
                            <Table.Td>{m.title ?? ''}</Table.Td>
                            {access.manage && (
                              <Table.Td style={{ textAlign: 'right' }}>
                                <Tooltip label={t('committee.removeMember', { name: m.name })}>
                                  <ActionIcon
                                    variant="subtle"
                                    color="red"
                                    onClick={() => confirmRemove(m)}
                                    aria-label={t('committee.removeMember', { name: m.name })}
                                  >
                                    <IconTrash size={16} />
                                  </ActionIcon>
                                </Tooltip>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                )}
                {access.manage && (
                  <Paper mt="md" p="md" radius="md" bg="var(--mantine-color-default-hover)">
                    <AddMember committee={c} />
                  </Paper>
                )}
              </Paper>
            </Grid.Col>
          </Grid>
          <Title order={4}>{t('committee.meetings')}</Title>
          <MeetingsTable committeeId={c.id} />
        </Stack>
      )}
      {c && editing && <CommitteeFormModal committee={c} onClose={() => setEditing(false)} />}
      {c && scheduling && (
        <MeetingFormModal
          committee={{ id: c.id, name: name(c) }}
          defaultTimeZone={timeZone}
          onClose={() => setScheduling(false)}
        />
      )}
    </>
  );
}

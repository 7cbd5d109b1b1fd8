import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Menu,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import {
  IconArrowDown,
  IconCheck,
  IconChevronDown,
  IconCircleCheck,
  IconFishBone,
  IconListNumbers,
  IconLock,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import {
  type IncidentView,
  investigationStatuses,
  investigationView,
  rootCauseActionInput,
  rootCauseCategories,
  rootCauseInput,
} from '../../../../../server/modules/ohs/contract.ts';
import { type ActionView, actionPage, actionView } from '../../../../../server/platform/actions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { isoToLocalInput, localInputToIso, ohsKeys, todayIso, useUserOptions } from '../api.ts';
import { useOhsMutation } from '../components/mutation.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { Fishbone } from './Fishbone.tsx';

type Investigation = z.infer<typeof investigationView>;
type RootCause = Investigation['rootCauses'][number];

const investigationKey = (id: string) => [ohsKeys.investigations, id];

function useInvestigationWrite<Vars>(
  investigation: Investigation,
  fn: (vars: Vars) => Promise<Investigation>,
  success?: string,
  onSuccess?: () => void,
) {
  const queryClient = useQueryClient();
  return useOhsMutation(fn, {
    invalidate: [ohsKeys.incidents, ohsKeys.actions],
    success,
    onSuccess: (saved) => {
      queryClient.setQueryData(investigationKey(investigation.id), saved);
      onSuccess?.();
    },
  });
}

/** Draft → investigating → review → closed, each move a button; closing lists what blocks it. */
function StatusBar({
  investigation,
  manage,
  timeZone,
}: {
  investigation: Investigation;
  manage: boolean;
  timeZone: string;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const move = useInvestigationWrite(investigation, (to: Investigation['status']) =>
    api.post(
      `/api/ohs/investigations/${investigation.id}/transition`,
      { to, version: investigation.version },
      investigationView,
    ),
  );
  const active = investigationStatuses.indexOf(investigation.status);
  const blockers =
    investigation.rootCauses.length === 0
      ? [t('investigation.noRootCauseBlocker')]
      : investigation.rootCauses
          .filter((r) => r.actionIds.length === 0)
          .map((r) => t('investigation.causeWithoutAction', { statement: r.statement }));
  const go = (to: Investigation['status']) =>
    move.mutate(to, {
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] }),
    });
  const s = investigation.status;

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Stepper active={s === 'closed' ? 4 : active} size="sm" allowNextStepsSelect={false}>
          {investigationStatuses.map((st) => (
            <Stepper.Step
              key={st}
              label={label('investigationStatuses', st)}
              icon={st === 'closed' ? <IconLock size={16} /> : undefined}
            />
          ))}
        </Stepper>
        {move.error ? (
          <ProblemAlert
            error={move.error}
            onReload={() =>
              void queryClient.invalidateQueries({ queryKey: investigationKey(investigation.id) })
            }
          />
        ) : null}
        {s === 'closed' && investigation.closedAt && (
          <Text size="sm" c="teal">
            {t('investigation.closedAt', { at: fmt.siteTime(investigation.closedAt, timeZone) })}
          </Text>
        )}
        {s !== 'closed' &&
          (blockers.length > 0 ? (
            <Alert
              color="orange"
              title={t('investigation.blockersTitle')}
              icon={<IconLock size={16} />}
              data-testid="close-blockers"
            >
              <List size="sm">
                {blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="teal" icon={<IconCircleCheck size={16} />}>
              {t('investigation.readyToClose')}
            </Alert>
          ))}
        {manage && (
          <Group gap="sm">
            {s === 'draft' && (
              <Button onClick={() => go('investigating')} loading={move.isPending}>
                {t('investigation.move.investigating')}
              </Button>
            )}
            {s === 'investigating' && (
              <Button onClick={() => go('review')} loading={move.isPending}>
                {t('investigation.move.review')}
              </Button>
            )}
            {s === 'review' && (
              <>
                <Tooltip label={blockers.join(' ')} disabled={blockers.length === 0} multiline w={320}>
                  <Button
                    color="teal"
                    leftSection={<IconLock size={16} />}
                    onClick={() => go('closed')}
                    loading={move.isPending}
                    disabled={blockers.length > 0}
                  >
                    {t('investigation.move.closed')}
                  </Button>
                </Tooltip>
                <Button variant="default" onClick={() => go('investigating')} loading={move.isPending}>
                  {t('investigation.move.back')}
                </Button>
              </>
            )}
            {s === 'closed' && (
              <Button variant="default" onClick={() => go('investigating')} loading={move.isPending}>
                {t('investigation.move.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function TeamCard({ investigation, manage }: { investigation: Investigation; manage: boolean }) {
  const t = useOhsT();
  const queryClient = useQueryClient();
  const known = [
    ...investigation.team,
    ...(investigation.leadId && investigation.leadName
      ? [{ id: investigation.leadId, name: investigation.leadName }]
      : []),
  ];
  const [userQ, setUserQ] = useState('');
  const [dq] = useDebouncedValue(userQ.trim(), 250);
  const users = useUserOptions(known, dq);
  const [leadId, setLeadId] = useState<string | null>(investigation.leadId);
  const [teamIds, setTeamIds] = useState<string[]>(investigation.team.map((m) => m.id));
  const [summary, setSummary] = useState(investigation.summary ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when a new version arrives
  useEffect(() => {
    setLeadId(investigation.leadId);
    setTeamIds(investigation.team.map((m) => m.id));
    setSummary(investigation.summary ?? '');
  }, [investigation.version]);
  const save = useInvestigationWrite(
    investigation,
    () =>
      api.patch(
        `/api/ohs/investigations/${investigation.id}`,
        { leadId, teamIds, summary: blankToNull(summary), version: investigation.version },
        investigationView,
      ),
    t('common.saved'),
  );
  const dirty =
    leadId !== investigation.leadId ||
    JSON.stringify(teamIds) !== JSON.stringify(investigation.team.map((m) => m.id)) ||
    (summary || null) !== (investigation.summary || null);
  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('investigation.team')}</Title>
          {save.error ? (
            <ProblemAlert
              error={save.error}
              onReload={() =>
                void queryClient.invalidateQueries({ queryKey: investigationKey(investigation.id) })
              }
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('investigation.lead')}
              data={users}
              onSearchChange={setUserQ}
              value={leadId}
              onChange={setLeadId}
              searchable
              clearable
              disabled={!manage}
            />
            <MultiSelect
              label={t('investigation.team')}
              description={t('investigation.teamHint')}
              data={users}
              onSearchChange={setUserQ}
              value={teamIds}
              onChange={setTeamIds}
              searchable
              disabled={!manage}
            />
          </SimpleGrid>
          <Textarea
            label={t('investigation.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={!manage}
          />
          {manage && (
            <Group justify="flex-end">
              <Button
                type="submit"
                variant={dirty ? 'filled' : 'default'}
                disabled={!dirty}
                loading={save.isPending}
              >
                {t('investigation.saveTeam')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function TimelineCard({
  investigation,
  manage,
  timeZone,
}: {
  investigation: Investigation;
  manage: boolean;
  timeZone: string;
}) {
  const t = useOhsT();
  const fmt = useFormat();
  const [at, setAt] = useState(isoToLocalInput(new Date()));
  const [text, setText] = useState('');
  const add = useInvestigationWrite(
    investigation,
    () =>
      api.post(
        `/api/ohs/investigations/${investigation.id}/timeline`,
        { at: localInputToIso(at), description: text.trim() },
        investigationView,
      ),
    t('investigation.addedEvent'),
    () => setText(''),
  );
  const events = [...investigation.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={5}>{t('investigation.timeline')}</Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('investigation.noEvents')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={events.length}>
            {events.map((e) => (
              <Timeline.Item
                key={e.id}
                title={
                  <Text size="xs" c="dimmed">
                    {fmt.siteTime(e.at, timeZone)}
                  </Text>
                }
              >
                <Text size="sm">{e.description}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {manage && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) add.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              {add.error ? <ProblemAlert error={add.error} /> : null}
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  type="datetime-local"
                  label={t('investigation.eventAt')}
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                  w={210}
                />
                <TextInput
                  label={t('investigation.eventDescription')}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  style={{ flex: 1, minWidth: 200 }}
                  maxLength={2000}
                />
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  loading={add.isPending}
                  disabled={!text.trim()}
                >
                  {t('investigation.addEvent')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

type CauseValues = { method: 'five_whys' | 'fishbone'; category: string; whys: string[]; statement: string };
const causePayload = (v: CauseValues) => ({
  method: v.method,
  category: v.category || null,
  whys: v.whys.map((w) => w.trim()).filter(Boolean),
  statement: v.statement.trim(),
});

function RootCauseForm({
  investigation,
  method,
  onClose,
}: {
  investigation: Investigation;
  method: CauseValues['method'];
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const form = useForm<CauseValues>({
    mode: 'controlled',
    initialValues: { method, category: '', whys: method === 'five_whys' ? [''] : [], statement: '' },
    validate: contractValidator(rootCauseInput, causePayload),
  });
  const add = useInvestigationWrite(
    investigation,
    (v: CauseValues) =>
      api.post(`/api/ohs/investigations/${investigation.id}/root-causes`, causePayload(v), investigationView),
    t('investigation.addedCause'),
    onClose,
  );
  const whys = form.getValues().whys;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={method === 'five_whys' ? t('investigation.addFiveWhys') : t('investigation.addFishbone')}
      onSubmit={form.onSubmit((v) => add.mutate(v, { onError: (e) => applyServerErrors(form, e) }))}
      busy={add.isPending}
      error={add.error}
    >
      {method === 'five_whys' ? (
        <Stack gap={6}>
          {whys.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the chain is positional
            <Stack key={i} gap={2}>
              {i > 0 && <IconArrowDown size={16} style={{ alignSelf: 'center', opacity: 0.5 }} />}
              <Group gap={6} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('investigation.why', { n: i + 1 })}
                  style={{ flex: 1 }}
                  data-autofocus={i === 0 || undefined}
                  {...form.getInputProps(`whys.${i}`)}
                />
                {whys.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mb={4}
                    onClick={() => form.removeListItem('whys', i)}
                    aria-label={t('common.remove')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Stack>
          ))}
          {whys.length < 7 && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('whys', '')}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('investigation.addWhy')}
            </Button>
          )}
          <Select
            label={t('investigation.category')}
            data={rootCauseCategories.map((c) => ({ value: c, label: label('categories', c) }))}
            clearable
            {...form.getInputProps('category')}
            value={form.getValues().category || null}
            onChange={(v) => form.setFieldValue('category', v ?? '')}
          />
        </Stack>
      ) : (
        <Select
          label={t('investigation.category')}
          data={rootCauseCategories.map((c) => ({ value: c, label: label('categories', c) }))}
          required
          openOnFocus={false}
          data-autofocus
          {...form.getInputProps('category')}
          value={form.getValues().category || null}
          onChange={(v) => form.setFieldValue('category', v ?? '')}
        />
      )}
      <Textarea
        label={t('investigation.statement')}
        description={t('investigation.statementHint')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('statement')}
      />
    </FormModal>
  );
}

type ActionValues = {
  title: string;
  description: string;
  kind: string;
  ownerId: string;
  dueDate: string | null;
};
const actionPayload = (v: ActionValues) => ({
  title: v.title.trim(),
  description: blankToNull(v.description),
  kind: v.kind as 'corrective' | 'preventive' | 'improvement',
  ownerId: v.ownerId || null,
  dueDate: v.dueDate ?? '',
});

function ActionForm({
  investigation,
  cause,
  onClose,
}: {
  investigation: Investigation;
  cause: RootCause;
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [userQ, setUserQ] = useState('');
  const [dq] = useDebouncedValue(userQ.trim(), 250);
  const users = useUserOptions(investigation.team, dq);
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: { title: '', description: '', kind: 'corrective', ownerId: '', dueDate: null },
    validate: contractValidator(rootCauseActionInput, actionPayload),
  });
  const add = useInvestigationWrite(
    investigation,
    (v: ActionValues) =>
      api.post(`/api/ohs/root-causes/${cause.id}/actions`, actionPayload(v), investigationView),
    t('investigation.addedAction'),
    onClose,
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('investigation.addAction')}
      onSubmit={form.onSubmit((v) => add.mutate(v, { onError: (e) => applyServerErrors(form, e) }))}
      busy={add.isPending}
      error={add.error}
    >
      <Text size="sm" c="dimmed">
        {cause.statement}
      </Text>
      <TextInput
        label={t('investigation.actionTitle')}
        required
        data-autofocus
        maxLength={300}
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('investigation.actionDescription')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('investigation.actionKind')}
          data={(['corrective', 'preventive', 'improvement'] as const).map((k) => ({
            value: k,
            label: label('actionKinds', k),
          }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('investigation.actionOwner')}
          data={users}
          onSearchChange={setUserQ}
          searchable
          clearable
          {...form.getInputProps('ownerId')}
          value={form.getValues().ownerId || null}
          onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
        />
        <DateInput
          label={t('investigation.actionDue')}
          valueFormat="YYYY-MM-DD"
          required
          minDate={todayIso()}
          {...form.getInputProps('dueDate')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

const actionColors: Record<string, string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'teal',
  verified: 'green',
};
const nextTransitions: Record<string, ('start' | 'complete' | 'verify' | 'reopen')[]> = {
  open: ['start', 'complete'],
  in_progress: ['complete'],
  done: ['verify', 'reopen'],
  verified: ['reopen'],
};

/** The actions of a root cause, from the platform tracker, with their next steps. */
function CauseActions({ cause, manage }: { cause: RootCause; manage: boolean }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [
      ohsKeys.actions,
      { sourceType: 'ohs_root_cause', sourceId: cause.id, n: cause.actionIds.length },
    ],
    queryFn: () =>
      api.get('/api/actions', actionPage, {
        sourceType: 'ohs_root_cause',
        sourceId: cause.id,
        pageSize: 50,
        sort: 'dueDate',
      }),
    enabled: cause.actionIds.length > 0,
  });
  const move = useOhsMutation(
    ({ a, transition }: { a: ActionView; transition: string }) =>
      api.post(`/api/actions/${a.id}/transition`, { transition, version: a.version }, actionView),
    { invalidate: [ohsKeys.actions, '/api/home'] },
  );
  if (cause.actionIds.length === 0) {
    return (
      <Text size="sm" c="orange">
        {t('investigation.noActions')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {move.error ? (
        <ProblemAlert
          error={move.error}
          onReload={() => void queryClient.invalidateQueries({ queryKey: [ohsKeys.actions] })}
        />
      ) : null}
      {(query.data?.items ?? []).map((a) => (
        <Group
          key={a.id}
          justify="space-between"
          wrap="nowrap"
          gap="xs"
          p={6}
          style={{ borderRadius: 6, background: 'var(--mantine-color-default-hover)' }}
        >
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {a.title}
            </Text>
            <Text size="xs" c={a.overdue ? 'red' : 'dimmed'}>
              {label('actionKinds', a.kind)} · {a.ownerName ?? t('common.unassigned')} · {t('common.due')}{' '}
              {fmt.date(a.dueDate)}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Badge color={actionColors[a.status]} variant="light" style={{ flexShrink: 0 }}>
              {label('actionStatuses', a.status)}
            </Badge>
            {manage && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('investigation.status')}>
                    <IconChevronDown size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {nextTransitions[a.status].map((tr) => (
                    <Menu.Item
                      key={tr}
                      onClick={() => move.mutate({ a, transition: tr })}
                      leftSection={<IconCheck size={14} />}
                    >
                      {label('actionTransitions', tr)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

function CauseCard({
  investigation,
  cause,
  manage,
}: {
  investigation: Investigation;
  cause: RootCause;
  manage: boolean;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [adding, setAdding] = useState(false);
  const remove = useInvestigationWrite(investigation, () =>
    api
      .delete(`/api/ohs/root-causes/${cause.id}`)
      .then(() => api.get(`/api/ohs/investigations/${investigation.id}`, investigationView)),
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="root-cause">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge
              variant="light"
              leftSection={
                cause.method === 'fishbone' ? <IconFishBone size={12} /> : <IconListNumbers size={12} />
              }
            >
              {t(`investigation.${cause.method}`)}
            </Badge>
            {cause.category && (
              <Badge variant="outline" color="gray">
                {label('categories', cause.category)}
              </Badge>
            )}
          </Group>
          {manage && cause.actionIds.length === 0 && (
            <Tooltip label={t('investigation.removeCause')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('investigation.removeCause')}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('investigation.removeCause'),
                    children: <Text size="sm">{t('investigation.removeCauseConfirm')}</Text>,
                    labels: { confirm: t('common.remove'), cancel: t('common.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(undefined),
                  })
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {cause.whys.length > 0 && (
          <Stack gap={2} aria-label={t('investigation.chain')}>
            {cause.whys.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the chain is positional
              <Stack key={i} gap={2} align="flex-start">
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <Badge size="sm" circle variant="filled" color="gray">
                    {i + 1}
                  </Badge>
                  <Text size="sm">{w}</Text>
                </Group>
                <IconArrowDown size={14} style={{ marginLeft: 4, opacity: 0.45 }} />
              </Stack>
            ))}
          </Stack>
        )}
        <Paper p="xs" radius="sm" bg="var(--mantine-color-blue-light)">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('investigation.statement')}
          </Text>
          <Text size="sm" fw={600}>
            {cause.statement}
          </Text>
        </Paper>
        <Group justify="space-between">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('investigation.actions')}
          </Text>
          {manage && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
            >
              {t('investigation.addAction')}
            </Button>
          )}
        </Group>
        <CauseActions cause={cause} manage={manage} />
      </Stack>
      {adding && <ActionForm investigation={investigation} cause={cause} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** The investigation of an incident: status, team, timeline, root causes (5 whys, fishbone) and their actions. */
export function InvestigationPanel({ incident, manage }: { incident: IncidentView; manage: boolean }) {
  const t = useOhsT();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<CauseValues['method'] | null>(null);
  const id = incident.investigationId;
  const query = useQuery({
    queryKey: investigationKey(id ?? 'none'),
    queryFn: () => api.get(`/api/ohs/investigations/${id}`, investigationView),
    enabled: !!id,
  });
  const open = useOhsMutation(
    () => api.post(`/api/ohs/incidents/${incident.id}/investigation`, {}, investigationView),
    {
      invalidate: [ohsKeys.incidents],
      onSuccess: (inv) => queryClient.setQueryData(investigationKey(inv.id), inv),
    },
  );

  if (!id) {
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm">
          <IconSearch size={32} opacity={0.5} />
          <Text c="dimmed">{t('investigation.notOpened')}</Text>
          {open.error ? <ProblemAlert error={open.error} /> : null}
          {manage && (
            <Button onClick={() => open.mutate(undefined)} loading={open.isPending}>
              {t('investigation.open')}
            </Button>
          )}
        </Stack>
      </Paper>
    );
  }
  if (query.error) return <ProblemAlert error={query.error} />;
  const investigation = query.data;
  if (!investigation) return <Skeleton h={240} radius="md" />;
  const editable = manage && investigation.status !== 'closed';
  const fishboneCauses = investigation.rootCauses.filter((r) => r.category);

  return (
    <Stack gap="md">
      <StatusBar investigation={investigation} manage={manage} timeZone={incident.timeZone} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TeamCard investigation={investigation} manage={editable} />
        <TimelineCard investigation={investigation} manage={editable} timeZone={incident.timeZone} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={5}>{t('investigation.rootCauses')}</Title>
            {editable && (
              <Group gap="xs">
                <Button
                  variant="light"
                  leftSection={<IconListNumbers size={16} />}
                  onClick={() => setAdding('five_whys')}
                >
                  {t('investigation.addFiveWhys')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFishBone size={16} />}
                  onClick={() => setAdding('fishbone')}
                >
                  {t('investigation.addFishbone')}
                </Button>
              </Group>
            )}
          </Group>
          {investigation.rootCauses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('investigation.noRootCauses')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {investigation.rootCauses.map((c) => (
                <CauseCard key={c.id} investigation={investigation} cause={c} manage={editable} />
              ))}
            </SimpleGrid>
          )}
          {fishboneCauses.length > 0 && (
            <div>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
                {t('investigation.fishboneDiagram')}
              </Text>
              <Fishbone
                causes={fishboneCauses}
                effect={`${incident.reference} · ${incident.title}`}
                label={t('investigation.fishboneDiagram')}
              />
            </div>
          )}
        </Stack>
      </Paper>
      {adding && (
        <RootCauseForm investigation={investigation} method={adding} onClose={() => setAdding(null)} />
      )}
    </Stack>
  );
}

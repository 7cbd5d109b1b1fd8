import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconArrowBackUp,
  IconCalendarShare,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconUserShare,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calendarFeedView,
  type ObligationView,
  obligationView,
} from '#shared/platform/obligations/contract.ts';
import { api } from '../api/client.ts';
import { useCan, useSession } from '../auth/session.ts';
import { DaysLeft } from '../services/Due.tsx';
import { useWrite } from '../services/mutation.ts';
import { sourcePage } from '../services/sources.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { useFormat } from '../ui/labels.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import { useObligationKindName, useObligationsLabel, useObligationsT } from './texts.ts';

export const obligationKeys = ['/api/obligations', '/api/home', '/api/notifications'];

export const stateColors: Record<ObligationView['calendarState'], string> = {
  overdue: 'red',
  'due-soon': 'orange',
  upcoming: 'blue',
  done: 'teal',
  cancelled: 'gray',
};

export function StateBadge({ state }: { state: ObligationView['calendarState'] }) {
  const label = useObligationsLabel();
  return (
    <Badge miw="max-content" color={stateColors[state]} variant="light">
      {label('states', state)}
    </Badge>
  );
}

/** The due day, and its time for short deadlines (an 8-hour notice). */
export function DueMoment({ o }: { o: ObligationView }) {
  const fmt = useFormat();
  return (
    <Text size="sm" span>
      {o.dueAt ? fmt.dateTime(o.dueAt) : o.dueDate}
    </Text>
  );
}

/** May the signed-in user complete or delegate this obligation (the server decides in the end)? */
export function useMayAct() {
  const session = useSession();
  const can = useCan();
  return (o: ObligationView) =>
    o.state === 'open' &&
    (o.ownerId === session.user.id || o.delegateId === session.user.id || can('obligations.manage'));
}

/** Mark done (after a confirmation), delegate, take back. */
export function useObligationCommands(onChanged?: (o: ObligationView) => void) {
  const t = useObligationsT();
  const { t: tc } = useTranslation();
  const [delegating, setDelegating] = useState<ObligationView | null>(null);
  const complete = useWrite(
    (o: ObligationView) =>
      api.post(`/api/obligations/${o.id}/complete`, { version: o.version }, obligationView),
    { invalidate: obligationKeys, success: t('actions.completed'), onSuccess: onChanged, notifyErrors: true },
  );
  const takeBack = useWrite(
    (o: ObligationView) =>
      api.post(`/api/obligations/${o.id}/delegate`, { version: o.version, delegateId: null }, obligationView),
    { invalidate: obligationKeys, success: t('actions.takenBack'), onSuccess: onChanged, notifyErrors: true },
  );
  return {
    confirmComplete: (o: ObligationView) =>
      modals.openConfirmModal({
        title: t('actions.completeTitle'),
        children: <Text size="sm">{t('actions.completeBody', { title: o.title })}</Text>,
        labels: { confirm: t('actions.complete'), cancel: tc('common.cancel') },
        confirmProps: { color: 'teal' },
        onConfirm: () => complete.mutate(o),
      }),
    takeBack: (o: ObligationView) => takeBack.mutate(o),
    delegate: (o: ObligationView) => setDelegating(o),
    busy: complete.isPending || takeBack.isPending,
    modal: delegating ? (
      <DelegateModal
        obligation={delegating}
        onClose={() => setDelegating(null)}
        onDone={(o) => {
          setDelegating(null);
          onChanged?.(o);
        }}
      />
    ) : null,
  };
}

function DelegateModal({
  obligation,
  onClose,
  onDone,
}: {
  obligation: ObligationView;
  onClose: () => void;
  onDone: (o: ObligationView) => void;
}) {
  const t = useObligationsT();
  const { t: tc } = useTranslation();
  const [delegateId, setDelegateId] = useState<string | null>(obligation.delegateId);
  const [missing, setMissing] = useState(false);
  const write = useWrite(
    (id: string) =>
      api.post(
        `/api/obligations/${obligation.id}/delegate`,
        { version: obligation.version, delegateId: id },
        obligationView,
      ),
    {
      invalidate: obligationKeys,
      success: (o) => t('actions.delegated', { name: o.delegateName ?? '' }),
      onSuccess: onDone,
    },
  );
  const fieldError =
    missing && !delegateId
      ? tc('forms.required')
      : (write.error as { fieldErrors?: Record<string, string> } | null)?.fieldErrors?.delegateId;
  const known = [
    ...(obligation.ownerId && obligation.ownerName
      ? [{ id: obligation.ownerId, name: obligation.ownerName }]
      : []),
    ...(obligation.delegateId && obligation.delegateName
      ? [{ id: obligation.delegateId, name: obligation.delegateName }]
      : []),
  ];
  return (
    <Modal opened onClose={onClose} title={t('actions.delegateTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!delegateId) {
            setMissing(true);
            return;
          }
          write.mutate(delegateId);
        }}
      >
        <Stack gap="md">
          <Text size="sm" fw={500}>
            {obligation.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t('actions.delegateHint')}
          </Text>
          {write.error && !fieldError ? <ProblemAlert error={write.error} /> : null}
          <UserSelect
            label={t('actions.delegateTo')}
            required
            data-autofocus
            known={known}
            value={delegateId}
            onChange={setDelegateId}
            error={fieldError}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} leftSection={<IconUserShare size={16} />}>
              {t('actions.delegate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One obligation: what, where, who, when, its source, and what the user can do with it. */
export function ObligationDetail({
  o,
  commands,
}: {
  o: ObligationView;
  commands: ReturnType<typeof useObligationCommands>;
}) {
  const t = useObligationsT();
  const kindName = useObligationKindName();
  const fmt = useFormat();
  const mayAct = useMayAct();
  const source = sourcePage(o.sourceType, o.sourceId);
  const field = (name: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="md">
      <Group gap="xs">
        <StateBadge state={o.calendarState} />
        <Badge miw="max-content" variant="outline" color="gray">
          {kindName(o.kind)}
        </Badge>
      </Group>
      <Text fw={600}>{o.title}</Text>
      <SimpleGrid cols={2} spacing="sm">
        {field(t('detail.due'), <DueMoment o={o} />)}
        {field(t('columns.left'), <DaysLeft days={o.daysLeft} finished={o.state !== 'open'} />)}
        {field(t('detail.site'), o.siteCode ?? t('detail.groupWide'))}
        {field(t('detail.owner'), o.ownerName ?? '—')}
        {o.delegateName ? field(t('detail.delegate'), o.delegateName) : null}
      </SimpleGrid>
      {o.graceDays > 0 && (
        <Text size="sm" c="dimmed">
          {t('detail.grace', { count: o.graceDays })}
        </Text>
      )}
      {o.doneAt && <Text size="sm">{t('detail.doneAt', { date: fmt.dateTime(o.doneAt) })}</Text>}
      {o.escalatedAt && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{t('detail.escalated', { date: fmt.dateTime(o.escalatedAt) })}</Text>
        </Alert>
      )}
      <Group gap="sm">
        {source && (
          <Button component={Link} to={source} variant="default" leftSection={<IconExternalLink size={16} />}>
            {t('actions.openSource')}
          </Button>
        )}
        {mayAct(o) && (
          <>
            <Button
              color="teal"
              leftSection={<IconCheck size={16} />}
              onClick={() => commands.confirmComplete(o)}
              loading={commands.busy}
            >
              {t('actions.complete')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUserShare size={16} />}
              onClick={() => commands.delegate(o)}
            >
              {t('actions.delegate')}
            </Button>
            {o.delegateId && (
              <Button
                variant="subtle"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => commands.takeBack(o)}
              >
                {t('actions.takeBack')}
              </Button>
            )}
          </>
        )}
      </Group>
    </Stack>
  );
}

/** The private iCalendar feed: created (or replaced) on request, shown with a copy button. */
export function CalendarFeedButton() {
  const t = useObligationsT();
  const { t: tc } = useTranslation();
  const [opened, setOpened] = useState(false);
  const create = useWrite(() => api.post('/api/obligations/calendar-feed', undefined, calendarFeedView), {
    invalidate: [],
    success: t('feed.created'),
  });
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarShare size={16} />} onClick={() => setOpened(true)}>
        {t('feed.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('feed.title')} size="lg">
        <Stack gap="md">
          <Text size="sm">{t('feed.explain')}</Text>
          {create.error ? <ProblemAlert error={create.error} /> : null}
          {create.data && (
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t('feed.url')}
                value={create.data.url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="calendar-feed-url"
              />
              <CopyButton value={create.data.url}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  >
                    {copied ? tc('common.copied') : tc('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('feed.replaceWarning')}
            </Text>
            <Button onClick={() => create.mutate(undefined)} loading={create.isPending} data-autofocus>
              {create.data ? t('feed.replace') : t('feed.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { Badge, Button, Group, Select, Switch, Tabs, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CommitteeView,
  committeePage,
  type MeetingSummaryView,
  meetingPage,
} from '#shared/platform/meetings/contract.ts';
import { meetingStatuses } from '#shared/platform/meetings/rules/status.ts';
import { useCan } from '../auth/session.ts';
import { programShortKey } from '../modules/program-names.ts';
import { useServicesT } from '../services/texts.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { localDay } from '../ui/time.ts';
import { CommitteeFormModal, MeetingStatusBadge, useCommitteeName, useCommitteeWarnings } from './parts.tsx';
import type { CommitteesSearch } from './search.ts';
import { useMeetingsLabel, useMeetingsT } from './texts.ts';

function Committees() {
  const t = useMeetingsT();
  const ts = useServicesT();
  const { t: tc } = useTranslation();
  const label = useMeetingsLabel();
  const name = useCommitteeName();
  const warnings = useCommitteeWarnings();
  const fmt = useFormat();
  const navigate = useNavigate();
  // Without meetings.read, the committees the user sits on are the only ones to show (never a refusal).
  const reader = useCan()('meetings.read');
  const [mineChosen, setMine] = useState(false);
  const mine = mineChosen || !reader;
  const columns: Column<CommitteeView>[] = [
    {
      key: 'name',
      header: t('committees.name'),
      sortKey: 'name',
      wrap: true,
      render: (c) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {name(c)}
          </Text>
          {!c.active && (
            <Badge miw="max-content" size="xs" variant="outline" color="gray">
              {t('committees.inactive')}
            </Badge>
          )}
          {c.warnings.length > 0 && (
            <Tooltip label={warnings(c).join(' ')} multiline maw={320}>
              <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      key: 'program',
      header: t('committees.program'),
      sortKey: 'program',
      render: (c) => (c.program ? tc(programShortKey(c.program)) : '—'),
    },
    {
      key: 'holder',
      header: t('committees.holder'),
      sortKey: 'site',
      render: (c) => c.siteCode ?? c.subsidiaryCode ?? label('levels', c.level),
    },
    { key: 'frequency', header: t('committees.frequency'), render: (c) => label('frequencies', c.frequency) },
    { key: 'members', header: t('committees.members'), align: 'right', render: (c) => c.members.length },
    { key: 'last', header: t('committees.lastMet'), render: (c) => c.lastMeetingOn ?? '—' },
    {
      key: 'next',
      header: t('committees.next'),
      render: (c) =>
        c.meetingOverdue ? (
          <Badge miw="max-content" color="red" variant="light">
            {t('committees.overdue')}
          </Badge>
        ) : c.nextPlannedAt ? (
          fmt.dateTime(c.nextPlannedAt)
        ) : (
          <Text size="sm" c="dimmed">
            {c.nextMeetingDue ?? t('committees.none')}
          </Text>
        ),
    },
  ];
  return (
    <DataTable
      label={t('committees.title')}
      endpoint="/api/committees"
      schema={committeePage}
      columns={columns}
      rowKey={(c) => c.id}
      defaultSort="name"
      filters={{ mine: mine ? 'true' : undefined }}
      filterBar={
        reader ? (
          <Switch
            label={t('committees.mine')}
            checked={mine}
            onChange={(e) => setMine(e.currentTarget.checked)}
            mb={8}
          />
        ) : undefined
      }
      onRowClick={(c) => void navigate({ to: '/committees/$committeeId', params: { committeeId: c.id } })}
      emptyTitle={t('committees.empty')}
      emptyHint={t('committees.emptyHint')}
      searchPlaceholder={ts('common.title')}
    />
  );
}

/** Meetings of the committees in scope (or a committee's, with `committeeId`). */
export function MeetingsTable({ committeeId, actions }: { committeeId?: string; actions?: React.ReactNode }) {
  const t = useMeetingsT();
  const ts = useServicesT();
  const label = useMeetingsLabel();
  const name = useCommitteeName();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  const [upcoming, setUpcoming] = useState(false);
  const reader = useCan()('meetings.read');
  const today = localDay();
  const columns: Column<MeetingSummaryView>[] = [
    {
      key: 'when',
      header: t('meetings.when'),
      sortKey: 'scheduledAt',
      render: (m) => (
        <Text size="sm" ff="monospace">
          {m.localStart}
        </Text>
      ),
    },
    {
      key: 'title',
      header: t('meetings.title'),
      sortKey: 'title',
      wrap: true,
      render: (m) => (
        <Text size="sm" fw={500}>
          {m.title}
        </Text>
      ),
    },
    ...(committeeId
      ? []
      : [
          {
            key: 'committee',
            header: t('meetings.committee'),
            sortKey: 'committee',
            render: (m: MeetingSummaryView) => name({ name: m.committeeName, nameZh: m.committeeNameZh }),
          },
        ]),
    {
      key: 'status',
      header: t('meetings.status'),
      sortKey: 'status',
      render: (m) => <MeetingStatusBadge status={m.status} />,
    },
    {
      key: 'decisions',
      header: t('meetings.decisions'),
      align: 'right',
      render: (m) => m.decisionCount || '',
    },
  ];
  return (
    <DataTable
      label={t('committees.tabs.meetings')}
      endpoint="/api/meetings"
      schema={meetingPage}
      columns={columns}
      rowKey={(m) => m.id}
      defaultSort="scheduledAt"
      defaultOrder={upcoming ? 'asc' : 'desc'}
      filters={{
        committeeId,
        status: status ?? undefined,
        from: upcoming ? today : undefined,
        // Without meetings.read: the meetings of the committees the user sits on.
        mine: reader ? undefined : 'true',
      }}
      filterBar={
        <>
          <Select
            aria-label={t('meetings.status')}
            placeholder={t('meetings.anyStatus')}
            data={meetingStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
            value={status}
            onChange={setStatus}
            clearable
            w={180}
          />
          <Switch
            label={t('meetings.upcoming')}
            checked={upcoming}
            onChange={(e) => setUpcoming(e.currentTarget.checked)}
            mb={8}
          />
        </>
      }
      searchPlaceholder={ts('common.title')}
      actions={actions}
      onRowClick={(m) => void navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } })}
      emptyTitle={t('meetings.empty')}
      emptyHint={t('meetings.emptyHint')}
    />
  );
}

/** Committees and their meetings. */
export function CommitteesPage() {
  const t = useMeetingsT();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as CommitteesSearch;
  const [adding, setAdding] = useState(false);
  const tab = search.tab ?? 'committees';
  return (
    <>
      <PageHeader
        title={t('committees.title')}
        description={t('committees.description')}
        actions={
          can('meetings.manage') || can('meetings.group.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('committees.add')}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            search: (v === 'meetings' ? { tab: 'meetings' } : {}) as never,
            replace: true,
          } as never)
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="committees" leftSection={<IconUsersGroup size={16} />}>
            {t('committees.tabs.committees')}
          </Tabs.Tab>
          <Tabs.Tab value="meetings" leftSection={<IconCalendarEvent size={16} />}>
            {t('committees.tabs.meetings')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="committees">
          <Committees />
        </Tabs.Panel>
        <Tabs.Panel value="meetings">
          <MeetingsTable />
        </Tabs.Panel>
      </Tabs>
      {adding && (
        <CommitteeFormModal
          committee={null}
          onClose={() => setAdding(false)}
          onSaved={(c) => void navigate({ to: '/committees/$committeeId', params: { committeeId: c.id } })}
        />
      )}
    </>
  );
}

import { Badge, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AlarmView, alarmPage } from '#shared/modules/smart/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type StreamState, useEventStream } from '../../../platform/services/event-stream.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';
import { AlarmActions } from './AlarmActions.tsx';

const priorityColor: Record<string, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  urgent: 'red',
};
const stateColor: Record<string, string> = {
  unacknowledged: 'red',
  rtn_unacknowledged: 'orange',
  acknowledged: 'blue',
  shelved: 'grape',
  out_of_service: 'gray',
  normal: 'teal',
};

const streamColor: Record<StreamState, string> = {
  live: 'teal',
  connecting: 'gray',
  reconnecting: 'yellow',
  closed: 'red',
};

/** Whether the list follows the alarms as they change (the server's stream of alarm changes). */
function LiveIndicator({ state }: { state: StreamState }) {
  const t = useSmartT();
  return (
    <Tooltip label={t('alarms.stream.hint')} multiline w={260}>
      <Badge color={streamColor[state]} variant="dot" size="lg" data-stream-state={state}>
        {t(`alarms.stream.${state}`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * Alarms of the user's sites (or of one sensor), open ones first by default, with what can be done on each.
 * The list follows the server's stream of alarm changes: each change (or a resync) reads it again.
 */
export function AlarmsTable({ sensorId }: { sensorId?: string }) {
  const t = useSmartT();
  const label = useSmartLabel();
  const fmt = useFormat();
  const can = useCan();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [siteId, setSiteId] = useState<string | null>(null);
  const manager = can('smart.manage');
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['/api/smart/alarms'] });
  const stream = useEventStream('/api/smart/alarms/live', { alarm: refresh, resync: refresh });

  const columns: Column<AlarmView>[] = [
    ...(sensorId ? [] : [{ key: 'site', header: t('common.site'), render: (a: AlarmView) => a.siteCode }]),
    {
      key: 'priority',
      header: t('alarms.priority'),
      sortKey: 'priority',
      render: (a) => (
        <Badge color={priorityColor[a.priority]} variant="filled">
          {label('priorities', a.priority)}
        </Badge>
      ),
    },
    {
      key: 'alarm',
      header: t('alarms.alarm'),
      wrap: true,
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {a.title}
          </Text>
          {a.escalatedAt && (
            <Badge color="orange" variant="outline" size="sm">
              {t('notified.escalated')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'state',
      header: t('alarms.state'),
      render: (a) => (
        <Badge color={stateColor[a.state]} variant="light">
          {label('states', a.state)}
        </Badge>
      ),
    },
    {
      key: 'raised',
      header: t('alarms.raisedAt'),
      sortKey: 'raisedAt',
      render: (a) => fmt.dateTime(a.raisedAt),
    },
    {
      key: 'value',
      header: t('alarms.value'),
      align: 'right',
      render: (a) =>
        `${fmt.number(a.raisedValue)} ${a.unit}${a.limitValue === null ? '' : ` / ${fmt.number(a.limitValue)}`}`,
    },
    { key: 'actions', header: '', render: (a) => <AlarmActions alarm={a} canManage={manager} /> },
  ];

  return (
    <DataTable
      label={t('alarms.title')}
      endpoint="/api/smart/alarms"
      schema={alarmPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort="raisedAt"
      defaultOrder="desc"
      searchable={!sensorId}
      searchPlaceholder={t('alarms.searchPlaceholder')}
      filters={{ status, sensorId, siteId: siteId ?? undefined }}
      filterBar={
        <>
          <LiveIndicator state={stream} />
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as 'open' | 'all')}
            data={[
              { value: 'open', label: t('alarms.open') },
              { value: 'all', label: t('alarms.all') },
            ]}
          />
          {!sensorId && <SiteFilter value={siteId} onChange={setSiteId} w={220} />}
        </>
      }
      emptyTitle={t('alarms.emptyTitle')}
      emptyHint={t('alarms.emptyHint')}
    />
  );
}

import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { incidentKinds } from '#shared/modules/ohs/incidents/contract.ts';
import { myReportsPage } from '#shared/modules/ohs/self-service/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { KindBadge } from '../incidents/badges.tsx';

type Row = z.infer<typeof myReportsPage>['items'][number];

const statusColor = { received: 'gray', investigating: 'blue', closed: 'teal' } as const;
const actionColor = { open: 'gray', in_progress: 'blue', done: 'teal', verified: 'green' } as const;

/** What was done about a report: the reporter's immediate action, then the follow-up actions and their state. */
function WhatWasDone({ r }: { r: Row }) {
  const t = useOhsT();
  const label = useOhsLabel();
  if (!r.immediateActions && r.actions.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('self.nothingYet')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {r.immediateActions && (
        <Text size="xs" c="dimmed" lineClamp={2} title={r.immediateActions}>
          {t('self.immediate', { text: r.immediateActions })}
        </Text>
      )}
      {r.actions.map((a) => (
        <Group key={a.id} gap={6} wrap="nowrap" align="flex-start">
          <Badge
            size="xs"
            variant="light"
            color={a.overdue ? 'red' : actionColor[a.status]}
            style={{ flexShrink: 0 }}
            tt="none"
          >
            {label('actionStatuses', a.status)}
          </Badge>
          <Text size="xs">
            {a.title}{' '}
            <Text span size="xs" c="dimmed">
              (
              {a.doneAt
                ? t('self.doneOn', { date: a.doneAt.slice(0, 10) })
                : t('self.due', { date: a.dueDate })}
              )
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** My reports: what the signed-in person reported under their name, where each stands and what was done. */
export function MyReportsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | null>(null);

  const columns: Column<Row>[] = [
    {
      key: 'report',
      header: t('self.reportCol'),
      sortKey: 'reference',
      wrap: true,
      render: (r) => (
        <div style={{ minWidth: 180 }}>
          <Text size="sm" fw={500}>
            {r.title}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed" ff="monospace">
              {r.reference}
            </Text>
            <KindBadge kind={r.kind} />
          </Group>
        </div>
      ),
    },
    {
      key: 'occurred',
      header: t('self.reported'),
      sortKey: 'occurredAt',
      render: (r) => fmt.siteTime(r.occurredAt, r.timeZone),
    },
    {
      key: 'status',
      header: t('self.status'),
      render: (r) => (
        <Badge variant="light" color={statusColor[r.status]} tt="none" data-testid="report-status">
          {label('reportStatuses', r.status)}
        </Badge>
      ),
    },
    {
      key: 'done',
      header: t('self.whatWasDone'),
      wrap: true,
      render: (r) => (
        <div style={{ minWidth: 200 }}>
          <WhatWasDone r={r} />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('self.myReports')}
        crumbs={[{ label: t('nav.section') }, { label: t('self.myReports') }]}
        description={t('self.reportsDescription')}
        actions={
          can('ohs.report') ? (
            <ButtonLink to="/ohs/report" leftSection={<IconPlus size={16} />}>
              {t('self.report')}
            </ButtonLink>
          ) : null
        }
      />
      <DataTable
        label={t('self.myReports')}
        endpoint="/api/ohs/my/reports"
        schema={myReportsPage}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort="occurredAt"
        defaultOrder="desc"
        searchPlaceholder={t('self.search')}
        filters={{ kind: kind ?? undefined }}
        filterBar={
          <Select
            aria-label={t('self.kind')}
            placeholder={t('self.anyKind')}
            data={incidentKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
            value={kind}
            onChange={setKind}
            clearable
            w={200}
          />
        }
        onRowClick={(r) => void navigate({ to: '/ohs/incidents/$incidentId', params: { incidentId: r.id } })}
        emptyTitle={t('self.emptyTitle')}
        emptyHint={t('self.emptyHint')}
      />
    </>
  );
}

import { Badge, Button, Select, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ExitInterviewView,
  exitInterviewPage,
  exitInterviewScanResult,
  exitInterviewStatuses,
} from '#shared/modules/ip/exit-interviews/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { ipKeys } from '../api.ts';
import { useIpT } from '../i18n/index.ts';
import { ExitInterviewForm } from './ExitInterviewForm.tsx';

const EXIT_INTERVIEWS = '/api/ip/exit-interviews';
const statusColour = { due: 'orange', held: 'blue', acknowledged: 'green', withdrawn: 'gray' } as const;

/**
 * Exit interviews of leaving inventors and trade-secret holders, proposed from the HR leave dates (nightly, or
 * now with the button); Legal records each interview and files the signed acknowledgement.
 */
export function ExitInterviewsPage() {
  const t = useIpT();
  const queryClient = useQueryClient();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<ExitInterviewView | null>(null);
  const today = localDay();
  const scan = useMutation({
    mutationFn: () => api.post(`${EXIT_INTERVIEWS}/scan`, {}, exitInterviewScanResult),
    onSuccess: (r) => {
      notifications.show({ message: t('exitInterviews.scanned', r) });
      for (const key of [EXIT_INTERVIEWS, ipKeys.obligations])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const columns: Column<ExitInterviewView>[] = [
    {
      key: 'employee',
      header: t('exitInterviews.employee'),
      render: (x) => (
        <Text fw={600} size="sm">
          <span translate="no">{x.employeeNo}</span> {x.employeeName}
        </Text>
      ),
    },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'leaveDate',
      header: t('exitInterviews.leaveDate'),
      sortKey: 'leaveDate',
      render: (x) => x.leaveDate,
    },
    {
      key: 'due',
      header: t('exitInterviews.due'),
      sortKey: 'dueDate',
      render: (x) => {
        const late = x.dueDate < today && (x.status === 'due' || x.status === 'held');
        return (
          <Text size="sm" c={late ? 'red' : undefined}>
            {x.dueDate}
            {late ? ` · ${t('exitInterviews.overdue')}` : ''}
            {x.calendarKnown ? null : (
              <Tooltip label={t('exitInterviews.calendarUnknownHint')} multiline w={320}>
                <Badge size="xs" variant="light" color="yellow" ml={6}>
                  {t('exitInterviews.calendarUnknown')}
                </Badge>
              </Tooltip>
            )}
          </Text>
        );
      },
    },
    {
      key: 'why',
      header: t('exitInterviews.why'),
      render: (x) =>
        [
          x.inventor ? t('exitInterviews.inventor') : null,
          x.tradeSecrets.length > 0 ? t('exitInterviews.secrets', { count: x.tradeSecrets.length }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
    },
    {
      key: 'status',
      header: t('exitInterviews.status'),
      sortKey: 'status',
      render: (x) => (
        <Badge variant="light" color={statusColour[x.status]}>
          {t(`exitInterviews.statuses.${x.status}`)}
        </Badge>
      ),
    },
    { key: 'heldOn', header: t('exitInterviews.heldOn'), render: (x) => x.heldOn ?? '—' },
    { key: 'signedOn', header: t('exitInterviews.signedOn'), render: (x) => x.signedOn ?? '—' },
  ];
  return (
    <>
      <PageHeader
        title={t('exitInterviews.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('exitInterviews.title') }]}
        description={t('exitInterviews.description')}
        actions={
          <Button
            leftSection={<IconUserSearch size={16} />}
            loading={scan.isPending}
            onClick={() => scan.mutate()}
          >
            {t('exitInterviews.scan')}
          </Button>
        }
      />
      {scan.error ? <ProblemAlert error={scan.error} /> : null}
      <DataTable
        label={t('exitInterviews.title')}
        endpoint={EXIT_INTERVIEWS}
        schema={exitInterviewPage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="dueDate"
        filters={{ siteId: siteId ?? undefined, status: status ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('exitInterviews.status')}
              placeholder={t('exitInterviews.allStatuses')}
              data={exitInterviewStatuses.map((s) => ({
                value: s,
                label: t(`exitInterviews.statuses.${s}`),
              }))}
              value={status}
              onChange={setStatus}
              clearable
              w={200}
            />
          </>
        }
        exportPath={`${EXIT_INTERVIEWS}/export.csv`}
        exportXlsxPath={`${EXIT_INTERVIEWS}/export.xlsx`}
        onRowClick={(x) => setEditing(x)}
        emptyTitle={t('exitInterviews.emptyTitle')}
        emptyHint={t('exitInterviews.emptyHint')}
      />
      {editing && <ExitInterviewForm interview={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

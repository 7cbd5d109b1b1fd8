import { Badge, Group, Select, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { type FindingView, findingPage, findingStatuses } from '#shared/modules/infosec/findings/contract.ts';
import { severities } from '#shared/modules/infosec/findings/severity.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { FindingModal } from './FindingModal.tsx';
import { severityColor } from './keys.ts';

/** The findings list: filters by site, severity, status and overdue; sorts, pages and exports. */
export function FindingsTable({ engagementId }: { engagementId?: string }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('open');
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState<FindingView | null>(null);

  const columns: Column<FindingView>[] = [
    { key: 'site', header: t('common.site'), render: (f) => f.siteCode },
    {
      key: 'severity',
      header: t('findings.severity'),
      sortKey: 'severity',
      render: (f) => (
        <Badge color={severityColor[f.severity]} variant="light">
          {label('findings.severities', f.severity)}
          {f.cvssScore !== null ? ` ${f.cvssScore.toFixed(1)}` : ''}
        </Badge>
      ),
    },
    {
      key: 'title',
      header: t('findings.title'),
      sortKey: 'title',
      wrap: true,
      render: (f) => (
        <Text size="sm" fw={500}>
          {f.title}
        </Text>
      ),
    },
    { key: 'location', header: t('findings.location'), wrap: true, render: (f) => f.location ?? '—' },
    { key: 'tool', header: t('findings.tool'), render: (f) => f.tool },
    { key: 'system', header: t('findings.system'), render: (f) => f.systemName ?? '—' },
    {
      key: 'status',
      header: t('findings.status'),
      render: (f) => (
        <Group gap={4}>
          <Text size="sm">{label('findings.statuses', f.status)}</Text>
          {f.reopenedCount > 0 && (
            <Badge size="xs" color="grape" variant="light">
              {t('findings.reopened', { count: f.reopenedCount })}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'opened',
      header: t('findings.openedOn'),
      sortKey: 'openedOn',
      render: (f) => fmt.date(f.openedOn),
    },
    {
      key: 'due',
      header: t('findings.dueOn'),
      sortKey: 'dueOn',
      render: (f) =>
        f.overdue ? (
          <Text size="sm" c="red" fw={600}>
            {fmt.date(f.dueOn)}
          </Text>
        ) : (
          fmt.date(f.dueOn)
        ),
    },
  ];
  if (!engagementId)
    columns.splice(1, 0, {
      key: 'engagement',
      header: t('findings.engagement'),
      render: (f) => f.engagementReference,
    });

  return (
    <>
      <DataTable
        label={t('findings.findings')}
        endpoint="/api/infosec/findings"
        schema={findingPage}
        columns={columns}
        rowKey={(f) => f.id}
        defaultSort="severity"
        defaultOrder="desc"
        searchPlaceholder={t('findings.searchFindings')}
        filters={{
          engagementId,
          siteId: siteId ?? undefined,
          severity: severity ?? undefined,
          status: status ?? undefined,
          overdue: overdue ? 'true' : undefined,
        }}
        filterBar={
          <>
            {!engagementId && <SiteFilter value={siteId} onChange={setSiteId} w={200} />}
            <Select
              aria-label={t('findings.severity')}
              placeholder={t('findings.allSeverities')}
              data={[...severities]
                .reverse()
                .map((s) => ({ value: s, label: label('findings.severities', s) }))}
              value={severity}
              onChange={setSeverity}
              clearable
              w={160}
            />
            <Select
              aria-label={t('findings.status')}
              placeholder={t('findings.allStatuses')}
              data={findingStatuses.map((s) => ({ value: s, label: label('findings.statuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={160}
            />
            <Switch
              label={t('findings.overdueOnly')}
              checked={overdue}
              onChange={(e) => setOverdue(e.currentTarget.checked)}
            />
          </>
        }
        exportPath="/api/infosec/findings/export.csv"
        exportXlsxPath="/api/infosec/findings/export.xlsx"
        onRowClick={setOpen}
        emptyTitle={t('findings.emptyFindings')}
        emptyHint={t('findings.emptyFindingsHint')}
      />
      {open && <FindingModal finding={open} onClose={() => setOpen(null)} />}
    </>
  );
}

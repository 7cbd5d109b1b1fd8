import { Badge, Group, Select, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type IncidentSummary, incidentPage, incidentStatuses } from '#shared/modules/infosec/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { ClampedText } from '../../../platform/ui/ClampedText.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { DueBadge, LevelBadge, StatusBadge } from './badges.tsx';

/** Security incidents of the user's sites (for those who only report: their own reports), filtered and exported. */
export function SecurityIncidentsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { options: siteOptions } = useSites();
  const reader = can('infosec.read');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);

  const columns: Column<IncidentSummary>[] = [
    {
      key: 'reference',
      header: t('common.reference'),
      sortKey: 'reference',
      render: (i) => (
        <Text size="sm" ff="monospace" fw={600}>
          {i.reference}
        </Text>
      ),
    },
    {
      key: 'aware',
      header: t('incidents.awareAt'),
      sortKey: 'awareAt',
      render: (i) => fmt.dateTime(i.awareAt),
    },
    { key: 'site', header: t('common.site'), render: (i) => i.siteCode },
    {
      key: 'title',
      header: t('incidents.titleCol'),
      wrap: true,
      render: (i) => (
        <Group gap={6}>
          <ClampedText size="sm" fw={500} lines={2} text={i.title} />
          {i.sensitive && (
            <Badge size="xs" color="grape" variant="outline">
              {t('incidents.sensitive')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'level',
      header: t('common.level'),
      sortKey: 'level',
      render: (i) => <LevelBadge level={i.level} />,
    },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (i) => <StatusBadge status={i.status} />,
    },
    {
      key: 'due',
      header: t('incidents.nextDue'),
      render: (i) => <DueBadge dueAt={i.nextDueAt} overdue={i.overdue} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={reader ? t('incidents.title') : t('incidents.mine')}
        crumbs={[{ label: t('nav.section') }, { label: t('incidents.title') }]}
        description={t('incidents.description')}
        actions={
          can('infosec.report') ? (
            <ButtonLink to="/infosec/report" leftSection={<IconPlus size={16} />}>
              {t('incidents.report')}
            </ButtonLink>
          ) : null
        }
      />
      <DataTable
        label={t('incidents.title')}
        endpoint="/api/infosec/incidents"
        schema={incidentPage}
        columns={columns}
        rowKey={(i) => i.id}
        defaultSort="awareAt"
        defaultOrder="desc"
        searchPlaceholder={t('incidents.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          status: status ?? undefined,
          level: level ?? undefined,
          from: range[0] ?? undefined,
          to: range[1] ?? undefined,
          mine: reader ? undefined : 'true',
        }}
        filterBar={
          <>
            {siteOptions.length > 1 && reader && <SiteFilter value={siteId} onChange={setSiteId} w={220} />}
            <Select
              aria-label={t('common.status')}
              placeholder={t('incidents.allStatuses')}
              data={incidentStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
            <Select
              aria-label={t('common.level')}
              placeholder={t('incidents.allLevels')}
              data={[1, 2, 3, 4].map((l) => ({
                value: String(l),
                label: t('incidents.levelN', { level: l }),
              }))}
              value={level}
              onChange={setLevel}
              clearable
              w={150}
            />
            <DatePickerInput
              type="range"
              aria-label={t('incidents.dateRange')}
              placeholder={t('incidents.dateRange')}
              valueFormat="YYYY-MM-DD"
              value={range}
              onChange={(v) => setRange(v as [string | null, string | null])}
              clearable
              allowSingleDateInRange
              w={240}
            />
          </>
        }
        exportPath={reader ? '/api/infosec/incidents/export.csv' : undefined}
        exportXlsxPath={reader ? '/api/infosec/incidents/export.xlsx' : undefined}
        onRowClick={(i) =>
          void navigate({ to: '/infosec/incidents/$incidentId', params: { incidentId: i.id } })
        }
        emptyTitle={t('incidents.emptyTitle')}
        emptyHint={t('incidents.emptyHint')}
      />
    </>
  );
}

import { Badge, Group, Select, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { incidentKinds, incidentPage } from '#shared/modules/ohs/incidents/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { ClampedText } from '../../../platform/ui/ClampedText.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { InvestigationBadge, KindBadge, NoticeBadge } from './badges.tsx';

type Row = z.infer<typeof incidentPage>['items'][number];

/** Incidents of the user's sites (or, for those who only report, their own reports), with filters and exports. */
export function IncidentsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { siteId?: string; kind?: string };
  const reader = can('ohs.read');
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const siteId = search.siteId ?? null;
  const kind = search.kind ?? null;

  const setFilter = (patch: { siteId?: string | null; kind?: string | null }) =>
    void navigate({
      to: '/ohs/incidents',
      search: {
        siteId: (patch.siteId !== undefined ? patch.siteId : siteId) ?? undefined,
        kind: (patch.kind !== undefined ? patch.kind : kind) ?? undefined,
      },
      replace: true,
    });

  const filters = {
    siteId: siteId ?? undefined,
    kind: kind ?? undefined,
    from: range[0] ?? undefined,
    to: range[1] ?? undefined,
    mine: reader ? undefined : 'true',
  };

  const columns: Column<Row>[] = [
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
      key: 'occurred',
      header: t('incidents.occurred'),
      sortKey: 'occurredAt',
      render: (i) => fmt.siteTime(i.occurredAt, i.timeZone),
    },
    { key: 'site', header: t('common.site'), sortKey: 'site', render: (i) => i.siteCode },
    { key: 'kind', header: t('common.kind'), render: (i) => <KindBadge kind={i.kind} /> },
    {
      key: 'title',
      header: t('incidents.titleCol'),
      wrap: true,
      render: (i) => (
        <div>
          <ClampedText size="sm" fw={500} lines={2} text={i.title} />
          <Group gap={6}>
            {i.areaName && (
              <Text size="xs" c="dimmed">
                {i.areaName}
              </Text>
            )}
            {i.anonymous && (
              <Badge size="xs" variant="outline" color="gray">
                {t('incidents.anonymous')}
              </Badge>
            )}
            {i.commuting && (
              <Badge size="xs" variant="outline" color="gray">
                {t('incidents.commuting')}
              </Badge>
            )}
          </Group>
        </div>
      ),
    },
    {
      key: 'injured',
      header: t('incidents.injuredCol'),
      align: 'right',
      render: (i) => (i.injured ? fmt.number(i.injured) : ''),
    },
    {
      key: 'notice',
      header: t('incidents.notice'),
      render: (i) => <NoticeBadge notice={i.notice} timeZone={i.timeZone} />,
    },
    {
      key: 'investigation',
      header: t('incidents.investigation'),
      render: (i) =>
        i.investigationStatus ? (
          <InvestigationBadge status={i.investigationStatus} />
        ) : i.kind === 'injury' || i.kind === 'illness' ? (
          <Text size="xs" c="dimmed">
            {t('incidents.noInvestigation')}
          </Text>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={reader ? t('incidents.title') : t('incidents.mine')}
        crumbs={[
          { label: t('nav.section'), to: reader ? '/ohs' : undefined },
          { label: t('incidents.title') },
        ]}
        description={t('incidents.description')}
        actions={
          can('ohs.report') ? (
            <ButtonLink
              to="/ohs/report"
              search={{ site: siteId ?? undefined }}
              leftSection={<IconPlus size={16} />}
            >
              {t('incidents.report')}
            </ButtonLink>
          ) : null
        }
      />
      <DataTable
        label={t('incidents.title')}
        endpoint="/api/ohs/incidents"
        schema={incidentPage}
        columns={columns}
        rowKey={(i) => i.id}
        defaultSort="occurredAt"
        defaultOrder="desc"
        searchPlaceholder={t('incidents.searchPlaceholder')}
        filters={filters}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={(v) => setFilter({ siteId: v })} w={220} />
            <Select
              aria-label={t('common.kind')}
              placeholder={t('incidents.allKinds')}
              data={incidentKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
              value={kind}
              onChange={(v) => setFilter({ kind: v })}
              clearable
              w={200}
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
        exportPath={reader ? '/api/ohs/incidents/export.csv' : undefined}
        exportXlsxPath={reader ? '/api/ohs/incidents/export.xlsx' : undefined}
        onRowClick={(i) => void navigate({ to: '/ohs/incidents/$incidentId', params: { incidentId: i.id } })}
        emptyTitle={t('incidents.emptyTitle')}
        emptyHint={t('incidents.emptyHint')}
      />
    </>
  );
}

import { Badge, Button, NumberInput, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type DrillView,
  drillFigures,
  drillPage,
  drillStatuses,
} from '#shared/modules/infosec/drills/contract.ts';
import { drillKinds } from '#shared/modules/infosec/drills/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { drillKeys } from './api.ts';
import { PlanForm } from './PlanForm.tsx';

export const statusColor: Record<string, string> = { planned: 'blue', held: 'orange', reviewed: 'teal' };

/** The drills of the user's sites: filters, sorting, paging, exports, and the year's count as the report gives it. */
export function DrillsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [planning, setPlanning] = useState(false);
  const figures = useQuery({
    queryKey: [drillKeys.drills, 'figures', year, siteId],
    queryFn: () =>
      api.get('/api/infosec/drills/figures', drillFigures, {
        year: Number(year),
        siteId: siteId ?? undefined,
      }),
    enabled: Number(year) >= 1990,
  });

  const columns: Column<DrillView>[] = [
    { key: 'site', header: t('common.site'), render: (d) => d.siteCode },
    { key: 'kind', header: t('drills.kind'), render: (d) => label('drillKinds', d.kind) },
    {
      key: 'title',
      header: t('drills.titleCol'),
      sortKey: 'title',
      wrap: true,
      render: (d) => (
        <Text size="sm" fw={500}>
          {d.title}
        </Text>
      ),
    },
    { key: 'plannedOn', header: t('drills.plannedOn'), sortKey: 'plannedOn', render: (d) => d.plannedOn },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (d) => (
        <Badge variant="light" color={statusColor[d.status]}>
          {label('drillStatuses', d.status)}
        </Badge>
      ),
    },
    { key: 'heldOn', header: t('drills.heldOn'), render: (d) => d.heldOn ?? '—' },
    {
      key: 'met',
      header: t('drills.objectivesMet'),
      render: (d) =>
        d.objectivesMet === null ? (
          '—'
        ) : (
          <Badge variant="light" color={d.objectivesMet ? 'teal' : 'red'}>
            {d.objectivesMet ? t('common.yes') : t('common.no')}
          </Badge>
        ),
    },
    { key: 'next', header: t('drills.nextDue'), render: (d) => d.nextDueOn ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('drills.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('drills.title') }]}
        description={t('drills.description')}
        actions={
          can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setPlanning(true)}>
              {t('drills.plan')}
            </Button>
          ) : null
        }
      />
      {figures.data && (
        <Text size="sm" mb="sm" data-testid="drill-figures">
          {t('drills.figures', {
            year: figures.data.year,
            incident: figures.data.incidentDrills,
            ir: figures.data.incidentResponseDrills,
          })}
        </Text>
      )}
      <DataTable
        label={t('drills.title')}
        endpoint="/api/infosec/drills"
        schema={drillPage}
        columns={columns}
        rowKey={(d) => d.id}
        defaultSort="plannedOn"
        defaultOrder="desc"
        searchPlaceholder={t('drills.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          kind: kind ?? undefined,
          status: status ?? undefined,
          year: Number(year) >= 1990 ? Number(year) : undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('drills.kind')}
              placeholder={t('drills.allKinds')}
              data={drillKinds.map((k) => ({ value: k, label: label('drillKinds', k) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={170}
            />
            <Select
              aria-label={t('common.status')}
              placeholder={t('drills.allStatuses')}
              data={drillStatuses.map((s) => ({ value: s, label: label('drillStatuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={150}
            />
            <NumberInput
              aria-label={t('drills.year')}
              value={year}
              onChange={setYear}
              min={1990}
              max={2100}
              w={100}
            />
          </>
        }
        exportPath="/api/infosec/drills/export.csv"
        exportXlsxPath="/api/infosec/drills/export.xlsx"
        onRowClick={(d) => void navigate({ to: '/infosec/drills/$drillId', params: { drillId: d.id } })}
        emptyTitle={t('drills.emptyTitle')}
        emptyHint={t('drills.emptyHint')}
      />
      {planning && <PlanForm onClose={() => setPlanning(false)} />}
    </>
  );
}

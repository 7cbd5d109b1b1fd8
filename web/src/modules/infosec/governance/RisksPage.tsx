import { Badge, Button, Card, Group, SegmentedControl, Select, Switch, Text, Title } from '@mantine/core';
import { IconAdjustments, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type RiskView,
  riskHeatmap,
  riskMatrixView,
  riskPage,
  riskTreatments,
} from '#shared/modules/infosec/governance/contract.ts';
import { riskBands } from '#shared/modules/infosec/governance/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { RiskForm, risksKey } from './RiskForm.tsx';
import { bandColour, RiskHeatMap } from './RiskHeatMap.tsx';
import { RiskMatrixForm } from './RiskMatrixForm.tsx';

/** The risk register: the heat map of the risks on the matrix above the list (filters, sorting, paging, exports). */
export function RisksPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [treatment, setTreatment] = useState<string | null>(null);
  const [band, setBand] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [view, setView] = useState<'inherent' | 'residual'>('inherent');
  const [editing, setEditing] = useState<RiskView | 'new' | null>(null);
  const [settingMatrix, setSettingMatrix] = useState(false);
  const manage = can('infosec.manage');
  const matrix = useQuery({
    queryKey: [risksKey, 'matrix'],
    queryFn: () => api.get('/api/infosec/risk-matrix', riskMatrixView),
  });
  const heat = useQuery({
    queryKey: [risksKey, 'heatmap', siteId, view],
    queryFn: () =>
      api.get('/api/infosec/risks/heatmap', riskHeatmap, {
        siteId: siteId ?? undefined,
        residual: view === 'residual' ? 'true' : undefined,
      }),
  });

  const bandBadge = (b: RiskView['rating'] | null) =>
    b ? (
      <Badge variant="filled" color={bandColour[b.band]} c="dark">
        {`${b.score} · ${label('riskBands', b.band)}`}
      </Badge>
    ) : (
      '—'
    );
  const columns: Column<RiskView>[] = [
    { key: 'site', header: t('common.site'), render: (r) => r.siteCode },
    {
      key: 'title',
      header: t('risks.risk'),
      sortKey: 'title',
      wrap: true,
      render: (r) => (
        <Text size="sm" fw={500}>
          {r.title}
        </Text>
      ),
    },
    { key: 'system', header: t('risks.system'), render: (r) => r.systemName ?? '—' },
    { key: 'li', header: t('risks.lxi'), render: (r) => `${r.likelihood} × ${r.impact}` },
    { key: 'rating', header: t('risks.rating'), sortKey: 'score', render: (r) => bandBadge(r.rating) },
    { key: 'treatment', header: t('risks.treatment'), render: (r) => label('riskTreatments', r.treatment) },
    { key: 'owner', header: t('risks.owner'), render: (r) => r.ownerName ?? '—' },
    {
      key: 'reviewOn',
      header: t('risks.reviewOn'),
      sortKey: 'reviewOn',
      render: (r) =>
        r.reviewOverdue ? (
          <Badge color="red" variant="light">
            {t('risks.overdueOn', { date: r.reviewOn })}
          </Badge>
        ) : (
          r.reviewOn
        ),
    },
    { key: 'residual', header: t('risks.residual'), render: (r) => bandBadge(r.residualRating) },
  ];

  return (
    <>
      <PageHeader
        title={t('risks.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('risks.title') }]}
        description={t('risks.description')}
        actions={
          <Group gap="xs">
            {matrix.data?.mayChange && (
              <Button
                variant="default"
                leftSection={<IconAdjustments size={16} />}
                onClick={() => setSettingMatrix(true)}
              >
                {t('riskMatrix.title')}
              </Button>
            )}
            {manage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('risks.add')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder mb="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('risks.heatMap')}</Title>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'inherent' | 'residual')}
            data={[
              { value: 'inherent', label: t('risks.inherent') },
              { value: 'residual', label: t('risks.residual') },
            ]}
          />
        </Group>
        {heat.data && <RiskHeatMap view={heat.data} />}
        {heat.data && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('risks.heatNote', {
              count: heat.data.total,
              size: `${heat.data.matrix.likelihoodLevels} × ${heat.data.matrix.impactLevels}`,
            })}
          </Text>
        )}
      </Card>
      <DataTable
        label={t('risks.title')}
        endpoint="/api/infosec/risks"
        schema={riskPage}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort="score"
        defaultOrder="desc"
        searchPlaceholder={t('risks.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          treatment: treatment ?? undefined,
          band: band ?? undefined,
          overdue: overdue ? 'true' : undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('risks.rating')}
              placeholder={t('risks.allBands')}
              data={riskBands.map((b) => ({ value: b, label: label('riskBands', b) }))}
              value={band}
              onChange={setBand}
              clearable
              w={150}
            />
            <Select
              aria-label={t('risks.treatment')}
              placeholder={t('risks.allTreatments')}
              data={riskTreatments.map((k) => ({ value: k, label: label('riskTreatments', k) }))}
              value={treatment}
              onChange={setTreatment}
              clearable
              w={160}
            />
            <Switch
              label={t('risks.overdueOnly')}
              checked={overdue}
              onChange={(e) => setOverdue(e.currentTarget.checked)}
            />
          </>
        }
        exportPath="/api/infosec/risks/export.csv"
        exportXlsxPath="/api/infosec/risks/export.xlsx"
        onRowClick={manage ? (r) => setEditing(r) : undefined}
        emptyTitle={t('risks.emptyTitle')}
        emptyHint={t('risks.emptyHint')}
      />
      {settingMatrix && matrix.data && (
        <RiskMatrixForm current={matrix.data} onClose={() => setSettingMatrix(false)} />
      )}
      {editing && (
        <RiskForm
          record={editing === 'new' ? null : editing}
          levels={{
            likelihood: matrix.data?.likelihoodLevels ?? 10,
            impact: matrix.data?.impactLevels ?? 10,
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

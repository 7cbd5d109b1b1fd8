import { Badge, Button, SegmentedControl, Select, Text } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type KeepDropItem, keepDropPage, scoringModel } from '#shared/modules/ip/reassessment/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { MatterFilters, useSubsidiaryOptions } from '../MatterFilters.tsx';
import { DecideDialog } from './DecideDialog.tsx';
import { MODEL_KEY, ScoringModelForm } from './ScoringModelForm.tsx';

const views = ['open', 'revitalise', 'consider_drop', 'decided', 'all'] as const;
type View = (typeof views)[number];
const RECOMMENDATION_COLOURS = { keep: 'blue', revitalise: 'teal', consider_drop: 'orange' } as const;

/** Keep or drop: the patents with a fee coming due, their re-assessment and the decision before the fee. */
export function KeepDropPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const fmt = useFormat();
  const { sites } = useSites();
  const [view, setView] = useState<View>('open');
  const [months, setMonths] = useState<string>('12');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [subsidiaryId, setSubsidiaryId] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string | null>(null);
  const [open, setOpen] = useState<KeepDropItem | null>(null);
  const [tuning, setTuning] = useState(false);
  const model = useQuery({ queryKey: [MODEL_KEY], queryFn: () => api.get(MODEL_KEY, scoringModel) });
  const subsidiaries = useSubsidiaryOptions(sites);
  const today = localDay();
  const columns: Column<KeepDropItem>[] = [
    {
      key: 'matter',
      header: t('keepDrop.matter'),
      sortKey: 'office',
      render: (x) => (
        <Text ff="monospace" size="sm" fw={600}>
          {x.patentNo ?? x.applicationNo}
        </Text>
      ),
    },
    { key: 'office', header: t('common.office'), render: (x) => label('offices', x.office) },
    { key: 'family', header: t('keepDrop.family'), render: (x) => `${x.familyReference} · ${x.familyTitle}` },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    { key: 'technology', header: t('common.technology'), render: (x) => label('technologies', x.technology) },
    {
      key: 'fee',
      header: t('keepDrop.fee'),
      sortKey: 'feeDueDate',
      render: (x) => t('keepDrop.feeOf', { year: x.feeYear ?? '—', due: x.feeDueDate }),
    },
    {
      key: 'cost',
      header: t('keepDrop.cost'),
      render: (x) => (
        <>
          <Text size="sm">
            {x.feeAmountMinor === null ? '—' : `${x.feeCurrency} ${fmt.number(x.feeAmountMinor / 100)}`}
          </Text>
          {x.entitySize && (
            <Text size="xs" c="dimmed">
              {label('entitySizes', x.entitySize)}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'decideBy',
      header: t('keepDrop.decideBy'),
      sortKey: 'decideBy',
      render: (x) => (
        <Text size="sm" c={!x.decision && x.decideBy < today ? 'red' : undefined}>
          {x.decideBy}
        </Text>
      ),
    },
    {
      key: 'score',
      header: t('keepDrop.score'),
      sortKey: 'score',
      render: (x) => (
        <Text size="sm" ff="monospace">
          {fmt.number(x.assessment.overall)}
        </Text>
      ),
    },
    {
      key: 'recommendation',
      header: t('keepDrop.recommendation'),
      render: (x) => (
        <Badge variant="light" color={RECOMMENDATION_COLOURS[x.assessment.recommendation]}>
          {label('recommendations', x.assessment.recommendation)}
        </Badge>
      ),
    },
    {
      key: 'decision',
      header: t('keepDrop.decision'),
      render: (x) =>
        x.decision ? (
          <Badge color={x.decision.decision === 'drop' ? 'red' : 'green'}>
            {label('keepDropDecisions', x.decision.decision)}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('keepDrop.undecided')}
          </Text>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('keepDrop.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('keepDrop.title') }]}
        description={t('keepDrop.description')}
        actions={
          model.data ? (
            <Button
              variant="default"
              leftSection={<IconAdjustments size={16} />}
              onClick={() => setTuning(true)}
              disabled={!can('ip.manage')}
            >
              {t('keepDrop.model')}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="sm"
        aria-label={t('keepDrop.view')}
        value={view}
        onChange={(v) => setView(v as View)}
        data={views.map((v) => ({ value: v, label: t(`keepDrop.views.${v}`) }))}
      />
      <DataTable
        label={t('keepDrop.title')}
        endpoint="/api/ip/keep-or-drop"
        schema={keepDropPage}
        columns={columns}
        rowKey={(x) => x.matterId}
        defaultSort="decideBy"
        defaultOrder="asc"
        searchPlaceholder={t('keepDrop.search')}
        filters={{
          months,
          siteId: siteId ?? undefined,
          subsidiaryId: subsidiaryId ?? undefined,
          office: office ?? undefined,
          technology: technology ?? undefined,
          state: view === 'open' ? 'open' : view === 'decided' ? 'decided' : undefined,
          recommendation: view === 'revitalise' || view === 'consider_drop' ? view : undefined,
        }}
        filterBar={
          <>
            <Select
              aria-label={t('keepDrop.months')}
              data={['3', '6', '12', '24'].map((m) => ({
                value: m,
                label: t('keepDrop.monthsOf', { count: Number(m) }),
              }))}
              value={months}
              onChange={(v) => setMonths(v ?? '12')}
              w={150}
            />
            <SiteFilter value={siteId} onChange={setSiteId} w={180} />
            <MatterFilters
              subsidiaries={subsidiaries}
              subsidiary={{ value: subsidiaryId, onChange: setSubsidiaryId }}
              office={{ value: office, onChange: setOffice }}
              technology={{ value: technology, onChange: setTechnology }}
            />
          </>
        }
        exportPath="/api/ip/keep-or-drop/export.csv"
        exportXlsxPath="/api/ip/keep-or-drop/export.xlsx"
        onRowClick={(x) => setOpen(x)}
        emptyTitle={t('keepDrop.emptyTitle')}
        emptyHint={t('keepDrop.emptyHint')}
      />
      {open && <DecideDialog key={open.matterId} item={open} onClose={() => setOpen(null)} />}
      {tuning && model.data && <ScoringModelForm model={model.data} onClose={() => setTuning(false)} />}
    </>
  );
}

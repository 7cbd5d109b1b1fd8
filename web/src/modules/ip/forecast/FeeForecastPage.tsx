import { Group, List, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useMemo, useState } from 'react';
import { type ForecastFee, forecastFeePage, forecastView } from '#shared/modules/ip/forecast/contract.ts';
import { byYearAnd, type Dimension, total } from '#shared/modules/ip/forecast/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { useCountryName, useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { MatterFilters, useSubsidiaryOptions } from '../MatterFilters.tsx';

const dimensions = ['office', 'technology', 'subsidiary'] as const;
type Money = 'twdMinor' | 'usdMinor';

/**
 * The five-year fee forecast: the fees of the live patents by year and office, technology or subsidiary, in NT$
 * or US$, with the rates they were converted at; a fee without amount is counted and said, never drawn as 0.
 */
export function FeeForecastPage() {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  const country = useCountryName();
  const { sites } = useSites();
  const [dimension, setDimension] = useState<Dimension>('office');
  const [money, setMoney] = useState<Money>('twdMinor');
  const [subsidiaryId, setSubsidiaryId] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string | null>(null);
  const filters = {
    subsidiaryId: subsidiaryId ?? undefined,
    office: office ?? undefined,
    technology: technology ?? undefined,
  };
  const query = useQuery({
    queryKey: ['/api/ip/fee-forecast', filters],
    queryFn: ({ signal }) => api.get('/api/ip/fee-forecast', forecastView, filters, signal),
    placeholderData: keepPreviousData,
  });
  const subsidiaries = useSubsidiaryOptions(sites);

  const whole = (minor: number) => fmt.number(Math.round(minor / 100));
  const keyLabel = useCallback(
    (key: string, name: string | null) =>
      dimension === 'office'
        ? label('offices', key)
        : dimension === 'technology'
          ? label('technologies', key)
          : (name ?? t('forecast.noSubsidiary')),
    [dimension, label, t],
  );

  const data = query.data;
  const rows = useMemo(() => (data ? byYearAnd(data.groups, dimension) : []), [data, dimension]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b), [rows]);
  const keys = useMemo(() => {
    const seen = new Map<string, string | null>();
    for (const r of rows) seen.set(r.key, r.label);
    return [...seen];
  }, [rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 72, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value' },
      series: keys.map(([key, name]) => ({
        name: keyLabel(key, name),
        type: 'bar',
        stack: 'fees',
        data: years.map((y) => {
          const r = rows.find((x) => x.year === y && x.key === key);
          return r ? Math.round(r[money] / 100) : 0;
        }),
      })),
    }),
    [years, keys, rows, money, keyLabel],
  );

  const feeColumns: Column<ForecastFee>[] = [
    { key: 'due', header: t('forecast.due'), sortKey: 'dueDate', render: (f) => f.dueDate },
    {
      key: 'office',
      header: t('common.office'),
      sortKey: 'office',
      // A European patent after grant: the validation state paid, or the Unitary Patent.
      render: (f) =>
        f.paidTo === null
          ? label('offices', f.office)
          : `${label('offices', f.office)} · ${f.paidTo === 'UP' ? label('payees', 'unitary') : country(f.paidTo)}`,
    },
    {
      key: 'matter',
      header: t('keepDrop.matter'),
      render: (f) => (
        <Text ff="monospace" size="sm">
          {f.patentNo ?? f.applicationNo}
        </Text>
      ),
    },
    { key: 'family', header: t('keepDrop.family'), render: (f) => f.familyReference },
    { key: 'site', header: t('common.site'), render: (f) => f.siteCode },
    {
      key: 'year',
      header: t('keepDrop.fee'),
      render: (f) =>
        f.office === 'US'
          ? f.entitySize
            ? t('forecast.usStageOf', { years: f.year - 0.5, size: label('entitySizes', f.entitySize) })
            : t('forecast.usStage', { years: f.year - 0.5 })
          : t('forecast.feeYear', { year: f.year }),
    },
    {
      key: 'amount',
      header: t('forecast.amount'),
      render: (f) => (f.amountMinor === null ? '—' : `${f.currency} ${fmt.number(f.amountMinor / 100)}`),
    },
    {
      key: 'converted',
      header: money === 'twdMinor' ? 'NT$' : 'US$',
      render: (f) =>
        f.missing ? (
          <Text size="sm" c="orange">
            {t(`forecast.missing.${f.missing}`)}
          </Text>
        ) : (
          fmt.number((f[money] ?? 0) / 100)
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('forecast.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('forecast.title') }]}
        description={t('forecast.description')}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <MatterFilters
          subsidiaries={subsidiaries}
          subsidiary={{ value: subsidiaryId, onChange: setSubsidiaryId }}
          office={{ value: office, onChange: setOffice }}
          technology={{ value: technology, onChange: setTechnology }}
        />
        <SegmentedControl
          aria-label={t('forecast.by')}
          value={dimension}
          onChange={(v) => setDimension(v as Dimension)}
          data={dimensions.map((d) => ({ value: d, label: t(`forecast.dimensions.${d}`) }))}
        />
        <SegmentedControl
          aria-label={t('forecast.currency')}
          value={money}
          onChange={(v) => setMoney(v as Money)}
          data={[
            { value: 'twdMinor', label: 'NT$' },
            { value: 'usdMinor', label: 'US$' },
          ]}
        />
      </Group>
      <FigurePanel
        title={t('forecast.chart')}
        hint={data ? t('forecast.period', { from: data.from, to: data.to }) : undefined}
        query={query}
        loadingHeight={300}
        testId="ip-fee-forecast"
      >
        {(view) =>
          view.groups.length === 0 ? (
            <Text c="dimmed">{t('forecast.none')}</Text>
          ) : (
            <Stack gap="md">
              <Chart option={option} label={t('forecast.chart')} height={300} />
              <Table fz="sm" aria-label={t('forecast.title')} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`forecast.dimensions.${dimension}`)}</Table.Th>
                    {years.map((y) => (
                      <Table.Th key={y} ta="right">
                        {y}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('forecast.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...keys, ['', null] as const].map(([key, name], i) => {
                    const isTotal = i === keys.length;
                    const cells = years.map((y) =>
                      total(rows.filter((r) => r.year === y && (isTotal || r.key === key))),
                    );
                    const all = total(cells);
                    return (
                      <Table.Tr key={isTotal ? 'total' : key} fw={isTotal ? 700 : undefined}>
                        <Table.Td>{isTotal ? t('forecast.total') : keyLabel(key, name)}</Table.Td>
                        {[...cells, all].map((c, j) => (
                          <Table.Td key={years[j] ?? 'all'} ta="right">
                            {c.fees === c.missing ? '—' : whole(c[money])}
                            {c.missing > 0 && (
                              <Text size="xs" c="orange">
                                {t('forecast.missingOf', { count: c.missing })}
                              </Text>
                            )}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Paper withBorder p="sm" radius="sm">
                <Text size="sm" fw={600}>
                  {t('forecast.rates')}
                </Text>
                <List size="sm">
                  {view.rates.map((r) => (
                    <List.Item key={r.currency} c={r.state === 'missing' ? 'orange' : undefined}>
                      {r.state === 'found'
                        ? t('forecast.rateOf', { currency: r.currency, perUsd: r.perUsd, from: r.validFrom })
                        : t('forecast.rateMissing', { currency: r.currency, on: view.from })}
                    </List.Item>
                  ))}
                </List>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('forecast.missingHint')}
                </Text>
              </Paper>
            </Stack>
          )
        }
      </FigurePanel>
      <DataTable
        label={t('forecast.fees')}
        endpoint="/api/ip/fee-forecast/fees"
        schema={forecastFeePage}
        columns={feeColumns}
        rowKey={(f) => `${f.matterId}|${f.dueDate}|${f.paidTo ?? ''}`}
        defaultSort="dueDate"
        defaultOrder="asc"
        filters={filters}
        exportPath="/api/ip/fee-forecast/fees/export.csv"
        exportXlsxPath="/api/ip/fee-forecast/fees/export.xlsx"
        emptyTitle={t('forecast.none')}
      />
    </>
  );
}

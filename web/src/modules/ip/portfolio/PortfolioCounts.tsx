import { Group, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portfolioCounts } from '#shared/modules/ip/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';

/**
 * The portfolio as it stood on a day (today unless another is chosen): granted and pending patents per office,
 * counted from each matter's dated statuses, as the group's report publishes them.
 */
export function PortfolioCounts({ siteId }: { siteId: string | null }) {
  const t = useIpT();
  const label = useIpLabel();
  const { i18n } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const query = useQuery({
    queryKey: ['/api/ip/portfolio/counts', asOf, siteId],
    queryFn: ({ signal }) =>
      api.get(
        '/api/ip/portfolio/counts',
        portfolioCounts,
        { asOf: asOf || undefined, siteId: siteId ?? undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const counts = query.data;
  const shown = (counts?.offices ?? []).filter((o) => o.granted + o.pending > 0);
  const fmt = new Intl.NumberFormat(i18n.language);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 12, top: 16, bottom: 64 },
      xAxis: {
        type: 'category',
        // The office's name above its authority's, so that every label fits under its bar.
        data: shown.map((o) => label('offices', o.office).replace(/\s*([（(])/, '\n$1')),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('counts.granted'), type: 'bar', stack: 'all', data: shown.map((o) => o.granted) },
        { name: t('counts.pending'), type: 'bar', stack: 'all', data: shown.map((o) => o.pending) },
      ],
    }),
    [shown, t, label],
  );
  return (
    <FigurePanel
      title={t('counts.title')}
      hint={t('counts.hint')}
      query={query}
      loadingHeight={200}
      testId="ip-portfolio-counts"
      control={
        <TextInput
          type="date"
          label={t('counts.asOf')}
          value={asOf || counts?.asOf || ''}
          onChange={(e) => setAsOf(e.currentTarget.value)}
          w={180}
        />
      }
    >
      {(counts) =>
        shown.length === 0 ? (
          <Text c="dimmed">{t('counts.none', { asOf: counts.asOf })}</Text>
        ) : (
          <Group align="flex-start" grow wrap="wrap">
            <Table fz="sm" aria-label={t('counts.title')} style={{ minWidth: 300 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.office')}</Table.Th>
                  <Table.Th ta="right">{t('counts.granted')}</Table.Th>
                  <Table.Th ta="right">{t('counts.pending')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((o) => (
                  <Table.Tr key={o.office}>
                    <Table.Td>{label('offices', o.office)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(o.granted)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(o.pending)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('counts.total')}</Table.Td>
                  <Table.Td ta="right">{fmt.format(counts.granted)}</Table.Td>
                  <Table.Td ta="right">{fmt.format(counts.pending)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Chart option={option} label={t('counts.title')} height={240} />
          </Group>
        )
      }
    </FigurePanel>
  );
}

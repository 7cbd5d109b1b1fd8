import { Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { type CampaignView, campaignView } from '#shared/modules/infosec/governance/policies.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useInfosecT } from '../i18n/index.ts';
import { policiesKey } from './PolicyForm.tsx';

const today = () => localDay();

/** A share acknowledged; "nobody asked" where no one was asked, never 0 %. */
export function useRateText() {
  const t = useInfosecT();
  return (rate: number | null) => (rate === null ? t('policies.nobodyAsked') : `${rate.toFixed(1)}%`);
}

/** A campaign's progress: the share acknowledged per site as bars, the figures, and the people overdue. */
export function CampaignProgress({ campaignId }: { campaignId: string }) {
  const t = useInfosecT();
  const rateText = useRateText();
  const q = useQuery({
    queryKey: [policiesKey, 'campaign', campaignId],
    queryFn: () => api.get(`/api/infosec/policy-campaigns/${campaignId}`, campaignView),
  });
  const c = q.data;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 44, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: (c?.sites ?? []).map((s) => s.siteCode) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('policies.rate'),
          type: 'bar',
          // A site with nobody asked has no bar (no value), not a bar at zero.
          data: (c?.sites ?? []).map((s) => (s.rate === null ? '-' : s.rate)),
          itemStyle: { color: '#12b886' },
          label: { show: true, position: 'top', formatter: '{c}%' },
        },
      ],
    }),
    [c, t],
  );
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!c) return <Skeleton h={240} />;
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>
            {c.policyCode} {c.versionLabel} · {t('policies.progress')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('policies.dueOn')}: {c.dueOn}
          </Text>
        </Group>
        <Chart option={option} label={t('policies.progressChart')} height={220} />
        <SiteTable c={c} rateText={rateText} />
        <Title order={5}>{t('policies.overdue')}</Title>
        {c.dueOn >= today() ? (
          <Text size="sm" c="dimmed">
            {t('policies.overdueNotYet')}
          </Text>
        ) : c.overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('policies.overdueNone')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('policies.person')}</Table.Th>
                <Table.Th>{t('policies.site')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.overdue.map((p) => (
                <Table.Tr key={p.userId}>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td>{p.siteCode}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function SiteTable({ c, rateText }: { c: CampaignView; rateText: (r: number | null) => string }) {
  const t = useInfosecT();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('policies.site')}</Table.Th>
          <Table.Th ta="right">{t('policies.asked')}</Table.Th>
          <Table.Th ta="right">{t('policies.acknowledged')}</Table.Th>
          <Table.Th ta="right">{t('policies.rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {c.sites.map((s) => (
          <Table.Tr key={s.siteId}>
            <Table.Td>{s.siteCode}</Table.Td>
            <Table.Td ta="right">{s.asked}</Table.Td>
            <Table.Td ta="right">{s.acknowledged}</Table.Td>
            <Table.Td ta="right">{rateText(s.rate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

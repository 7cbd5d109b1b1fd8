import {
  Alert,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { type RateSet, statisticsView } from '#shared/modules/ohs/statistics/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useWrite } from '../../../platform/services/mutation.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys, useGroupWide } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

type Stats = z.infer<typeof statisticsView>;
type Row = Stats['rows'][number];
type Population = 'all' | 'employees' | 'nonEmployees';
type By = 'group' | 'subsidiary' | 'site';
type Period = 'year' | 'month';

export const statisticsQuery = (params: {
  from: number;
  to: number;
  by: By;
  period: Period;
  siteId?: string;
  yearToDate?: 'true';
}) => ({
  queryKey: [ohsKeys.statistics, params],
  queryFn: () => api.get('/api/ohs/statistics', statisticsView, params),
});

const num = (s: string | null) => (s === null ? null : Number(s));

/** Every period from `from` to `to` (years, or months up to the current one), so charts keep their time axis. */
export function allPeriods(from: number, to: number, period: Period): string[] {
  const out: string[] = [];
  const now = new Date();
  for (let y = from; y <= to; y++) {
    if (period === 'year') out.push(String(y));
    else
      for (let m = 1; m <= 12; m++) {
        if (y > now.getFullYear() || (y === now.getFullYear() && m > now.getMonth() + 1)) break;
        out.push(`${y}-${String(m).padStart(2, '0')}`);
      }
  }
  return out;
}

/** A rate as the server computed it (exact decimal, rounded by the setting), or a dash with the reason. */
export function Rate({ value }: { value: string | null }) {
  const t = useOhsT();
  if (value === null)
    return (
      <Tooltip label={t('statistics.noRateHint')}>
        <span>{t('statistics.noRate')}</span>
      </Tooltip>
    );
  return <>{value}</>;
}

function RoundingSetting() {
  const t = useOhsT();
  const settings = useQuery({
    queryKey: [ohsKeys.statistics, 'settings'],
    queryFn: () => api.get('/api/ohs/settings', statisticsView.pick({ rounding: true })),
  });
  const save = useWrite(
    (rounding: 'truncate' | 'round-half-up') => api.put('/api/ohs/settings', { rounding }),
    {
      invalidate: [ohsKeys.statistics, ohsKeys.goals],
      success: t('statistics.roundingSaved'),
    },
  );
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text fw={600} size="sm">
            {t('statistics.rounding')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('statistics.roundingHint')}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('statistics.rounding')}
          value={settings.data?.rounding ?? 'truncate'}
          onChange={(v) => save.mutate(v as 'truncate' | 'round-half-up')}
          disabled={save.isPending || !settings.data}
          data={[
            { value: 'truncate', label: t('statistics.truncate') },
            { value: 'round-half-up', label: t('statistics.roundHalfUp') },
          ]}
        />
      </Group>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Paper>
  );
}

const palette = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#364fc7',
  '#862e9c',
];

/** FR, SR and FSI (Taiwan), GRI 403-9 and OSHA rates by site, subsidiary or group, by year or month. */
export function StatisticsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const groupWide = useGroupWide();
  const thisYear = new Date().getFullYear();
  const [by, setBy] = useState<By>('group');
  const [period, setPeriod] = useState<Period>('year');
  const [from, setFrom] = useState(thisYear - 4);
  const [to, setTo] = useState(thisYear);
  const [population, setPopulation] = useState<Population>('all');
  const query = useQuery(statisticsQuery({ from, to, by, period }));
  const rows = query.data?.rows ?? [];
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));

  const periods = useMemo(
    () => [...new Set([...allPeriods(from, to, period), ...rows.map((r) => r.period)])].sort(),
    [rows, from, to, period],
  );
  const keys = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of rows) map.set(r.key, r.label);
    return [...map.entries()];
  }, [rows]);

  const series = (metric: 'fr' | 'sr' | 'fsi', pop: Population) =>
    keys.slice(0, 10).map(([key, name], i) => ({
      name: keys.length > 1 ? name : label('statistics', metric),
      type: 'line',
      smooth: false,
      symbolSize: 6,
      connectNulls: true,
      color: palette[i % palette.length],
      data: periods.map((p) => num(rows.find((r) => r.key === key && r.period === p)?.[pop][metric] ?? null)),
    }));

  const chartOption = (metric: 'fr' | 'sr' | 'fsi'): EChartsCoreOption => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 44, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: metric === 'sr' ? 1 : undefined },
    series: series(metric, population),
  });

  // Employees and other workers apart, for the whole scope (the group-level rows: rates from summed counts).
  const whole = useQuery(statisticsQuery({ from, to, by: 'group', period }));
  const splitOption: EChartsCoreOption = useMemo(() => {
    const wr = whole.data?.rows ?? [];
    const ps = [...new Set([...allPeriods(from, to, period), ...wr.map((r) => r.period)])].sort();
    const at = (p: string, pop: 'employees' | 'nonEmployees') =>
      num(wr.find((r) => r.period === p)?.[pop].fr ?? null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 44, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: ps },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('common.employees'),
          type: 'bar',
          barMaxWidth: 28,
          color: '#1c7ed6',
          data: ps.map((p) => at(p, 'employees')),
        },
        {
          name: t('common.nonEmployees'),
          type: 'bar',
          barMaxWidth: 28,
          color: '#e8590c',
          data: ps.map((p) => at(p, 'nonEmployees')),
        },
      ],
    };
  }, [whole.data, t, from, to, period]);

  const casesOption: EChartsCoreOption = useMemo(() => {
    const casesBy = (p: string) => rows.filter((r) => r.period === p).reduce((s, r) => s + r.injuryCases, 0);
    const hoursBy = (p: string) =>
      rows.filter((r) => r.period === p).reduce((s, r) => s + Number(r.all.hours), 0) / 1_000_000;
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 44, right: 50, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('statistics.cases'),
          type: 'bar',
          barMaxWidth: 36,
          color: '#fa5252',
          data: periods.map(casesBy),
        },
        {
          name: t('statistics.chartHours'),
          type: 'line',
          yAxisIndex: 1,
          color: '#868e96',
          data: periods.map((p) => Number(hoursBy(p).toFixed(2))),
        },
      ],
    };
  }, [rows, periods, t]);

  const sortedRows = [...rows].sort((a, b) =>
    a.period === b.period ? a.label.localeCompare(b.label) : b.period.localeCompare(a.period),
  );

  const cell = (r: RateSet, k: keyof RateSet) => {
    const v = r[k];
    return typeof v === 'number' ? fmt.number(v) : typeof v === 'string' ? v : '';
  };

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('statistics.title') }]}
        description={t('statistics.description')}
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm">
          <Group gap="md" wrap="wrap" align="flex-end">
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                {t('statistics.by')}
              </Text>
              <SegmentedControl
                aria-label={t('statistics.by')}
                value={by}
                onChange={(v) => setBy(v as By)}
                data={[
                  { value: 'group', label: t('statistics.byGroup') },
                  { value: 'subsidiary', label: t('statistics.bySubsidiary') },
                  { value: 'site', label: t('statistics.bySite') },
                ]}
              />
            </Stack>
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                {t('statistics.period')}
              </Text>
              <SegmentedControl
                aria-label={t('statistics.period')}
                value={period}
                onChange={(v) => setPeriod(v as Period)}
                data={[
                  { value: 'year', label: t('statistics.years') },
                  { value: 'month', label: t('statistics.months') },
                ]}
              />
            </Stack>
            <Select
              label={t('common.from')}
              data={years}
              value={String(from)}
              onChange={(v) => setFrom(Number(v))}
              allowDeselect={false}
              w={100}
            />
            <Select
              label={t('common.to')}
              data={years}
              value={String(to)}
              onChange={(v) => setTo(Number(v))}
              allowDeselect={false}
              w={100}
            />
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                {t('statistics.population')}
              </Text>
              <SegmentedControl
                aria-label={t('statistics.population')}
                value={population}
                onChange={(v) => setPopulation(v as Population)}
                data={[
                  { value: 'all', label: t('common.allWorkers') },
                  { value: 'employees', label: t('common.employees') },
                  { value: 'nonEmployees', label: t('common.nonEmployees') },
                ]}
              />
            </Stack>
          </Group>
        </Paper>
        {groupWide && <RoundingSetting />}
        {query.error ? <ProblemAlert error={query.error} /> : null}
        {query.isLoading ? (
          <Skeleton h={300} radius="md" />
        ) : rows.length === 0 ? (
          <Alert color="gray" icon={<IconInfoCircle size={16} />}>
            {t('statistics.noData')}
          </Alert>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {(['fr', 'sr', 'fsi'] as const).map((m) => (
                <Paper key={m} withBorder radius="md" p="md">
                  <Group justify="space-between" mb={4}>
                    <Title order={5}>
                      {label('statistics', m)} · {t(`statistics.${m}Long`)}
                    </Title>
                  </Group>
                  <Text size="xs" c="dimmed" mb="xs">
                    {t(`statistics.${m}Formula`)}
                  </Text>
                  <Chart
                    option={chartOption(m)}
                    label={`${label('statistics', m)} ${t('statistics.trend')}`}
                    height={240}
                  />
                </Paper>
              ))}
              <Paper withBorder radius="md" p="md">
                <Title order={5} mb={4}>
                  {t('statistics.fr')} · {t('common.employees')} / {t('common.nonEmployees')}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('statistics.frFormula')}
                </Text>
                <Chart option={splitOption} label={t('statistics.fr')} height={240} />
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Title order={5} mb={4}>
                  {t('statistics.cases')}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('statistics.casesHint')}
                </Text>
                <Chart option={casesOption} label={t('statistics.cases')} height={240} />
              </Paper>
            </SimpleGrid>
            <Paper withBorder radius="md">
              <Group p="md" pb={0} justify="space-between">
                <Title order={5}>{t('statistics.table')}</Title>
                <Text size="xs" c="dimmed">
                  {t('statistics.oshaNote')}
                </Text>
              </Group>
              <ScrollArea type="auto">
                <Table
                  striped
                  verticalSpacing={6}
                  fz="sm"
                  miw={1500}
                  aria-label={t('statistics.table')}
                  data-testid="statistics-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>
                        {by === 'site'
                          ? t('common.site')
                          : by === 'subsidiary'
                            ? t('statistics.bySubsidiary')
                            : t('statistics.byGroup')}
                      </Table.Th>
                      <Table.Th>{t('statistics.period')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.hours')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.cases')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.disabling')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.daysLost')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.fr')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.sr')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.fsi')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.fatalities')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.highConsequence')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.recordable')}</Table.Th>
                      <Table.Th ta="right">
                        {t('statistics.gri')} {t('statistics.recordable')} {t('statistics.perMillion')}
                      </Table.Th>
                      <Table.Th ta="right">
                        {t('statistics.gri')} {t('statistics.highConsequence')} {t('statistics.perMillion')}
                      </Table.Th>
                      <Table.Th ta="right">{t('statistics.trir')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.dartRate')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.ltir')}</Table.Th>
                      <Table.Th>{t('statistics.mainInjuryTypes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {sortedRows.map((r: Row) => {
                      const s = r[population];
                      return (
                        <Table.Tr key={`${r.key}-${r.period}`}>
                          <Table.Td fw={600}>
                            {r.key === 'group' ? t('statistics.byGroup') : r.label}
                          </Table.Td>
                          <Table.Td>{r.period}</Table.Td>
                          <Table.Td ta="right">{fmt.number(Number(s.hours))}</Table.Td>
                          <Table.Td ta="right">{fmt.number(r.injuryCases)}</Table.Td>
                          <Table.Td ta="right">{cell(s, 'disablingInjuries')}</Table.Td>
                          <Table.Td ta="right">{cell(s, 'daysLost')}</Table.Td>
                          <Table.Td ta="right" fw={600}>
                            <Rate value={s.fr} />
                          </Table.Td>
                          <Table.Td ta="right" fw={600}>
                            <Rate value={s.sr} />
                          </Table.Td>
                          <Table.Td ta="right" fw={600}>
                            <Rate value={s.fsi} />
                          </Table.Td>
                          <Table.Td ta="right">{cell(s, 'fatalities')}</Table.Td>
                          <Table.Td ta="right">{cell(s, 'highConsequence')}</Table.Td>
                          <Table.Td ta="right">{cell(s, 'recordable')}</Table.Td>
                          <Table.Td ta="right">
                            <Rate value={s.gri.recordableRatePerMillion} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Rate value={s.gri.highConsequenceRatePerMillion} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Rate value={s.trir} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Rate value={s.dartRate} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Rate value={s.ltir} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" c="dimmed">
                              {s.mainInjuryTypes
                                .slice(0, 3)
                                .map((m) => `${label('injuryTypes', m.injuryType)} ${m.count}`)
                                .join(', ')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}

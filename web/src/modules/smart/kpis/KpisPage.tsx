import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAdjustments, IconClockUp, IconDatabase, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { type AlarmKpiView, alarmKpiView } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useSmartT } from '../i18n/index.ts';
import { EscalationForm } from './EscalationForm.tsx';
import { KpiTables, percent } from './KpiTables.tsx';
import { RetentionForm } from './RetentionForm.tsx';
import { ThresholdsForm } from './ThresholdsForm.tsx';

const HOUR = 3_600_000;
const periods = { hours24: 24 * HOUR, days7: 7 * 24 * HOUR, days30: 30 * 24 * HOUR } as const;
type Period = keyof typeof periods;

/** One figure, its threshold beside it, and whether it meets it (none judged when there were no alarms). */
function Figure({
  name,
  value,
  threshold,
  ok,
}: {
  name: string;
  value: string;
  threshold: string;
  ok: boolean | null;
}) {
  const t = useSmartT();
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {name}
      </Text>
      <Group gap="xs" align="baseline" mt={4}>
        <Text fz={28} fw={700} lh={1.1}>
          {value}
        </Text>
        {ok !== null && (
          <Badge color={ok ? 'teal' : 'red'} variant="light">
            {ok ? t('kpis.withinTarget') : t('kpis.overTarget')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {threshold}
      </Text>
    </Paper>
  );
}

/** Alarms per window (10 minutes over a day), or per hour over longer periods so the bars stay readable. */
function RateChart({ kpis, hourly }: { kpis: AlarmKpiView; hourly: boolean }) {
  const t = useSmartT();
  const option = useMemo<EChartsCoreOption>(() => {
    const buckets = new Map<number, number>();
    for (const w of kpis.windows) {
      const start = Date.parse(w.start);
      const key = hourly ? start - (start % HOUR) : start;
      buckets.set(key, (buckets.get(key) ?? 0) + w.count);
    }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: hourly ? t('kpis.perHour') : t('kpis.perWindow', { minutes: kpis.thresholds.windowMinutes }),
          type: 'bar',
          barMaxWidth: 12,
          itemStyle: { color: '#e8590c' },
          data: [...buckets].map(([at, n]) => [new Date(at).toISOString(), n]),
        },
      ],
    };
  }, [kpis, hourly, t]);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        {hourly ? t('kpis.chartHourly') : t('kpis.chartWindows', { minutes: kpis.thresholds.windowMinutes })}
      </Title>
      <Chart option={option} height={240} label={t('kpis.chartLabel')} />
    </Paper>
  );
}

/** Alarm system performance of the user's sites (ISA-18.2 §16.9, EEMUA 191), with its thresholds. */
export function KpisPage() {
  const t = useSmartT();
  const fmt = useFormat();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>('hours24');
  const [editing, setEditing] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const [retaining, setRetaining] = useState(false);
  const query = useQuery({
    queryKey: ['/api/smart/kpis', siteId, period],
    queryFn: () => {
      const to = Date.now();
      return api.get('/api/smart/kpis', alarmKpiView, {
        siteId: siteId ?? undefined,
        from: new Date(to - periods[period]).toISOString(),
        to: new Date(to).toISOString(),
      });
    },
    refetchInterval: 60_000,
  });
  const k = query.data;
  const th = k?.thresholds;
  const busiest = (pick: (p: AlarmKpiView['positions'][number]) => number) =>
    Math.max(0, ...(k?.positions ?? []).map(pick));
  const judged = (ok: boolean) => (k && k.total > 0 ? ok : null);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('kpis.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('kpis.title') }]}
        description={t('kpis.description')}
        actions={
          query.data?.mayChangeThresholds && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" leftSection={<IconAdjustments size={16} />}>
                  {t('kpis.groupSettings')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconAdjustments size={16} />} onClick={() => setEditing(true)}>
                  {t('thresholds.title')}
                </Menu.Item>
                <Menu.Item leftSection={<IconClockUp size={16} />} onClick={() => setEscalating(true)}>
                  {t('escalation.title')}
                </Menu.Item>
                <Menu.Item leftSection={<IconDatabase size={16} />} onClick={() => setRetaining(true)}>
                  {t('retention.title')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      {escalating && <EscalationForm onClose={() => setEscalating(false)} />}
      {retaining && <RetentionForm onClose={() => setRetaining(false)} />}
      {editing && query.data && (
        <ThresholdsForm current={query.data.thresholds} onClose={() => setEditing(false)} />
      )}
      <Alert variant="light" icon={<IconInfoCircle size={18} />}>
        {t('kpis.perArea')}
      </Alert>
      <Group gap="sm">
        <SegmentedControl
          aria-label={t('kpis.period')}
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          data={(Object.keys(periods) as Period[]).map((p) => ({ value: p, label: t(`kpis.${p}`) }))}
        />
        <SiteFilter value={siteId} onChange={setSiteId} w={240} />
      </Group>
      {query.error ? (
        <ProblemAlert error={query.error} />
      ) : !k || !th ? (
        <Skeleton h={400} />
      ) : (
        <>
          {k.total === 0 && (
            <Alert color="gray" variant="light">
              {t('kpis.noAlarmsPeriod')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Figure
              name={t('kpis.total')}
              value={fmt.number(k.total)}
              threshold={t('kpis.periodRange', { from: fmt.dateTime(k.from), to: fmt.dateTime(k.to) })}
              ok={null}
            />
            <Figure
              name={t('kpis.averageBusiest', { minutes: th.windowMinutes })}
              value={fmt.number(Number(busiest((p) => p.averagePerWindow).toFixed(2)))}
              threshold={t('kpis.rateTarget', {
                acceptable: th.acceptablePerWindow,
                manageable: th.manageablePerWindow,
              })}
              ok={judged(busiest((p) => p.averagePerWindow) <= th.acceptablePerWindow)}
            />
            <Figure
              name={t('kpis.peakBusiest', { minutes: th.windowMinutes })}
              value={fmt.number(busiest((p) => p.peakPerWindow))}
              threshold={t('kpis.peakTarget', { above: th.floodStartAbove })}
              ok={judged(busiest((p) => p.peakPerWindow) <= th.floodStartAbove)}
            />
            <Figure
              name={t('kpis.timeInFlood')}
              value={percent(k.floodTimeShare, 2)}
              threshold={t('kpis.floodTarget', { percent: th.floodTimeTargetPercent })}
              ok={judged(k.floodTimeShare * 100 < th.floodTimeTargetPercent)}
            />
            <Figure
              name={t('kpis.chattering')}
              value={fmt.number(k.chattering.length)}
              threshold={t('kpis.chatteringTarget', { n: th.chatterCount, seconds: th.chatterSeconds })}
              ok={judged(k.chattering.length === 0)}
            />
            <Figure
              name={t('kpis.stale')}
              value={fmt.number(k.stale.length)}
              threshold={t('kpis.staleTarget', { hours: th.staleHours })}
              ok={k.stale.length === 0}
            />
            <Figure
              name={t('kpis.badActorsShare', { n: th.badActors })}
              value={percent(k.badActorsShare)}
              threshold={t('kpis.badActorsTarget')}
              ok={null}
            />
          </SimpleGrid>
          <RateChart kpis={k} hourly={period !== 'hours24'} />
          <KpiTables kpis={k} />
        </>
      )}
    </Stack>
  );
}

import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { readingsView, type SensorView, sensorView } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { AlarmsTable } from '../alarms/AlarmsTable.tsx';
import { smartKeys } from '../api.ts';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';
import { RespondersPanel } from './RespondersPanel.tsx';
import { SensorForm } from './SensorForm.tsx';
import { limitsLine } from './SensorsPage.tsx';

/** How far back the chart looks, and through which roll-up (raw readings for hours, per-hour means for a week). */
const periods = {
  hours6: { ms: 6 * 3_600_000, resolution: 'raw' },
  hours24: { ms: 24 * 3_600_000, resolution: 'minute' },
  days7: { ms: 7 * 86_400_000, resolution: 'hour' },
} as const;
type Period = keyof typeof periods;

function ReadingsChart({ sensor }: { sensor: SensorView }) {
  const t = useSmartT();
  const [period, setPeriod] = useState<Period>('hours6');
  const { ms, resolution } = periods[period];
  const query = useQuery({
    queryKey: [smartKeys.sensors, sensor.id, 'readings', period],
    queryFn: () =>
      api.get(`/api/smart/sensors/${sensor.id}/readings`, readingsView, {
        from: new Date(Date.now() - ms).toISOString(),
        resolution,
      }),
    refetchInterval: 15_000,
  });
  const option = useMemo<EChartsCoreOption>(() => {
    const points = query.data?.points ?? [];
    const limits = (
      [
        ['HH', sensor.limitHH, '#c92a2a'],
        ['H', sensor.limitH, '#e8590c'],
        ['L', sensor.limitL, '#e8590c'],
        ['LL', sensor.limitLL, '#c92a2a'],
      ] as const
    ).filter(([, v]) => v !== null);
    const start = points[0]?.at;
    const end = points[points.length - 1]?.at;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 56, top: 24, bottom: 32 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: sensor.unit, scale: true },
      series: [
        {
          name: sensor.tag,
          type: 'line',
          showSymbol: points.length < 60,
          data: points.map((p) => [p.at, p.value]),
        },
        ...limits.map(([name, value, color]) => ({
          name,
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed', color, width: 1 },
          itemStyle: { color },
          endLabel: { show: true, formatter: name },
          data:
            start && end
              ? [
                  [start, value],
                  [end, value],
                ]
              : [],
        })),
      ],
    };
  }, [query.data, sensor]);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('sensor.readings')}</Title>
        <SegmentedControl
          aria-label={t('sensor.period')}
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          data={(Object.keys(periods) as Period[]).map((p) => ({ value: p, label: t(`sensor.${p}`) }))}
        />
      </Group>
      {query.error ? (
        <ProblemAlert error={query.error} />
      ) : !query.data ? (
        <Skeleton h={300} />
      ) : query.data.points.length === 0 ? (
        <Text c="dimmed">{t('sensor.noReadings')}</Text>
      ) : (
        <Chart option={option} height={300} label={t('sensor.chartLabel', { tag: sensor.tag })} />
      )}
    </Paper>
  );
}

/** One sensor: what it watches, its limits, a chart of its recent readings and its alarms. */
export function SensorPage() {
  const t = useSmartT();
  const label = useSmartLabel();
  const fmt = useFormat();
  const can = useCan();
  const { sensorId } = useParams({ strict: false }) as { sensorId: string };
  const query = useQuery({
    queryKey: [smartKeys.sensors, sensorId],
    queryFn: () => api.get(`/api/smart/sensors/${sensorId}`, sensorView),
  });
  const [editing, setEditing] = useState(false);
  if (query.error) return <ProblemAlert error={query.error} />;
  const sensor = query.data;
  if (!sensor) return <Skeleton h={300} />;
  const fact = (name: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={`${sensor.tag} · ${sensor.name}`}
        crumbs={[
          { label: t('nav.section') },
          { label: t('sensors.title'), to: '/smart/sensors' },
          { label: sensor.tag },
        ]}
        actions={
          can('smart.manage') ? (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('sensors.edit')}
            </Button>
          ) : null
        }
      />
      <Group gap="xs">
        <Badge variant="light">{label('kinds', sensor.kind)}</Badge>
        {!sensor.inService && (
          <Badge color="gray" variant="outline">
            {t('sensors.outOfService')}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {fact(t('common.site'), sensor.siteCode)}
          {fact(t('common.area'), sensor.areaName ?? '—')}
          {fact(t('sensors.equipment'), sensor.equipment ?? '—')}
          {fact(t('sensors.gateway'), sensor.gateway ?? '—')}
          {fact(t('sensors.limits'), `${limitsLine(sensor, fmt.number)} ${sensor.unit}`)}
          {fact(t('sensors.deadband'), fmt.number(sensor.deadband))}
          {fact(t('sensors.onDelay'), fmt.number(sensor.onDelaySeconds))}
          {fact(t('sensors.offDelay'), fmt.number(sensor.offDelaySeconds))}
          {fact(
            t('sensors.last'),
            sensor.lastValue === null
              ? '—'
              : `${fmt.number(sensor.lastValue)} ${sensor.unit} · ${fmt.dateTime(sensor.lastAt)}`,
          )}
        </SimpleGrid>
      </Paper>
      <ReadingsChart sensor={sensor} />
      {sensor.areaId && can('smart.manage') && (
        <RespondersPanel areaId={sensor.areaId} areaName={sensor.areaName ?? ''} />
      )}
      <Title order={4}>{t('sensor.alarms')}</Title>
      <AlarmsTable sensorId={sensor.id} />
      {editing && <SensorForm record={sensor} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

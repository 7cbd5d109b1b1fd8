import { Alert, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { sensorPage } from '#shared/modules/smart/contract.ts';
import { type SensorTrendView, sensorTrendView } from '#shared/modules/smart/trends-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { smartKeys } from '../api.ts';
import { useSmartT } from '../i18n/index.ts';
import { ForecastChart } from './ForecastChart.tsx';
import { BacktestNote, ChoiceControl, FlaggedSteps } from './TrendParts.tsx';

const WINDOWS = { days14: 14, days28: 28 } as const;
type Window = keyof typeof WINDOWS;
const HORIZONS = { hours24: 24, hours48: 48 } as const;
type Horizon = keyof typeof HORIZONS;

/** "3/12 14:00" in the reader's language and clock. */
function useHourLabel() {
  const fmt = useFormat();
  return useMemo(() => {
    const hour = new Intl.DateTimeFormat(undefined, {
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    return { axis: (iso: string) => hour.format(new Date(iso)), full: fmt.dateTime };
  }, [fmt.dateTime]);
}

/** The sensors the reader sees, by site and area, for a searchable picker. */
function useSensorOptions() {
  const t = useSmartT();
  const { sites } = useSites();
  const query = useQuery({
    queryKey: [smartKeys.sensors, 'trend-picker'],
    queryFn: () => api.get('/api/smart/sensors', sensorPage, { pageSize: 500, sort: 'tag' }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const siteName = new Map(sites.map((s) => [s.id, s.name]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const s of query.data?.items ?? []) {
      const group = `${s.siteCode} · ${s.areaName ?? siteName.get(s.siteId) ?? t('trends.sensor.noArea')}`;
      const items = groups.get(group) ?? [];
      items.push({ value: s.id, label: `${s.tag} · ${s.name}` });
      groups.set(group, items);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [query.data, sites, t]);
  return { options, first: query.data?.items[0]?.id ?? null, loading: query.isLoading };
}

function SensorChart({ view }: { view: SensorTrendView }) {
  const t = useSmartT();
  const hour = useHourLabel();
  // The last week and the held-out hours: a month of hours is too dense to read.
  const shown = useMemo(() => view.actual.slice(-7 * 24), [view]);
  const steps = useMemo(() => [...shown.map((a) => a.at), ...view.forecast.map((f) => f.at)], [shown, view]);
  const values = useMemo(() => shown.map((a) => a.value), [shown]);
  return (
    <ForecastChart
      steps={steps}
      values={values}
      recent={view.recent}
      forecast={view.forecast}
      formatStep={hour.axis}
      label={t('trends.sensor.chartLabel', { unit: view.unit })}
    />
  );
}

function SensorTrendResult({ view }: { view: SensorTrendView }) {
  const t = useSmartT();
  const fmt = useFormat();
  const hour = useHourLabel();
  const flagged = view.recent.filter((r) => r.outside === true);
  const judged = view.recent.filter((r) => r.outside !== null).length;
  const value = (v: number) => `${v.toFixed(2)} ${view.unit}`;
  return (
    <>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>
            <span translate="no">{view.tag}</span> · <span translate="no">{view.name}</span>
          </Text>
          <Text size="sm" c="dimmed">
            {t('trends.sensor.period', {
              from: hour.full(view.from),
              to: hour.full(view.to),
              gaps: fmt.number(view.gaps),
            })}
          </Text>
        </Group>
        {view.unfitted ? (
          <Alert color="gray" variant="light">
            {t('trends.sensor.tooFewHours')}
          </Alert>
        ) : (
          <SensorChart view={view} />
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {t('trends.sensor.gapsNote')}
        </Text>
      </Paper>
      {!view.unfitted && (
        <>
          <BacktestNote
            backtest={view.backtest}
            covered={(coverage, points) => t('trends.sensor.backtest', { coverage, points })}
          />
          <FlaggedSteps
            title={t('trends.sensor.flaggedTitle', { hours: view.recent.length, judged: fmt.number(judged) })}
            whenHeader={t('trends.sensor.hour')}
            emptyText={t('trends.sensor.noneFlagged')}
            steps={flagged.map((r) => ({
              key: r.at,
              when: hour.full(r.at),
              actual: r.value === null ? '—' : value(r.value),
              expected: value(r.mean),
              interval: `${r.lower.toFixed(2)} – ${r.upper.toFixed(2)}`,
            }))}
          />
        </>
      )}
    </>
  );
}

/**
 * One sensor's hourly means with a forecast of the day and its 95% interval: the sensor picked by site and area
 * (searchable), the window and the hours ahead.
 */
export function SensorTrend() {
  const t = useSmartT();
  const sensors = useSensorOptions();
  const [picked, setPicked] = useState<string | null>(null);
  const [span, setSpan] = useState<Window>('days28');
  const [horizon, setHorizon] = useState<Horizon>('hours24');
  const sensorId = picked ?? sensors.first;
  const query = useQuery({
    queryKey: ['/api/smart/sensors', sensorId, 'trend', span, horizon],
    queryFn: () =>
      api.get(`/api/smart/sensors/${sensorId}/trend`, sensorTrendView, {
        days: WINDOWS[span],
        horizon: HORIZONS[horizon],
      }),
    enabled: !!sensorId,
  });
  return (
    <Stack gap="md">
      <Text fw={600} size="lg">
        {t('trends.sensor.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('trends.sensor.description')}
      </Text>
      <Group gap="sm">
        <Select
          aria-label={t('trends.sensor.picker')}
          placeholder={t('trends.sensor.picker')}
          data={sensors.options}
          value={sensorId}
          onChange={setPicked}
          searchable
          nothingFoundMessage={t('trends.sensor.nothingFound')}
          w={360}
          translate="no"
        />
        <ChoiceControl
          label={t('trends.sensor.window')}
          value={span}
          onChange={setSpan}
          choices={Object.keys(WINDOWS) as Window[]}
          labelOf={(w) => t(`trends.sensor.${w}`)}
        />
        <ChoiceControl
          label={t('trends.sensor.horizon')}
          value={horizon}
          onChange={setHorizon}
          choices={Object.keys(HORIZONS) as Horizon[]}
          labelOf={(h) => t(`trends.sensor.${h}`)}
        />
      </Group>
      {!sensors.loading && !sensorId ? (
        <Alert color="gray" variant="light">
          {t('trends.sensor.noSensors')}
        </Alert>
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : !query.data ? (
        <Skeleton h={420} />
      ) : (
        <SensorTrendResult view={query.data} />
      )}
    </Stack>
  );
}

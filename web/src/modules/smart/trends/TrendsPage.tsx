import { Alert, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  TREND_SERIES,
  type TrendSeries,
  type TrendView,
  trendView,
} from '#shared/modules/smart/trends-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useSmartT } from '../i18n/index.ts';
import { ForecastChart } from './ForecastChart.tsx';
import { SensorTrend } from './SensorTrend.tsx';
import { BacktestNote, ChoiceControl, FlaggedSteps } from './TrendParts.tsx';

const HISTORY = { days90: 90, days365: 365, days730: 730 } as const;
type History = keyof typeof HISTORY;
const HORIZON = 28;

/** The series' last months and its forecast: the interval as a band, the held-out days that left it marked. */
function TrendChart({ view }: { view: TrendView }) {
  const t = useSmartT();
  const fmt = useFormat();
  const shown = useMemo(() => view.actual.slice(-120), [view]);
  const steps = useMemo(
    () => [...shown.map((a) => a.date), ...view.forecast.map((f) => f.date)],
    [shown, view],
  );
  const values = useMemo(() => shown.map((a) => a.count), [shown]);
  return (
    <ForecastChart
      steps={steps}
      values={values}
      recent={view.recent}
      forecast={view.forecast}
      formatStep={fmt.dayMonth}
      label={t('trends.chartLabel')}
      counts
    />
  );
}

/** Daily counts with a weekly forecast and its 95% interval; days that left the interval are flagged. */
export function TrendsPage() {
  const t = useSmartT();
  const fmt = useFormat();
  const [series, setSeries] = useState<TrendSeries>('alarms');
  const [history, setHistory] = useState<History>('days365');
  const [siteId, setSiteId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['/api/smart/trends', series, history, siteId],
    queryFn: () =>
      api.get('/api/smart/trends', trendView, {
        series,
        days: HISTORY[history],
        horizon: HORIZON,
        siteId: siteId ?? undefined,
      }),
  });
  const v = query.data;
  const flagged = v?.recent.filter((r) => r.outside) ?? [];
  const total = v?.actual.reduce((s, a) => s + a.count, 0) ?? 0;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('trends.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('trends.title') }]}
        description={t('trends.description')}
      />
      <Group gap="sm">
        <ChoiceControl
          label={t('trends.series')}
          value={series}
          onChange={setSeries}
          choices={TREND_SERIES}
          labelOf={(s) => t(`trends.seriesNames.${s}`)}
        />
        <ChoiceControl
          label={t('trends.history')}
          value={history}
          onChange={setHistory}
          choices={Object.keys(HISTORY) as History[]}
          labelOf={(h) => t(`trends.${h}`)}
        />
        <SiteFilter value={siteId} onChange={setSiteId} w={240} />
      </Group>
      {query.error ? (
        <ProblemAlert error={query.error} />
      ) : !v ? (
        <Skeleton h={420} />
      ) : (
        <>
          {total === 0 && (
            <Alert color="gray" variant="light">
              {t('trends.none')}
            </Alert>
          )}
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t(`trends.seriesNames.${v.series}`)}</Text>
              <Text size="sm" c="dimmed">
                {t('trends.period', { from: v.from, to: v.to, total: fmt.number(total) })}
              </Text>
            </Group>
            <TrendChart view={v} />
          </Paper>
          <BacktestNote
            backtest={v.backtest}
            covered={(coverage, points) => t('trends.backtest', { coverage, points })}
          />
          <FlaggedSteps
            title={t('trends.flaggedTitle', { days: v.recent.length })}
            whenHeader={t('trends.day')}
            emptyText={t('trends.noneFlagged')}
            steps={flagged.map((r) => ({
              key: r.date,
              when: r.date,
              actual: fmt.number(r.count),
              expected: r.mean.toFixed(1),
              interval: `${r.lower.toFixed(1)} – ${r.upper.toFixed(1)}`,
            }))}
          />
        </>
      )}
      <SensorTrend />
    </Stack>
  );
}

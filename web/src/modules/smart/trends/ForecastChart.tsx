import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useSmartT } from '../i18n/index.ts';

type Band = { mean: number; lower: number; upper: number };

/**
 * A series and its forecast: the interval as a band over the held-out steps and the steps ahead, the expected
 * values dashed, the held-out steps that left the interval marked. A null value is a gap: the line breaks there.
 */
export function ForecastChart(props: {
  /** The x axis: the shown steps, then the steps ahead. */
  steps: string[];
  /** The shown steps' values (the held-out ones last). */
  values: (number | null)[];
  recent: (Band & { outside: boolean | null })[];
  forecast: Band[];
  formatStep: (step: string) => string;
  label: string;
  /** Whole numbers on the value axis (counts). */
  counts?: boolean;
}) {
  const t = useSmartT();
  const { steps, values, recent, forecast, formatStep, label, counts } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const blank = (n: number) => Array.from({ length: n }, () => null);
    const recentFrom = values.length - recent.length;
    const bandOf = (points: Band[], pad: number, after: number) => ({
      lower: [...blank(pad), ...points.map((p) => p.lower), ...blank(after)],
      width: [...blank(pad), ...points.map((p) => p.upper - p.lower), ...blank(after)],
    });
    const held = bandOf(recent, recentFrom, forecast.length);
    const ahead = bandOf(forecast, values.length, 0);
    const band = (name: string, series: ReturnType<typeof bandOf>, stack: string) => [
      {
        name,
        type: 'line',
        stack,
        data: series.lower,
        lineStyle: { opacity: 0 },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name,
        type: 'line',
        stack,
        data: series.width,
        lineStyle: { opacity: 0 },
        symbol: 'none',
        areaStyle: { opacity: 0.18 },
        tooltip: { show: false },
      },
    ];
    const round = (v: number) => Number(v.toFixed(2));
    return {
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [t('trends.actual'), t('trends.expected'), t('trends.interval'), t('trends.outside')],
      },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: steps, axisLabel: { formatter: formatStep } },
      yAxis: counts ? { type: 'value', minInterval: 1 } : { type: 'value', scale: true },
      series: [
        ...band(t('trends.interval'), held, 'held'),
        ...band(t('trends.interval'), ahead, 'ahead'),
        {
          name: t('trends.actual'),
          type: 'line',
          data: [...values, ...blank(forecast.length)],
          symbol: 'none',
        },
        {
          name: t('trends.expected'),
          type: 'line',
          data: [
            ...blank(recentFrom),
            ...recent.map((r) => round(r.mean)),
            ...forecast.map((f) => round(f.mean)),
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed' },
        },
        {
          name: t('trends.outside'),
          type: 'line',
          data: [
            ...blank(recentFrom),
            ...recent.map((r, i) => (r.outside ? values[recentFrom + i] : null)),
            ...blank(forecast.length),
          ],
          lineStyle: { opacity: 0 },
          symbol: 'circle',
          symbolSize: 9,
          itemStyle: { color: '#e03131' },
        },
      ],
    };
  }, [steps, values, recent, forecast, formatStep, counts, t]);
  return <Chart option={option} height={320} label={label} />;
}

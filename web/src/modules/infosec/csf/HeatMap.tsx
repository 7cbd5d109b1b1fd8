import { Box, Skeleton, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatMapView } from '#shared/modules/infosec/csf/contract.ts';
import { chartsAnimated } from '../../../platform/charts/Chart.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { levelColour } from './colours.ts';
import { useFunctionName, useScoreText } from './parts.tsx';

type EChartsInstance = ReturnType<typeof import('echarts/core').init>;

type Row = {
  key: string;
  label: string;
  assessmentId?: string;
  kind: 'site' | 'subsidiary' | 'group' | 'benchmark';
};

/**
 * Sites × functions of one year, then the subsidiaries' and the group's means and the industry benchmark:
 * the number in each cell, "not assessed" in words where there is none. A click on a site's cell opens its
 * assessment. The same figures are in a table for screen readers.
 */
export function CsfHeatMap({ view, onOpen }: { view: HeatMapView; onOpen: (assessmentId: string) => void }) {
  const t = useInfosecT();
  const scoreText = useScoreText();
  const fnName = useFunctionName();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [ready, setReady] = useState(false);
  const scheme = useComputedColorScheme('light');
  const reducedMotion = useReducedMotion() ?? false;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  const columns = [
    ...view.functions.map((f) => ({ key: f.identifier, label: `${fnName(f)}\n${f.identifier}` })),
    { key: '*', label: t('csf.overall') },
  ];
  const rows: (Row & { values: Record<string, number | null>; overall: number | null | undefined })[] = [
    ...view.sites.map((s) => ({
      key: s.siteId,
      label: `${s.siteCode} · ${s.siteName}`,
      assessmentId: s.assessmentId,
      kind: 'site' as const,
      values: s.functions,
      overall: s.score,
    })),
    ...view.subsidiaries.map((s) => ({
      key: s.subsidiaryId,
      label: s.subsidiaryName,
      kind: 'subsidiary' as const,
      values: s.functions,
      overall: s.score,
    })),
    {
      key: 'group',
      label: t('csf.group'),
      kind: 'group' as const,
      values: view.group.functions,
      overall: view.group.score,
    },
    {
      key: 'benchmark',
      label: t('csf.benchmark'),
      kind: 'benchmark' as const,
      values: view.benchmark,
      overall: undefined,
    },
  ];
  const height = Math.max(200, rows.length * 30 + 90);

  // biome-ignore lint/correctness/useExhaustiveDependencies: rows, columns and texts follow the view and the language
  const option = useMemo<EChartsCoreOption>(() => {
    const data: { value: [number, number, number]; label?: object; itemStyle?: object }[] = [];
    rows.forEach((row, y) => {
      columns.forEach((col, x) => {
        const v = col.key === '*' ? row.overall : row.values[col.key];
        if (v === undefined) return;
        data.push({
          value: [x, y, v ?? -1],
          itemStyle: { color: v === null ? (scheme === 'dark' ? '#373a40' : '#e9ecef') : levelColour(v) },
        });
      });
    });
    return {
      backgroundColor: 'transparent',
      animation: chartsAnimated(reducedMotion),
      tooltip: {
        formatter: (p: { value: [number, number, number] }) =>
          `${rows[p.value[1]].label}<br/>${columns[p.value[0]].label.replace('\n', ' ')}: ${scoreText(p.value[2] < 0 ? null : p.value[2])}`,
      },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        position: 'top',
        data: columns.map((c) => c.label),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        axisLabel: {
          fontSize: 11,
          formatter: (label: string, i: number) => (rows[i]?.kind === 'site' ? label : `{b|${label}}`),
          rich: { b: { fontWeight: 'bold' } },
        },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: true,
            fontSize: 11,
            formatter: (p: { value: [number, number, number] }) =>
              p.value[2] < 0 ? t('csf.notAssessed') : p.value[2].toFixed(1),
            color: '#1a1b1e',
          },
          itemStyle: { borderColor: scheme === 'dark' ? '#1a1b1e' : '#fff', borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: '#228be6', borderWidth: 2 } },
          cursor: 'pointer',
        },
      ],
    };
  }, [view, language, scheme, reducedMotion]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void Promise.all([
      import('../../../platform/charts/echarts-parts.ts'),
      import('./heatmap-parts.ts'),
    ]).then(([{ echarts }]) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, scheme === 'dark' ? 'dark' : undefined, {
        renderer: 'canvas',
      });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [scheme]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the rows follow the option
  useEffect(() => {
    const instance = chart.current;
    if (!ready || !instance) return;
    instance.setOption(option, { notMerge: true });
    instance.off('click');
    instance.on('click', (p) => {
      const y = (p.value as [number, number, number] | undefined)?.[1];
      const id = y === undefined ? undefined : rows[y]?.assessmentId;
      if (id) openRef.current(id);
    });
  }, [ready, option]);

  return (
    <Box>
      <Box pos="relative" h={height} role="img" aria-label={t('csf.heatMap')}>
        {!ready && <Skeleton h={height} radius="md" pos="absolute" inset={0} />}
        <div ref={ref} style={{ width: '100%', height }} data-testid="csf-heatmap" />
      </Box>
      <VisuallyHidden>
        <table aria-label={t('csf.heatMap')}>
          <thead>
            <tr>
              <th>{t('csf.site')}</th>
              {columns.map((c) => (
                <th key={c.key}>{c.label.replace('\n', ' ')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-row={r.label}>
                <th scope="row">{r.label}</th>
                {columns.map((c) => {
                  const v = c.key === '*' ? r.overall : r.values[c.key];
                  return <td key={c.key}>{v === undefined ? '' : scoreText(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}

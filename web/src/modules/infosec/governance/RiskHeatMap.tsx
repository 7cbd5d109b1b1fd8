import { Box, Skeleton, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { riskHeatmap } from '#shared/modules/infosec/governance/contract.ts';
import { bandOfScore, type RiskBand } from '#shared/modules/infosec/governance/rules.ts';
import { chartsAnimated } from '../../../platform/charts/Chart.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

type EChartsInstance = ReturnType<typeof import('echarts/core').init>;

export const bandColour: Record<RiskBand, string> = {
  low: '#8ce99a',
  medium: '#ffe066',
  high: '#ffa94d',
  critical: '#ff6b6b',
};

/**
 * The risks on the matrix: likelihood up, impact across, each cell in its band's colour with the number of
 * risks in it. The same counts are in a table for screen readers.
 */
export function RiskHeatMap({ view }: { view: z.infer<typeof riskHeatmap> }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [ready, setReady] = useState(false);
  const scheme = useComputedColorScheme('light');
  const reducedMotion = useReducedMotion() ?? false;
  const { matrix } = view;
  const impacts = Array.from({ length: matrix.impactLevels }, (_, i) => i + 1);
  const likelihoods = Array.from({ length: matrix.likelihoodLevels }, (_, i) => i + 1);
  const countOf = (l: number, i: number) =>
    view.cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const height = Math.max(220, matrix.likelihoodLevels * 48 + 70);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the cells follow the view and the language
  const option = useMemo<EChartsCoreOption>(() => {
    const data = likelihoods.flatMap((l) =>
      impacts.map((i) => ({
        value: [i - 1, l - 1, countOf(l, i)],
        itemStyle: { color: bandColour[bandOfScore(l * i, matrix)] },
      })),
    );
    return {
      backgroundColor: 'transparent',
      animation: chartsAnimated(reducedMotion),
      tooltip: {
        formatter: (p: { value: [number, number, number] }) => {
          const [i, l, n] = [p.value[0] + 1, p.value[1] + 1, p.value[2]];
          return t('risks.cellTip', {
            likelihood: l,
            impact: i,
            score: l * i,
            band: label('riskBands', bandOfScore(l * i, matrix)),
            count: n,
          });
        },
      },
      // Room for the axes' names, which containLabel does not count.
      grid: { left: 36, right: 8, top: 8, bottom: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: impacts.map(String),
        name: t('risks.impact'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: {
        type: 'category',
        data: likelihoods.map(String),
        name: t('risks.likelihood'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: true,
            fontSize: 13,
            fontWeight: 'bold',
            color: '#1a1b1e',
            formatter: (p: { value: [number, number, number] }) => (p.value[2] ? String(p.value[2]) : ''),
          },
          itemStyle: { borderColor: scheme === 'dark' ? '#1a1b1e' : '#fff', borderWidth: 2 },
        },
      ],
    };
  }, [view, i18n.language, scheme, reducedMotion]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void Promise.all([
      import('../../../platform/charts/echarts-parts.ts'),
      import('../csf/heatmap-parts.ts'),
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

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <Box>
      <Box pos="relative" h={height} role="img" aria-label={t('risks.heatMap')}>
        {!ready && <Skeleton h={height} radius="md" pos="absolute" inset={0} />}
        <div ref={ref} style={{ width: '100%', height }} data-testid="risk-heatmap" />
      </Box>
      <VisuallyHidden>
        <table aria-label={t('risks.heatMap')}>
          <thead>
            <tr>
              <th>{t('risks.likelihood')}</th>
              {impacts.map((i) => (
                <th key={i}>{`${t('risks.impact')} ${i}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...likelihoods].reverse().map((l) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {impacts.map((i) => (
                  <td key={i}>{countOf(l, i)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}

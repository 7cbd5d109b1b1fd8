import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { AssessmentView, CatalogueView } from '#shared/modules/infosec/csf/contract.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { useScoreText } from './parts.tsx';

/** One subcategory's answer as edited here. */

export function ScoresChart({
  assessment,
  catalogue,
}: {
  assessment: AssessmentView;
  catalogue?: CatalogueView;
}) {
  const t = useInfosecT();
  const scoreText = useScoreText();
  const option = useMemo<EChartsCoreOption>(() => {
    const title = (id: string) => catalogue?.functions.find((f) => f.identifier === id)?.title ?? id;
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null | undefined) => scoreText(v ?? null),
      },
      legend: { bottom: 0 },
      grid: { left: 36, right: 12, top: 20, bottom: 72 },
      xAxis: {
        type: 'category',
        data: assessment.functions.map((f) => `${title(f.identifier)}\n${f.identifier}`),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
      series: [
        {
          name: t('csf.current'),
          type: 'bar',
          data: assessment.functions.map((f) => f.score ?? '-'),
          itemStyle: { color: '#228be6' },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number }) => p.value.toFixed(1),
          },
        },
        {
          name: t('csf.target'),
          type: 'bar',
          data: assessment.functions.map((f) => f.target ?? '-'),
          itemStyle: { color: '#adb5bd' },
        },
      ],
    };
  }, [assessment, catalogue, t, scoreText]);
  return <Chart option={option} label={t('csf.scores')} height={260} />;
}

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartBlock, ReportLocale } from './definition.ts';
import { measureText } from './fonts.ts';
import { formatNumber } from './format.ts';

/**
 * Charts are drawn by ECharts on the server, without a canvas: its SVG renderer produces vector paths and
 * text that the PDF renderer places on the page (svg-to-pdfkit). Text is measured in the report font so
 * that ECharts lays out labels exactly as they will print.
 */
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? '');
    return { width: measureText(text, size, bold) };
  },
});

/** The family name charts ask for; the PDF renderer maps it to the embedded fonts. */
export const CHART_FONT_FAMILY = 'Noto Sans TC';

/** Steward's chart colours (Mantine's blue, teal, orange, grape, red, yellow, indigo, lime, cyan, pink). */
export const PALETTE = [
  '#228be6',
  '#12b886',
  '#fd7e14',
  '#be4bdb',
  '#fa5252',
  '#fab005',
  '#4c6ef5',
  '#82c91e',
  '#15aabf',
  '#e64980',
];

const FONT_SIZE = 8;

/**
 * How category labels fit under a plot `plotWidth` wide: level when they fit their slots, else turned
 * just enough (30, 45, 60 or 90 degrees) for neighbours to clear each other, and when even upright they
 * would touch, only every n-th label is shown (`interval` labels skipped between two shown).
 */
export function categoryLabelLayout(
  labels: string[],
  plotWidth: number,
  fontSize = FONT_SIZE,
): { rotate: number; interval: number } {
  if (labels.length === 0) return { rotate: 0, interval: 0 };
  const slot = plotWidth / labels.length;
  const widest = Math.max(...labels.map((l) => measureText(l, fontSize)));
  if (widest + 6 <= slot) return { rotate: 0, interval: 0 };
  const lineHeight = fontSize * 1.3;
  for (const rotate of [30, 45, 60, 90]) {
    if (slot * Math.sin((rotate * Math.PI) / 180) >= lineHeight) return { rotate, interval: 0 };
  }
  return { rotate: 90, interval: Math.ceil(lineHeight / slot) - 1 };
}

/** The ECharts option of a chart block, for a plot `width` points wide. */
export function chartOption(
  chart: ChartBlock,
  locale: ReportLocale,
  width: number,
): echarts.EChartsCoreOption {
  // A stacked bar names its one series too: the stack's meaning is in the legend.
  const multi = chart.series.length > 1 || chart.chart === 'stacked-bar';
  const { rotate, interval } = categoryLabelLayout(chart.categories, width - 60);
  const decimals = chart.decimals ?? 0;
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: '#495057' },
    // The grid's box holds the axis labels and name too ('same'), so it spans the whole chart.
    grid: { left: 0, right: 12, top: 6, bottom: multi ? 24 : 2, outerBoundsMode: 'same' },
    legend: multi
      ? {
          bottom: 0,
          itemWidth: 12,
          itemHeight: 8,
          itemGap: 14,
          textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: '#343a40' },
        }
      : { show: false },
    xAxis: {
      type: 'category',
      data: chart.categories,
      boundaryGap: chart.chart !== 'line',
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#868e96' } },
      axisLabel: {
        interval,
        rotate,
        fontSize: FONT_SIZE,
        color: '#495057',
        ...(rotate ? { width: 90, overflow: 'truncate' } : {}),
      },
    },
    yAxis: {
      type: 'value',
      name: chart.unit,
      nameTextStyle: { align: 'left', fontSize: FONT_SIZE, color: '#495057' },
      axisLabel: {
        fontSize: FONT_SIZE,
        color: '#495057',
        formatter: (v: number) => formatNumber(v, locale, decimals ? 'decimal' : 'integer', decimals),
      },
      splitLine: { lineStyle: { color: '#e9ecef' } },
      // Whole numbers of people or events: no ticks between them.
      ...(decimals ? {} : { minInterval: 1 }),
    },
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.chart === 'line' ? 'line' : 'bar',
      stack: chart.chart === 'stacked-bar' ? 'total' : undefined,
      data: s.values,
      barMaxWidth: 40,
      symbol: 'circle',
      symbolSize: 4,
      lineStyle: { width: 1.5 },
      emphasis: { disabled: true },
    })),
  };
}

/** The chart as an SVG document `width` × `height` (points, drawn 1:1 on the PDF page). */
export function renderChartSvg(
  chart: ChartBlock,
  locale: ReportLocale,
  width: number,
  height: number,
): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOption(chart, locale, width));
    return instance.renderToSVGString();
  } finally {
    // ECharts keeps an animation loop alive until its instance is disposed.
    instance.dispose();
  }
}

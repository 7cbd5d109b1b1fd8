import { Box, Skeleton, useComputedColorScheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type EChartsInstance = ReturnType<typeof import('echarts/core').init>;

/** Animation is off for users who ask for reduced motion, and in screenshots (which emulate it). */
export function chartsAnimated(reducedMotion: boolean) {
  return !reducedMotion && !(window as { __STEWARD_NO_ANIMATION__?: boolean }).__STEWARD_NO_ANIMATION__;
}

/** An ECharts chart that follows the theme and resizes with its box. ECharts loads on first use. */
export function Chart({
  option,
  height = 280,
  label,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [ready, setReady] = useState(false);
  const scheme = useComputedColorScheme('light');
  const reducedMotion = useReducedMotion() ?? false;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts-parts.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, scheme === 'dark' ? 'dark' : undefined, {
        renderer: 'canvas',
      });
      observer = new ResizeObserver(() => chart.current?.resize());
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
    if (!ready || !chart.current) return;
    chart.current.setOption(
      { backgroundColor: 'transparent', animation: chartsAnimated(reducedMotion), ...option },
      { notMerge: true },
    );
  }, [ready, option, reducedMotion]);

  return (
    <Box pos="relative" h={height} role="img" aria-label={label}>
      {!ready && <Skeleton h={height} radius="md" pos="absolute" inset={0} />}
      <div ref={ref} style={{ width: '100%', height }} />
    </Box>
  );
}

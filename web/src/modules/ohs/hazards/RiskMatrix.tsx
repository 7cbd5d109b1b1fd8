import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { z } from 'zod';
import type { riskMatrixView } from '#shared/modules/ohs/hazards/contract.ts';
import { type RiskLevel, riskLevel } from '#shared/modules/ohs/rules/risk.ts';
import { useOhsLabel, useOhsT, useZh } from '../i18n/index.ts';

export type Matrix = z.infer<typeof riskMatrixView>;

export const levelColors: Record<RiskLevel, string> = {
  low: 'green',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

/**
 * The likelihood × severity matrix as a coloured grid: severity across, likelihood up, each cell coloured by
 * its risk level and showing how many hazards sit there. A cell is a button that filters the register.
 */
export function RiskMatrix({
  matrix,
  counts,
  selected,
  onSelect,
}: {
  matrix: Matrix;
  counts: Map<string, number>;
  selected: { l: number; s: number } | null;
  onSelect: (cell: { l: number; s: number } | null) => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const zh = useZh();
  const steps = Array.from({ length: matrix.size }, (_, i) => i + 1);
  const name = (x: { en: string; zh: string }) => (zh ? x.zh : x.en);
  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: `28px 110px repeat(${matrix.size}, minmax(52px, 1fr))`,
        gap: 4,
      }}
      role="grid"
      aria-label={t('hazards.matrix')}
    >
      <Box
        style={{
          gridRow: `1 / span ${matrix.size}`,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        <Text
          size="xs"
          fw={700}
          c="dimmed"
          style={{ writingMode: 'vertical-rl', transform: zh ? undefined : 'rotate(180deg)' }}
        >
          {t('hazards.likelihood')}
        </Text>
      </Box>
      {[...steps].reverse().map((l) => (
        <Box key={`row-${l}`} style={{ display: 'contents' }} role="row">
          <Text size="xs" ta="right" pr={4} style={{ alignSelf: 'center' }} lineClamp={2}>
            {l} · {name(matrix.likelihood[l - 1])}
          </Text>
          {steps.map((s) => {
            const level = riskLevel(l, s, { ...matrix, bands: matrix.bands });
            const n = counts.get(`${l}x${s}`) ?? 0;
            const isSel = selected?.l === l && selected?.s === s;
            return (
              <Tooltip
                key={s}
                label={`${t('hazards.filteredCell', { l, s })} · ${label('levels', level)} · ${t('hazards.score', { score: l * s })}`}
              >
                <UnstyledButton
                  role="gridcell"
                  aria-label={`${t('hazards.filteredCell', { l, s })}: ${n}`}
                  aria-pressed={isSel}
                  onClick={() => onSelect(isSel ? null : { l, s })}
                  style={{
                    height: 44,
                    borderRadius: 6,
                    background: `var(--mantine-color-${levelColors[level]}-${n ? 5 : 2})`,
                    color: n ? 'white' : 'var(--mantine-color-dark-3)',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontWeight: 700,
                    outline: isSel ? '3px solid var(--mantine-color-blue-7)' : undefined,
                    outlineOffset: 1,
                  }}
                >
                  {n || ''}
                </UnstyledButton>
              </Tooltip>
            );
          })}
        </Box>
      ))}
      <Box />
      <Box />
      {steps.map((s) => (
        <Text key={s} size="xs" ta="center" lineClamp={2}>
          {s} · {name(matrix.severity[s - 1])}
        </Text>
      ))}
      <Box />
      <Box />
      <Text size="xs" fw={700} c="dimmed" ta="center" style={{ gridColumn: `span ${matrix.size}` }}>
        {t('hazards.severity')}
      </Text>
    </Box>
  );
}

import { Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useOhsT } from '../i18n/index.ts';
import { type Matrix, RiskMatrix } from './RiskMatrix.tsx';

export type MatrixView = 'residual' | 'initial';
type Cell = { l: number; s: number };

/** The risk matrix with how many hazards sit in each cell, residual or initial; a cell filters the register. */
export function HazardMatrixCard({
  matrix,
  counts,
  view,
  onView,
  cell,
  onSelect,
}: {
  matrix: Matrix | undefined;
  counts: Map<string, number>;
  view: MatrixView;
  onView: (view: MatrixView) => void;
  cell: Cell | null;
  onSelect: (cell: Cell | null) => void;
}) {
  const t = useOhsT();
  return (
    <Paper withBorder radius="md" p="md" maw={760}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('hazards.matrix')}</Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(x) => onView(x as MatrixView)}
          data={[
            { value: 'residual', label: t('hazards.residualMatrix') },
            { value: 'initial', label: t('hazards.initialMatrix') },
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('hazards.matrixHint')}
      </Text>
      {matrix && <RiskMatrix matrix={matrix} counts={counts} selected={cell} onSelect={onSelect} />}
    </Paper>
  );
}

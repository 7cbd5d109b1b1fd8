import { Select } from '@mantine/core';
import { useZh } from '../i18n/index.ts';
import type { Matrix } from './RiskMatrix.tsx';

/** One axis of the risk matrix (likelihood or severity) as a select of its numbered steps. */
export function StepPicker({
  label,
  matrix,
  axis,
  ...props
}: {
  label: string;
  matrix: Matrix;
  axis: 'likelihood' | 'severity';
  value?: string;
  onChange?: (v: string) => void;
  error?: React.ReactNode;
}) {
  const zh = useZh();
  return (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={matrix[axis].map((x, i) => ({ value: String(i + 1), label: `${i + 1} · ${zh ? x.zh : x.en}` }))}
      {...props}
      onChange={(v) => props.onChange?.(v ?? '')}
    />
  );
}

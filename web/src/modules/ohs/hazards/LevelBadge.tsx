import { Badge } from '@mantine/core';
import { useOhsLabel } from '../i18n/index.ts';
import { levelColors } from './RiskMatrix.tsx';

/** A risk level as a coloured badge, with the score before it when given. */
export function LevelBadge({ level, score }: { level: string; score?: number }) {
  const label = useOhsLabel();
  return (
    <Badge color={levelColors[level as keyof typeof levelColors] ?? 'gray'} variant="filled" radius="sm">
      {score !== undefined ? `${score} · ` : ''}
      {label('levels', level)}
    </Badge>
  );
}

import { Badge, Group, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type InfosecKey, useInfosecLabel, useInfosecT } from '../i18n/index.ts';

const statusColor: Record<string, string> = {
  draft: 'gray',
  in_review: 'blue',
  reviewed: 'indigo',
  signed_off: 'violet',
  approved: 'teal',
  superseded: 'dark',
};

export function CsfStatusBadge({ status }: { status: string }) {
  const label = useInfosecLabel();
  return (
    <Badge color={statusColor[status] ?? 'gray'} variant="light">
      {label('csfStatuses', status)}
    </Badge>
  );
}

/** A score with one decimal, or the words "not assessed" (never 0). */
export function useScoreText() {
  const t = useInfosecT();
  return (score: number | null | undefined) =>
    score === null || score === undefined ? t('csf.notAssessed') : score.toFixed(1);
}

export function ScoreText({ score }: { score: number | null }) {
  const text = useScoreText();
  return (
    <Text size="sm" fw={score === null ? 400 : 600} c={score === null ? 'dimmed' : undefined}>
      {text(score)}
    </Text>
  );
}

/** Subcategories answered out of those to answer, as a bar with the count in words. */
export function AnsweredBar({
  answered,
  toAnswer,
  w = 160,
}: {
  answered: number;
  toAnswer: number;
  w?: number;
}) {
  const t = useInfosecT();
  const value = toAnswer ? (answered / toAnswer) * 100 : 0;
  return (
    <Group gap={8} wrap="nowrap">
      <Progress value={value} w={w} color={answered >= toAnswer ? 'teal' : 'blue'} aria-hidden />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('csf.answeredOf', { answered, total: toAnswer })}
      </Text>
    </Group>
  );
}

/** True once the heat map's ECharts parts are registered. */
export function useHeatmapParts() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void Promise.all([
      import('../../../platform/charts/echarts-parts.ts'),
      import('./heatmap-parts.ts'),
    ]).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/**
 * A CSF function's name in the reader's language: the heat map and trend send the catalogue's English
 * titles, so the six names are translated here, falling back to the title sent.
 */
export function useFunctionName() {
  const t = useInfosecT();
  return (f: { identifier: string; title: string }) =>
    t(`csfFunctions.${f.identifier}` as InfosecKey, { defaultValue: f.title });
}

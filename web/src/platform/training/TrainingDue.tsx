import { Alert, Badge, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { dueStates, TrainingDueView } from '#shared/platform/training/contract.ts';
import { useLocalName } from '../ui/labels.ts';
import { useTrainingLabel, useTrainingT } from './texts.ts';

type State = (typeof dueStates)[number];
type Item = TrainingDueView['items'][number];

const stateColor: Record<State, string> = {
  overdue: 'red',
  not_taken: 'orange',
  due_soon: 'yellow',
  done: 'teal',
};

function DueCard({ item }: { item: Item }) {
  const t = useTrainingT();
  const label = useTrainingLabel();
  const localName = useLocalName();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`training-due-${item.code}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {localName({ name: item.title, nameZh: item.titleZh })}
          </Text>
          <Text size="xs" c="dimmed">
            {item.code} · {label('domains', item.domain)} ·{' '}
            {item.recurrenceMonths
              ? t('mine.everyMonths', { count: item.recurrenceMonths })
              : t('mine.noRepeat')}
          </Text>
        </div>
        <Badge color={stateColor[item.state]} variant="light" style={{ flexShrink: 0 }} tt="none">
          {label('dueStates', item.state)}
        </Badge>
      </Group>
      <Group gap="lg" mt={6}>
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            {t('mine.lastCompleted')}:{' '}
          </Text>
          {item.lastCompletedOn ?? t('mine.never')}
        </Text>
        {item.dueOn && (
          <Text size="xs">
            <Text span c="dimmed" size="xs">
              {t('mine.dueOn')}:{' '}
            </Text>
            {item.dueOn}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** A person's training due: a summary, a filter by status, and one card per course (readable on a phone). */
export function TrainingDueList({ data }: { data: TrainingDueView | undefined }) {
  const t = useTrainingT();
  const label = useTrainingLabel();
  const [state, setState] = useState<'all' | State>('all');
  if (!data) return <Skeleton h={120} radius="md" />;
  if (!data.person)
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />}>
        {t('mine.noPerson')}
      </Alert>
    );
  if (data.items.length === 0)
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />} title={t('mine.empty')}>
        {t('mine.emptyHint')}
      </Alert>
    );
  const shown = state === 'all' ? data.items : data.items.filter((i) => i.state === state);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="training-due-summary">
        {t('mine.summary', data.counts)}
      </Text>
      <SegmentedControl
        size="xs"
        value={state}
        onChange={(v) => setState(v as 'all' | State)}
        data={[
          { value: 'all', label: `${data.items.length}` },
          ...(['overdue', 'not_taken', 'due_soon', 'done'] as const).map((s) => ({
            value: s,
            label: label('dueStates', s),
          })),
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {shown.map((i) => (
        <DueCard key={i.courseId} item={i} />
      ))}
    </Stack>
  );
}

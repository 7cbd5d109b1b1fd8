import { Alert, Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useSmartT } from '../i18n/index.ts';

/** One of a few named choices (the series, the history, the window, the hours ahead), side by side. */
export function ChoiceControl<Choice extends string>({
  label,
  value,
  onChange,
  choices,
  labelOf,
}: {
  label: string;
  value: Choice;
  onChange: (choice: Choice) => void;
  choices: readonly Choice[];
  labelOf: (choice: Choice) => string;
}) {
  return (
    <SegmentedControl
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v as Choice)}
      data={choices.map((c) => ({ value: c, label: labelOf(c) }))}
    />
  );
}

/** How often the held-out steps of the backtest fell inside the interval, or that there was none. */
export function BacktestNote({
  backtest,
  covered,
}: {
  backtest: { coverage: number | null; points: number };
  /** The sentence for a backtest, given its coverage in percent and its points, both written out. */
  covered: (coverage: string, points: string) => string;
}) {
  const t = useSmartT();
  const fmt = useFormat();
  return (
    <Alert variant="light" icon={<IconInfoCircle size={18} />}>
      {backtest.coverage === null
        ? t('trends.noBacktest')
        : covered((backtest.coverage * 100).toFixed(1), fmt.number(backtest.points))}
    </Alert>
  );
}

/** A step that left the interval, written out: when, what was seen, what was expected, the interval. */
export type FlaggedStep = { key: string; when: string; actual: string; expected: string; interval: string };

/** The recent steps (days or hours) that left the forecast's interval, counted, or the words saying none did. */
export function FlaggedSteps({
  title,
  whenHeader,
  emptyText,
  steps,
}: {
  title: string;
  whenHeader: string;
  emptyText: string;
  steps: FlaggedStep[];
}) {
  const t = useSmartT();
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" radius="md">
      <Group gap="xs" mb="xs">
        <Text fw={600}>{title}</Text>
        <Badge color={steps.length ? 'red' : 'teal'} variant="light">
          {fmt.number(steps.length)}
        </Badge>
      </Group>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{whenHeader}</Table.Th>
              <Table.Th ta="right">{t('trends.actual')}</Table.Th>
              <Table.Th ta="right">{t('trends.expected')}</Table.Th>
              <Table.Th ta="right">{t('trends.interval')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Td>{s.when}</Table.Td>
                <Table.Td ta="right">{s.actual}</Table.Td>
                <Table.Td ta="right">{s.expected}</Table.Td>
                <Table.Td ta="right">{s.interval}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

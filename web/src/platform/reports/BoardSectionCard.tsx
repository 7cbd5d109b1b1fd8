import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { BoardSectionOutcome } from '#shared/platform/reports/board.ts';

/** One section of a program's Board report: its figures, the words for those it cannot give, and its notes. */
export function BoardSectionCard({ section, locale }: { section: BoardSectionOutcome; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <Paper withBorder p="md" radius="md" data-testid={`board-section-${section.key}`}>
      <Title order={5} mb="xs">
        {section.heading}
      </Title>
      <Stack gap={6}>
        {section.figures.map((f) => (
          <Group key={f.key} justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">{f.label}</Text>
            {f.value === null ? (
              <Text size="sm" c="orange.8" ta="right" maw="60%">
                {f.missing}
              </Text>
            ) : (
              <Text size="sm" fw={700} data-testid={`board-figure-${section.key}-${f.key}`}>
                {number.format(f.value)}
                {f.unit ? ` ${f.unit}` : ''}
              </Text>
            )}
          </Group>
        ))}
        {section.notes.map((n) => (
          <Text key={n} size="xs" c="dimmed">
            {n}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { BoardSectionOutcome, BoardTable } from '#shared/platform/reports/board.ts';

function SectionTable({ table, locale }: { table: BoardTable; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const cell = (value: string | number | null, format: string, decimals?: number) => {
    if (value === null) return '—';
    if (typeof value === 'string') return value;
    if (format === 'percent')
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: decimals ?? 1 }).format(
        value,
      );
    if (format === 'decimal')
      return new Intl.NumberFormat(locale, {
        minimumFractionDigits: decimals ?? 1,
        maximumFractionDigits: decimals ?? 1,
      }).format(value);
    return number.format(value);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {table.title}
      </Text>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {table.emptyText}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360} mah={320}>
          <Table striped withTableBorder fz="sm" data-testid={`board-table-${table.key}`}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c.header} ta={c.format === 'text' ? 'left' : 'right'}>
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed breakdown, never reordered.
                <Table.Tr key={i}>
                  {row.map((value, j) => {
                    const c = table.columns[j];
                    return (
                      <Table.Td
                        key={c.header}
                        ta={c.format === 'text' ? 'left' : 'right'}
                        translate={c.format === 'text' ? 'no' : undefined}
                      >
                        {cell(value, c.format, c.decimals)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * One section of a program's Board report on its page: each figure, or the words saying why it cannot be
 * given, its breakdowns and what it counts.
 */
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
        {(section.tables ?? []).map((t) => (
          <SectionTable key={t.key} table={t} locale={locale} />
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

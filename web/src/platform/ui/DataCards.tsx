import { ActionIcon, Box, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from './DataTable.tsx';

type DataCardsProps<T> = {
  columns: Column<T>[];
  items: T[];
  loading: boolean;
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  renderExpanded?: (row: T) => ReactNode;
  expanded: ReadonlySet<string>;
  toggleExpanded: (key: string) => void;
  label: string;
  total: number | undefined;
  busy: boolean;
  dimmed: boolean;
};

/**
 * A list's rows as cards, for a phone: the first column is the card's title, every other column a labelled
 * line, so nothing is cut off or hidden behind a sideways scroll.
 */
export function DataCards<T>(props: DataCardsProps<T>) {
  const { t } = useTranslation();
  const [first, ...rest] = props.columns;
  if (props.loading)
    return (
      <Stack gap="xs" p="sm">
        {Array.from({ length: 3 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards
          <Skeleton key={i} height={64} radius="sm" />
        ))}
      </Stack>
    );
  return (
    <Stack
      gap={0}
      role="list"
      aria-label={props.label}
      aria-busy={props.busy}
      data-total={props.total}
      style={{ opacity: props.dimmed ? 0.6 : 1 }}
    >
      {props.items.map((row) => {
        const key = props.rowKey(row);
        const open = props.expanded.has(key);
        return (
          <Paper
            key={key}
            role="listitem"
            p="sm"
            radius={0}
            style={{
              borderBottom: '1px solid var(--mantine-color-default-border)',
              cursor: props.onRowClick ? 'pointer' : undefined,
            }}
            tabIndex={props.onRowClick ? 0 : undefined}
            onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
            onKeyDown={
              props.onRowClick
                ? (e) => {
                    if (e.key === 'Enter') props.onRowClick?.(row);
                  }
                : undefined
            }
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Box fw={600} fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {first?.render(row)}
              </Box>
              {props.renderExpanded && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  onClick={(e) => {
                    e.stopPropagation();
                    props.toggleExpanded(key);
                  }}
                  aria-expanded={open}
                  aria-label={open ? t('table.collapse') : t('table.expand')}
                >
                  {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                </ActionIcon>
              )}
            </Group>
            <Stack gap={2} mt={4}>
              {rest.map((col) => (
                <Group key={col.key} gap="xs" wrap="nowrap" align="baseline">
                  <Text size="xs" c="dimmed" w="38%" style={{ flexShrink: 0 }}>
                    {col.header}
                  </Text>
                  <Box fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {col.render(row)}
                  </Box>
                </Group>
              ))}
            </Stack>
            {open && props.renderExpanded && (
              <Box mt="xs" p="xs" style={{ background: 'var(--mantine-color-default-hover)' }}>
                {props.renderExpanded(row)}
              </Box>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

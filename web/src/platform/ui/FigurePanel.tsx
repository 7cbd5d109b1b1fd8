import { Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryContent } from './QueryCard.tsx';

/**
 * A panel of figures fed by one query: its title and hint, a control on the right that chooses what the figures
 * are of (a year, a date), and its content only from an answer (a refusal or a failure is said, never drawn as
 * zeros). The previous answer stays while the next loads when the query keeps it.
 */
export function FigurePanel<T>({
  title,
  hint,
  control,
  query,
  loadingHeight = 120,
  testId,
  children,
}: {
  title: string;
  hint?: string;
  control?: ReactNode;
  query: UseQueryResult<T>;
  loadingHeight?: number;
  testId?: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid={testId}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={4}>{title}</Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {control}
      </Group>
      <QueryContent query={query} loading={<Skeleton h={loadingHeight} />}>
        {children}
      </QueryContent>
    </Paper>
  );
}

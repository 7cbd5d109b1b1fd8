import { Badge, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { AnchorLink } from './links.tsx';
import { ProblemAlert } from './problem.tsx';

/**
 * What a query's part of a page may show. Only an answer is shown as figures: a query not asked (the role
 * may not see it) hides its part; a refusal (403) says so in words or hides the part; any other failure
 * shows the problem. Never an empty list or a zero standing for "nothing to do".
 */
export type QueryOutcome = 'not-asked' | 'loading' | 'refused' | 'failed' | 'answered';

export function queryOutcome(query: Pick<UseQueryResult, 'status' | 'fetchStatus' | 'error'>): QueryOutcome {
  if (query.status === 'success') return 'answered';
  if (query.status === 'error')
    return query.error instanceof ApiError && query.error.status === 403 ? 'refused' : 'failed';
  return query.fetchStatus === 'idle' ? 'not-asked' : 'loading';
}

type WhenRefused = 'say' | 'hide';

/** The part of a page that shows a query's data: `children` only once it has answered. */
export function QueryContent<T>({
  query,
  children,
  whenRefused = 'say',
  loading,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  whenRefused?: WhenRefused;
  loading?: ReactNode;
}) {
  const { t } = useTranslation();
  const outcome = queryOutcome(query);
  if (outcome === 'answered') return <>{children(query.data as T)}</>;
  if (outcome === 'loading') return <>{loading ?? <Skeleton h={48} radius="sm" />}</>;
  if (outcome === 'not-asked' || whenRefused === 'hide') return null;
  if (outcome === 'refused')
    return (
      <Group gap={6} wrap="nowrap" data-testid="query-refused">
        <IconLock size={14} color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed">
          {t('errors.refusedPart')}
        </Text>
      </Group>
    );
  return <ProblemAlert error={query.error} title={t('errors.failedPart')} />;
}

/** Only the refusal or the failure of a query (nothing while loading or once answered), for a part drawn from its data elsewhere. */
export function QueryProblem({ query }: { query: UseQueryResult<unknown> }) {
  const outcome = queryOutcome(query);
  if (outcome !== 'refused' && outcome !== 'failed') return null;
  return (
    <QueryContent query={query} loading={null}>
      {() => null}
    </QueryContent>
  );
}

/**
 * A card of a dashboard fed by one query: its title, a count badge and its content only from an answer.
 * A query not asked hides the card; a refused one hides it (`whenRefused="hide"`) or says it is refused.
 */
export function DataCard<T>({
  title,
  icon,
  color = 'blue',
  to,
  query,
  count,
  whenRefused = 'say',
  children,
}: {
  title: string;
  icon: ReactNode;
  color?: string;
  to?: string;
  query: UseQueryResult<T>;
  count?: (data: T) => number;
  whenRefused?: WhenRefused;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const outcome = queryOutcome(query);
  if (outcome === 'not-asked' || (outcome === 'refused' && whenRefused === 'hide')) return null;
  const n = outcome === 'answered' && count ? count(query.data as T) : undefined;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`card-${title}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color={color} radius="md">
            {icon}
          </ThemeIcon>
          <Title order={5}>{title}</Title>
          {n !== undefined && (
            <Badge variant={n ? 'filled' : 'light'} color={n ? color : 'gray'} circle={n < 100}>
              {n}
            </Badge>
          )}
        </Group>
        {to && outcome === 'answered' && (
          <AnchorLink to={to as '/'} size="sm">
            {t('common.seeAll')}
          </AnchorLink>
        )}
      </Group>
      <Stack gap={6}>
        <QueryContent query={query} whenRefused="say">
          {children}
        </QueryContent>
      </Stack>
    </Paper>
  );
}

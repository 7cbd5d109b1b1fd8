import { Button, Center, Code, EmptyState, Stack } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../ui/problem.tsx';

/** An unexpected error while showing a page. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center">
        <EmptyState
          icon={<IconBug size={32} />}
          withIndicatorBackground
          title={t('errors.pageTitle')}
          description={problemMessage(error, t)}
        >
          <EmptyState.Actions>
            <Button onClick={reset}>{t('errors.retry')}</Button>
          </EmptyState.Actions>
        </EmptyState>
        {error instanceof Error && error.name !== 'ApiError' && <Code>{error.name}</Code>}
      </Stack>
    </Center>
  );
}

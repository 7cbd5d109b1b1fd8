import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** A readable message for any error: known problem types in the user's language, else the server's detail. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t('errors.network');
  if (error.isStale) return t('errors.stale');
  switch (error.kind) {
    case 'too-many-requests':
      return t('errors.tooManyRequests', {
        minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)),
      });
    case 'csrf':
      return t('errors.csrf');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not-found':
      return t('errors.notFound');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'internal':
      return t('errors.internal');
    case 'validation':
      if (Object.keys(error.fieldErrors).length) return t('errors.validation');
      return error.message;
    default:
      return error.message;
  }
}

type ProblemAlertProps = {
  error: unknown;
  /** Offered on a stale write: reloads the record so the user can apply the change again. */
  onReload?: () => void;
  title?: string;
};

/** An error as an alert: the problem's message, field errors not shown elsewhere, and the request id. */
export function ProblemAlert({ error, onReload, title }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const stale = apiError?.isStale ?? false;
  const fieldErrors = apiError ? Object.entries(apiError.fieldErrors) : [];
  return (
    <Alert
      color={stale ? 'yellow' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={title ?? (stale ? t('errors.staleTitle') : t('errors.title'))}
      role="alert"
    >
      <Text size="sm">{problemMessage(error, t)}</Text>
      {fieldErrors.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {fieldErrors.map(([path, message]) => (
            <li key={path}>
              <Text size="sm" span fw={500}>
                {path}
              </Text>
              <Text size="sm" span>
                : {message}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {stale && onReload && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="white"
            color="yellow"
            leftSection={<IconRefresh size={14} />}
            onClick={onReload}
          >
            {t('errors.reload')}
          </Button>
        </Group>
      )}
      {apiError?.problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: apiError.problem.requestId })}
        </Text>
      )}
    </Alert>
  );
}

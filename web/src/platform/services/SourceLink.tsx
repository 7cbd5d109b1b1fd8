import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sourceView } from '#shared/platform/sources/contract.ts';
import { api } from '../api/client.ts';
import { sourcePage } from './sources.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record an action or obligation comes from, by its human name and linked to its page. A reference
 * typed by hand (not a record id) is shown as typed; a record the reader may not read is named only by its kind.
 */
export function SourceLink({ type, id }: { type: string; id: string }) {
  const { t } = useTranslation();
  const isRecord = uuid.test(id);
  const query = useQuery({
    queryKey: ['/api/sources', type, id],
    queryFn: ({ signal }) =>
      api.get(`/api/sources/${encodeURIComponent(type)}/${id}`, sourceView, undefined, signal),
    enabled: isRecord,
    retry: false,
    staleTime: 60_000,
  });
  if (!isRecord) return <Text size="sm">{id}</Text>;
  if (query.isPending)
    return (
      <Text size="sm" c="dimmed">
        …
      </Text>
    );
  if (!query.data)
    return (
      <Text size="sm" c="dimmed">
        {t('sources.unavailable')}
      </Text>
    );
  const page = sourcePage(query.data.page.type, query.data.page.id);
  return page ? (
    <Anchor component={Link} to={page} size="sm">
      {query.data.label}
    </Anchor>
  ) : (
    <Text size="sm">{query.data.label}</Text>
  );
}

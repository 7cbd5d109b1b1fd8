import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { indicatorPage } from '#shared/modules/infosec/advisories/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useInfosecT } from '../i18n/index.ts';
import { advisoryKeys, TlpBadge } from './parts.tsx';

/** On an incident: the advisories' indicators whose value the incident's record mentions (none: no card). */
export function IndicatorMatchesCard({ incidentId }: { incidentId: string }) {
  const t = useInfosecT();
  const can = useCan();
  const matches = useQuery({
    queryKey: [advisoryKeys.indicators, 'incident', incidentId],
    queryFn: () =>
      api.get(`/api/infosec/incidents/${incidentId}/indicator-matches`, indicatorPage, { pageSize: 50 }),
    enabled: can('infosec.read'),
  });
  const items = matches.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="xs">
        {t('advisories.matchesTitle')}
      </Title>
      <Stack gap={6}>
        {items.map((i) => (
          <Group key={`${i.advisoryId}|${i.stixId}|${i.value}`} gap="xs" wrap="nowrap">
            <TlpBadge tlp={i.tlp} />
            <Text size="sm" ff="monospace">
              {i.value}
            </Text>
            <Anchor component={Link} to={`/infosec/advisories/${i.advisoryId}`} size="sm">
              {i.reference}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

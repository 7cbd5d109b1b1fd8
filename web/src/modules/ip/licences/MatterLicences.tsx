import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { matterLicences } from '#shared/modules/ip/licences/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

/** The licences a matter is under (naming it or its family), for the matter's page. */
export function MatterLicences({ matterId }: { matterId: string }) {
  const t = useIpT();
  const label = useIpLabel();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [ipKeys.licences, 'matter', matterId],
    queryFn: () => api.get(`/api/ip/matters/${matterId}/licences`, matterLicences),
  });
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5}>{t('licences.onMatter')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('licences.onMatterHint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isLoading ? '…' : t('licences.noneOnMatter')}
        </Text>
      ) : (
        <Table aria-label={t('licences.onMatter')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('licences.reference')}</Table.Th>
              <Table.Th>{t('licences.direction')}</Table.Th>
              <Table.Th>{t('licences.counterparty')}</Table.Th>
              <Table.Th>{t('licences.exclusivity')}</Table.Th>
              <Table.Th>{t('licences.territory')}</Table.Th>
              <Table.Th>{t('licences.term')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td ff="monospace">
                  <Anchor
                    size="sm"
                    onClick={() =>
                      void navigate({ to: '/ip/licences/$licenceId', params: { licenceId: l.id } })
                    }
                  >
                    {l.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{label('licenceDirections', l.direction)}</Table.Td>
                <Table.Td>{l.counterparty}</Table.Td>
                <Table.Td>{label('exclusivities', l.exclusivity)}</Table.Td>
                <Table.Td>{l.territory.join(' ')}</Table.Td>
                <Table.Td>
                  {l.startsOn} – {l.endsOn ?? ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

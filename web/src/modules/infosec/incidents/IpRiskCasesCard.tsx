import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { incidentIpRiskCases } from '#shared/modules/infosec/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useIpLabel } from '../../ip/index.ts';
import { infosecKeys } from '../api.ts';
import { useInfosecT } from '../i18n/index.ts';

/**
 * The IP risk cases that name this incident (found through the IP program's lookup): those the reader may
 * read in the IP program, each opening the case's page.
 */
export function IpRiskCasesCard({ incidentId }: { incidentId: string }) {
  const t = useInfosecT();
  const label = useIpLabel();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [infosecKeys.incidents, incidentId, 'ip-risk-cases'],
    queryFn: () => api.get(`/api/infosec/incidents/${incidentId}/ip-risk-cases`, incidentIpRiskCases),
  });
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="incident-ip-risk-cases">
      <Title order={5}>{t('ipRiskCases.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('ipRiskCases.hint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isLoading ? '…' : t('ipRiskCases.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td ff="monospace">
                  <Anchor
                    size="sm"
                    onClick={() => void navigate({ to: '/ip/risk-cases/$caseId', params: { caseId: c.id } })}
                  >
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.title}</Text>
                  <Text size="xs" c="dimmed">
                    {label('riskKinds', c.kind)} · {label('riskDirections', c.direction)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{label('riskSteps', c.step)}</Badge>
                  <Text size="xs" c="dimmed">
                    {c.stepOn}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

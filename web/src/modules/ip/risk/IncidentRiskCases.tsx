import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { incidentRiskCases } from '#shared/modules/ip/risk/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

/**
 * The IP risk cases that name a security incident, for the incident's page (the information security program
 * shows it through this module's index): those the reader may read in the IP program, each opening its page.
 */
export function IncidentRiskCases({ incidentId }: { incidentId: string }) {
  const t = useIpT();
  const label = useIpLabel();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [ipKeys.riskCases, 'incident', incidentId],
    queryFn: () => api.get(`/api/ip/security-incidents/${incidentId}/risk-cases`, incidentRiskCases),
  });
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="incident-ip-risk-cases">
      <Title order={5}>{t('risk.onIncident')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('risk.onIncidentHint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isLoading ? '…' : t('risk.noneOnIncident')}
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

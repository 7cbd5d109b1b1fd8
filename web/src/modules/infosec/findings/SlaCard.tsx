import { Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { slaView } from '#shared/modules/infosec/findings/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useInfosecT } from '../i18n/index.ts';
import { findingsKeys } from './keys.ts';

/** SLA compliance over the last twelve months: of the findings due each month, the share closed in time. */
export function SlaCard() {
  const t = useInfosecT();
  const fmt = useFormat();
  const sla = useQuery({
    queryKey: [findingsKeys.findings, 'sla'],
    queryFn: () => api.get('/api/infosec/findings/sla', slaView),
  });
  const months = sla.data?.months ?? [];
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4}>{t('findings.sla')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('findings.slaHint')}
      </Text>
      {months.length === 0 ? (
        <Text size="sm">{sla.isLoading ? '…' : t('findings.slaEmpty')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('findings.month')}</Table.Th>
              <Table.Th ta="right">{t('findings.met')}</Table.Th>
              <Table.Th ta="right">{t('findings.breached')}</Table.Th>
              <Table.Th w="40%">{t('findings.compliance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td ta="right">{fmt.number(m.met)}</Table.Td>
                <Table.Td ta="right">{fmt.number(m.breached)}</Table.Td>
                <Table.Td>
                  {m.compliance === null ? (
                    '—'
                  ) : (
                    // The share beside its bar, not inside it: a low share leaves no room for its label.
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        size="lg"
                        flex={1}
                        value={m.compliance * 100}
                        color={m.compliance >= 0.9 ? 'teal' : 'orange'}
                      />
                      <Text size="sm" w={48} ta="right">
                        {fmt.number(Math.round(m.compliance * 100))} %
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

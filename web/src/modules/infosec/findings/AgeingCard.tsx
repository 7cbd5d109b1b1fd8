import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { openAgeingView } from '#shared/modules/infosec/findings/contract.ts';
import { ageBands } from '#shared/modules/infosec/findings/severity.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { findingsKeys, severityColor } from './keys.ts';

/** Open findings per site by severity and age band, with the overdue ones. */
export function AgeingCard() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const ageing = useQuery({
    queryKey: [findingsKeys.findings, 'ageing'],
    queryFn: () => api.get('/api/infosec/findings/ageing', openAgeingView),
  });
  const rows = ageing.data?.rows ?? [];
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4}>{t('findings.ageing')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('findings.ageingHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{ageing.isLoading ? '…' : t('findings.ageingEmpty')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.site')}</Table.Th>
              <Table.Th>{t('findings.severity')}</Table.Th>
              {ageBands.map((b) => (
                <Table.Th key={b} ta="right">
                  {t('findings.days', { band: b })}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('findings.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.siteId}:${r.severity}`}>
                <Table.Td>{r.siteCode}</Table.Td>
                <Table.Td>
                  <Badge color={severityColor[r.severity]} variant="light">
                    {label('findings.severities', r.severity)}
                  </Badge>
                </Table.Td>
                {ageBands.map((b) => (
                  <Table.Td key={b} ta="right">
                    {fmt.number(r.counts[b] ?? 0)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>
                  {fmt.number(r.overdue)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

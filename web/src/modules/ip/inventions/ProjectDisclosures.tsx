import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { projectDisclosures } from '#shared/modules/ip/inventions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ipKeys } from '../api.ts';
import { useIpT } from '../i18n/index.ts';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * The invention disclosures that name a research project, for the project's page (the industry–academia
 * program shows it through this module's index). A disclosure opens for readers of the IP program.
 */
export function ProjectDisclosures({ projectId }: { projectId: string }) {
  const t = useIpT();
  const can = useCan();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [ipKeys.disclosures, 'project', projectId],
    queryFn: () => api.get(`/api/ip/research-projects/${projectId}/disclosures`, projectDisclosures),
  });
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4}>{t('inventions.fromProject')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('inventions.fromProjectHint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isLoading ? '…' : t('inventions.noneFromProject')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inventions.reference')}</Table.Th>
              <Table.Th>{t('inventions.inventionTitle')}</Table.Th>
              <Table.Th>{t('inventions.submitted')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('inventions.family')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td ff="monospace">
                  {can('ip.read') ? (
                    <Anchor
                      size="sm"
                      onClick={() =>
                        void navigate({ to: '/ip/disclosures/$disclosureId', params: { disclosureId: d.id } })
                      }
                    >
                      {d.reference}
                    </Anchor>
                  ) : (
                    d.reference
                  )}
                </Table.Td>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{d.submittedAt.slice(0, 10)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>{d.familyReference ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

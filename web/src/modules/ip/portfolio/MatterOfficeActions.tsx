import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type OfficeActionView, officeActionList } from '#shared/modules/ip/office-actions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { OfficeActionForm } from './OfficeActionForm.tsx';

/** A matter's office actions: the period each sets to respond, to the day, and whether it is answered. */
export function MatterOfficeActions({ matter }: { matter: { id: string; office: string } }) {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const [editing, setEditing] = useState<OfficeActionView | 'new' | null>(null);
  const query = useQuery({
    queryKey: [ipKeys.matters, matter.id, 'office-actions'],
    queryFn: () => api.get(`/api/ip/matters/${matter.id}/office-actions`, officeActionList),
  });
  // The server refuses a site outside the user's scope; the button follows the permission, as on the matter.
  const manage = can('ip.manage');
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('officeActions.title')}</Title>
        {manage && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
          >
            {t('officeActions.add')}
          </Button>
        )}
      </Group>
      <QueryContent query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('officeActions.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table aria-label={t('officeActions.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('officeActions.kind')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('officeActions.mailedOn')}</Table.Th>
                    <Table.Th>{t('officeActions.period')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matter.actBy')}</Table.Th>
                    <Table.Th>{t('officeActions.maxExtendedTo')}</Table.Th>
                    <Table.Th>{t('officeActions.repliedOn')}</Table.Th>
                    <Table.Th>{t('matter.basis')}</Table.Th>
                    {manage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => (
                    <Table.Tr key={a.id} data-testid={`office-action-${a.mailedOn}`}>
                      <Table.Td>{label('officeActionKinds', a.kind)}</Table.Td>
                      <Table.Td ff="monospace">{a.mailedOn}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {a.extensionMonths
                          ? t('officeActions.periodExtended', {
                              months: a.periodMonths,
                              extra: a.extensionMonths,
                            })
                          : t('officeActions.periodOf', { months: a.periodMonths })}
                      </Table.Td>
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {a.actBy}{' '}
                        {a.actBy !== a.extendedTo && (
                          <Badge size="xs" variant="light" color="orange">
                            {t('matter.moved')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">
                        {a.maxExtendedTo ?? t('officeActions.noExtensionRules')}
                      </Table.Td>
                      <Table.Td>
                        {a.repliedOn ? (
                          <Text ff="monospace" size="sm">
                            {a.repliedOn}
                          </Text>
                        ) : (
                          <Badge variant="light" color="blue">
                            {t('officeActions.open')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {a.basis}
                        </Text>
                      </Table.Td>
                      {manage && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconEdit size={14} />}
                            onClick={() => setEditing(a)}
                          >
                            {t('officeActions.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryContent>
      {editing && (
        <OfficeActionForm
          matterId={matter.id}
          office={matter.office}
          action={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

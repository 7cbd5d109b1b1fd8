import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { familyDetail } from '#shared/modules/ip/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { FamilyForm } from './FamilyForm.tsx';
import { MatterForm } from './MatterForm.tsx';

/** A patent family: the invention, its inventors, and its matters in each office with their next deadline. */
export function FamilyPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: [ipKeys.families, familyId],
    queryFn: () => api.get(`/api/ip/families/${familyId}`, familyDetail),
  });
  const manage = can('ip.manage');
  return (
    <QueryContent query={query}>
      {(f) => (
        <>
          <PageHeader
            title={`${f.reference} · ${f.title}`}
            crumbs={[
              { label: t('nav.section') },
              { label: t('portfolio.title'), to: '/ip' },
              { label: f.reference },
            ]}
            actions={
              manage ? (
                <Group gap="xs">
                  <Button
                    variant="default"
                    leftSection={<IconEdit size={16} />}
                    onClick={() => setEditing(true)}
                  >
                    {t('family.edit')}
                  </Button>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                    {t('family.addMatter')}
                  </Button>
                </Group>
              ) : null
            }
          />
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Fact name={t('common.site')} value={f.siteCode} />
                <Fact name={t('common.technology')} value={label('technologies', f.technology)} />
                <Fact
                  name={t('family.green')}
                  value={
                    f.green
                      ? `${t('common.yes')}${f.sustainabilityFocus ? ` · ${f.sustainabilityFocus}` : ''}`
                      : t('common.no')
                  }
                />
                <Fact
                  name={t('family.inventors')}
                  value={
                    f.inventors.length
                      ? f.inventors.map((i) => `${i.name} (${i.share}%)`).join(', ')
                      : t('common.none')
                  }
                />
              </SimpleGrid>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={5} mb="sm">
                {t('family.matters')}
              </Title>
              {f.matters.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('family.noMatters')}
                </Text>
              ) : (
                <Table highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('common.office')}</Table.Th>
                      <Table.Th>{t('common.kind')}</Table.Th>
                      <Table.Th>{t('portfolio.applicationNo')}</Table.Th>
                      <Table.Th>{t('portfolio.filingDate')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th>{t('portfolio.nextDeadline')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {f.matters.map((m) => (
                      <Table.Tr
                        key={m.id}
                        style={{ cursor: 'pointer' }}
                        tabIndex={0}
                        onClick={() =>
                          void navigate({ to: '/ip/matters/$matterId', params: { matterId: m.id } })
                        }
                        onKeyDown={(e) => {
                          if (e.key === 'Enter')
                            void navigate({ to: '/ip/matters/$matterId', params: { matterId: m.id } });
                        }}
                      >
                        <Table.Td>{label('offices', m.office)}</Table.Td>
                        <Table.Td>{label('kinds', m.kind)}</Table.Td>
                        <Table.Td ff="monospace">{m.applicationNo}</Table.Td>
                        <Table.Td>{m.filingDate}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="outline">
                            {label('statuses', m.status)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <DeadlineBadge deadline={m.nextDeadline} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
          {editing && <FamilyForm family={f} onClose={() => setEditing(false)} />}
          {adding && (
            <MatterForm
              familyId={f.id}
              matter={null}
              onClose={() => setAdding(false)}
              onSaved={(m) => void navigate({ to: '/ip/matters/$matterId', params: { matterId: m.id } })}
            />
          )}
        </>
      )}
    </QueryContent>
  );
}

export function Fact({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '../../../platform/auth/session.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { drillQuery } from './api.ts';
import { statusColor } from './DrillsPage.tsx';
import { HoldForm, ReviewForm } from './RunForms.tsx';

const outcomeColor: Record<string, string> = {
  met: 'teal',
  missed: 'red',
  no_objective: 'gray',
  not_measured: 'gray',
};

/** One drill: its plan, the run against each system's objectives, and the review. */
export function DrillPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const { drillId } = useParams({ strict: false }) as { drillId: string };
  const { data: drill } = useQuery(drillQuery(drillId));
  const [form, setForm] = useState<'hold' | 'review' | null>(null);
  const hours = (v: number | null) => (v === null ? '—' : fmt.number(v));
  if (!drill) return null;
  const manage = can('infosec.manage');
  return (
    <Stack gap="md">
      <PageHeader
        title={drill.title}
        crumbs={[
          { label: t('nav.section') },
          { label: t('drills.title'), to: '/infosec/drills' },
          { label: drill.siteCode },
        ]}
        actions={
          manage && drill.status !== 'reviewed' ? (
            <Button onClick={() => setForm(drill.status === 'planned' ? 'hold' : 'review')}>
              {drill.status === 'planned' ? t('drills.hold') : t('drills.review')}
            </Button>
          ) : null
        }
      />
      <Group gap="xs">
        <Badge variant="light">{label('drillKinds', drill.kind)}</Badge>
        <Badge variant="light" color={statusColor[drill.status]}>
          {label('drillStatuses', drill.status)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('drills.plannedOn')}: {drill.plannedOn} · {t('drills.duration')}:{' '}
          {fmt.number(drill.durationHours)} · {t('drills.scope')}: {label('drillScopes', drill.scope)}
          {drill.heldOn ? ` · ${t('drills.heldOn')}: ${drill.heldOn}` : ''}
          {drill.nextDueOn ? ` · ${t('drills.nextDue')}: ${drill.nextDueOn}` : ''}
        </Text>
      </Group>
      {drill.scopeNote && <Text size="sm">{drill.scopeNote}</Text>}
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('drills.systems')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('systems.name')}</Table.Th>
              <Table.Th>{t('drills.backupSource')}</Table.Th>
              <Table.Th ta="right">RTO</Table.Th>
              <Table.Th ta="right">{t('drills.rto')}</Table.Th>
              <Table.Th ta="right">RPO</Table.Th>
              <Table.Th ta="right">{t('drills.rpo')}</Table.Th>
              <Table.Th>{t('drills.dataRestored')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drill.systems.map((s) => (
              <Table.Tr key={s.systemId}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{label('backupSources', s.backupSource)}</Table.Td>
                <Table.Td ta="right">{hours(s.rtoHours)}</Table.Td>
                <Table.Td ta="right">
                  {hours(s.achievedRtoHours)}{' '}
                  <Badge size="xs" variant="light" color={outcomeColor[s.rtoOutcome]}>
                    {label('outcomes', s.rtoOutcome)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{hours(s.rpoHours)}</Table.Td>
                <Table.Td ta="right">
                  {hours(s.achievedRpoHours)}{' '}
                  <Badge size="xs" variant="light" color={outcomeColor[s.rpoOutcome]}>
                    {label('outcomes', s.rpoOutcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {s.dataRestored === null ? '—' : s.dataRestored ? t('common.yes') : t('common.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('drills.participants')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drills.role')}</Table.Th>
              <Table.Th>{t('drills.person')}</Table.Th>
              <Table.Th>{t('drills.unit')}</Table.Th>
              <Table.Th>{t('drills.task')}</Table.Th>
              <Table.Th>{t('drills.backup')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drill.participants.map((p) => (
              <Table.Tr key={p.userId}>
                <Table.Td>{label('drillRoles', p.role)}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.unit}</Table.Td>
                <Table.Td>{p.task}</Table.Td>
                <Table.Td>{p.backupName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('drills.stepsTitle')}
          </Title>
          <List type="ordered" size="sm">
            {drill.steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the plan's steps in their order
              <List.Item key={i}>
                {s.description}{' '}
                {s.minutes > 0 && (
                  <Text span c="dimmed" size="xs">
                    ({t('drills.minutes', { n: s.minutes })})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('drills.resourcesTitle')}
          </Title>
          <List size="sm">
            {drill.resources.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('drills.risksTitle')}
          </Title>
          <List size="sm">
            {drill.risks.map((r) => (
              <List.Item key={r.risk}>
                {r.risk} → {r.mitigation}
              </List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
      {(drill.runNotes || drill.findings) && (
        <Card withBorder>
          {drill.runNotes && <Text size="sm">{`${t('drills.runNotes')}: ${drill.runNotes}`}</Text>}
          {drill.findings && (
            <Text
              size="sm"
              mt="xs"
            >{`${t('drills.findings')} (${drill.reviewedOn}): ${drill.findings}`}</Text>
          )}
          {drill.actionIds.length > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('drills.actions', { count: drill.actionIds.length })}
            </Text>
          )}
        </Card>
      )}
      {form === 'hold' && <HoldForm drill={drill} onClose={() => setForm(null)} />}
      {form === 'review' && <ReviewForm drill={drill} onClose={() => setForm(null)} />}
    </Stack>
  );
}

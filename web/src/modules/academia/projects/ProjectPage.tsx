import { Alert, Badge, Box, Button, Grid, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconCash, IconFlag, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { projectDetail } from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ProjectDisclosures } from '../../ip/index.ts';
import { academiaKeys, useMoney, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { PaymentForm } from '../payments/PaymentForm.tsx';
import { RecordSignInButton } from '../sign-in/RecordSignIn.tsx';
import { MilestoneDeliverables } from './MilestoneDeliverables.tsx';
import { MarkDoneButton, MilestoneForm, ReopenMilestoneButton } from './ProjectActions.tsx';
import { ProjectForm } from './ProjectForm.tsx';

/** One research project: its budget and spending by year (chart), milestones, outcomes and payments. */
export function ProjectPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const money = useMoney();
  const { projectId } = useParams({ strict: false }) as { projectId: string };
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState<'milestone' | 'payment' | null>(null);
  const query = useQuery({
    queryKey: [academiaKeys.projects, projectId],
    queryFn: () => api.get(`/api/academia/projects/${projectId}`, projectDetail),
  });
  const p = query.data;
  const option = useMemo(
    () =>
      p && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('projects.budget'), t('projects.spent')], bottom: 0 },
        grid: { left: 80, right: 16, top: 40, bottom: 56 },
        xAxis: { type: 'category', data: p.years.map((y) => String(y.year)) },
        yAxis: { type: 'value', name: p.currency },
        series: [
          { name: t('projects.budget'), type: 'bar', data: p.years.map((y) => y.budgetMinor / 100) },
          {
            name: t('projects.spent'),
            type: 'bar',
            data: p.years.map((y) => (y.spentMinor === null ? null : y.spentMinor / 100)),
          },
        ],
      },
    [p, t],
  );
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!p) return null;
  const missing = p.years.filter((y) => y.missingRate);
  return (
    <>
      <PageHeader
        title={p.title}
        crumbs={[
          { label: t('nav.section') },
          { label: t('projects.title'), to: '/academia/projects' },
          { label: p.title },
        ]}
        description={`${schoolName(p)} · ${p.siteCode} · ${label('lines', p.line)}`}
        actions={
          p.canManage ? (
            <Group gap="xs">
              <RecordSignInButton
                variant="default"
                record={{
                  path: `/api/academia/projects/${p.id}/sign-in`,
                  name: p.principalInvestigator,
                  kind: 'investigator',
                }}
              />
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
              >
                {t('projects.edit')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Group gap="lg" mb="md">
        <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'}>
          {label('statuses', p.status)}
        </Badge>
        <Text size="sm">
          {t('projects.investigator')}: {p.principalInvestigator}
        </Text>
        <Text size="sm">
          {t('projects.contact')}: {p.contactName ?? '—'}
        </Text>
        <Text size="sm">
          {p.startsOn} – {p.endsOn ?? ''}
        </Text>
        <Text size="sm" fw={600}>
          {t('projects.budget')}: {money(p.budgetMinor, p.currency)}
        </Text>
      </Group>
      {missing.map((y) => (
        <Alert key={y.year} color="orange" mb="sm">
          {y.year}: {t('projects.missingRate', { rate: y.missingRate })}
        </Alert>
      ))}
      <Paper withBorder radius="md" p="md" mb="md">
        <Title order={4} mb="sm">
          {t('projects.budgetChart')}
        </Title>
        {option && p.years.length > 0 ? (
          <Chart option={option} label={t('projects.budgetChart')} height={260} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('projects.noneYet')}
          </Text>
        )}
        <Table mt="sm" aria-label={t('projects.budgetChart')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.year')}</Table.Th>
              <Table.Th ta="right">{t('projects.budget')}</Table.Th>
              <Table.Th ta="right">{t('projects.spent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td ta="right">{money(y.budgetMinor, p.currency)}</Table.Td>
                <Table.Td ta="right">{money(y.spentMinor, p.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" mb="sm">
              <Title order={4}>{t('projects.milestones')}</Title>
              {p.canManage && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconFlag size={14} />}
                  onClick={() => setAdding('milestone')}
                >
                  {t('projects.addMilestone')}
                </Button>
              )}
            </Group>
            {p.milestones.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('projects.noneYet')}
              </Text>
            ) : (
              <Table aria-label={t('projects.milestones')}>
                <Table.Tbody>
                  {p.milestones.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.title}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t('projects.dueDate')} {m.dueDate}
                      </Table.Td>
                      <Table.Td>
                        <MilestoneDeliverables milestone={m} canWrite={p.canManage} />
                      </Table.Td>
                      <Table.Td>
                        {m.doneOn ? (
                          // The day stays on one line; the button goes under it where the card is narrow.
                          <Group gap={4}>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {`${t('projects.doneOn')} ${m.doneOn}`}
                            </Text>
                            {p.canManage && <ReopenMilestoneButton milestone={m} />}
                          </Group>
                        ) : p.canManage ? (
                          <MarkDoneButton milestone={m} />
                        ) : (
                          ''
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={4} mb="sm">
              {t('projects.outcomes')}
            </Title>
            {p.outcomes.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('projects.noneYet')}
              </Text>
            ) : (
              <Table aria-label={t('projects.outcomes')}>
                <Table.Tbody>
                  {p.outcomes.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{label('outcomeKinds', o.kind)}</Table.Td>
                      <Table.Td>{o.title}</Table.Td>
                      <Table.Td>{o.ipReference ?? ''}</Table.Td>
                      <Table.Td>{o.occurredOn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder radius="md" p="md" mt="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('projects.payments')}</Title>
          {p.canManage && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCash size={14} />}
              onClick={() => setAdding('payment')}
            >
              {t('projects.addPayment')}
            </Button>
          )}
        </Group>
        {p.payments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('projects.noneYet')}
          </Text>
        ) : (
          <Table aria-label={t('projects.payments')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.paidOn')}</Table.Th>
                <Table.Th ta="right">{t('projects.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.payments.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.paidOn}</Table.Td>
                  <Table.Td ta="right">{money(m.amountMinor, m.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Box mt="md">
        <ProjectDisclosures projectId={p.id} />
      </Box>
      {editing && <ProjectForm record={p} onClose={() => setEditing(false)} />}
      {adding === 'milestone' && <MilestoneForm project={p} onClose={() => setAdding(null)} />}
      {adding === 'payment' && <PaymentForm project={p} onClose={() => setAdding(null)} />}
    </>
  );
}

import { Badge, Card, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { myProjectList, type myProjectView } from '#shared/modules/academia/sign-in-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { academiaKeys, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { MilestoneDeliverables } from '../projects/MilestoneDeliverables.tsx';

type Project = z.infer<typeof myProjectView>;
const mineKey = academiaKeys.myProjects;

function ProjectCard({ project }: { project: Project }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const school = useSchoolName()(project);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="my-project">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h4">
          {project.title}
        </Title>
        <Badge variant="light" color={project.status === 'active' ? 'teal' : 'gray'}>
          {label('statuses', project.status)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {school} · {project.siteCode} · {label('lines', project.line)} · {project.startsOn} –{' '}
        {project.endsOn ?? '…'}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('mine.milestones')}
          </Text>
          {project.milestones.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('mine.noMilestones')}
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-label={t('mine.milestones')}>
              {project.milestones.map((m) => (
                <List.Item key={m.id}>
                  {m.title} · {t('mine.due', { date: m.dueDate })} ·{' '}
                  {m.doneOn ? t('mine.doneOn', { date: m.doneOn }) : t('mine.open')}{' '}
                  <MilestoneDeliverables milestone={m} canWrite={!m.doneOn} />
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('mine.outcomes')}
          </Text>
          {project.outcomes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('mine.noOutcomes')}
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-label={t('mine.outcomes')}>
              {project.outcomes.map((o) => (
                <List.Item key={o.id}>
                  {label('outcomeKinds', o.kind)} · {o.title} · {o.occurredOn}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}

/**
 * A principal investigator's own page (the external role): the research projects linked to their sign-in,
 * with milestones and results. Someone linked to none reads why the page is empty.
 */
export function MyProjectsPage() {
  const t = useAcademiaT();
  const q = useQuery({ queryKey: [mineKey], queryFn: () => api.get(mineKey, myProjectList) });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('mine.projectsTitle')}
        crumbs={[{ label: t('nav.section') }, { label: t('mine.projectsTitle') }]}
        description={t('mine.projectsDescription')}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {!q.data ? (
        <Skeleton h={160} />
      ) : q.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('mine.projectsEmpty')}</Text>
        </Paper>
      ) : (
        q.data.items.map((p) => <ProjectCard key={p.id} project={p} />)
      )}
    </Stack>
  );
}

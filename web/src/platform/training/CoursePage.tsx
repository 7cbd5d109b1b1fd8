import { Button, Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { courseView } from '#shared/platform/training/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { useServicesT } from '../services/texts.ts';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { CourseFormModal } from './CourseForm.tsx';
import { CampaignProgress, CompletionsTable, DomainBadge, useCourseTitle } from './parts.tsx';
import { useTrainingLabel, useTrainingT } from './texts.ts';

/** One course: what it is, campaign progress per site, its completions. */
export function CoursePage() {
  const t = useTrainingT();
  const label = useTrainingLabel();
  const ts = useServicesT();
  const title = useCourseTitle();
  const can = useCan();
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['/api/training/courses', courseId],
    queryFn: () => api.get(`/api/training/courses/${courseId}`, courseView),
  });
  const c = q.data;
  const manage = can('training.manage');
  const field = (name: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <>
      <PageHeader
        title={c ? `${c.code} · ${title(c)}` : t('title')}
        crumbs={[{ label: t('detail.crumb'), to: '/training' }, { label: c?.code ?? '…' }]}
        actions={
          c && manage ? (
            <>
              <ButtonLink variant="default" to="/training/import" leftSection={<IconFileImport size={16} />}>
                {t('completions.import')}
              </ButtonLink>
              <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('courses.edit')}
              </Button>
            </>
          ) : null
        }
      />
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {q.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {c && (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Paper withBorder radius="md" p="lg" h="100%">
                <SimpleGrid cols={2} spacing="md">
                  {field(t('courses.domain'), <DomainBadge domain={c.domain} />)}
                  {field(t('courses.hours'), c.hours)}
                  {field(t('courses.audience'), label('audiences', c.audience))}
                  {field(
                    t('courses.recurrence'),
                    c.recurrenceMonths
                      ? t('courses.everyMonths', { count: c.recurrenceMonths })
                      : t('courses.once'),
                  )}
                  {field(t('courses.site'), c.siteCode ?? t('courses.groupWide'))}
                  {field(ts('common.status'), c.active ? t('courses.active') : t('courses.inactive'))}
                </SimpleGrid>
                {c.titleZh && (
                  <Text size="xs" c="dimmed" mt="md">
                    {c.title} · {c.titleZh}
                  </Text>
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <CampaignProgress courseId={c.id} />
            </Grid.Col>
          </Grid>
          <Group>
            <Title order={4}>{t('detail.completions')}</Title>
          </Group>
          <CompletionsTable courseId={c.id} />
        </Stack>
      )}
      {c && editing && <CourseFormModal course={c} onClose={() => setEditing(false)} />}
    </>
  );
}

import {
  Alert,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconEdit,
  IconPlayerPlay,
  IconRosetteDiscountCheck,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionView } from '#shared/platform/actions/contract.ts';
import { api } from '../api/client.ts';
import { useCan, useSession } from '../auth/session.ts';
import { AttachmentsPanel } from '../documents/AttachmentsPanel.tsx';
import { programNameKey } from '../modules/program-names.ts';
import { SourceLink } from '../services/SourceLink.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { ActionFormModal, ActionStatusBadge, useActionTransitions } from './parts.tsx';
import { useActionsLabel, useActionsT } from './texts.ts';

const steps = ['open', 'in_progress', 'done', 'verified'] as const;

/** One action: its life from open to verified effective, the transitions the user may make, its evidence. */
export function ActionPage() {
  const t = useActionsT();
  const { t: tc } = useTranslation();
  const label = useActionsLabel();
  const fmt = useFormat();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const { actionId } = useParams({ strict: false }) as { actionId: string };
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['/api/actions', actionId],
    queryFn: () => api.get(`/api/actions/${actionId}`, actionView),
  });
  const transitions = useActionTransitions();
  const a = q.data;
  const manage = can('actions.manage');
  const isOwner = !!a && a.ownerId === session.user.id;

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
        title={a?.title ?? t('title')}
        crumbs={[{ label: t('detail.crumb'), to: '/actions' }, { label: a ? label('kinds', a.kind) : '…' }]}
        actions={
          a && manage ? (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          ) : null
        }
      />
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {q.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {a && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Paper withBorder radius="md" p="lg">
                <Stack gap="md">
                  <Stepper
                    active={steps.indexOf(a.status) + 1}
                    size="sm"
                    allowNextStepsSelect={false}
                    data-testid="action-status"
                    data-status={a.status}
                  >
                    {steps.map((s) => (
                      <Stepper.Step key={s} label={label('statuses', s)} />
                    ))}
                  </Stepper>
                  {transitions.error ? <ProblemAlert error={transitions.error} /> : null}
                  <Group gap="sm">
                    {a.status === 'open' && (isOwner || manage) && (
                      <Button
                        variant="light"
                        leftSection={<IconPlayerPlay size={16} />}
                        loading={transitions.pending}
                        onClick={() => transitions.run(a, 'start')}
                      >
                        {t('transitions.start')}
                      </Button>
                    )}
                    {(a.status === 'open' || a.status === 'in_progress') && (isOwner || manage) && (
                      <Button
                        color="teal"
                        leftSection={<IconCheck size={16} />}
                        loading={transitions.pending}
                        onClick={() => transitions.run(a, 'complete')}
                      >
                        {t('transitions.complete')}
                      </Button>
                    )}
                    {a.status === 'done' && manage && !isOwner && (
                      <Button
                        color="green"
                        leftSection={<IconRosetteDiscountCheck size={16} />}
                        onClick={() => transitions.ask(a, 'verify')}
                      >
                        {t('transitions.verify')}
                      </Button>
                    )}
                    {(a.status === 'done' || a.status === 'verified') && manage && !isOwner && (
                      <Button
                        variant="default"
                        leftSection={<IconArrowBackUp size={16} />}
                        onClick={() => transitions.ask(a, 'reopen')}
                      >
                        {t('transitions.reopen')}
                      </Button>
                    )}
                  </Group>
                  {a.status === 'done' && manage && isOwner && (
                    <Text size="sm" c="dimmed">
                      {t('transitions.ownerCannotVerify')}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                    {field(t('detail.status'), <ActionStatusBadge a={a} />)}
                    {field(t('detail.kind'), label('kinds', a.kind))}
                    {field(t('detail.due'), a.dueDate)}
                    {field(t('detail.owner'), a.ownerName ?? '—')}
                    {field(t('detail.site'), a.siteCode ?? t('detail.groupWide'))}
                    {field(t('detail.program'), a.program ? tc(programNameKey(a.program)) : '—')}
                    {a.doneAt && field(t('detail.doneAt'), fmt.dateTime(a.doneAt))}
                    {a.verifiedAt && field(t('detail.verifiedAt'), fmt.dateTime(a.verifiedAt))}
                    {a.verifiedByName && field(t('detail.verifiedBy'), a.verifiedByName)}
                  </SimpleGrid>
                  {a.effectivenessNote && (
                    <Alert color="green" variant="light" title={t('detail.note')}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.effectivenessNote}
                      </Text>
                    </Alert>
                  )}
                  {a.description && (
                    <div>
                      <Title order={5} mb={4}>
                        {t('detail.description')}
                      </Title>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.description}
                      </Text>
                    </div>
                  )}
                  {a.sourceType && (
                    <Group gap="xs">
                      <Text size="sm" c="dimmed">
                        {t('detail.source')}:
                      </Text>
                      <SourceLink type={a.sourceType} id={a.sourceId ?? ''} />
                    </Group>
                  )}
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <AttachmentsPanel
              entityType="action"
              entityId={a.id}
              canWrite={isOwner || manage}
              title={t('detail.evidence')}
              description={t('detail.evidenceHint')}
              onChange={() => void queryClient.invalidateQueries({ queryKey: ['/api/actions'] })}
            />
          </Grid.Col>
        </Grid>
      )}
      {transitions.modal}
      {a && editing && <ActionFormModal action={a} onClose={() => setEditing(false)} />}
    </>
  );
}

import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type ResponseView, responseView, taskPhases } from '#shared/modules/infosec/response/contract.ts';
import { api } from '../../../../platform/api/client.ts';
import { UserSelect } from '../../../../platform/services/UserSelect.tsx';
import { useFormat } from '../../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../../platform/ui/problem.tsx';
import { localInputToIso } from '../../api.ts';
import { useInfosecLabel, useInfosecT } from '../../i18n/index.ts';
import { useResponseWrite } from './api.ts';
import { ResponseForm } from './ResponseForm.tsx';

type Phase = (typeof taskPhases)[number];

function TaskForm({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const [phase, setPhase] = useState<Phase>('containment');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState('');
  return (
    <ResponseForm
      incidentId={incidentId}
      title={t('response.addTask')}
      path="tasks"
      body={() => ({ phase, title, ownerId, dueAt: dueAt ? localInputToIso(dueAt) : null })}
      onClose={onClose}
    >
      <Select
        label={t('response.phase')}
        required
        allowDeselect={false}
        data={taskPhases.map((p) => ({ value: p, label: label('response.phases', p) }))}
        value={phase}
        onChange={(v) => v && setPhase(v as Phase)}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        data-autofocus
        required
        label={t('response.taskTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <UserSelect
        label={t('response.owner')}
        clearable
        value={ownerId}
        onChange={setOwnerId}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        type="datetime-local"
        label={t('response.dueAt')}
        value={dueAt}
        onChange={(e) => setDueAt(e.currentTarget.value)}
      />
    </ResponseForm>
  );
}

/** The response tasks by phase, with owner and due time; the team marks them done (or open again). */
export function TasksCard({ incidentId, response }: { incidentId: string; response: ResponseView }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const [adding, setAdding] = useState(false);
  const toggle = useResponseWrite(incidentId, (task: ResponseView['tasks'][number]) =>
    api.patch(
      `/api/infosec/incident-tasks/${task.id}`,
      { status: task.status === 'open' ? 'done' : 'open', version: task.version },
      responseView,
    ),
  );
  const open = response.tasks.filter((task) => task.status === 'open').length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="response-tasks">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t('response.tasks')}</Title>
          {open > 0 && <Badge variant="light">{t('response.openTasks', { count: open })}</Badge>}
        </Group>
        {response.mayManage && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            {t('response.addTask')}
          </Button>
        )}
      </Group>
      {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
      {response.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('response.noTasks')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} aria-label={t('response.tasks')}>
            <Table.Tbody>
              {taskPhases.flatMap((phase) =>
                response.tasks
                  .filter((task) => task.phase === phase)
                  .map((task) => (
                    <Table.Tr key={task.id}>
                      <Table.Td w={120}>
                        <Badge variant="outline" size="sm">
                          {label('response.phases', task.phase)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text size="sm" td={task.status === 'done' ? 'line-through' : undefined}>
                            {task.title}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {task.ownerName ?? '—'}
                            {task.dueAt ? ` · ${t('response.dueAt')} ${fmt.dateTime(task.dueAt)}` : ''}
                            {task.doneAt
                              ? ` · ${t('response.doneBy', { at: fmt.dateTime(task.doneAt), name: task.doneByName ?? '—' })}`
                              : ''}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td w={130} ta="right">
                        {task.overdue && (
                          <Badge color="red" size="sm" mr={4}>
                            {t('response.overdue')}
                          </Badge>
                        )}
                        {response.mayManage ? (
                          <Button
                            size="compact-xs"
                            variant={task.status === 'open' ? 'light' : 'subtle'}
                            loading={toggle.isPending && toggle.variables?.id === task.id}
                            onClick={() => toggle.mutate(task)}
                            aria-label={`${task.status === 'open' ? t('response.markDone') : t('response.reopen')}: ${task.title}`}
                          >
                            {task.status === 'open' ? t('response.markDone') : t('response.reopen')}
                          </Button>
                        ) : (
                          task.status === 'done' && <Badge color="teal">{t('response.done')}</Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <TaskForm incidentId={incidentId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

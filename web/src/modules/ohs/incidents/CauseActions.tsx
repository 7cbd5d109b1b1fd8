import { ActionIcon, Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ActionView, actionPage, actionView } from '#shared/platform/actions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import type { RootCause } from './investigation-write.ts';

const actionColors: Record<string, string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'teal',
  verified: 'green',
};
const nextTransitions: Record<string, ('start' | 'complete' | 'verify' | 'reopen')[]> = {
  open: ['start', 'complete'],
  in_progress: ['complete'],
  done: ['verify', 'reopen'],
  verified: ['reopen'],
};

/** The actions of a root cause, from the platform tracker, with their next steps. */
export function CauseActions({ cause, manage }: { cause: RootCause; manage: boolean }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [
      ohsKeys.actions,
      { sourceType: 'ohs_root_cause', sourceId: cause.id, n: cause.actionIds.length },
    ],
    queryFn: () =>
      api.get('/api/actions', actionPage, {
        sourceType: 'ohs_root_cause',
        sourceId: cause.id,
        pageSize: 50,
        sort: 'dueDate',
      }),
    enabled: cause.actionIds.length > 0,
  });
  const move = useWrite(
    ({ a, transition }: { a: ActionView; transition: string }) =>
      api.post(`/api/actions/${a.id}/transition`, { transition, version: a.version }, actionView),
    { invalidate: [ohsKeys.actions, '/api/home'] },
  );
  if (cause.actionIds.length === 0) {
    return (
      <Text size="sm" c="orange">
        {t('investigation.noActions')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {move.error ? (
        <ProblemAlert
          error={move.error}
          onReload={() => void queryClient.invalidateQueries({ queryKey: [ohsKeys.actions] })}
        />
      ) : null}
      {(query.data?.items ?? []).map((a) => (
        <Group
          key={a.id}
          justify="space-between"
          wrap="nowrap"
          gap="xs"
          p={6}
          style={{ borderRadius: 6, background: 'var(--mantine-color-default-hover)' }}
        >
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {a.title}
            </Text>
            <Text size="xs" c={a.overdue ? 'red' : 'dimmed'}>
              {label('actionKinds', a.kind)} · {a.ownerName ?? t('common.unassigned')} · {t('common.due')}{' '}
              {fmt.date(a.dueDate)}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Badge color={actionColors[a.status]} variant="light" style={{ flexShrink: 0 }}>
              {label('actionStatuses', a.status)}
            </Badge>
            {manage && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('investigation.status')}>
                    <IconChevronDown size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {nextTransitions[a.status].map((tr) => (
                    <Menu.Item
                      key={tr}
                      onClick={() => move.mutate({ a, transition: tr })}
                      leftSection={<IconCheck size={14} />}
                    >
                      {label('actionTransitions', tr)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

import { ActionIcon, Badge, Button, Card, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowDown, IconFishBone, IconListNumbers, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { ActionForm } from './ActionForm.tsx';
import { CauseActions } from './CauseActions.tsx';
import { type Investigation, type RootCause, useInvestigationWrite } from './investigation-write.ts';

export function CauseCard({
  investigation,
  cause,
  manage,
}: {
  investigation: Investigation;
  cause: RootCause;
  manage: boolean;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [adding, setAdding] = useState(false);
  const remove = useInvestigationWrite(investigation, () =>
    api
      .delete(`/api/ohs/root-causes/${cause.id}`)
      .then(() => api.get(`/api/ohs/investigations/${investigation.id}`, investigationView)),
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="root-cause">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge
              variant="light"
              leftSection={
                cause.method === 'fishbone' ? <IconFishBone size={12} /> : <IconListNumbers size={12} />
              }
            >
              {t(`investigation.${cause.method}`)}
            </Badge>
            {cause.category && (
              <Badge variant="outline" color="gray">
                {label('categories', cause.category)}
              </Badge>
            )}
          </Group>
          {manage && cause.actionIds.length === 0 && (
            <Tooltip label={t('investigation.removeCause')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('investigation.removeCause')}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('investigation.removeCause'),
                    children: <Text size="sm">{t('investigation.removeCauseConfirm')}</Text>,
                    labels: { confirm: t('common.remove'), cancel: t('common.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(undefined),
                  })
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {cause.whys.length > 0 && (
          <Stack gap={2} aria-label={t('investigation.chain')}>
            {cause.whys.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the chain is positional
              <Stack key={i} gap={2} align="flex-start">
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <Badge size="sm" circle variant="filled" color="gray">
                    {i + 1}
                  </Badge>
                  <Text size="sm">{w}</Text>
                </Group>
                <IconArrowDown size={14} style={{ marginLeft: 4, opacity: 0.45 }} />
              </Stack>
            ))}
          </Stack>
        )}
        <Paper p="xs" radius="sm" bg="var(--mantine-color-blue-light)">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('investigation.statement')}
          </Text>
          <Text size="sm" fw={600}>
            {cause.statement}
          </Text>
        </Paper>
        <Group justify="space-between">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('investigation.actions')}
          </Text>
          {manage && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
            >
              {t('investigation.addAction')}
            </Button>
          )}
        </Group>
        <CauseActions cause={cause} manage={manage} />
      </Stack>
      {adding && <ActionForm investigation={investigation} cause={cause} onClose={() => setAdding(false)} />}
    </Card>
  );
}

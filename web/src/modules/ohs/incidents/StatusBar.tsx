import { Alert, Button, Group, List, Paper, Stack, Stepper, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { investigationStatuses, investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { type Investigation, investigationKey, useInvestigationWrite } from './investigation-write.ts';

/** Draft → investigating → review → closed, each move a button; closing lists what blocks it. */
export function StatusBar({
  investigation,
  manage,
  timeZone,
}: {
  investigation: Investigation;
  manage: boolean;
  timeZone: string;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const move = useInvestigationWrite(investigation, (to: Investigation['status']) =>
    api.post(
      `/api/ohs/investigations/${investigation.id}/transition`,
      { to, version: investigation.version },
      investigationView,
    ),
  );
  const active = investigationStatuses.indexOf(investigation.status);
  const blockers =
    investigation.rootCauses.length === 0
      ? [t('investigation.noRootCauseBlocker')]
      : investigation.rootCauses
          .filter((r) => r.actionIds.length === 0)
          .map((r) => t('investigation.causeWithoutAction', { statement: r.statement }));
  const go = (to: Investigation['status']) =>
    move.mutate(to, {
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] }),
    });
  const s = investigation.status;

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Stepper active={s === 'closed' ? 4 : active} size="sm" allowNextStepsSelect={false}>
          {investigationStatuses.map((st) => (
            <Stepper.Step
              key={st}
              label={label('investigationStatuses', st)}
              icon={st === 'closed' ? <IconLock size={16} /> : undefined}
            />
          ))}
        </Stepper>
        {move.error ? (
          <ProblemAlert
            error={move.error}
            onReload={() =>
              void queryClient.invalidateQueries({ queryKey: investigationKey(investigation.id) })
            }
          />
        ) : null}
        {s === 'closed' && investigation.closedAt && (
          <Text size="sm" c="teal">
            {t('investigation.closedAt', { at: fmt.siteTime(investigation.closedAt, timeZone) })}
          </Text>
        )}
        {s !== 'closed' &&
          (blockers.length > 0 ? (
            <Alert
              color="orange"
              title={t('investigation.blockersTitle')}
              icon={<IconLock size={16} />}
              data-testid="close-blockers"
            >
              <List size="sm">
                {blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="teal" icon={<IconCircleCheck size={16} />}>
              {t('investigation.readyToClose')}
            </Alert>
          ))}
        {manage && (
          <Group gap="sm">
            {s === 'draft' && (
              <Button onClick={() => go('investigating')} loading={move.isPending}>
                {t('investigation.move.investigating')}
              </Button>
            )}
            {s === 'investigating' && (
              <Button onClick={() => go('review')} loading={move.isPending}>
                {t('investigation.move.review')}
              </Button>
            )}
            {s === 'review' && (
              <>
                <Tooltip label={blockers.join(' ')} disabled={blockers.length === 0} multiline w={320}>
                  <Button
                    color="teal"
                    leftSection={<IconLock size={16} />}
                    onClick={() => go('closed')}
                    loading={move.isPending}
                    disabled={blockers.length > 0}
                  >
                    {t('investigation.move.closed')}
                  </Button>
                </Tooltip>
                <Button variant="default" onClick={() => go('investigating')} loading={move.isPending}>
                  {t('investigation.move.back')}
                </Button>
              </>
            )}
            {s === 'closed' && (
              <Button variant="default" onClick={() => go('investigating')} loading={move.isPending}>
                {t('investigation.move.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

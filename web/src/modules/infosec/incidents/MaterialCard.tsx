import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { materialDecisions, materialDecisionView } from '#shared/modules/infosec/material/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { isoToLocalInput, localInputToIso } from '../api.ts';
import { useInfosecT } from '../i18n/index.ts';

/** Whether the incident is material: the standing decision with who, when and why, and a new decision. */
export function MaterialCard({ incidentId }: { incidentId: string }) {
  const t = useInfosecT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const url = `/api/infosec/incidents/${incidentId}/material-decisions`;
  const decisions = useQuery({ queryKey: [url], queryFn: () => api.get(url, materialDecisions) });
  const [open, setOpen] = useState(false);
  const [material, setMaterial] = useState(false);
  const [reason, setReason] = useState('');
  const [decidedAt, setDecidedAt] = useState(isoToLocalInput(new Date().toISOString()));
  const decide = useMutation({
    mutationFn: () =>
      api.post(url, { material, reason, decidedAt: localInputToIso(decidedAt) }, materialDecisionView),
    onSuccess: async () => {
      notifications.show({ message: t('material.saved'), color: 'teal' });
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: [url] });
    },
  });
  const data = decisions.data;
  if (!data) return null;
  const current = data.current;
  return (
    <Paper withBorder p="md" radius="md" data-testid="material-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('material.title')}</Title>
        {data.mayDecide && (
          <Button size="xs" variant="default" onClick={() => setOpen(true)}>
            {t('material.decide')}
          </Button>
        )}
      </Group>
      {current ? (
        <Stack gap={4}>
          <Badge color={current.material ? 'red' : 'teal'} variant="light">
            {current.material ? t('material.material') : t('material.notMaterial')}
          </Badge>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {current.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {t('material.decidedBy', {
              name: current.decidedByName ?? '—',
              at: fmt.dateTime(current.decidedAt),
            })}
          </Text>
          {data.history.length > 1 && (
            <Text size="xs" c="dimmed">
              {t('material.history')}:{' '}
              {data.history
                .slice(1)
                .map(
                  (d) =>
                    `${fmt.dateTime(d.decidedAt)} ${d.material ? t('material.material') : t('material.notMaterial')}`,
                )
                .join(' · ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('material.undecided')}
        </Text>
      )}
      <FormModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('material.decideTitle')}
        onSubmit={(e) => {
          e?.preventDefault();
          decide.mutate();
        }}
        busy={decide.isPending}
        error={decide.error}
      >
        <Checkbox
          data-autofocus
          label={t('material.isMaterial')}
          checked={material}
          onChange={(e) => setMaterial(e.currentTarget.checked)}
        />
        <Textarea
          label={t('material.reason')}
          description={t('material.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={3}
          required
        />
        <TextInput
          type="datetime-local"
          label={t('material.decidedAt')}
          value={decidedAt}
          onChange={(e) => setDecidedAt(e.currentTarget.value)}
        />
      </FormModal>
    </Paper>
  );
}

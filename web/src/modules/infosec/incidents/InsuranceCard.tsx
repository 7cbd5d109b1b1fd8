import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { incidentInsurance } from '#shared/modules/infosec/material/insurance.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { isoToLocalInput, localInputToIso } from '../api.ts';
import { useInfosecT } from '../i18n/index.ts';

/** The policies in force when the incident was noticed: the notice deadline, and whether and when the insurer heard. */
export function InsuranceCard({ incidentId }: { incidentId: string }) {
  const t = useInfosecT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const url = `/api/infosec/incidents/${incidentId}/insurance`;
  const insurance = useQuery({ queryKey: [url], queryFn: () => api.get(url, incidentInsurance) });
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [at, setAt] = useState(isoToLocalInput(new Date().toISOString()));
  const [claim, setClaim] = useState('');
  const notify = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/incidents/${incidentId}/insurer-notices`,
        { policyId, notifiedAt: localInputToIso(at), claimReference: claim || undefined },
        incidentInsurance,
      ),
    onSuccess: async () => {
      notifications.show({ message: t('insurance.noticeSaved'), color: 'teal' });
      setPolicyId(null);
      await queryClient.invalidateQueries({ queryKey: [url] });
    },
  });
  const data = insurance.data;
  if (!data) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="insurance-card">
      <Title order={5} mb="xs">
        {t('insurance.card')}
      </Title>
      {data.policies.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('insurance.none')}
        </Text>
      )}
      <Stack gap="xs">
        {data.policies.map((p) => (
          <Group key={p.policyId} justify="space-between" align="flex-start">
            <div>
              <Text size="sm" fw={500}>
                {p.insurer} · {p.policyNumber}
              </Text>
              <Text size="xs" c="dimmed">
                {t('insurance.deadline', { at: fmt.dateTime(p.deadline), hours: p.noticeHours })}
              </Text>
              <Text size="xs">
                {p.notifiedAt
                  ? t('insurance.notifiedAt', { at: fmt.dateTime(p.notifiedAt) })
                  : t('insurance.notNotified')}
                {p.claimReference ? ` · ${p.claimReference}` : ''}
              </Text>
            </div>
            <Group gap="xs">
              {p.late && (
                <Badge color="red" variant="light">
                  {t('insurance.late')}
                </Badge>
              )}
              {!p.notifiedAt && data.mayNotify && (
                <Button size="xs" variant="default" onClick={() => setPolicyId(p.policyId)}>
                  {t('insurance.notify')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      <FormModal
        opened={policyId !== null}
        onClose={() => setPolicyId(null)}
        title={t('insurance.notify')}
        onSubmit={(e) => {
          e?.preventDefault();
          notify.mutate();
        }}
        busy={notify.isPending}
        error={notify.error}
      >
        <Select
          label={t('insurance.insurer')}
          data={data.policies.map((p) => ({ value: p.policyId, label: `${p.insurer} · ${p.policyNumber}` }))}
          value={policyId}
          onChange={setPolicyId}
          allowDeselect={false}
        />
        <TextInput
          data-autofocus
          type="datetime-local"
          label={t('insurance.notifiedWhen')}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
        />
        <TextInput
          label={t('insurance.claimReference')}
          value={claim}
          onChange={(e) => setClaim(e.currentTarget.value)}
        />
      </FormModal>
    </Paper>
  );
}

import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { internRetentionSettings, internRetentionView } from '#shared/modules/academia/retention-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useAcademiaT } from '../i18n/index.ts';

const PATH = '/api/academia/retention-settings';
type Values = { anonymiseAfterYears: number | string };
const toPayload = (v: Values) => ({ anonymiseAfterYears: Number(v.anonymiseAfterYears) });

/** The years after a student's last period before the name and contact details are erased (group-wide). */
function RetentionForm({ years, onClose }: { years: number; onClose: () => void }) {
  const t = useAcademiaT();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { anonymiseAfterYears: years },
    validate: contractValidator(internRetentionSettings, toPayload),
  });
  const save = useMutation({
    mutationFn: (values: Values) => api.put(PATH, toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('interns.retentionSaved'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('interns.retentionTitle')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
    >
      <NumberInput
        label={t('interns.retentionYears')}
        description={t('interns.retentionHint')}
        min={1}
        max={15}
        allowDecimal={false}
        data-autofocus
        {...form.getInputProps('anonymiseAfterYears')}
      />
    </FormModal>
  );
}

/** How long students' personal data is kept, and for the group-wide program owner, the change. */
export function RetentionNote() {
  const t = useAcademiaT();
  const [editing, setEditing] = useState(false);
  const settings = useQuery({ queryKey: [PATH], queryFn: () => api.get(PATH, internRetentionView) });
  if (!settings.data) return null;
  return (
    <Group gap="xs" mb="sm" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {t('interns.retention', { years: settings.data.anonymiseAfterYears })}
      </Text>
      {settings.data.mayChange && (
        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
          {t('interns.retentionChange')}
        </Button>
      )}
      {editing && (
        <RetentionForm years={settings.data.anonymiseAfterYears} onClose={() => setEditing(false)} />
      )}
    </Group>
  );
}

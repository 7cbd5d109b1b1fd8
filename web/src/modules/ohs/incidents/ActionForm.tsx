import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { investigationView, rootCauseActionInput } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { localDay } from '../../../platform/ui/time.ts';
import { useUserOptions } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { type Investigation, type RootCause, useInvestigationWrite } from './investigation-write.ts';

type ActionValues = {
  title: string;
  description: string;
  kind: string;
  ownerId: string;
  dueDate: string | null;
};
const actionPayload = (v: ActionValues) => ({
  title: v.title.trim(),
  description: blankToNull(v.description),
  kind: v.kind as 'corrective' | 'preventive' | 'improvement',
  ownerId: v.ownerId || null,
  dueDate: v.dueDate ?? '',
});

export function ActionForm({
  investigation,
  cause,
  onClose,
}: {
  investigation: Investigation;
  cause: RootCause;
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [userQ, setUserQ] = useState('');
  const [dq] = useDebouncedValue(userQ.trim(), 250);
  const users = useUserOptions(investigation.team, dq);
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: { title: '', description: '', kind: 'corrective', ownerId: '', dueDate: null },
    validate: contractValidator(rootCauseActionInput, actionPayload),
  });
  const add = useInvestigationWrite(
    investigation,
    (v: ActionValues) =>
      api.post(`/api/ohs/root-causes/${cause.id}/actions`, actionPayload(v), investigationView),
    t('investigation.addedAction'),
    onClose,
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('investigation.addAction')}
      onSubmit={form.onSubmit((v) => add.mutate(v, { onError: (e) => applyServerErrors(form, e) }))}
      busy={add.isPending}
      error={add.error}
    >
      <Text size="sm" c="dimmed">
        {cause.statement}
      </Text>
      <TextInput
        label={t('investigation.actionTitle')}
        required
        data-autofocus
        maxLength={300}
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('investigation.actionDescription')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('investigation.actionKind')}
          data={(['corrective', 'preventive', 'improvement'] as const).map((k) => ({
            value: k,
            label: label('actionKinds', k),
          }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('investigation.actionOwner')}
          data={users}
          onSearchChange={setUserQ}
          searchable
          clearable
          {...form.getInputProps('ownerId')}
          value={form.getValues().ownerId || null}
          onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
        />
        <DateInput
          label={t('investigation.actionDue')}
          valueFormat="YYYY-MM-DD"
          required
          minDate={localDay()}
          {...form.getInputProps('dueDate')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

import { Loader, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { escalationSettings } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useSmartT } from '../i18n/index.ts';

type Minutes = z.infer<typeof escalationSettings>;
type Priority = keyof Minutes;
const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low'];
const PATH = '/api/smart/escalation-settings';

/** The group-wide minutes an unacknowledged alarm of each priority waits before it goes to the site's officers. */
export function EscalationForm({ onClose }: { onClose: () => void }) {
  const t = useSmartT();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: [PATH], queryFn: () => api.get(PATH, escalationSettings) });
  const toPayload = (values: Record<Priority, number | string>) =>
    Object.fromEntries(PRIORITIES.map((p) => [p, Number(values[p])])) as Minutes;
  const form = useForm<Record<Priority, number | string>>({
    mode: 'controlled',
    initialValues: { urgent: '', high: '', medium: '', low: '' },
    validate: contractValidator(escalationSettings, toPayload),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the stored minutes once they arrive
  useEffect(() => {
    if (current.data) {
      form.setValues(current.data);
      form.resetDirty(current.data);
    }
  }, [current.data]);
  const save = useMutation({
    mutationFn: (values: Record<Priority, number | string>) => api.put(PATH, toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('escalation.saved'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('escalation.title')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('escalation.description')}
      </Text>
      {current.isPending && <Loader size="sm" />}
      {current.error && <ProblemAlert error={current.error} />}
      {current.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {PRIORITIES.map((p, i) => (
            <NumberInput
              key={p}
              label={t('escalation.minutes', { priority: t(`priorities.${p}`) })}
              min={1}
              max={1440}
              allowDecimal={false}
              data-autofocus={i === 0 || undefined}
              {...form.getInputProps(p)}
            />
          ))}
        </SimpleGrid>
      )}
    </FormModal>
  );
}

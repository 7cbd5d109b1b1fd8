import { Divider, Loader, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  type RetentionSettings,
  retentionSettings,
  type SensorKind,
  sensorKinds,
} from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useSmartT } from '../i18n/index.ts';

const PATH = '/api/smart/retention-settings';

type Values = {
  rawDays: number | string;
  minuteRollupDays: number | string;
  hourRollupYears: number | string;
  /** A kind's own period, or '' for the raw period of every kind. */
  byKind: Record<SensorKind, number | string>;
};

const noOverrides = () => Object.fromEntries(sensorKinds.map((k) => [k, ''])) as Record<SensorKind, string>;

function toPayload(values: Values): RetentionSettings {
  const rawDaysByKind: RetentionSettings['rawDaysByKind'] = {};
  for (const kind of sensorKinds)
    if (values.byKind[kind] !== '') rawDaysByKind[kind] = Number(values.byKind[kind]);
  return {
    rawDays: Number(values.rawDays),
    rawDaysByKind,
    minuteRollupDays: Number(values.minuteRollupDays),
    hourRollupYears: Number(values.hourRollupYears),
  };
}

/** How long the group keeps raw readings (a kind may have its own period) and their roll-ups. */
export function RetentionForm({ onClose }: { onClose: () => void }) {
  const t = useSmartT();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: [PATH], queryFn: () => api.get(PATH, retentionSettings) });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { rawDays: '', minuteRollupDays: '', hourRollupYears: '', byKind: noOverrides() },
    validate: contractValidator(retentionSettings, toPayload),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the stored periods once they arrive
  useEffect(() => {
    if (!current.data) return;
    const values: Values = {
      rawDays: current.data.rawDays,
      minuteRollupDays: current.data.minuteRollupDays,
      hourRollupYears: current.data.hourRollupYears,
      byKind: { ...noOverrides(), ...current.data.rawDaysByKind },
    };
    form.setValues(values);
    form.resetDirty(values);
  }, [current.data]);
  const save = useMutation({
    mutationFn: (values: Values) => api.put(PATH, toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('retention.saved'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const raw = Number(form.values.rawDays) || null;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('retention.title')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
      size="xl"
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('retention.description')}
      </Text>
      {current.isPending && <Loader size="sm" />}
      {current.error && <ProblemAlert error={current.error} />}
      {current.data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('retention.rawDays')}
              min={7}
              max={3650}
              allowDecimal={false}
              data-autofocus
              {...form.getInputProps('rawDays')}
            />
            <NumberInput
              label={t('retention.minuteRollupDays')}
              min={7}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('minuteRollupDays')}
            />
            <NumberInput
              label={t('retention.hourRollupYears')}
              min={1}
              max={50}
              allowDecimal={false}
              {...form.getInputProps('hourRollupYears')}
            />
          </SimpleGrid>
          <Divider my="md" label={t('retention.byKind')} labelPosition="left" />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {sensorKinds.map((kind) => (
              <NumberInput
                key={kind}
                label={t(`kinds.${kind}`)}
                placeholder={raw ? t('retention.sameAsRaw', { days: raw }) : undefined}
                min={7}
                max={3650}
                allowDecimal={false}
                {...form.getInputProps(`byKind.${kind}`)}
                error={form.errors[`rawDaysByKind.${kind}`] ?? form.errors[`byKind.${kind}`]}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </FormModal>
  );
}

import { NumberInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AlarmKpiView, alarmKpiThresholds } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useSmartT } from '../i18n/index.ts';

type Thresholds = AlarmKpiView['thresholds'];
type Field = keyof Thresholds;

/** Each threshold with its bounds (as the contract has them) and whether it takes decimals. */
const FIELDS: { key: Field; min: number; max: number; decimals?: boolean }[] = [
  { key: 'windowMinutes', min: 1, max: 60 },
  { key: 'acceptablePerWindow', min: 0, max: 1000, decimals: true },
  { key: 'manageablePerWindow', min: 0, max: 1000, decimals: true },
  { key: 'floodStartAbove', min: 1, max: 10_000 },
  { key: 'floodEndBelow', min: 1, max: 10_000 },
  { key: 'floodTimeTargetPercent', min: 0, max: 100, decimals: true },
  { key: 'chatterCount', min: 2, max: 1000 },
  { key: 'chatterSeconds', min: 1, max: 3600 },
  { key: 'staleHours', min: 1, max: 720, decimals: true },
  { key: 'badActors', min: 1, max: 50 },
];

/** The group-wide manager's thresholds that every site's alarm figures are judged against. */
export function ThresholdsForm({ current, onClose }: { current: Thresholds; onClose: () => void }) {
  const t = useSmartT();
  const queryClient = useQueryClient();
  const toPayload = (values: Record<Field, number | string>) =>
    Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key])])) as Thresholds;
  const form = useForm<Record<Field, number | string>>({
    mode: 'controlled',
    initialValues: current,
    validate: contractValidator(alarmKpiThresholds, toPayload),
  });
  const save = useMutation({
    mutationFn: (values: Record<Field, number | string>) =>
      api.put('/api/smart/kpi-settings', toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('thresholds.saved'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: ['/api/smart/kpis'] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('thresholds.title')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {FIELDS.map((f, i) => (
          <NumberInput
            key={f.key}
            label={t(`thresholds.${f.key}`)}
            min={f.min}
            max={f.max}
            allowDecimal={f.decimals ?? false}
            data-autofocus={i === 0 || undefined}
            {...form.getInputProps(f.key)}
          />
        ))}
      </SimpleGrid>
    </FormModal>
  );
}

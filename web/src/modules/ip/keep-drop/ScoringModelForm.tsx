import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { goalIndicators, goals, type ScoringModel } from '#shared/modules/ip/reassessment/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';

export const MODEL_KEY = '/api/ip/scoring-model';

/** The program owner's scoring model: indicator weights per goal, goal weights, thresholds, lead time. */
export function ScoringModelForm({ model, onClose }: { model: ScoringModel; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const queryClient = useQueryClient();
  const form = useForm<ScoringModel>({ initialValues: model });
  const save = useMutation({
    mutationFn: (v: ScoringModel) => api.put(MODEL_KEY, v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [MODEL_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['/api/ip/keep-or-drop'] });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const num = (path: string) => {
    const p = form.getInputProps(path);
    return { ...p, onChange: (v: string | number) => p.onChange(v === '' ? 0 : Number(v)) };
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('keepDrop.model')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('keepDrop.modelHint')}
          </Text>
          {goals.map((g) => (
            <div key={g}>
              <Title order={6} mb={4}>
                {label('goals', g)}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {goalIndicators[g].map((i) => (
                  <NumberInput
                    key={i}
                    label={label('indicators', i)}
                    min={0}
                    max={100}
                    {...num(`weights.${g}.${i}`)}
                  />
                ))}
              </SimpleGrid>
            </div>
          ))}
          <Title order={6}>{t('keepDrop.goalWeights')}</Title>
          <SimpleGrid cols={3}>
            {goals.map((g) => (
              <NumberInput key={g} label={label('goals', g)} min={0} {...num(`goalWeights.${g}`)} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('keepDrop.revitaliseAt')} min={0} max={100} {...num('revitaliseAt')} />
            <NumberInput label={t('keepDrop.dropBelow')} min={0} max={100} {...num('dropBelow')} />
            <NumberInput label={t('keepDrop.leadDays')} min={0} max={365} {...num('leadDays')} />
          </SimpleGrid>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('keepDrop.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('keepDrop.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Divider, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RiskMatrixView, riskMatrixInput } from '#shared/modules/infosec/governance/contract.ts';
import { matrixProblems, type RiskMatrix, riskBands } from '#shared/modules/infosec/governance/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { risksKey } from './RiskForm.tsx';
import { RiskHeatMap } from './RiskHeatMap.tsx';

type Band = (typeof riskBands)[number];
type Values = {
  likelihoodLevels: number | string;
  impactLevels: number | string;
  /** Each band's lowest score, or '' for a band the matrix does not use. */
  from: Record<Band, number | string>;
};

function toPayload(values: Values): RiskMatrix {
  return {
    likelihoodLevels: Number(values.likelihoodLevels),
    impactLevels: Number(values.impactLevels),
    bands: riskBands
      .filter((band) => values.from[band] !== '')
      .map((band) => ({ band, minScore: Number(values.from[band]) })),
  };
}

/**
 * The payload's problems: the contract's, then the matrix rule's (bands that rise and fit the matrix). The band
 * list is sent without the unused bands, so a problem named by position is put on the band's own field, where
 * editing the field clears it.
 */
function validate(values: Values): Record<string, string> {
  const used = riskBands.filter((band) => values.from[band] !== '');
  const atBand = (path: string) => {
    const m = /^bands\.(\d+)\.minScore$/.exec(path);
    return m && used[Number(m[1])] ? `from.${used[Number(m[1])]}` : path;
  };
  const errors = contractValidator(riskMatrixInput, toPayload)(values);
  const problems = Object.keys(errors).length
    ? Object.entries(errors)
    : matrixProblems(toPayload(values)).map((p) => [p.path, p.message] as const);
  return Object.fromEntries(problems.map(([path, message]) => [atBand(path), message]));
}

/**
 * The program's risk matrix, as the group's security managers set it: how many levels likelihood and impact
 * have, and the score at which each band begins, with the matrix drawn as it will look.
 */
export function RiskMatrixForm({ current, onClose }: { current: RiskMatrixView; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const from = Object.fromEntries(riskBands.map((b) => [b, ''])) as Record<Band, number | string>;
  for (const b of current.bands) from[b.band] = b.minScore;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { likelihoodLevels: current.likelihoodLevels, impactLevels: current.impactLevels, from },
    validate,
    // The server's problems named by position do not belong to one field: any change clears them.
    onValuesChange: () => {
      for (const path of Object.keys(form.errors)) if (path.startsWith('bands.')) form.clearFieldError(path);
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => api.put('/api/infosec/risk-matrix', toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('riskMatrix.saved'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [risksKey] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  // The server names a band by its position in the list sent (without the unused bands): shown at the band.
  const used = riskBands.filter((band) => form.values.from[band] !== '');
  const bandError = (band: Band) => {
    const at = used.indexOf(band);
    return form.errors[`from.${band}`] ?? (at >= 0 ? form.errors[`bands.${at}.minScore`] : undefined);
  };
  const preview = toPayload(form.values);
  const drawable =
    preview.likelihoodLevels >= 2 &&
    preview.likelihoodLevels <= 10 &&
    preview.impactLevels >= 2 &&
    preview.impactLevels <= 10 &&
    preview.bands.length > 0 &&
    matrixProblems(preview).length === 0;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('riskMatrix.title')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
      size="xl"
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('riskMatrix.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('riskMatrix.likelihoodLevels')}
          min={2}
          max={10}
          allowDecimal={false}
          data-autofocus
          {...form.getInputProps('likelihoodLevels')}
        />
        <NumberInput
          label={t('riskMatrix.impactLevels')}
          min={2}
          max={10}
          allowDecimal={false}
          {...form.getInputProps('impactLevels')}
        />
      </SimpleGrid>
      <Divider my="md" label={t('riskMatrix.bands')} labelPosition="left" />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {riskBands.map((band) => (
          <NumberInput
            key={band}
            label={t('riskMatrix.bandFrom', { band: label('riskBands', band) })}
            placeholder={t('riskMatrix.unused')}
            min={1}
            max={100}
            allowDecimal={false}
            {...form.getInputProps(`from.${band}`)}
            error={bandError(band)}
          />
        ))}
      </SimpleGrid>
      {form.errors.bands && (
        <Text size="sm" c="red" mt="xs">
          {form.errors.bands}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('riskMatrix.bandsHint')}
      </Text>
      <Divider my="md" label={t('riskMatrix.preview')} labelPosition="left" />
      {drawable ? (
        <RiskHeatMap view={{ matrix: preview, cells: [], total: 0 }} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('riskMatrix.noPreview')}
        </Text>
      )}
    </FormModal>
  );
}

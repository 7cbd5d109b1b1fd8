import { NumberInput, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type Scale, scaleInput } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useInfosecT } from '../i18n/index.ts';
import { csfKeys, invalidateCsf } from './api.ts';
import { useFunctionName } from './parts.tsx';

/** The form's values: an empty weight is the default, 1. Named as in the contract, so errors land on their field. */
type ScaleValues = {
  labels: Scale['labels'];
  functionWeights: Record<string, number | string>;
};

const LANGUAGES = ['en', 'zh-TW'] as const;
const BLANK: ScaleValues = {
  labels: Array.from({ length: 6 }, () => ({ en: '', 'zh-TW': '' })),
  functionWeights: {},
};

export const csfScaleQuery = {
  queryKey: [csfKeys.root, 'scale'],
  queryFn: () => api.get('/api/infosec/csf/scale', scaleInput),
};

/**
 * The group-wide manager's names of the maturity levels (0–5, both languages) and weights of the functions in a
 * site's score. Weights of functions not shown here (another catalogue's) are kept as they are.
 */
export function ScaleForm({
  functions,
  onClose,
}: {
  functions: { identifier: string; title: string }[];
  onClose: () => void;
}) {
  const t = useInfosecT();
  const fnName = useFunctionName();
  const queryClient = useQueryClient();
  const current = useQuery(csfScaleQuery);

  const toPayload = (values: ScaleValues): Scale => {
    const shown = new Set(functions.map((f) => f.identifier));
    const kept = Object.entries(current.data?.functionWeights ?? {}).filter(([fn]) => !shown.has(fn));
    const entered = Object.entries(values.functionWeights)
      .filter(([, v]) => v !== '' && v !== null)
      .map(([fn, v]) => [fn, Number(v)] as const);
    return {
      labels: values.labels.map((l) => ({ en: l.en.trim(), 'zh-TW': l['zh-TW'].trim() })),
      functionWeights: Object.fromEntries([...kept, ...entered]),
    };
  };
  const form = useForm<ScaleValues>({
    mode: 'controlled',
    initialValues: BLANK,
    validate: contractValidator(scaleInput, toPayload),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled once, when the scale arrives
  useEffect(() => {
    if (!current.data) return;
    form.setValues({
      labels: current.data.labels,
      functionWeights: Object.fromEntries(
        functions.map((f) => [f.identifier, current.data.functionWeights[f.identifier] ?? '']),
      ),
    });
    form.resetDirty();
  }, [current.data]);

  const save = useMutation({
    mutationFn: (values: ScaleValues) => api.put('/api/infosec/csf/scale', toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('csfScale.saved'), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const languageName = { en: t('csfScale.english'), 'zh-TW': t('csfScale.chinese') };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csfScale.title')}
      onSubmit={form.onSubmit((values) => {
        if (current.data) save.mutate(values);
      })}
      busy={save.isPending}
      error={save.error ?? current.error}
      size="lg"
    >
      {!current.data ? (
        <Skeleton h={420} />
      ) : (
        <>
          <Stack gap={4}>
            <Title order={5}>{t('csfScale.levels')}</Title>
            <Text size="sm" c="dimmed">
              {t('csfScale.levelsHint')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('csfScale.level')}</Table.Th>
                  <Table.Th>{languageName.en}</Table.Th>
                  <Table.Th>{languageName['zh-TW']}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.getValues().labels.map((_, level) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the six levels are positional
                  <Table.Tr key={level}>
                    <Table.Th scope="row" ta="center" style={{ verticalAlign: 'top', paddingTop: 12 }}>
                      {level}
                    </Table.Th>
                    {LANGUAGES.map((language) => (
                      <Table.Td key={language} style={{ verticalAlign: 'top' }}>
                        <TextInput
                          aria-label={t('csfScale.levelIn', { level, language: languageName[language] })}
                          lang={language}
                          maxLength={60}
                          data-autofocus={(level === 0 && language === 'en') || undefined}
                          {...form.getInputProps(`labels.${level}.${language}`)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
          <Stack gap={4}>
            <Title order={5}>{t('csfScale.weights')}</Title>
            <Text size="sm" c="dimmed">
              {t('csfScale.weightsHint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              {functions.map((f) => (
                <NumberInput
                  key={f.identifier}
                  label={`${fnName(f)} (${f.identifier})`}
                  placeholder="1"
                  min={0}
                  max={10}
                  step={0.1}
                  decimalScale={2}
                  {...form.getInputProps(`functionWeights.${f.identifier}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </FormModal>
  );
}

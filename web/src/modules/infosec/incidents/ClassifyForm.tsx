import { Alert, Checkbox, Fieldset, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  attackVectors,
  functionalImpacts,
  type IncidentView,
  informationImpacts,
  recoverabilities,
} from '#shared/modules/infosec/contract.ts';
import {
  type Impact,
  incidentLevel,
  informationKinds,
  operationKinds,
  severities,
} from '#shared/modules/infosec/rules/level.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { infosecKeys } from '../api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

type V = {
  cKind: string | null;
  cSeverity: string;
  iKind: string | null;
  iSeverity: string;
  aKind: string | null;
  aWithin: boolean;
  reason: string;
  functionalImpact: string | null;
  informationImpact: string | null;
  recoverability: string | null;
  attackVector: string | null;
};

function impactOf(v: V): Impact {
  return {
    confidentiality: v.cKind ? ({ kind: v.cKind, severity: v.cSeverity } as Impact['confidentiality']) : null,
    integrity: v.iKind ? ({ kind: v.iKind, severity: v.iSeverity } as Impact['integrity']) : null,
    availability: v.aKind
      ? ({ kind: v.aKind, withinTolerableOutage: v.aWithin } as Impact['availability'])
      : null,
  };
}

/** Classification: the impact on C, I and A gives the level (the same rule as the server's), with NIST attributes. */
export function ClassifyForm({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const i = incident.impact;
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: {
      cKind: i?.confidentiality?.kind ?? null,
      cSeverity: i?.confidentiality?.severity ?? 'minor',
      iKind: i?.integrity?.kind ?? null,
      iSeverity: i?.integrity?.severity ?? 'minor',
      aKind: i?.availability?.kind ?? null,
      aWithin: i?.availability?.withinTolerableOutage ?? true,
      reason: '',
      functionalImpact: incident.functionalImpact,
      informationImpact: incident.informationImpact,
      recoverability: incident.recoverability,
      attackVector: incident.attackVector,
    },
  });
  const save = useMutation({
    mutationFn: (v: V) =>
      api.put(`/api/infosec/incidents/${incident.id}/classification`, {
        impact: impactOf(v),
        reason: v.reason.trim() || null,
        functionalImpact: v.functionalImpact,
        informationImpact: v.informationImpact,
        recoverability: v.recoverability,
        attackVector: v.attackVector,
        version: incident.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const v = form.getValues();
  const level = incidentLevel(impactOf(v));
  const options = (group: string, values: readonly string[]) =>
    values.map((x) => ({ value: x, label: label(group, x) }));
  const dataFields = (prefix: 'c' | 'i', legend: string) => (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('classify.what')}
          placeholder={t('common.none')}
          data={options('kinds', informationKinds)}
          clearable
          {...form.getInputProps(`${prefix}Kind`)}
        />
        <Select
          label={t('classify.severity')}
          data={options('severities', severities)}
          allowDeselect={false}
          disabled={!v[`${prefix}Kind`]}
          {...form.getInputProps(`${prefix}Severity`)}
        />
      </SimpleGrid>
    </Fieldset>
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('classify.title')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
    >
      <Alert color={level ? 'blue' : 'gray'} data-testid="level-preview">
        {level ? t('classify.levelPreview', { level }) : t('classify.noLevel')} — {t('classify.hint')}
      </Alert>
      {dataFields('c', t('classify.confidentiality'))}
      {dataFields('i', t('classify.integrity'))}
      <Fieldset legend={t('classify.availability')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('classify.what')}
            placeholder={t('common.none')}
            data={options('kinds', operationKinds)}
            clearable
            {...form.getInputProps('aKind')}
          />
          <Checkbox
            mt="lg"
            label={t('classify.withinOutage')}
            disabled={!v.aKind}
            {...form.getInputProps('aWithin', { type: 'checkbox' })}
          />
        </SimpleGrid>
      </Fieldset>
      <Textarea label={t('classify.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('classify.functionalImpact')}
          data={options('functionalImpacts', functionalImpacts)}
          clearable
          {...form.getInputProps('functionalImpact')}
        />
        <Select
          label={t('classify.informationImpact')}
          data={options('informationImpacts', informationImpacts)}
          clearable
          {...form.getInputProps('informationImpact')}
        />
        <Select
          label={t('classify.recoverability')}
          data={options('recoverabilities', recoverabilities)}
          clearable
          {...form.getInputProps('recoverability')}
        />
        <Select
          label={t('classify.attackVector')}
          data={options('attackVectors', attackVectors)}
          clearable
          {...form.getInputProps('attackVector')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

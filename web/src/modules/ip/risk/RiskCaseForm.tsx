import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { z } from 'zod';
import {
  riskCaseDetail,
  riskCaseInput,
  riskCasePatch,
  riskDirections,
  riskKinds,
  riskOutcomes,
  riskSteps,
} from '#shared/modules/ip/risk/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { IncidentPicker } from './IncidentPicker.tsx';

type RiskCase = z.infer<typeof riskCaseDetail>;
type V = {
  siteId: string;
  reference: string;
  kind: string;
  direction: string;
  title: string;
  counterparty: string;
  counsel: string;
  incidentId: string | null;
  step: string;
  stepOn: string;
  outcome: string | null;
};

/** Opens a risk case or changes one: what is at stake, who acts, the incident it came from, the outcome. */
export function RiskCaseForm({ record, onClose }: { record: RiskCase | null; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      reference: '',
      kind: '',
      direction: '',
      title: '',
      counterparty: '',
      counsel: '',
      incidentId: null,
      step: 'suspected',
      stepOn: '',
      outcome: null,
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      reference: x.reference,
      kind: x.kind,
      direction: x.direction,
      title: x.title,
      counterparty: x.counterparty ?? '',
      counsel: x.counsel ?? '',
      incidentId: x.incident?.id ?? null,
      step: x.step,
      stepOn: x.stepOn,
      outcome: x.outcome,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        kind: v.kind,
        direction: v.direction,
        title: v.title.trim(),
        counterparty: blankToNull(v.counterparty),
        counsel: blankToNull(v.counsel),
        incidentId: v.incidentId,
      };
      return mode === 'create'
        ? { siteId: v.siteId, reference: v.reference.trim(), step: v.step, stepOn: v.stepOn.trim(), ...body }
        : { ...body, outcome: v.outcome };
    },
    createSchema: riskCaseInput,
    patchSchema: riskCasePatch,
    create: (p) => api.post('/api/ip/risk-cases', p, riskCaseDetail),
    update: (id, body) => api.patch(`/api/ip/risk-cases/${id}`, body, riskCaseDetail),
    fetch: (id) => api.get(`/api/ip/risk-cases/${id}`, riskCaseDetail),
    invalidate: [ipKeys.riskCases],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  const options = <T extends string>(values: readonly T[], group: Parameters<typeof label>[0]) =>
    values.map((x) => ({ value: x, label: label(group, x) }));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('risk.edit') : t('risk.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('risk.reference')}
          required
          disabled={!!record}
          data-autofocus
          {...f.form.getInputProps('reference')}
        />
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!record}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('risk.kind')}
          data={options(riskKinds, 'riskKinds')}
          required
          {...f.form.getInputProps('kind')}
        />
        <Select
          label={t('risk.direction')}
          data={options(riskDirections, 'riskDirections')}
          required
          {...f.form.getInputProps('direction')}
        />
      </SimpleGrid>
      <TextInput label={t('risk.caseTitle')} required {...f.form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('risk.counterparty')} {...f.form.getInputProps('counterparty')} />
        <TextInput label={t('risk.counsel')} {...f.form.getInputProps('counsel')} />
        {!record && (
          <>
            <Select
              label={t('risk.step')}
              data={options(riskSteps, 'riskSteps')}
              required
              {...f.form.getInputProps('step')}
            />
            <TextInput
              label={t('risk.stepOn')}
              placeholder="YYYY-MM-DD"
              required
              {...f.form.getInputProps('stepOn')}
            />
          </>
        )}
        {record && (
          <Select
            label={t('risk.outcome')}
            placeholder={t('risk.noOutcome')}
            data={options(riskOutcomes, 'riskOutcomes')}
            clearable
            {...f.form.getInputProps('outcome')}
          />
        )}
      </SimpleGrid>
      <IncidentPicker
        label={t('risk.incident')}
        description={t('risk.incidentHint')}
        placeholder={t('risk.searchIncidents')}
        value={v.incidentId}
        known={
          record?.incident
            ? { value: record.incident.id, label: `${record.incident.reference} · ${record.incident.title}` }
            : null
        }
        onChange={(id) => f.form.setFieldValue('incidentId', id)}
        error={f.form.errors.incidentId}
      />
    </FormModal>
  );
}

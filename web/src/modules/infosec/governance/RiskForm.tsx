import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { systemPage } from '#shared/modules/infosec/contract.ts';
import {
  type RiskView,
  riskInput,
  riskPatch,
  riskTreatments,
  riskView,
} from '#shared/modules/infosec/governance/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

export const risksKey = '/api/infosec/risks';

type V = {
  siteId: string;
  title: string;
  description: string;
  systemId: string | null;
  likelihood: number | string;
  impact: number | string;
  treatment: string;
  ownerId: string | null;
  reviewOn: string;
  residualLikelihood: number | string;
  residualImpact: number | string;
};

const blank: V = {
  siteId: '',
  title: '',
  description: '',
  systemId: null,
  likelihood: 3,
  impact: 3,
  treatment: 'mitigate',
  ownerId: null,
  reviewOn: '',
  residualLikelihood: '',
  residualImpact: '',
};
const level = (v: number | string) => (v === '' ? null : Number(v));

/** Registers a risk or edits one; levels run 1 to the matrix's highest, which the server checks. */
export function RiskForm({
  record,
  levels,
  onClose,
}: {
  record: RiskView | null;
  levels: { likelihood: number; impact: number };
  onClose: () => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (r: RiskView): V => ({
      siteId: r.siteId,
      title: r.title,
      description: r.description ?? '',
      systemId: r.systemId,
      likelihood: r.likelihood,
      impact: r.impact,
      treatment: r.treatment,
      ownerId: r.ownerId,
      reviewOn: r.reviewOn,
      residualLikelihood: r.residualLikelihood ?? '',
      residualImpact: r.residualImpact ?? '',
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: v.siteId } : {}),
      title: v.title.trim(),
      description: blankToNull(v.description),
      systemId: v.systemId || null,
      likelihood: Number(v.likelihood),
      impact: Number(v.impact),
      treatment: v.treatment,
      ownerId: v.ownerId || null,
      reviewOn: v.reviewOn,
      residualLikelihood: level(v.residualLikelihood),
      residualImpact: level(v.residualImpact),
    }),
    createSchema: riskInput,
    patchSchema: riskPatch,
    create: (p) => api.post('/api/infosec/risks', p, riskView),
    update: (id, body) => api.patch(`/api/infosec/risks/${id}`, body, riskView),
    fetch: (id) => api.get(`/api/infosec/risks/${id}`, riskView),
    invalidate: [risksKey, '/api/obligations'],
    onSaved: onClose,
    savedMessage: t('risks.saved'),
  });
  useOnlySiteByDefault(siteOptions, f.form.getValues().siteId, (id) => f.form.setFieldValue('siteId', id));
  const siteId = f.form.getValues().siteId;
  const systems = useQuery({
    queryKey: ['/api/infosec/systems', 'of-site', siteId],
    queryFn: () => api.get('/api/infosec/systems', systemPage, { siteId, pageSize: 500, sort: 'name' }),
    enabled: Boolean(siteId),
  });
  const known = record?.ownerId ? [{ id: record.ownerId, name: record.ownerName ?? '' }] : [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('risks.edit') : t('risks.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          required
          searchable
          {...f.form.getInputProps('siteId')}
        />
      )}
      <TextInput label={t('risks.risk')} required data-autofocus {...f.form.getInputProps('title')} />
      <Textarea
        label={t('risks.descriptionField')}
        autosize
        minRows={2}
        {...f.form.getInputProps('description')}
      />
      <Select
        label={t('risks.system')}
        data={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        searchable
        clearable
        {...f.form.getInputProps('systemId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('risks.likelihood')}
          min={1}
          max={levels.likelihood}
          required
          {...f.form.getInputProps('likelihood')}
        />
        <NumberInput
          label={t('risks.impact')}
          min={1}
          max={levels.impact}
          required
          {...f.form.getInputProps('impact')}
        />
        <Select
          label={t('risks.treatment')}
          data={riskTreatments.map((k) => ({ value: k, label: label('riskTreatments', k) }))}
          allowDeselect={false}
          {...f.form.getInputProps('treatment')}
        />
        <TextInput type="date" label={t('risks.reviewOn')} required {...f.form.getInputProps('reviewOn')} />
        <NumberInput
          label={t('risks.residualLikelihood')}
          min={1}
          max={levels.likelihood}
          {...f.form.getInputProps('residualLikelihood')}
        />
        <NumberInput
          label={t('risks.residualImpact')}
          min={1}
          max={levels.impact}
          {...f.form.getInputProps('residualImpact')}
        />
      </SimpleGrid>
      <UserSelect label={t('risks.owner')} known={known} clearable {...f.form.getInputProps('ownerId')} />
    </FormModal>
  );
}

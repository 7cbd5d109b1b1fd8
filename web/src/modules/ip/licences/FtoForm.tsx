import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { ftoConclusions, ftoInput, ftoPatch, ftoView } from '#shared/modules/ip/licences/contract.ts';
import { technologies } from '#shared/modules/ip/rules/offices.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { PortfolioPicker } from './PortfolioPicker.tsx';

type Fto = z.infer<typeof ftoView>;
type V = {
  siteId: string;
  subject: string;
  technology: string | null;
  conclusion: string;
  counsel: string;
  opinionDate: string;
  patentsConsidered: string;
  familyIds: string[];
};

/** Records a freedom-to-operate opinion on a product or technology, or changes one. */
export function FtoForm({ record, onClose }: { record: Fto | null; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      subject: '',
      technology: null,
      conclusion: '',
      counsel: '',
      opinionDate: '',
      patentsConsidered: '',
      familyIds: [],
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      subject: x.subject,
      technology: x.technology,
      conclusion: x.conclusion,
      counsel: x.counsel,
      opinionDate: x.opinionDate,
      patentsConsidered: x.patentsConsidered.join('\n'),
      familyIds: x.families.map((y) => y.id),
    }),
    toPayload: (v: V, mode) => {
      const body = {
        subject: v.subject.trim(),
        technology: v.technology,
        conclusion: v.conclusion,
        counsel: v.counsel.trim(),
        opinionDate: v.opinionDate.trim(),
        patentsConsidered: v.patentsConsidered
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        familyIds: v.familyIds,
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: ftoInput,
    patchSchema: ftoPatch,
    create: (p) => api.post('/api/ip/fto', p, ftoView),
    update: (id, body) => api.patch(`/api/ip/fto/${id}`, body, ftoView),
    fetch: (id) => api.get(`/api/ip/fto/${id}`, ftoView),
    invalidate: [ipKeys.fto],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('fto.edit') : t('fto.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="lg"
    >
      <TextInput label={t('fto.subject')} required data-autofocus {...f.form.getInputProps('subject')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!record}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('fto.technology')}
          data={technologies.map((x) => ({ value: x, label: label('technologies', x) }))}
          clearable
          {...f.form.getInputProps('technology')}
        />
        <Select
          label={t('fto.conclusion')}
          data={ftoConclusions.map((x) => ({ value: x, label: label('ftoConclusions', x) }))}
          required
          {...f.form.getInputProps('conclusion')}
        />
        <TextInput label={t('fto.counsel')} required {...f.form.getInputProps('counsel')} />
        <TextInput
          label={t('fto.opinionDate')}
          placeholder="YYYY-MM-DD"
          required
          {...f.form.getInputProps('opinionDate')}
        />
      </SimpleGrid>
      <Textarea
        label={t('fto.patentsConsidered')}
        description={t('fto.patentsConsideredHint')}
        autosize
        minRows={3}
        {...f.form.getInputProps('patentsConsidered')}
      />
      <PortfolioPicker
        kind="families"
        label={t('fto.families')}
        placeholder={t('licences.searchFamilies')}
        value={v.familyIds}
        known={(record?.families ?? []).map((x) => ({ value: x.id, label: `${x.reference} · ${x.title}` }))}
        onChange={(ids) => f.form.setFieldValue('familyIds', ids)}
        error={f.form.errors.familyIds}
      />
    </FormModal>
  );
}

import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { trademarkInput, trademarkPatch, trademarkView } from '#shared/modules/ip/contract.ts';
import { trademarkOffices, trademarkStatuses } from '#shared/modules/ip/rules/offices.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Trademark = z.infer<typeof trademarkView>;
type V = {
  siteId: string;
  mark: string;
  office: string;
  classes: string;
  applicationNo: string;
  registrationNo: string;
  filingDate: string;
  registrationDate: string;
  status: string;
};

const parseClasses = (s: string) =>
  s
    .split(/[,\s、，]+/)
    .filter(Boolean)
    .map(Number);

/** Records a trademark in a jurisdiction, or changes it. */
export function TrademarkForm({ trademark, onClose }: { trademark: Trademark | null; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: trademark,
    blank: {
      siteId: '',
      mark: '',
      office: '',
      classes: '',
      applicationNo: '',
      registrationNo: '',
      filingDate: '',
      registrationDate: '',
      status: 'filed',
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      mark: x.mark,
      office: x.office,
      classes: x.niceClasses.join(', '),
      applicationNo: x.applicationNo,
      registrationNo: x.registrationNo ?? '',
      filingDate: x.filingDate,
      registrationDate: x.registrationDate ?? '',
      status: x.status,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        mark: v.mark.trim(),
        niceClasses: parseClasses(v.classes),
        applicationNo: v.applicationNo.trim(),
        registrationNo: blankToNull(v.registrationNo),
        filingDate: v.filingDate.trim(),
        registrationDate: blankToNull(v.registrationDate),
        status: v.status,
      };
      return mode === 'create' ? { siteId: v.siteId, office: v.office, ...body } : body;
    },
    createSchema: trademarkInput,
    patchSchema: trademarkPatch,
    create: (p) => api.post('/api/ip/trademarks', p, trademarkView),
    update: (id, body) => api.patch(`/api/ip/trademarks/${id}`, body, trademarkView),
    fetch: (id) => api.get(`/api/ip/trademarks/${id}`, trademarkView),
    invalidate: [ipKeys.trademarks, ipKeys.obligations],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  const classesError =
    f.form.errors.niceClasses ??
    Object.entries(f.form.errors).find(([k]) => k.startsWith('niceClasses.'))?.[1];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={trademark ? t('trademarks.edit') : t('trademarks.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('trademarks.mark')} required data-autofocus {...f.form.getInputProps('mark')} />
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!trademark}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('common.office')}
          data={trademarkOffices.map((o) => ({ value: o, label: label('offices', o) }))}
          required
          disabled={!!trademark}
          {...f.form.getInputProps('office')}
        />
        <Select
          label={t('common.status')}
          data={trademarkStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
          required
          {...f.form.getInputProps('status')}
        />
      </SimpleGrid>
      <TextInput
        label={t('trademarks.classes')}
        description={t('trademarks.classesHint')}
        required
        {...f.form.getInputProps('classes')}
        error={f.form.errors.classes ?? classesError}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('trademarks.applicationNo')}
          required
          {...f.form.getInputProps('applicationNo')}
        />
        <TextInput label={t('trademarks.registrationNo')} {...f.form.getInputProps('registrationNo')} />
        <TextInput
          label={t('trademarks.filingDate')}
          placeholder="YYYY-MM-DD"
          required
          {...f.form.getInputProps('filingDate')}
        />
        <TextInput
          label={t('trademarks.registrationDate')}
          placeholder="YYYY-MM-DD"
          {...f.form.getInputProps('registrationDate')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

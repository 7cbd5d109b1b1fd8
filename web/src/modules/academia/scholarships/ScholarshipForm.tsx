import { Alert, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { z } from 'zod';
import { scholarshipInput, scholarshipPatch, scholarshipView } from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, toMinor, usePartnerOptions } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

type Scholarship = z.infer<typeof scholarshipView>;
type V = {
  siteId: string;
  partnerId: string;
  recipientName: string;
  program: string;
  awardedOn: string | null;
  amount: string;
  currency: string;
  condition: string;
};

const asAmount = (minor: number) => (minor / 100).toFixed(2).replace(/\.00$/, '');

/** Award a scholarship, or correct one; an erased recipient's name stays erased (the field is not offered). */
export function ScholarshipForm({ record, onClose }: { record: Scholarship | null; onClose: () => void }) {
  const t = useAcademiaT();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const erased = !!record?.anonymisedOn;
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: '',
      recipientName: '',
      program: '',
      awardedOn: null,
      amount: '',
      currency: 'TWD',
      condition: '',
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      recipientName: r.recipientName ?? '',
      program: r.program,
      awardedOn: r.awardedOn,
      amount: asAmount(r.amountMinor),
      currency: r.currency,
      condition: r.condition ?? '',
    }),
    toPayload: (v: V, mode) => {
      const body = {
        partnerId: v.partnerId,
        ...(erased ? {} : { recipientName: v.recipientName }),
        program: v.program,
        awardedOn: v.awardedOn ?? '',
        amountMinor: toMinor(v.amount) ?? 0,
        currency: v.currency.trim().toUpperCase(),
        condition: v.condition.trim() || null,
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    check: (v): Record<string, string> =>
      (toMinor(v.amount) ?? 0) > 0 ? {} : { amount: t('scholarships.amountInvalid') },
    createSchema: scholarshipInput,
    patchSchema: scholarshipPatch,
    create: (p) => api.post('/api/academia/scholarships', p, scholarshipView),
    update: (id, body) => api.patch(`/api/academia/scholarships/${id}`, body, scholarshipView),
    fetch: (id) => api.get(`/api/academia/scholarships/${id}`, scholarshipView),
    invalidate: [academiaKeys.scholarships, academiaKeys.contribution],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('scholarships.edit') : t('scholarships.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          data-autofocus
          {...f.form.getInputProps('siteId')}
        />
      )}
      {erased ? (
        <Alert color="gray" variant="light">
          {t('scholarships.erasedName')}
        </Alert>
      ) : (
        <TextInput
          label={t('scholarships.recipient')}
          required
          data-autofocus={record ? true : undefined}
          {...f.form.getInputProps('recipientName')}
        />
      )}
      <Select
        label={t('common.partner')}
        data={partners}
        searchable
        required
        {...f.form.getInputProps('partnerId')}
      />
      <TextInput label={t('scholarships.program')} required {...f.form.getInputProps('program')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label={t('scholarships.awardedOn')}
          valueFormat="YYYY-MM-DD"
          required
          {...f.form.getInputProps('awardedOn')}
        />
        <TextInput
          label={t('scholarships.amount')}
          description={t('scholarships.amountHint')}
          inputMode="decimal"
          required
          {...f.form.getInputProps('amount')}
        />
        <TextInput
          label={t('common.currency')}
          required
          maxLength={3}
          {...f.form.getInputProps('currency')}
        />
      </SimpleGrid>
      <Textarea
        label={t('scholarships.condition')}
        description={t('scholarships.conditionHint')}
        autosize
        minRows={2}
        {...f.form.getInputProps('condition')}
      />
    </FormModal>
  );
}

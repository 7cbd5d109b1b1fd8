import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { paymentCategories, paymentInput, paymentView } from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, toMinor, usePartnerOptions } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

type Payment = import('zod').infer<typeof paymentView>;
type Category = (typeof paymentCategories)[number];
type Values = {
  siteId: string;
  partnerId: string;
  category: Category | '';
  paidOn: string | null;
  amount: string;
  currency: string;
  note: string;
};
/** The research project a payment is made against: its site, partner and currency come with it. */
export type PaymentProject = { id: string; siteId: string; partnerId: string; currency: string };

/**
 * A payment to a school or institute, in any currency: the year's contribution converts it at the rate of its
 * date. Made against a research project, the site, school and category are the project's.
 */
export function PaymentForm({ project, onClose }: { project?: PaymentProject; onClose: () => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const f = useRecordForm({
    record: null as Payment | null,
    blank: {
      siteId: project?.siteId ?? '',
      partnerId: project?.partnerId ?? '',
      category: project ? 'research' : '',
      paidOn: null,
      amount: '',
      currency: project?.currency ?? 'TWD',
      note: '',
    } as Values,
    toValues: (r): Values => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      category: r.category,
      paidOn: r.paidOn,
      amount: String(r.amountMinor / 100),
      currency: r.currency,
      note: r.note ?? '',
    }),
    toPayload: (v: Values) => ({
      siteId: v.siteId,
      partnerId: v.partnerId,
      category: (v.category || 'other') as Category,
      projectId: project?.id ?? null,
      paidOn: v.paidOn ?? '',
      amountMinor: toMinor(v.amount) ?? 0,
      currency: v.currency.trim().toUpperCase(),
      note: v.note.trim() || null,
    }),
    check: (v): Record<string, string> => ({
      ...((toMinor(v.amount) ?? 0) > 0 ? {} : { amount: t('projects.amountInvalid') }),
      ...(v.category ? {} : { category: t('payments.categoryRequired') }),
    }),
    createSchema: paymentInput,
    patchSchema: paymentInput,
    create: (p) => api.post('/api/academia/payments', p, paymentView),
    update: () => Promise.reject(new Error('A payment is not edited here')),
    fetch: () => Promise.reject(new Error('A new payment is not reloaded')),
    invalidate: [academiaKeys.projects, academiaKeys.payments, academiaKeys.contribution],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('projects.addPayment')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size={project ? 'md' : 'lg'}
    >
      {!project && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('common.site')}
              data={siteOptions}
              searchable
              required
              data-autofocus
              {...f.form.getInputProps('siteId')}
            />
            <Select
              label={t('payments.category')}
              data={paymentCategories.map((c) => ({ value: c, label: label('paymentCategories', c) }))}
              required
              {...f.form.getInputProps('category')}
            />
          </SimpleGrid>
          <Select
            label={t('common.partner')}
            data={partners}
            searchable
            required
            {...f.form.getInputProps('partnerId')}
          />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label={t('projects.paidOn')}
          valueFormat="YYYY-MM-DD"
          required
          data-autofocus={project ? true : undefined}
          {...f.form.getInputProps('paidOn')}
        />
        <TextInput
          label={t('projects.amount')}
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
      <TextInput label={t('projects.paymentNote')} {...f.form.getInputProps('note')} />
    </FormModal>
  );
}

import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import {
  paymentCategories,
  paymentInput,
  paymentPatch,
  paymentView,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, toMinor, usePartnerOptions } from '../api.ts';
import { useConfirmDelete } from '../confirm-delete.tsx';
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
export function PaymentForm({
  project,
  record = null,
  onClose,
}: {
  project?: PaymentProject;
  /** A payment to correct: its day, amount, currency and note; or remove, when recorded in error. */
  record?: Payment | null;
  onClose: () => void;
}) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const confirmDelete = useConfirmDelete();
  const _queryClient = useQueryClient();
  const f = useRecordForm({
    record,
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
    toPayload: (v: Values, mode) =>
      mode === 'create'
        ? {
            siteId: v.siteId,
            partnerId: v.partnerId,
            category: (v.category || 'other') as Category,
            projectId: project?.id ?? null,
            paidOn: v.paidOn ?? '',
            amountMinor: toMinor(v.amount) ?? 0,
            currency: v.currency.trim().toUpperCase(),
            note: v.note.trim() || null,
          }
        : {
            paidOn: v.paidOn ?? '',
            amountMinor: toMinor(v.amount) ?? 0,
            currency: v.currency.trim().toUpperCase(),
            note: v.note.trim() || null,
          },
    check: (v): Record<string, string> => ({
      ...((toMinor(v.amount) ?? 0) > 0 ? {} : { amount: t('projects.amountInvalid') }),
      ...(v.category ? {} : { category: t('payments.categoryRequired') }),
    }),
    createSchema: paymentInput,
    patchSchema: paymentPatch,
    create: (p) => api.post('/api/academia/payments', p, paymentView),
    update: (id, body) => api.patch(`/api/academia/payments/${id}`, body, paymentView),
    fetch: (id) => api.get(`/api/academia/payments/${id}`, paymentView),
    invalidate: [academiaKeys.projects, academiaKeys.payments, academiaKeys.contribution],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('payments.edit') : t('projects.addPayment')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size={project ? 'md' : 'lg'}
    >
      {!project && !record && (
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
          data-autofocus={project || record ? true : undefined}
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
      {record && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() =>
              // The version as last loaded: a reload after a conflict brings the newer one.
              confirmDelete(`/api/academia/payments/${record.id}`, f.base?.version ?? record.version, onClose)
            }
          >
            {t('teaching.delete')}
          </Button>
        </Group>
      )}
    </FormModal>
  );
}

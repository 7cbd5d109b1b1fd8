import { Button, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  milestoneInput,
  milestonePatch,
  milestoneView,
  paymentInput,
  paymentView,
  type projectDetail,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, toMinor } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

type Project = import('zod').infer<typeof projectDetail>;
type Milestone = Project['milestones'][number];

/** A contract milestone or instalment of the project: what is due and when; it stays open until marked done. */
export function MilestoneForm({ project, onClose }: { project: Project; onClose: () => void }) {
  const t = useAcademiaT();
  const f = useRecordForm({
    record: null as Milestone | null,
    blank: { title: '', dueDate: null as string | null },
    toValues: (r) => ({ title: r.title, dueDate: r.dueDate as string | null }),
    toPayload: (v) => ({ title: v.title, dueDate: v.dueDate ?? '' }),
    createSchema: milestoneInput,
    patchSchema: milestonePatch,
    create: (p) => api.post(`/api/academia/projects/${project.id}/milestones`, p, milestoneView),
    update: (id, body) => api.patch(`/api/academia/milestones/${id}`, body, milestoneView),
    fetch: () => Promise.reject(new Error('A new milestone is not reloaded')),
    invalidate: [academiaKeys.projects],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('projects.addMilestone')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput
        label={t('projects.milestoneTitle')}
        description={t('projects.milestoneHint')}
        required
        data-autofocus
        {...f.form.getInputProps('title')}
      />
      <DateInput
        label={t('projects.dueDate')}
        valueFormat="YYYY-MM-DD"
        required
        {...f.form.getInputProps('dueDate')}
      />
    </FormModal>
  );
}

/** Marks an open milestone done today (the deliverable arrived, the instalment fell due). */
export function MarkDoneButton({ milestone }: { milestone: Milestone }) {
  const t = useAcademiaT();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () =>
      api.patch(
        `/api/academia/milestones/${milestone.id}`,
        { version: milestone.version, doneOn: new Date().toISOString().slice(0, 10) },
        milestoneView,
      ),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('projects.milestoneDone') });
      void queryClient.invalidateQueries({ queryKey: [academiaKeys.projects] });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      loading={done.isPending}
      onClick={() => done.mutate()}
      aria-label={`${t('projects.markDone')}: ${milestone.title}`}
    >
      {t('projects.markDone')}
    </Button>
  );
}

type Payment = import('zod').infer<typeof paymentView>;
type PaymentValues = { paidOn: string | null; amount: string; currency: string; note: string };

/**
 * A research payment to the project's partner, in any currency: the contribution converts it at the rate of
 * its date. The site and partner are the project's.
 */
export function PaymentForm({ project, onClose }: { project: Project; onClose: () => void }) {
  const t = useAcademiaT();
  const f = useRecordForm({
    record: null as Payment | null,
    blank: { paidOn: null, amount: '', currency: project.currency, note: '' } as PaymentValues,
    toValues: (r): PaymentValues => ({
      paidOn: r.paidOn,
      amount: String(r.amountMinor / 100),
      currency: r.currency,
      note: r.note ?? '',
    }),
    toPayload: (v: PaymentValues) => ({
      siteId: project.siteId,
      partnerId: project.partnerId,
      category: 'research' as const,
      projectId: project.id,
      paidOn: v.paidOn ?? '',
      amountMinor: toMinor(v.amount) ?? 0,
      currency: v.currency.trim().toUpperCase(),
      note: v.note.trim() || null,
    }),
    check: (v): Record<string, string> =>
      (toMinor(v.amount) ?? 0) > 0 ? {} : { amount: t('projects.amountInvalid') },
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
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label={t('projects.paidOn')}
          valueFormat="YYYY-MM-DD"
          required
          data-autofocus
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

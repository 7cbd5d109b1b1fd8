import { Button, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  milestoneInput,
  milestonePatch,
  milestoneView,
  type projectDetail,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys } from '../api.ts';
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

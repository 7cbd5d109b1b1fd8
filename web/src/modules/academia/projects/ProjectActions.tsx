import { Button, Group, Popover, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  milestoneInput,
  milestonePatch,
  milestoneView,
  type projectDetail,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

type Project = import('zod').infer<typeof projectDetail>;
type Milestone = import('zod').infer<typeof milestoneView>;

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

/**
 * Marks an open milestone done on a chosen day, today unless said otherwise (the deliverable accepted, the
 * instalment fallen due); never a day after today.
 */
export function MarkDoneButton({ milestone }: { milestone: Milestone }) {
  const t = useAcademiaT();
  const today = localDay();
  const [day, setDay] = useState<string | null>(today);
  const [opened, setOpened] = useState(false);
  const done = useMilestoneDone(milestone, 'projects.milestoneDone', () => setOpened(false));
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant="light"
          onClick={() => setOpened((o) => !o)}
          aria-label={`${t('projects.markDone')}: ${milestone.title}`}
        >
          {t('projects.markDone')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (day) done.mutate(day);
          }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <DateInput
              label={t('projects.doneOnDay')}
              description={t('projects.doneOnHint')}
              valueFormat="YYYY-MM-DD"
              value={day}
              onChange={setDay}
              maxDate={today}
              // The calendar inside the dialog: a click on a day is not a click outside it.
              popoverProps={{ withinPortal: false }}
              required
              w={220}
            />
            <Button type="submit" loading={done.isPending} disabled={!day}>
              {t('projects.markDone')}
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Takes back a milestone's "done": it is open again, and its investigator may send files again. */
export function ReopenMilestoneButton({ milestone }: { milestone: Milestone }) {
  const t = useAcademiaT();
  const reopen = useMilestoneDone(milestone, 'projects.milestoneReopened');
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      loading={reopen.isPending}
      onClick={() => reopen.mutate(null)}
      aria-label={`${t('projects.reopen')}: ${milestone.title}`}
    >
      {t('projects.reopen')}
    </Button>
  );
}

/** Sets a milestone's done day, or takes it back (null), and says so. */
function useMilestoneDone(
  milestone: Milestone,
  message: 'projects.milestoneDone' | 'projects.milestoneReopened',
  onDone?: () => void,
) {
  const t = useAcademiaT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doneOn: string | null) =>
      api.patch(
        `/api/academia/milestones/${milestone.id}`,
        { version: milestone.version, doneOn },
        milestoneView,
      ),
    onSuccess: () => {
      onDone?.();
      notifications.show({ color: 'teal', message: t(message) });
      void queryClient.invalidateQueries({ queryKey: [academiaKeys.projects] });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
}

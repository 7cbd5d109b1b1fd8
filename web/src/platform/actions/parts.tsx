import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionView,
  actionInput,
  actionKinds,
  actionPatch,
  actionView,
} from '#shared/platform/actions/contract.ts';
import { ApiError, api } from '../api/client.ts';
import { programChoices } from '../modules/manifest.ts';
import { programNameKey } from '../modules/program-names.ts';
import { useSites } from '../people/sites.ts';
import { useWrite } from '../services/mutation.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { useActionsLabel, useActionsT } from './texts.ts';

export const actionKeys = ['/api/actions', '/api/obligations', '/api/home', '/api/meetings'];

export const statusColors: Record<ActionView['status'], string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'teal',
  verified: 'green',
};

export function ActionStatusBadge({ a }: { a: Pick<ActionView, 'status' | 'overdue'> }) {
  const t = useActionsT();
  const label = useActionsLabel();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        miw="max-content"
        color={statusColors[a.status]}
        variant={a.status === 'verified' ? 'filled' : 'light'}
      >
        {label('statuses', a.status)}
      </Badge>
      {a.overdue && (
        <Badge miw="max-content" color="red" variant="light">
          {t('overdue')}
        </Badge>
      )}
    </Group>
  );
}

export function useProgramOptions() {
  const { t } = useTranslation();
  return programChoices().map((p) => ({ value: p, label: t(programNameKey(p)) as string }));
}

type V = {
  siteId: string | null;
  program: string | null;
  kind: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: string | null;
  sourceType: string;
  sourceId: string;
};

/** Open an action, or change one (title, details, kind, owner, due date). */
export function ActionFormModal({
  action,
  onClose,
  onSaved,
}: {
  action: ActionView | null;
  onClose: () => void;
  onSaved?: (a: ActionView) => void;
}) {
  const t = useActionsT();
  const label = useActionsLabel();
  const { options: siteOptions } = useSites();
  const programOptions = useProgramOptions();
  const f = useRecordForm({
    record: action,
    blank: {
      siteId: null,
      program: null,
      kind: 'corrective',
      title: '',
      description: '',
      ownerId: null,
      dueDate: null,
      sourceType: '',
      sourceId: '',
    } as V,
    toValues: (a): V => ({
      siteId: a.siteId,
      program: a.program,
      kind: a.kind,
      title: a.title,
      description: a.description ?? '',
      ownerId: a.ownerId,
      dueDate: a.dueDate,
      sourceType: a.sourceType ?? '',
      sourceId: a.sourceId ?? '',
    }),
    toPayload: (v: V, mode) => {
      const common = {
        kind: v.kind,
        title: v.title.trim(),
        description: blankToNull(v.description),
        ownerId: v.ownerId || null,
        dueDate: v.dueDate ?? '',
      };
      if (mode === 'edit') return common;
      return {
        ...common,
        siteId: v.siteId || null,
        program: v.program || null,
        sourceType: blankToNull(v.sourceType),
        sourceId: blankToNull(v.sourceId),
      };
    },
    createSchema: actionInput,
    patchSchema: actionPatch,
    create: (p) => api.post('/api/actions', p, actionView),
    update: (id, body) => api.patch(`/api/actions/${id}`, body, actionView),
    fetch: (id) => api.get(`/api/actions/${id}`, actionView),
    invalidate: actionKeys,
    savedMessage: t('form.saved'),
    onSaved: (a) => {
      onSaved?.(a);
      onClose();
    },
  });
  const known = action?.ownerId && action.ownerName ? [{ id: action.ownerId, name: action.ownerName }] : [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={f.mode === 'edit' ? t('edit') : t('add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput label={t('form.title')} required data-autofocus {...f.form.getInputProps('title')} />
      <Textarea
        label={t('form.description')}
        autosize
        minRows={2}
        maxRows={8}
        {...f.form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('form.kind')}
          required
          allowDeselect={false}
          data={actionKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
          {...f.form.getInputProps('kind')}
        />
        <DateInput
          label={t('form.dueDate')}
          valueFormat="YYYY-MM-DD"
          required
          {...f.form.getInputProps('dueDate')}
        />
      </SimpleGrid>
      {f.mode === 'create' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('form.site')}
            description={t('form.siteHint')}
            data={siteOptions}
            searchable
            clearable
            {...f.form.getInputProps('siteId')}
          />
          <Select
            label={t('form.program')}
            data={programOptions}
            clearable
            {...f.form.getInputProps('program')}
          />
        </SimpleGrid>
      )}
      <UserSelect
        label={t('form.owner')}
        clearable
        known={known}
        comboboxProps={{ withinPortal: true }}
        {...f.form.getInputProps('ownerId')}
      />
      {f.mode === 'create' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('form.sourceType')}
            description={t('form.sourceHint')}
            {...f.form.getInputProps('sourceType')}
          />
          <TextInput label={t('form.sourceId')} description=" " {...f.form.getInputProps('sourceId')} />
        </SimpleGrid>
      )}
    </FormModal>
  );
}

/** Start, complete, verify (with how it was verified), reopen (with why). */
export function useActionTransitions(onDone?: (a: ActionView) => void) {
  const t = useActionsT();
  const [noting, setNoting] = useState<{ action: ActionView; transition: 'verify' | 'reopen' } | null>(null);
  const messages = {
    start: t('transitions.started'),
    complete: t('transitions.completed'),
    verify: t('transitions.verified'),
    reopen: t('transitions.reopened'),
  };
  const write = useWrite(
    (v: { action: ActionView; transition: keyof typeof messages; note?: string }) =>
      api.post(
        `/api/actions/${v.action.id}/transition`,
        { transition: v.transition, version: v.action.version, ...(v.note ? { note: v.note } : {}) },
        actionView,
      ),
    {
      invalidate: actionKeys,
      success: (a) =>
        messages[
          a.status === 'in_progress'
            ? 'start'
            : a.status === 'done'
              ? 'complete'
              : a.status === 'verified'
                ? 'verify'
                : 'reopen'
        ],
      onSuccess: (a) => {
        setNoting(null);
        onDone?.(a);
      },
    },
  );
  return {
    run: (action: ActionView, transition: 'start' | 'complete') => write.mutate({ action, transition }),
    ask: (action: ActionView, transition: 'verify' | 'reopen') => {
      write.reset();
      setNoting({ action, transition });
    },
    pending: write.isPending,
    error: noting ? null : write.error,
    modal: noting ? (
      <NoteModal
        transition={noting.transition}
        busy={write.isPending}
        error={write.error}
        onClose={() => setNoting(null)}
        onSubmit={(note) => write.mutate({ action: noting.action, transition: noting.transition, note })}
      />
    ) : null,
  };
}

function NoteModal({
  transition,
  busy,
  error,
  onClose,
  onSubmit,
}: {
  transition: 'verify' | 'reopen';
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (note: string) => void;
}) {
  const t = useActionsT();
  const { t: tc } = useTranslation();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const required = transition === 'verify';
  const serverField = error instanceof ApiError ? error.fieldErrors.note : undefined;
  const fieldError = (tried && required && !note.trim() ? tc('forms.required') : undefined) ?? serverField;
  return (
    <Modal
      opened
      onClose={onClose}
      title={transition === 'verify' ? t('transitions.verifyTitle') : t('transitions.reopenTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (required && !note.trim()) return;
          onSubmit(note.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {transition === 'verify' ? t('transitions.verifyHint') : t('transitions.reopenHint')}
          </Text>
          {error && !serverField ? <ProblemAlert error={error} /> : null}
          <Textarea
            label={transition === 'verify' ? t('transitions.verifyNote') : t('transitions.reopenNote')}
            required={required}
            autosize
            minRows={3}
            maxRows={10}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={transition === 'verify' ? 'green' : 'orange'}>
              {transition === 'verify' ? t('transitions.verify') : t('transitions.reopen')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

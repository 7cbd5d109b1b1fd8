import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeetingView, meetingView } from '#shared/platform/meetings/contract.ts';
import { ApiError } from '../api/client.ts';
import { putJson, useCsrfToken } from '../services/http.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { type Known, useMeetingWrite } from './meeting-write.ts';
import { useMeetingsT } from './texts.ts';

type AgendaRow = {
  title: string;
  presenterId: string | null;
  presenterName: string;
  durationMinutes: number | string;
  notes: string;
};

/** Edits the agenda in a dialog: items in order, each with a presenter, a duration and notes. */
export function AgendaEditor({
  meeting,
  known,
  onClose,
}: {
  meeting: MeetingView;
  known: Known;
  onClose: () => void;
}) {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const csrf = useCsrfToken();
  const [rows, setRows] = useState<AgendaRow[]>(
    meeting.agenda.map((a) => ({
      title: a.title,
      presenterId: a.presenterId,
      presenterName: a.presenterId ? '' : (a.presenterName ?? ''),
      durationMinutes: a.durationMinutes ?? '',
      notes: a.notes ?? '',
    })),
  );
  const [tried, setTried] = useState(false);
  const save = useMeetingWrite(
    meeting.id,
    () =>
      putJson(
        `/api/meetings/${meeting.id}/agenda`,
        {
          version: meeting.version,
          items: rows.map((r) => ({
            title: r.title.trim(),
            presenterId: r.presenterId,
            presenterName: r.presenterId ? null : r.presenterName.trim() || null,
            durationMinutes: r.durationMinutes === '' ? null : Number(r.durationMinutes),
            notes: r.notes.trim() || null,
          })),
        },
        meetingView,
        csrf,
      ),
    t('agenda.saved'),
    onClose,
  );
  const set = (i: number, patch: Partial<AgendaRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Modal opened onClose={onClose} title={t('agenda.edit')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (rows.some((r) => r.title.trim().length < 2)) return;
          save.mutate(undefined);
        }}
      >
        <Stack gap="md">
          {save.error ? <ProblemAlert error={save.error} /> : null}
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Paper key={i} withBorder p="sm" radius="md">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Text fw={700} mt={30} w={20}>
                  {i + 1}
                </Text>
                <Stack gap="xs" style={{ flex: 1 }}>
                  <TextInput
                    label={t('agenda.item')}
                    required
                    value={r.title}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    error={
                      (tried && r.title.trim().length < 2 ? tc('forms.required') : undefined) ??
                      fieldErrors[`items.${i}.title`]
                    }
                    data-autofocus={i === 0 ? true : undefined}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <UserSelect
                      label={t('agenda.presenter')}
                      known={known}
                      clearable
                      value={r.presenterId}
                      onChange={(v) => set(i, { presenterId: v })}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <TextInput
                      label={t('agenda.presenterName')}
                      value={r.presenterName}
                      disabled={!!r.presenterId}
                      onChange={(e) => set(i, { presenterName: e.currentTarget.value })}
                    />
                    <NumberInput
                      label={t('agenda.minutes')}
                      min={1}
                      max={1440}
                      allowDecimal={false}
                      value={r.durationMinutes}
                      onChange={(v) => set(i, { durationMinutes: v })}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t('agenda.notes')}
                    value={r.notes}
                    onChange={(e) => set(i, { notes: e.currentTarget.value })}
                  />
                </Stack>
                <Stack gap={4} mt={26}>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('agenda.moveUp')}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('agenda.moveDown')}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    aria-label={t('agenda.remove')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Stack>
              </Group>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { title: '', presenterId: null, presenterName: '', durationMinutes: '', notes: '' },
                ])
              }
            >
              {t('agenda.add')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {tc('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {tc('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

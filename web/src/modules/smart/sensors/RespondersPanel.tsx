import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type RespondersView, respondersView } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useSmartT } from '../i18n/index.ts';

type Row = RespondersView['responders'][number];

const respondersKey = (areaId: string) => ['/api/smart/areas', areaId, 'responders'];

function RespondersForm({ view, onClose }: { view: RespondersView; onClose: () => void }) {
  const t = useSmartT();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(view.responders);
  const [adding, setAdding] = useState<string | null>(null);
  const change = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/smart/areas/${view.areaId}/responders`, {
        responders: rows.map((r) => ({
          userId: r.userId,
          shiftStart: r.shiftStart || null,
          shiftEnd: r.shiftEnd || null,
        })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: respondersKey(view.areaId) });
      notifications.show({ message: t('responders.saved'), color: 'teal' });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('responders.editTitle')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      {rows.map((r, i) => (
        <Group key={r.userId} align="flex-end" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>
            {r.name}
          </Text>
          <TextInput
            type="time"
            label={t('responders.shiftStart')}
            value={r.shiftStart ?? ''}
            onChange={(e) => change(i, { shiftStart: e.currentTarget.value || null })}
          />
          <TextInput
            type="time"
            label={t('responders.shiftEnd')}
            value={r.shiftEnd ?? ''}
            onChange={(e) => change(i, { shiftEnd: e.currentTarget.value || null })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('responders.remove')}
            onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <UserSelect
        label={t('responders.add')}
        value={adding}
        onChange={(id, option) => {
          if (id && !rows.some((r) => r.userId === id))
            setRows((all) => [
              ...all,
              { userId: id, name: option?.label ?? '', shiftStart: null, shiftEnd: null },
            ]);
          setAdding(null);
        }}
      />
    </FormModal>
  );
}

/** The alarm responders of an area, with their shifts, for whoever runs the program at its site. */
export function RespondersPanel({ areaId, areaName }: { areaId: string; areaName: string }) {
  const t = useSmartT();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: respondersKey(areaId),
    queryFn: () => api.get(`/api/smart/areas/${areaId}/responders`, respondersView),
  });
  const view = query.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('responders.title', { area: areaName })}</Title>
        {view && (
          <Button
            variant="default"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('responders.edit')}
          </Button>
        )}
      </Group>
      {query.error ? (
        <ProblemAlert error={query.error} />
      ) : !view ? (
        <Skeleton h={80} />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('responders.hint', { timeZone: view.timeZone })}
          </Text>
          {view.responders.length === 0 ? (
            <Text size="sm">{t('responders.none')}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('responders.person')}</Table.Th>
                  <Table.Th>{t('responders.shiftStart')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.responders.map((r) => (
                  <Table.Tr key={r.userId}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      {r.shiftStart ? `${r.shiftStart}–${r.shiftEnd}` : t('responders.always')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
      {editing && view && <RespondersForm view={view} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

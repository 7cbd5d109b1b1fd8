import { Checkbox, Group, NumberInput, Table, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DrillView, drillView } from '#shared/modules/infosec/drills/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { invalidateDrills, linesOf, pairOf } from './api.ts';

type Achieved = { rto: number | string; rpo: number | string; restored: boolean };
const hoursOrNull = (v: number | string) => (v === '' ? null : Number(v));

/** The run of the drill: the day, and each system's achieved recovery time and data loss. */
export function HoldForm({ drill, onClose }: { drill: DrillView; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [heldOn, setHeldOn] = useState(drill.plannedOn);
  const [notes, setNotes] = useState('');
  const [achieved, setAchieved] = useState<Record<string, Achieved>>(
    Object.fromEntries(drill.systems.map((s) => [s.systemId, { rto: '', rpo: '', restored: true }])),
  );
  const set = (id: string, patch: Partial<Achieved>) =>
    setAchieved((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/drills/${drill.id}/held`,
        {
          heldOn,
          notes: notes || null,
          systems: drill.systems.map((s) => ({
            systemId: s.systemId,
            achievedRtoHours: hoursOrNull(achieved[s.systemId].rto),
            achievedRpoHours: hoursOrNull(achieved[s.systemId].rpo),
            dataRestored: achieved[s.systemId].restored,
          })),
          version: drill.version,
        },
        drillView,
      ),
    onSuccess: async () => {
      await invalidateDrills(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('drills.hold')}
      size="xl"
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        type="date"
        label={t('drills.heldOn')}
        value={heldOn}
        onChange={(e) => setHeldOn(e.currentTarget.value)}
        data-autofocus
      />
      {drill.systems.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drills.systems')}</Table.Th>
              <Table.Th>{t('drills.rto')}</Table.Th>
              <Table.Th>{t('drills.rpo')}</Table.Th>
              <Table.Th>{t('drills.dataRestored')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drill.systems.map((s) => (
              <Table.Tr key={s.systemId}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${s.name} ${t('drills.rto')}`}
                    placeholder={s.rtoHours === null ? '' : `≤ ${s.rtoHours}`}
                    value={achieved[s.systemId].rto}
                    onChange={(v) => set(s.systemId, { rto: v })}
                    min={0}
                    decimalScale={2}
                    w={110}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${s.name} ${t('drills.rpo')}`}
                    placeholder={s.rpoHours === null ? '' : `≤ ${s.rpoHours}`}
                    value={achieved[s.systemId].rpo}
                    onChange={(v) => set(s.systemId, { rpo: v })}
                    min={0}
                    decimalScale={2}
                    w={110}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${s.name} ${t('drills.dataRestored')}`}
                    checked={achieved[s.systemId].restored}
                    onChange={(e) => set(s.systemId, { restored: e.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Textarea
        label={t('drills.runNotes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}

/** The post-drill review: findings, and improvements that become actions. */
export function ReviewForm({ drill, onClose }: { drill: DrillView; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [reviewedOn, setReviewedOn] = useState(drill.heldOn ?? '');
  const [findings, setFindings] = useState('');
  const [improvements, setImprovements] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/drills/${drill.id}/review`,
        {
          reviewedOn,
          findings,
          improvements: linesOf(improvements).map((l) => {
            const [title, dueDate] = pairOf(l);
            return { title, dueDate };
          }),
          version: drill.version,
        },
        drillView,
      ),
    onSuccess: async () => {
      await invalidateDrills(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('drills.review')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <Group grow>
        <TextInput
          type="date"
          label={t('drills.reviewedOn')}
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
          data-autofocus
        />
      </Group>
      <Textarea
        label={t('drills.findings')}
        value={findings}
        onChange={(e) => setFindings(e.currentTarget.value)}
        autosize
        minRows={3}
        required
      />
      <Textarea
        label={t('drills.improvements')}
        value={improvements}
        onChange={(e) => setImprovements(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { systemPage } from '#shared/modules/infosec/contract.ts';
import {
  backupSources,
  drillRoles,
  drillScopes,
  drillView,
} from '#shared/modules/infosec/drills/contract.ts';
import { drillKinds } from '#shared/modules/infosec/drills/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateDrills, linesOf, pairOf, stepOf } from './api.ts';

type Participant = {
  userId: string | null;
  role: string;
  unit: string;
  task: string;
  backupUserId: string | null;
};

/** The plan of a new drill: its organisation (participants with tasks and backups), systems, steps, resources, risks. */
export function PlanForm({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(siteOptions[0]?.value ?? null);
  const [kind, setKind] = useState<string>('recovery');
  const [title, setTitle] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [duration, setDuration] = useState<number | string>(4);
  const [scope, setScope] = useState<string>('full_failover');
  const [scopeNote, setScopeNote] = useState('');
  const [systemIds, setSystemIds] = useState<string[]>([]);
  const [source, setSource] = useState<string>('offsite_backup');
  const [people, setPeople] = useState<Participant[]>([
    { userId: null, role: 'commander', unit: '', task: '', backupUserId: null },
  ]);
  const [steps, setSteps] = useState('');
  const [resources, setResources] = useState('');
  const [risks, setRisks] = useState('');
  const systems = useQuery({
    queryKey: ['/api/infosec/systems', 'drill', siteId],
    queryFn: () =>
      api.get('/api/infosec/systems', systemPage, { siteId: siteId ?? undefined, pageSize: 500 }),
    enabled: !!siteId,
  });
  const save = useMutation({
    mutationFn: () =>
      api.post(
        '/api/infosec/drills',
        {
          siteId,
          kind,
          title,
          plannedOn,
          durationHours: Number(duration),
          scope,
          scopeNote: scopeNote || null,
          participants: people
            .filter((p) => p.userId)
            .map((p) => ({ ...p, backupUserId: p.backupUserId || null })),
          systems: systemIds.map((systemId) => ({ systemId, backupSource: source })),
          steps: linesOf(steps).map(stepOf),
          resources: linesOf(resources),
          risks: linesOf(risks).map((l) => {
            const [risk, mitigation] = pairOf(l);
            return { risk, mitigation };
          }),
        },
        drillView,
      ),
    onSuccess: async (d) => {
      await invalidateDrills(queryClient);
      onClose();
      void navigate({ to: '/infosec/drills/$drillId', params: { drillId: d.id } });
    },
  });
  const set = (i: number, patch: Partial<Participant>) =>
    setPeople((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('drills.plan')}
      size="xl"
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <Group grow>
        <Select
          label={t('common.site')}
          data={siteOptions}
          value={siteId}
          onChange={setSiteId}
          searchable
          data-autofocus
        />
        <Select
          label={t('drills.kind')}
          data={drillKinds.map((k) => ({ value: k, label: label('drillKinds', k) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'recovery')}
        />
      </Group>
      <TextInput
        label={t('drills.titleCol')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('drills.plannedOn')}
          value={plannedOn}
          onChange={(e) => setPlannedOn(e.currentTarget.value)}
          required
        />
        <NumberInput
          label={t('drills.duration')}
          value={duration}
          onChange={setDuration}
          min={0}
          decimalScale={2}
        />
        <Select
          label={t('drills.scope')}
          data={drillScopes.map((s) => ({ value: s, label: label('drillScopes', s) }))}
          value={scope}
          onChange={(v) => setScope(v ?? 'full_failover')}
        />
      </Group>
      <Textarea
        label={t('drills.scopeNote')}
        value={scopeNote}
        onChange={(e) => setScopeNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group grow align="flex-start">
        <MultiSelect
          label={t('drills.systems')}
          data={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={systemIds}
          onChange={setSystemIds}
          searchable
        />
        <Select
          label={t('drills.backupSource')}
          data={backupSources.map((s) => ({ value: s, label: label('backupSources', s) }))}
          value={source}
          onChange={(v) => setSource(v ?? 'offsite_backup')}
        />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('drills.participants')}
        </Text>
        {people.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form, edited in place
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <UserSelect
              label={t('drills.person')}
              value={p.userId}
              onChange={(v) => set(i, { userId: v })}
              w={180}
            />
            <Select
              label={t('drills.role')}
              data={drillRoles.map((r) => ({ value: r, label: label('drillRoles', r) }))}
              value={p.role}
              onChange={(v) => set(i, { role: v ?? 'operator' })}
              w={150}
            />
            <TextInput
              label={t('drills.unit')}
              value={p.unit}
              onChange={(e) => set(i, { unit: e.currentTarget.value })}
              w={110}
            />
            <TextInput
              label={t('drills.task')}
              value={p.task}
              onChange={(e) => set(i, { task: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <UserSelect
              label={t('drills.backup')}
              value={p.backupUserId}
              onChange={(v) => set(i, { backupUserId: v })}
              clearable
              w={170}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('drills.remove')}
              onClick={() => setPeople((all) => all.filter((_, j) => j !== i))}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() =>
            setPeople((all) => [
              ...all,
              { userId: null, role: 'operator', unit: '', task: '', backupUserId: null },
            ])
          }
        >
          {t('drills.addParticipant')}
        </Button>
      </Stack>
      <Textarea
        label={t('drills.steps')}
        value={steps}
        onChange={(e) => setSteps(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Group grow align="flex-start">
        <Textarea
          label={t('drills.resources')}
          value={resources}
          onChange={(e) => setResources(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('drills.risks')}
          value={risks}
          onChange={(e) => setRisks(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      </Group>
    </FormModal>
  );
}

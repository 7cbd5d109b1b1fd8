import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { hazardInput, hazardPatch, hazardView } from '#shared/modules/ohs/hazards/contract.ts';
import { controlTypes, riskLevel } from '#shared/modules/ohs/rules/risk.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ohsKeys, useAreas, useUserOptions } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { LevelBadge } from './LevelBadge.tsx';
import type { Matrix } from './RiskMatrix.tsx';
import { StepPicker } from './StepPicker.tsx';

type Hazard = z.infer<typeof hazardView>;
type Control = Hazard['controls'][number];
type V = {
  siteId: string;
  areaId: string;
  activity: string;
  hazard: string;
  consequence: string;
  likelihood: string;
  severity: string;
  controls: Control[];
  residualLikelihood: string;
  residualSeverity: string;
  ownerId: string;
  nextReview: string | null;
};

/** Adds or edits a hazard: its initial risk, its controls (hierarchy of controls) and its residual risk. */
export function HazardForm({
  hazard,
  matrix,
  defaultSiteId,
  onClose,
}: {
  hazard: Hazard | null;
  matrix: Matrix;
  defaultSiteId?: string;
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const { options: siteOptions } = useSites();
  const [userQ, setUserQ] = useState('');
  const [dq] = useDebouncedValue(userQ.trim(), 250);
  const users = useUserOptions(
    hazard?.ownerId && hazard.ownerName ? [{ id: hazard.ownerId, name: hazard.ownerName }] : [],
    dq,
  );
  const f = useRecordForm({
    record: hazard,
    blank: {
      siteId: defaultSiteId ?? '',
      areaId: '',
      activity: '',
      hazard: '',
      consequence: '',
      likelihood: '',
      severity: '',
      controls: [],
      residualLikelihood: '',
      residualSeverity: '',
      ownerId: '',
      nextReview: null,
    } as V,
    toValues: (h): V => ({
      siteId: h.siteId,
      areaId: h.areaId ?? '',
      activity: h.activity,
      hazard: h.hazard,
      consequence: h.consequence,
      likelihood: String(h.likelihood),
      severity: String(h.severity),
      controls: h.controls,
      residualLikelihood: String(h.residualLikelihood),
      residualSeverity: String(h.residualSeverity),
      ownerId: h.ownerId ?? '',
      nextReview: h.nextReview,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        areaId: v.areaId || null,
        activity: v.activity.trim(),
        hazard: v.hazard.trim(),
        consequence: v.consequence.trim(),
        likelihood: Number(v.likelihood) || 0,
        severity: Number(v.severity) || 0,
        controls: v.controls.map((c) => ({ ...c, description: c.description.trim() })),
        residualLikelihood: Number(v.residualLikelihood) || 0,
        residualSeverity: Number(v.residualSeverity) || 0,
        ownerId: v.ownerId || null,
        ...(v.nextReview ? { nextReview: v.nextReview } : {}),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: hazardInput,
    patchSchema: hazardPatch,
    create: (p) => api.post('/api/ohs/hazards', p, hazardView),
    update: (id, body) => api.patch(`/api/ohs/hazards/${id}`, body, hazardView),
    fetch: (id) => api.get(`/api/ohs/hazards/${id}`, hazardView),
    invalidate: [ohsKeys.hazards],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  const areas = useAreas(v.siteId || null);
  const level = (l: string, s: string) =>
    Number(l) && Number(s) ? riskLevel(Number(l), Number(s), matrix) : null;
  const initial = level(v.likelihood, v.severity);
  const residual = level(v.residualLikelihood, v.residualSeverity);

  return (
    <FormModal
      opened
      onClose={onClose}
      title={hazard ? t('hazards.edit') : t('hazards.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!hazard}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('common.area')}
          placeholder={t('common.noArea')}
          data={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))}
          searchable
          clearable
          {...f.form.getInputProps('areaId')}
          value={v.areaId || null}
          onChange={(x) => f.form.setFieldValue('areaId', x ?? '')}
        />
      </SimpleGrid>
      <TextInput
        label={t('hazards.activity')}
        required
        data-autofocus
        {...f.form.getInputProps('activity')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('hazards.hazard')}
          required
          autosize
          minRows={2}
          {...f.form.getInputProps('hazard')}
        />
        <Textarea
          label={t('hazards.consequence')}
          required
          autosize
          minRows={2}
          {...f.form.getInputProps('consequence')}
        />
      </SimpleGrid>
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" mb={6}>
          <Text fw={600} size="sm">
            {t('hazards.initialRisk')}
          </Text>
          {initial && <LevelBadge level={initial} score={Number(v.likelihood) * Number(v.severity)} />}
        </Group>
        <SimpleGrid cols={2}>
          <StepPicker
            label={t('hazards.likelihood')}
            matrix={matrix}
            axis="likelihood"
            {...f.form.getInputProps('likelihood')}
          />
          <StepPicker
            label={t('hazards.severity')}
            matrix={matrix}
            axis="severity"
            {...f.form.getInputProps('severity')}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" mb={2}>
          <Text fw={600} size="sm">
            {t('hazards.controls')}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              f.form.insertListItem('controls', { type: 'engineering', description: '', inPlace: false })
            }
          >
            {t('hazards.addControl')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mb={6}>
          {t('hazards.controlsHint')}
        </Text>
        <Stack gap={6}>
          {v.controls.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: controls are positional
            <Group key={i} gap={6} align="flex-end" wrap="nowrap">
              <Select
                aria-label={t('hazards.controlType')}
                data={controlTypes.map((c, n) => ({ value: c, label: `${n + 1}. ${label('controls', c)}` }))}
                allowDeselect={false}
                w={230}
                {...f.form.getInputProps(`controls.${i}.type`)}
              />
              <TextInput
                aria-label={t('hazards.controlDescription')}
                placeholder={t('hazards.controlDescription')}
                style={{ flex: 1 }}
                {...f.form.getInputProps(`controls.${i}.description`)}
              />
              <Switch
                label={t('hazards.inPlace')}
                mb={8}
                {...f.form.getInputProps(`controls.${i}.inPlace`, { type: 'checkbox' })}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mb={4}
                onClick={() => f.form.removeListItem('controls', i)}
                aria-label={t('common.remove')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" mb={6}>
          <Text fw={600} size="sm">
            {t('hazards.residualRisk')}
          </Text>
          {residual && (
            <LevelBadge level={residual} score={Number(v.residualLikelihood) * Number(v.residualSeverity)} />
          )}
        </Group>
        <SimpleGrid cols={2}>
          <StepPicker
            label={t('hazards.likelihood')}
            matrix={matrix}
            axis="likelihood"
            {...f.form.getInputProps('residualLikelihood')}
          />
          <StepPicker
            label={t('hazards.severity')}
            matrix={matrix}
            axis="severity"
            {...f.form.getInputProps('residualSeverity')}
          />
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('hazards.owner')}
          data={users}
          onSearchChange={setUserQ}
          searchable
          clearable
          {...f.form.getInputProps('ownerId')}
          value={v.ownerId || null}
          onChange={(x) => f.form.setFieldValue('ownerId', x ?? '')}
        />
        <DateInput
          label={t('hazards.nextReview')}
          description={t('hazards.nextReviewHint')}
          valueFormat="YYYY-MM-DD"
          clearable
          {...f.form.getInputProps('nextReview')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

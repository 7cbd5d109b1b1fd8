import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconDownload, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import {
  hazardInput,
  hazardPage,
  hazardPatch,
  hazardView,
  riskMatrixView,
} from '../../../../../server/modules/ohs/contract-work.ts';
import { controlTypes, riskLevel } from '../../../../../server/modules/ohs/rules/risk.ts';
import { api, buildUrl } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ohsKeys, todayIso, useAreas, useUserOptions } from '../api.ts';
import { useOhsMutation } from '../components/mutation.ts';
import { useOhsLabel, useOhsT, useZh } from '../i18n/index.ts';
import { levelColors, type Matrix, RiskMatrix } from './RiskMatrix.tsx';

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

export function LevelBadge({ level, score }: { level: string; score?: number }) {
  const label = useOhsLabel();
  return (
    <Badge color={levelColors[level as keyof typeof levelColors] ?? 'gray'} variant="filled" radius="sm">
      {score !== undefined ? `${score} · ` : ''}
      {label('levels', level)}
    </Badge>
  );
}

function StepPicker({
  label,
  matrix,
  axis,
  ...props
}: {
  label: string;
  matrix: Matrix;
  axis: 'likelihood' | 'severity';
  value?: string;
  onChange?: (v: string) => void;
  error?: React.ReactNode;
}) {
  const zh = useZh();
  return (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={matrix[axis].map((x, i) => ({ value: String(i + 1), label: `${i + 1} · ${zh ? x.zh : x.en}` }))}
      {...props}
      onChange={(v) => props.onChange?.(v ?? '')}
    />
  );
}

function HazardForm({
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

/** The risk matrix with counts, and the hazard register, worst residual risk first. */
export function HazardsPage() {
  const t = useOhsT();
  const can = useCan();
  const { options: siteOptions } = useSites();
  const manage = can('ohs.manage');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [view, setView] = useState<'residual' | 'initial'>('residual');
  const [cell, setCell] = useState<{ l: number; s: number } | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [editing, setEditing] = useState<Hazard | 'new' | null>(null);
  const matrix = useQuery({
    queryKey: [ohsKeys.hazards, 'matrix'],
    queryFn: () => api.get('/api/ohs/risk-matrix', riskMatrixView),
    staleTime: 5 * 60_000,
  });
  const params = {
    siteId: siteId ?? undefined,
    q: q || undefined,
    pageSize: 500,
    sort: 'residualScore',
    order: 'desc',
  };
  const list = useQuery({
    queryKey: [ohsKeys.hazards, params],
    queryFn: () => api.get('/api/ohs/hazards', hazardPage, params),
  });
  const items = list.data?.items ?? [];
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const h of items) {
      const k =
        view === 'residual'
          ? `${h.residualLikelihood}x${h.residualSeverity}`
          : `${h.likelihood}x${h.severity}`;
      map.set(k, (map.get(k) ?? 0) + 1);
    }
    return map;
  }, [items, view]);
  const shown = cell
    ? items.filter((h) =>
        view === 'residual'
          ? h.residualLikelihood === cell.l && h.residualSeverity === cell.s
          : h.likelihood === cell.l && h.severity === cell.s,
      )
    : items;
  const review = useOhsMutation(
    ({ h, patch }: { h: Hazard; patch: Record<string, unknown> }) =>
      api.patch(`/api/ohs/hazards/${h.id}`, { ...patch, version: h.version }, hazardView),
    { invalidate: [ohsKeys.hazards], success: t('common.saved') },
  );
  const label = useOhsLabel();

  return (
    <>
      <PageHeader
        title={t('hazards.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('hazards.title') }]}
        description={t('hazards.description')}
        actions={
          <>
            <Button
              component="a"
              href={buildUrl('/api/ohs/hazards/export.xlsx', {
                siteId: siteId ?? undefined,
                q: q || undefined,
              })}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              XLSX
            </Button>
            {manage && matrix.data && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('hazards.add')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          {siteOptions.length > 1 && (
            <Select
              aria-label={t('common.site')}
              placeholder={t('common.allSites')}
              data={siteOptions}
              value={siteId}
              onChange={setSiteId}
              searchable
              clearable
              w={240}
            />
          )}
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={240}
          />
        </Group>
        {list.error ? <ProblemAlert error={list.error} /> : null}
        {review.error ? <ProblemAlert error={review.error} onReload={() => void list.refetch()} /> : null}
        <Stack gap="md">
          <Paper withBorder radius="md" p="md" maw={760}>
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t('hazards.matrix')}</Title>
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(x) => {
                  setView(x as 'residual' | 'initial');
                  setCell(null);
                }}
                data={[
                  { value: 'residual', label: t('hazards.residualMatrix') },
                  { value: 'initial', label: t('hazards.initialMatrix') },
                ]}
              />
            </Group>
            <Text size="xs" c="dimmed" mb="sm">
              {t('hazards.matrixHint')}
            </Text>
            {matrix.data && (
              <RiskMatrix matrix={matrix.data} counts={counts} selected={cell} onSelect={setCell} />
            )}
          </Paper>
          <Paper withBorder radius="md">
            <Group p="md" pb="xs" justify="space-between">
              <Title order={5}>{t('hazards.register')}</Title>
              {cell && (
                <Button size="compact-sm" variant="subtle" onClick={() => setCell(null)}>
                  {t('hazards.filteredCell', cell)} · {t('hazards.clearCell')}
                </Button>
              )}
            </Group>
            <ScrollArea type="auto">
              <Table
                striped
                highlightOnHover
                verticalSpacing="xs"
                aria-label={t('hazards.register')}
                miw={820}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('hazards.residual')}</Table.Th>
                    <Table.Th>{t('hazards.hazard')}</Table.Th>
                    <Table.Th>{t('hazards.risk')}</Table.Th>
                    <Table.Th>{t('hazards.controls')}</Table.Th>
                    <Table.Th>{t('hazards.nextReview')}</Table.Th>
                    {manage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((h) => (
                    <Table.Tr
                      key={h.id}
                      style={{ cursor: manage ? 'pointer' : undefined }}
                      onClick={manage ? () => setEditing(h) : undefined}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <LevelBadge level={h.residualLevel} score={h.residualScore} />
                      </Table.Td>
                      <Table.Td style={{ maxWidth: 320 }}>
                        <Text size="sm" fw={500} lineClamp={2}>
                          {h.hazard}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {h.siteCode}
                          {h.areaName ? ` · ${h.areaName}` : ''} · {h.activity}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <LevelBadge level={h.level} score={h.score} />
                      </Table.Td>
                      <Table.Td style={{ maxWidth: 280 }}>
                        <Text size="xs" lineClamp={2}>
                          {h.controls
                            .map(
                              (c) =>
                                `${label('controls', c.type)}: ${c.description}${c.inPlace ? '' : ` (${t('hazards.planned')})`}`,
                            )
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text
                          size="sm"
                          c={h.reviewOverdue ? 'red' : undefined}
                          fw={h.reviewOverdue ? 700 : undefined}
                        >
                          {h.nextReview}
                        </Text>
                        {h.reviewOverdue && (
                          <Text size="xs" c="red">
                            {t('hazards.reviewOverdue')}
                          </Text>
                        )}
                      </Table.Td>
                      {manage && (
                        <Table.Td onClick={(e) => e.stopPropagation()}>
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={t('common.edit')}>
                                <IconDots size={16} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(h)}>{t('hazards.edit')}</Menu.Item>
                              <Menu.Item
                                onClick={() => review.mutate({ h, patch: { reviewedOn: todayIso() } })}
                              >
                                {t('hazards.markReviewed')}
                              </Menu.Item>
                              <Menu.Item
                                color="red"
                                onClick={() => review.mutate({ h, patch: { archived: true } })}
                              >
                                {t('hazards.archive')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.data && shown.length === 0 && (
              <Stack align="center" p="xl" gap={4}>
                <Text fw={600}>{t('hazards.emptyTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {t('hazards.emptyHint')}
                </Text>
              </Stack>
            )}
          </Paper>
        </Stack>
      </Stack>
      {editing && matrix.data && (
        <HazardForm
          hazard={editing === 'new' ? null : editing}
          matrix={matrix.data}
          defaultSiteId={siteId ?? (siteOptions.length === 1 ? siteOptions[0].value : undefined)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { goalInput, goalMetrics, goalPatch, goalView } from '#shared/modules/ohs/goals/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ohsKeys, useGroupWide } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

type Goal = z.infer<typeof goalView>;
export const goalsQuery = {
  queryKey: [ohsKeys.goals],
  queryFn: () => api.get('/api/ohs/goals', z.object({ items: z.array(goalView) })),
};

/** How far a goal is: for "at least", the share of the target reached; for "at most", full while within it. */
function progressOf(g: Goal): { value: number; color: string } {
  // Withheld, or only the reader's sites of a group goal: no progress towards the goal is shown.
  if (g.actual === null || g.actualOf !== 'goal') return { value: 0, color: 'gray' };
  const actual = Number(g.actual);
  const target = Number(g.target);
  if (g.comparison === 'at_least')
    return {
      value: target > 0 ? Math.min(100, (actual / target) * 100) : 100,
      color: g.met ? 'teal' : 'orange',
    };
  if (target === 0) return { value: 100, color: actual === 0 ? 'teal' : 'red' };
  return { value: Math.min(100, (actual / target) * 100), color: g.met ? 'teal' : 'red' };
}

export function GoalCard({ goal }: { goal: Goal }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const p = progressOf(goal);
  return (
    <Paper withBorder radius="md" p="md" data-testid="goal">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {goal.title}
          </Text>
          <Text size="xs" c="dimmed">
            {label('horizons', goal.horizon)} · {goal.fromYear}–{goal.toYear} ·{' '}
            {goal.siteCode ?? t('goals.groupWide')}
          </Text>
        </div>
        {goal.actualOf === 'withheld' ? (
          <Badge color="gray" variant="light">
            {t('goals.withheld')}
          </Badge>
        ) : goal.actualOf === 'reader_sites' ? (
          <Badge color="gray" variant="light">
            {t('goals.yourSitesOnly')}
          </Badge>
        ) : goal.met === null ? (
          <Badge color="gray" variant="light">
            {t('goals.noActual')}
          </Badge>
        ) : (
          <Badge color={goal.met ? 'teal' : 'red'} variant="light">
            {goal.met ? t('goals.met') : t('goals.notMet')}
          </Badge>
        )}
      </Group>
      <Progress value={p.value} color={p.color} size="lg" radius="xl" mt="sm" aria-label={goal.title} />
      <Text size="xs" mt={4}>
        {label('goalMetrics', goal.metric)}:{' '}
        {t(goal.actualOf === 'reader_sites' ? 'goals.progressYourSites' : 'goals.progressLabel', {
          actual: goal.actualOf === 'withheld' ? t('goals.withheld') : (goal.actual ?? '—'),
          comparison: goal.comparison === 'at_most' ? t('goals.atMost') : t('goals.atLeast'),
          target: goal.target,
        })}
      </Text>
      {goal.actualOf !== 'goal' && (
        <Text size="xs" c="dimmed" data-testid="goal-scope-note">
          {goal.actualOf === 'withheld' ? t('goals.withheldHint') : t('goals.yourSitesHint')}
        </Text>
      )}
    </Paper>
  );
}

type V = {
  siteId: string;
  title: string;
  horizon: string;
  metric: string;
  comparison: string;
  target: number | string;
  fromYear: number | string;
  toYear: number | string;
};

function GoalForm({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const { options: siteOptions } = useSites();
  const groupWide = useGroupWide();
  const year = new Date().getFullYear();
  const f = useRecordForm({
    record: goal,
    blank: {
      siteId: groupWide ? '' : (siteOptions[0]?.value ?? ''),
      title: '',
      horizon: 'short',
      metric: 'fr',
      comparison: 'at_most',
      target: '',
      fromYear: year,
      toYear: year,
    } as V,
    toValues: (g): V => ({
      siteId: g.siteId ?? '',
      title: g.title,
      horizon: g.horizon,
      metric: g.metric,
      comparison: g.comparison,
      target: g.target,
      fromYear: g.fromYear,
      toYear: g.toYear,
    }),
    toPayload: (v: V, mode) =>
      mode === 'edit'
        ? { title: v.title.trim(), target: String(v.target), toYear: Number(v.toYear) }
        : {
            siteId: v.siteId || null,
            title: v.title.trim(),
            horizon: v.horizon as Goal['horizon'],
            metric: v.metric as Goal['metric'],
            comparison: v.comparison as Goal['comparison'],
            target: String(v.target),
            fromYear: Number(v.fromYear),
            toYear: Number(v.toYear),
          },
    createSchema: goalInput,
    patchSchema: goalPatch,
    create: (p) => api.post('/api/ohs/goals', p, goalView),
    update: (id, body) => api.patch(`/api/ohs/goals/${id}`, body, goalView),
    fetch: async (id) => {
      const all = await goalsQuery.queryFn();
      const found = all.items.find((g) => g.id === id);
      if (!found) throw new Error('Not found');
      return found;
    },
    invalidate: [ohsKeys.goals],
    onSaved: onClose,
  });
  const edit = !!goal;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={edit ? t('goals.edit') : t('goals.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput label={t('goals.titleLabel')} required data-autofocus {...f.form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          placeholder={groupWide ? t('goals.groupWide') : undefined}
          data={siteOptions}
          clearable={groupWide}
          required={!groupWide}
          searchable
          disabled={edit}
          {...f.form.getInputProps('siteId')}
          value={f.form.getValues().siteId || null}
          onChange={(x) => f.form.setFieldValue('siteId', x ?? '')}
        />
        <Select
          label={t('goals.horizon')}
          data={(['short', 'medium', 'long'] as const).map((h) => ({
            value: h,
            label: label('horizons', h),
          }))}
          allowDeselect={false}
          disabled={edit}
          {...f.form.getInputProps('horizon')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('goals.metric')}
          data={goalMetrics.map((m) => ({ value: m, label: label('goalMetrics', m) }))}
          allowDeselect={false}
          disabled={edit}
          {...f.form.getInputProps('metric')}
        />
        <Select
          label={t('goals.comparison')}
          data={[
            { value: 'at_most', label: t('goals.atMost') },
            { value: 'at_least', label: t('goals.atLeast') },
          ]}
          allowDeselect={false}
          disabled={edit}
          {...f.form.getInputProps('comparison')}
        />
        <NumberInput
          label={t('goals.target')}
          min={0}
          decimalScale={2}
          required
          {...f.form.getInputProps('target')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('goals.fromYear')}
          min={2000}
          max={2100}
          allowDecimal={false}
          disabled={edit}
          {...f.form.getInputProps('fromYear')}
        />
        <NumberInput
          label={t('goals.toYear')}
          min={2000}
          max={2100}
          allowDecimal={false}
          {...f.form.getInputProps('toYear')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** Goals by horizon, each with its progress against the figures recorded. */
export function GoalsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const can = useCan();
  const query = useQuery(goalsQuery);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const manage = can('ohs.manage');
  const goals = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('goals.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('goals.title') }]}
        description={t('goals.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('goals.add')}
            </Button>
          ) : null
        }
      />
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.data && goals.length === 0 && (
        <Stack align="center" p="xl">
          <IconTarget size={32} opacity={0.5} />
          <Text c="dimmed">{t('goals.empty')}</Text>
        </Stack>
      )}
      <Stack gap="lg">
        {(['short', 'medium', 'long'] as const).map((h) => {
          const list = goals.filter((g) => g.horizon === h);
          if (!list.length) return null;
          return (
            <div key={h}>
              <Text fw={700} size="sm" c="dimmed" tt="uppercase" mb="xs">
                {label('horizons', h)}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {list.map((g) =>
                  manage ? (
                    <UnstyledButton
                      key={g.id}
                      onClick={() => setEditing(g)}
                      aria-label={`${t('goals.edit')}: ${g.title}`}
                    >
                      <GoalCard goal={g} />
                    </UnstyledButton>
                  ) : (
                    <GoalCard key={g.id} goal={g} />
                  ),
                )}
              </SimpleGrid>
            </div>
          );
        })}
      </Stack>
      {editing && <GoalForm goal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type KeepDropItem,
  keepDropDecisions,
  keepDropItem,
} from '#shared/modules/ip/reassessment/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { GoalBars, WorkingTable } from './Assessment.tsx';

type V = {
  decision: string;
  reason: string;
  claims: number | string;
  forwardCitations: number | string;
  backwardCitations: number | string;
  technologyFit: string | null;
  usedInProducts: string | null;
};

const count = (v: number | string) => (v === '' ? null : Number(v));

/** One matter's re-assessment (goals and working) and the decision before its fee. */
export function DecideDialog({ item, onClose }: { item: KeepDropItem; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(item);
  const [deciding, setDeciding] = useState(!item.decision);
  const form = useForm<V>({
    initialValues: {
      // The site's verdict in the latest portfolio review, else what the score suggests.
      decision:
        current.review?.verdict ?? (current.assessment.recommendation === 'consider_drop' ? 'drop' : 'keep'),
      reason: '',
      claims: current.claims ?? '',
      forwardCitations: current.forwardCitations ?? '',
      backwardCitations: current.backwardCitations ?? '',
      technologyFit: current.technologyFit === null ? null : String(current.technologyFit),
      usedInProducts: current.usedInProducts === null ? null : String(current.usedInProducts),
    },
  });
  const decide = useMutation({
    mutationFn: (v: V) =>
      api.post(
        `/api/ip/keep-or-drop/${current.matterId}/decision`,
        {
          decision: v.decision,
          reason: v.reason.trim(),
          claims: count(v.claims),
          forwardCitations: count(v.forwardCitations),
          backwardCitations: count(v.backwardCitations),
          technologyFit: v.technologyFit === null ? null : Number(v.technologyFit),
          usedInProducts: v.usedInProducts === null ? null : v.usedInProducts === 'true',
          version: current.version,
        },
        keepDropItem,
      ),
    onSuccess: (x) => {
      setCurrent(x);
      setDeciding(false);
      void queryClient.invalidateQueries({ queryKey: ['/api/ip/keep-or-drop'] });
      void queryClient.invalidateQueries({ queryKey: [ipKeys.obligations] });
      void queryClient.invalidateQueries({ queryKey: [ipKeys.matters] });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const d = current.decision;
  const number = current.patentNo ?? current.applicationNo;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('keepDrop.decideTitle', { office: label('offices', current.office), number })}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {current.familyReference} · {current.familyTitle} ·{' '}
          {t('keepDrop.feeOf', { year: current.feeYear ?? '—', due: current.feeDueDate })} ·{' '}
          {t('keepDrop.decideBy')} {current.decideBy}
        </Text>
        <div>
          <Title order={6} mb={6}>
            {t('keepDrop.goals')} · {label('recommendations', current.assessment.recommendation)}
          </Title>
          <GoalBars a={current.assessment} />
        </div>
        <div>
          <Title order={6} mb={6}>
            {t('keepDrop.working')}
          </Title>
          <WorkingTable a={current.assessment} />
        </div>
        {current.review && (
          <Alert color="gray" title={t('keepDrop.reviewVerdict', { name: current.review.campaignName })}>
            <Text size="sm">
              <b>{label('keepDropDecisions', current.review.verdict)}</b>
              {current.review.note ? ` · ${current.review.note}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {t('reviews.reviewedBy', {
                name: current.review.reviewedByName ?? '—',
                day: current.review.reviewedOn,
              })}
            </Text>
          </Alert>
        )}
        {d && (
          <Alert
            color={d.decision === 'drop' ? 'red' : 'blue'}
            title={label('keepDropDecisions', d.decision)}
          >
            <Stack gap={4}>
              <Text size="sm">{d.reason}</Text>
              <Text size="xs" c="dimmed">
                {t('keepDrop.decidedBy', { name: d.decidedByName ?? '—', on: d.decidedOn })} ·{' '}
                {t('keepDrop.snapshot', { score: d.assessment.overall })}
              </Text>
              {d.lapsesOn && <Text size="sm">{t('keepDrop.lapsesOn', { day: d.lapsesOn })}</Text>}
            </Stack>
          </Alert>
        )}
        {can('ip.manage') && !deciding && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeciding(true)}>
              {t('keepDrop.decideAgain')}
            </Button>
          </Group>
        )}
        {can('ip.manage') && deciding && (
          <form onSubmit={form.onSubmit((v) => decide.mutate(v))}>
            <Stack gap="sm">
              <Title order={6}>{t('keepDrop.facts')}</Title>
              <Text size="xs" c="dimmed">
                {t('keepDrop.factsHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={label('indicators', 'claims')}
                  min={0}
                  {...form.getInputProps('claims')}
                />
                <NumberInput
                  label={label('indicators', 'forwardCitations')}
                  min={0}
                  {...form.getInputProps('forwardCitations')}
                />
                <NumberInput
                  label={label('indicators', 'backwardCitations')}
                  min={0}
                  {...form.getInputProps('backwardCitations')}
                />
                <Select
                  label={label('indicators', 'technologyFit')}
                  data={['1', '2', '3', '4', '5']}
                  clearable
                  {...form.getInputProps('technologyFit')}
                />
                <Select
                  label={label('indicators', 'usedInProducts')}
                  data={[
                    { value: 'true', label: t('common.yes') },
                    { value: 'false', label: t('common.no') },
                  ]}
                  clearable
                  {...form.getInputProps('usedInProducts')}
                />
                <Select
                  label={t('keepDrop.decision')}
                  data={keepDropDecisions.map((x) => ({ value: x, label: label('keepDropDecisions', x) }))}
                  required
                  {...form.getInputProps('decision')}
                />
              </SimpleGrid>
              <Textarea
                label={t('keepDrop.reason')}
                required
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
              />
              {decide.error && !Object.keys(form.errors).length ? (
                <ProblemAlert error={decide.error} />
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" loading={decide.isPending}>
                  {t('keepDrop.decide')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}

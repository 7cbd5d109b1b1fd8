import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keepDropDecisions } from '#shared/modules/ip/reassessment/contract.ts';
import { type ReviewItem, reviewInput, reviewItem } from '#shared/modules/ip/reviews/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { GoalBars, WorkingTable } from '../keep-drop/Assessment.tsx';
import { REVIEWS_KEY } from './ReviewCampaignsPage.tsx';

type V = { verdict: string; note: string };
const toPayload = (version: number) => (v: V) => ({ verdict: v.verdict, note: v.note.trim(), version });

/** One patent under review: its re-assessment at launch, and its site's verdict with the reason. */
export function VerdictDialog({
  item,
  closed,
  onClose,
}: {
  item: ReviewItem;
  closed: boolean;
  onClose: () => void;
}) {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const form = useForm<V>({
    initialValues: {
      verdict: item.verdict ?? (item.recommendation === 'consider_drop' ? 'drop' : 'keep'),
      note: item.note ?? '',
    },
    validate: contractValidator(reviewInput, toPayload(item.version)),
  });
  const save = useMutation({
    mutationFn: (v: V) =>
      api.post(`/api/ip/review-items/${item.id}/verdict`, toPayload(item.version)(v), reviewItem),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['/api/ip/review-items'] });
      void queryClient.invalidateQueries({ queryKey: [ipKeys.obligations] });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  // The server decides for the site; the web only hides what it would refuse anyway.
  const editable = !closed && can('ip.manage');
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('reviews.judgeTitle', {
        office: label('offices', item.office),
        number: item.patentNo ?? item.applicationNo,
      })}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {item.familyReference} · {item.familyTitle} · {item.siteCode}
        </Text>
        <div>
          <Title order={6} mb={6}>
            {t('reviews.snapshot')} · {label('recommendations', item.recommendation)}
          </Title>
          <GoalBars a={item.assessment} />
        </div>
        <div>
          <Title order={6} mb={6}>
            {t('keepDrop.working')}
          </Title>
          <WorkingTable a={item.assessment} />
        </div>
        {editable ? (
          <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} mb={4} id="verdict-label">
                  {t('reviews.verdict')}
                </Text>
                <SegmentedControl
                  aria-labelledby="verdict-label"
                  data={keepDropDecisions.map((d) => ({ value: d, label: label('keepDropDecisions', d) }))}
                  {...form.getInputProps('verdict')}
                />
              </div>
              <Textarea
                label={t('reviews.note')}
                description={t('reviews.noteHint')}
                autosize
                minRows={2}
                {...form.getInputProps('note')}
              />
              <ProblemAlert error={save.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {t('reviews.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Alert color="gray">
            {item.verdict ? (
              <Text size="sm">
                <b>{label('keepDropDecisions', item.verdict)}</b>
                {item.note ? ` · ${item.note}` : ''} ·{' '}
                {t('reviews.reviewedBy', { name: item.reviewedByName ?? '—', day: item.reviewedOn })}
              </Text>
            ) : (
              <Text size="sm">{t('reviews.readOnly')}</Text>
            )}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}

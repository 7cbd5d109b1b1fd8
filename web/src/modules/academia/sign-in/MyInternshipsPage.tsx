import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { internEvaluationView } from '#shared/modules/academia/evaluation-contract.ts';
import {
  myInternshipList,
  type myInternshipView,
  selfEvaluationInput,
} from '#shared/modules/academia/sign-in-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { RatingFields } from '../interns/EvaluationForm.tsx';

type Internship = z.infer<typeof myInternshipView>;
type V = { rating: string; evaluatedOn: string | null; comments: string };
const mineKey = '/api/academia/my/internships';

/** The student's evaluation of one internship: given once, as the student. */
function SelfEvaluationForm({ internship, onClose }: { internship: Internship; onClose: () => void }) {
  const t = useAcademiaT();
  const f = useRecordForm({
    record: null,
    blank: { rating: '', evaluatedOn: null, comments: '' } as V,
    toValues: (): V => ({ rating: '', evaluatedOn: null, comments: '' }),
    toPayload: (v: V) => ({
      rating: Number(v.rating),
      evaluatedOn: v.evaluatedOn ?? '',
      comments: v.comments.trim() || null,
    }),
    check: (v): Record<string, string> => (v.rating ? {} : { rating: t('evaluations.ratingRequired') }),
    createSchema: selfEvaluationInput,
    patchSchema: selfEvaluationInput,
    create: (p) => api.post(`${mineKey}/${internship.id}/evaluation`, p, internEvaluationView),
    update: () => Promise.reject(new Error('An evaluation is given once')),
    fetch: () => Promise.reject(new Error('A new evaluation is not reloaded')),
    invalidate: [mineKey],
    savedMessage: t('evaluations.saved'),
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('mine.evaluateTitle', { site: internship.siteCode })}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RatingFields inputProps={f.form.getInputProps} autoFocus />
      </SimpleGrid>
      <Textarea
        label={t('evaluations.comments')}
        autosize
        minRows={3}
        {...f.form.getInputProps('comments')}
      />
    </FormModal>
  );
}

function InternshipCard({ internship }: { internship: Internship }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const [evaluating, setEvaluating] = useState(false);
  const school = useSchoolName()(internship);
  const e = internship.evaluation;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="my-internship">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {label('internPrograms', internship.program)} · {internship.siteCode}
        </Text>
        <Badge variant="light">{label('internOutcomes', internship.outcome)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Text size="sm">
          <Text span c="dimmed">
            {t('mine.school')}:{' '}
          </Text>
          {school}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('mine.period')}:{' '}
          </Text>
          {internship.startedOn} – {internship.endedOn ?? '…'}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('interns.hours')}:{' '}
          </Text>
          {internship.hours}
        </Text>
      </SimpleGrid>
      <Group mt="md" justify="space-between">
        <Text size="sm">
          <Text span c="dimmed">
            {t('mine.yourEvaluation')}:{' '}
          </Text>
          {e ? `${t('evaluations.ratingOf', { rating: e.rating })} · ${e.evaluatedOn}` : t('mine.notYet')}
        </Text>
        {!e && (
          <Button size="xs" onClick={() => setEvaluating(true)}>
            {t('mine.evaluate')}
          </Button>
        )}
      </Group>
      {e?.comments && (
        <Text size="sm" mt="xs" c="dimmed">
          {e.comments}
        </Text>
      )}
      {evaluating && <SelfEvaluationForm internship={internship} onClose={() => setEvaluating(false)} />}
    </Card>
  );
}

/**
 * A student's own page (the external role): the internships linked to their sign-in and their evaluation of
 * each. Someone linked to none reads why the page is empty.
 */
export function MyInternshipsPage() {
  const t = useAcademiaT();
  const q = useQuery({ queryKey: [mineKey], queryFn: () => api.get(mineKey, myInternshipList) });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('mine.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('mine.title') }]}
        description={t('mine.description')}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {!q.data ? (
        <Skeleton h={160} />
      ) : q.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('mine.empty')}</Text>
        </Paper>
      ) : (
        q.data.items.map((i) => <InternshipCard key={i.id} internship={i} />)
      )}
    </Stack>
  );
}

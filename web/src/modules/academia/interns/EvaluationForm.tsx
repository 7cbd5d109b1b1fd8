import { Button, Loader, Modal, Select, SimpleGrid, Table, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { internView } from '#shared/modules/academia/contract.ts';
import {
  evaluators,
  internEvaluationInput,
  internEvaluationList,
  internEvaluationView,
} from '#shared/modules/academia/evaluation-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

type Intern = z.infer<typeof internView>;
type Evaluation = z.infer<typeof internEvaluationView>;
type V = { evaluator: string; rating: string; evaluatedOn: string | null; comments: string };

/**
 * The rating and the day of an evaluation, as the staff and the student give them (`inputProps`: the form's
 * `getInputProps`). The first field takes the focus when `autoFocus`.
 */
export function RatingFields({
  inputProps,
  autoFocus = false,
}: {
  inputProps: (field: 'rating' | 'evaluatedOn') => object;
  autoFocus?: boolean;
}) {
  const t = useAcademiaT();
  return (
    <>
      <Select
        label={t('evaluations.rating')}
        description={t('evaluations.ratingHint')}
        data={['5', '4', '3', '2', '1']}
        required
        allowDeselect={false}
        data-autofocus={autoFocus || undefined}
        {...inputProps('rating')}
      />
      <DateInput
        label={t('evaluations.evaluatedOn')}
        valueFormat="YYYY-MM-DD"
        required
        {...inputProps('evaluatedOn')}
      />
    </>
  );
}

/** The internship's evaluations so far, and a new one by the mentor or by the student. */
function useEvaluations(internId: string) {
  return useQuery({
    queryKey: [academiaKeys.interns, internId, 'evaluations'],
    queryFn: () => api.get(`/api/academia/interns/${internId}/evaluations`, internEvaluationList),
  });
}

/** The evaluations given of an internship, by the mentor and by the student, oldest first. */
function EvaluationList({ items }: { items: Evaluation[] }) {
  const t = useAcademiaT();
  return (
    <>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluations.none')}
        </Text>
      ) : (
        <Table aria-label={t('evaluations.list')}>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{t(`evaluations.by.${e.evaluator}`)}</Table.Td>
                <Table.Td>{t('evaluations.ratingOf', { rating: e.rating })}</Table.Td>
                <Table.Td>{e.evaluatedOn}</Table.Td>
                <Table.Td>{e.comments ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** The evaluations of an internship, for a reader who may not add one. */
function EvaluationsView({ intern, onClose }: { intern: Intern; onClose: () => void }) {
  const t = useAcademiaT();
  const existing = useEvaluations(intern.id);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('evaluations.title', { name: intern.fullName ?? t('interns.anonymised') })}
    >
      {existing.isPending ? <Loader size="sm" /> : <EvaluationList items={existing.data?.items ?? []} />}
    </Modal>
  );
}

function EvaluationForm({ intern, onClose }: { intern: Intern; onClose: () => void }) {
  const t = useAcademiaT();
  const path = `/api/academia/interns/${intern.id}/evaluations`;
  const existing = useEvaluations(intern.id);
  const f = useRecordForm({
    record: null as Evaluation | null,
    blank: { evaluator: 'mentor', rating: '', evaluatedOn: null, comments: '' } as V,
    toValues: (r): V => ({
      evaluator: r.evaluator,
      rating: String(r.rating),
      evaluatedOn: r.evaluatedOn,
      comments: r.comments ?? '',
    }),
    toPayload: (v: V) => ({
      evaluator: v.evaluator as (typeof evaluators)[number],
      rating: Number(v.rating),
      evaluatedOn: v.evaluatedOn ?? '',
      comments: v.comments.trim() || null,
    }),
    check: (v): Record<string, string> => (v.rating ? {} : { rating: t('evaluations.ratingRequired') }),
    createSchema: internEvaluationInput,
    patchSchema: internEvaluationInput,
    create: (p) => api.post(path, p, internEvaluationView),
    update: () => Promise.reject(new Error('An evaluation is not edited here')),
    fetch: () => Promise.reject(new Error('A new evaluation is not reloaded')),
    invalidate: [academiaKeys.interns],
    savedMessage: t('evaluations.saved'),
    onSaved: onClose,
  });
  const items = existing.data?.items ?? [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('evaluations.title', { name: intern.fullName ?? t('interns.anonymised') })}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      size="lg"
    >
      <EvaluationList items={items} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('evaluations.evaluator')}
          data={evaluators.map((e) => ({ value: e, label: t(`evaluations.by.${e}`) }))}
          required
          allowDeselect={false}
          data-autofocus
          {...f.form.getInputProps('evaluator')}
        />
        <RatingFields inputProps={f.form.getInputProps} />
      </SimpleGrid>
      <Textarea
        label={t('evaluations.comments')}
        autosize
        minRows={2}
        {...f.form.getInputProps('comments')}
      />
    </FormModal>
  );
}

/**
 * Opens the evaluations of one intern (a button per row, reachable with the keyboard): with the form to add
 * one for the program's managers, to read for everyone else who sees the intern.
 */
export function EvaluateButton({ intern, manage }: { intern: Intern; manage: boolean }) {
  const t = useAcademiaT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => setOpen(true)}
        aria-label={`${t('evaluations.open')}: ${intern.fullName ?? t('interns.anonymised')}`}
      >
        {t('evaluations.open')}
      </Button>
      {open &&
        (manage ? (
          <EvaluationForm intern={intern} onClose={() => setOpen(false)} />
        ) : (
          <EvaluationsView intern={intern} onClose={() => setOpen(false)} />
        ))}
    </>
  );
}

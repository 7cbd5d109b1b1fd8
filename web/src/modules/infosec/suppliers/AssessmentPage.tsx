import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { type AssessmentView, assessmentView } from '#shared/modules/infosec/suppliers/contract.ts';
import { type SupplierAnswer, supplierAnswers } from '#shared/modules/infosec/suppliers/rules.ts';
import { ActionStatusBadge } from '../../../platform/actions/parts.tsx';
import { api } from '../../../platform/api/client.ts';
import { useZh } from '../../../platform/i18n/module-texts.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { linesOf } from '../drills/api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { stepColor } from './AssessmentsPage.tsx';
import { assessmentQuery, invalidateSuppliers, supplierQuery } from './api.ts';

/**
 * One supplier assessment through its four steps: the questionnaire (answered by the supplier's people or
 * the site's team), the guidance with its improvement items, the confirmation, and the follow-up. Open to
 * the supplier's people it is shared with; the server answers 404 to anyone else.
 */
export function SupplierAssessmentPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const zh = useZh();
  const { assessmentId } = useParams({ strict: false }) as { assessmentId: string };
  const { data: a, error } = useQuery(assessmentQuery(assessmentId));
  const [form, setForm] = useState<'guidance' | 'confirm' | 'grant' | null>(null);
  if (error) return <ProblemAlert error={error} />;
  if (!a) return null;
  const steps: [string, string | null][] = [
    ['current_situation', a.startedOn],
    ['guidance', a.guidanceOn],
    ['confirmed', a.confirmedOn],
    ['followed_up', a.followedUpOn],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={a.supplierName}
        crumbs={[
          { label: t('nav.section') },
          a.mayManage
            ? { label: t('supplierAssessments.title'), to: '/infosec/supplier-assessments' }
            : { label: t('supplierAssessments.mineTitle'), to: '/infosec/supplier-assessments/mine' },
          { label: a.startedOn },
        ]}
        actions={
          a.mayManage ? (
            <Group gap="xs">
              {a.status === 'current_situation' && (
                <Button variant="default" onClick={() => setForm('grant')}>
                  {t('supplierAssessments.grant')}
                </Button>
              )}
              {a.status === 'current_situation' && (
                <Button onClick={() => setForm('guidance')}>{t('supplierAssessments.guide')}</Button>
              )}
              {a.status === 'guidance' && (
                <Button onClick={() => setForm('confirm')}>{t('supplierAssessments.confirm')}</Button>
              )}
            </Group>
          ) : null
        }
      />
      <Group gap="xs">
        <Badge variant="light" color={stepColor[a.status]}>
          {label('supplierSteps', a.status)}
        </Badge>
        {a.kind === 'follow_up' && <Badge variant="outline">{t('supplierAssessments.followUp')}</Badge>}
        <Text size="sm" c="dimmed">
          {a.siteCode} · {a.supplierCountry} · {zh ? a.templateName['zh-TW'] : a.templateName.en}
          {a.followUpDueOn ? ` · ${t('supplierAssessments.followUpDue')}: ${a.followUpDueOn}` : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {steps.map(([step, on]) => (
          <Card key={step} withBorder padding="sm" data-testid={`step-${step}`}>
            <Text size="xs" c="dimmed">
              {label('supplierSteps', step)}
            </Text>
            <Text fw={600}>{on ?? '—'}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('supplierAssessments.score')}</Title>
          <Text fw={700} size="lg" data-testid="supplier-score">
            {a.score === null ? '—' : `${a.score} · ${label('supplierBands', a.band)}`}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('supplierAssessments.answered', { answered: a.answered, total: a.questions.length })}
        </Text>
        <Group gap="xs" mt="xs">
          {a.areas.map((x) => (
            <Badge key={x.area} variant="light" color="gray">
              {label('supplierAreas', x.area)}: {x.score ?? '—'}
            </Badge>
          ))}
        </Group>
      </Card>
      <Questionnaire assessment={a} />
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('supplierAssessments.improvementItems')}
        </Title>
        {a.guidanceNote && (
          <Text size="sm" mb="xs">
            {a.guidanceNote}
          </Text>
        )}
        {a.improvements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supplierAssessments.noImprovements')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {a.improvements.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{i.dueDate}</Table.Td>
                  <Table.Td>
                    <ActionStatusBadge a={i} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.resultNote && (
          <Text size="sm" mt="xs">
            {t('supplierAssessments.resultNote')}: {a.resultNote}
          </Text>
        )}
      </Card>
      {a.mayManage && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('supplierAssessments.respondents')}
          </Title>
          <Text size="sm" c={a.respondents.length ? undefined : 'dimmed'}>
            {a.respondents.length
              ? a.respondents.map((r) => `${r.name} <${r.email}>`).join(', ')
              : t('supplierAssessments.noRespondents')}
          </Text>
        </Card>
      )}
      {form === 'guidance' && <GuidanceForm assessment={a} onClose={() => setForm(null)} />}
      {form === 'confirm' && <ConfirmForm assessment={a} onClose={() => setForm(null)} />}
      {form === 'grant' && <GrantForm assessment={a} onClose={() => setForm(null)} />}
    </Stack>
  );
}

/** The questions with their answers; while the current situation is open, the reader who may answer edits them. */
function Questionnaire({ assessment: a }: { assessment: AssessmentView }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const zh = useZh();
  const queryClient = useQueryClient();
  const given = new Map(a.answers.map((x) => [x.code, x]));
  const [draft, setDraft] = useState<Record<string, { answer: SupplierAnswer | null; note: string }>>(() =>
    Object.fromEntries(
      a.questions.map((q) => [
        q.code,
        { answer: given.get(q.code)?.answer ?? null, note: given.get(q.code)?.note ?? '' },
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/infosec/supplier-assessments/${a.id}/answers`, {
        answers: Object.entries(draft)
          .filter(([, d]) => d.answer)
          .map(([code, d]) => ({ code, answer: d.answer, note: d.note || null })),
        version: a.version,
      }),
    onSuccess: () => invalidateSuppliers(queryClient),
  });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('supplierAssessments.questions')}
      </Title>
      <Table>
        <Table.Tbody>
          {a.questions.map((q) => (
            <Table.Tr key={q.code}>
              <Table.Td w={70}>
                <Text size="xs" c="dimmed">
                  {q.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{zh ? q.text['zh-TW'] : q.text.en}</Text>
                <Text size="xs" c="dimmed">
                  {label('supplierAreas', q.area)} · {t('supplierAssessments.weight')} {q.weight}
                </Text>
              </Table.Td>
              <Table.Td w={a.mayAnswer ? 360 : 160}>
                {a.mayAnswer ? (
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      aria-label={q.code}
                      data={supplierAnswers.map((v) => ({ value: v, label: label('supplierAnswers', v) }))}
                      value={draft[q.code].answer}
                      onChange={(v) =>
                        setDraft((d) => ({
                          ...d,
                          [q.code]: { ...d[q.code], answer: v as SupplierAnswer | null },
                        }))
                      }
                      w={150}
                    />
                    <TextInput
                      aria-label={`${q.code} ${t('supplierAssessments.note')}`}
                      placeholder={t('supplierAssessments.note')}
                      value={draft[q.code].note}
                      onChange={(e) => {
                        const note = e.currentTarget.value;
                        setDraft((d) => ({ ...d, [q.code]: { ...d[q.code], note } }));
                      }}
                    />
                  </Group>
                ) : (
                  <Text size="sm">
                    {label('supplierAnswers', given.get(q.code)?.answer)}
                    {given.get(q.code)?.note ? ` — ${given.get(q.code)?.note}` : ''}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {a.mayAnswer && (
        <Group mt="sm">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('supplierAssessments.saveAnswers')}
          </Button>
          {save.isSuccess && <Text size="sm">{t('supplierAssessments.saved')}</Text>}
          {save.error && <ProblemAlert error={save.error} />}
        </Group>
      )}
    </Card>
  );
}

function useStep(a: AssessmentView, path: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      api.post(`/api/infosec/supplier-assessments/${a.id}/${path}`, body, assessmentView),
    onSuccess: async () => {
      await invalidateSuppliers(queryClient);
      onClose();
    },
  });
}

function GuidanceForm({ assessment: a, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const t = useInfosecT();
  const [on, setOn] = useState(localDay());
  const [note, setNote] = useState('');
  const [items, setItems] = useState('');
  const save = useStep(a, 'guidance', onClose);
  const improvements = linesOf(items).map((line) => {
    const at = line.lastIndexOf('|');
    return at < 0
      ? { title: line, dueDate: on }
      : { title: line.slice(0, at).trim(), dueDate: line.slice(at + 1).trim() };
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('supplierAssessments.guide')}
      size="lg"
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate({ on, note: note || null, improvements, version: a.version });
      }}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        type="date"
        label={t('supplierAssessments.guidanceOn')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        data-autofocus
      />
      <Textarea
        label={t('supplierAssessments.guidanceNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Textarea
        label={t('supplierAssessments.improvements')}
        value={items}
        onChange={(e) => setItems(e.currentTarget.value)}
        autosize
        minRows={3}
      />
    </FormModal>
  );
}

function ConfirmForm({ assessment: a, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const t = useInfosecT();
  const [on, setOn] = useState(localDay());
  const [note, setNote] = useState('');
  const save = useStep(a, 'confirmation', onClose);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('supplierAssessments.confirm')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate({ on, note: note || null, version: a.version });
      }}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        type="date"
        label={t('supplierAssessments.confirmedOn')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        data-autofocus
      />
      <Textarea
        label={t('supplierAssessments.resultNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={3}
      />
    </FormModal>
  );
}

function GrantForm({ assessment: a, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const t = useInfosecT();
  const supplier = useQuery(supplierQuery(a.supplierId));
  const [contactId, setContactId] = useState<string | null>(null);
  const save = useStep(a, 'respondents', onClose);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('supplierAssessments.grant')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate({ contactId });
      }}
      busy={save.isPending}
      error={save.error}
    >
      <Select
        label={t('supplierAssessments.contact')}
        data={(supplier.data?.contacts ?? [])
          .filter((c) => c.userId)
          .map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))}
        value={contactId}
        onChange={setContactId}
        required
        data-autofocus
      />
    </FormModal>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { memo, useMemo, useState } from 'react';
import type { AnswerView, AssessmentStep } from '#shared/modules/infosec/csf/contract.ts';
import { ApiError, api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { AnchorLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { AssessorModal, CorrectModal, StepModal } from './AssessmentModals.tsx';
import { csfAssessmentQuery, csfCatalogueQuery, invalidateCsf } from './api.ts';
import { CsfStatusBadge, useScoreText } from './parts.tsx';
import { RuleNote } from './RuleNote.tsx';
import { ScoresChart } from './ScoresChart.tsx';

/** One subcategory's answer as edited here. */
type Draft = { level: number | null; notApplicable: boolean; target: number | null; notes: string | null };

const LEVELS = ['0', '1', '2', '3', '4', '5'] as const;

const asDraft = (a: AnswerView | undefined): Draft => ({
  level: a?.level ?? null,
  notApplicable: a?.notApplicable ?? false,
  target: a?.target ?? null,
  notes: a?.notes ?? null,
});
const EMPTY_DRAFT = asDraft(undefined);
const answered = (d: Draft) => d.notApplicable || d.level !== null;

const LevelControls = memo(function LevelControls({
  identifier,
  draft,
  levels,
  readOnly,
  onChange,
}: {
  identifier: string;
  draft: Draft;
  /** The names of levels 0 to 5 as the group set them. */
  levels: readonly string[];
  readOnly: boolean;
  onChange: (identifier: string, draft: Draft) => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const targetData = LEVELS.map((l, i) => ({ value: l, label: `${l} · ${levels[i] ?? ''}` }));
  const levelData = [...targetData, { value: 'na', label: label('csfLevels', 'na') }];
  const value = draft.notApplicable ? 'na' : draft.level === null ? null : String(draft.level);
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Select
        aria-label={`${identifier} ${t('csf.level')}`}
        label={t('csf.level')}
        placeholder="—"
        data={levelData}
        value={value}
        onChange={(v) =>
          onChange(identifier, {
            ...draft,
            level: v === null || v === 'na' ? null : Number(v),
            notApplicable: v === 'na',
          })
        }
        readOnly={readOnly}
        clearable={!readOnly}
        size="xs"
        w={180}
      />
      <Select
        aria-label={`${identifier} ${t('csf.target')}`}
        label={t('csf.target')}
        placeholder={t('csf.noTarget')}
        data={targetData}
        value={draft.target === null ? null : String(draft.target)}
        onChange={(v) => onChange(identifier, { ...draft, target: v === null ? null : Number(v) })}
        readOnly={readOnly}
        clearable={!readOnly}
        size="xs"
        w={160}
      />
      <Textarea
        aria-label={`${identifier} ${t('csf.notes')}`}
        label={t('csf.notes')}
        value={draft.notes ?? ''}
        onChange={(e) => onChange(identifier, { ...draft, notes: e.currentTarget.value || null })}
        readOnly={readOnly}
        autosize
        minRows={1}
        maxRows={6}
        size="xs"
        style={{ flex: 1, minWidth: 220 }}
      />
    </Group>
  );
});

function Examples({ examples }: { examples: string[] }) {
  const t = useInfosecT();
  const [open, setOpen] = useState(false);
  if (!examples.length) return null;
  return (
    <div>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Group gap={4}>
          {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          <Text size="xs" c="blue">
            {t('csf.examples', { count: examples.length })}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <List size="xs" spacing={2} mt={4} c="dimmed">
          {examples.map((e) => (
            <List.Item key={e}>{e}</List.Item>
          ))}
        </List>
      </Collapse>
    </div>
  );
}

/** One site's assessment: its course, scores, and the catalogue to answer subcategory by subcategory. */
export function CsfAssessmentPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const scoreText = useScoreText();
  const queryClient = useQueryClient();
  const { assessmentId } = useParams({ strict: false }) as { assessmentId: string };
  const query = useQuery(csfAssessmentQuery(assessmentId));
  const assessment = query.data;
  const catalogue = useQuery(csfCatalogueQuery(assessment?.catalogueId));
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [unansweredOnly, setUnansweredOnly] = useState(false);
  const [step, setStep] = useState<AssessmentStep | null>(null);
  const [naming, setNaming] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [staleNotice, setStaleNotice] = useState(false);

  const byId = useMemo(
    () => new Map((assessment?.answers ?? []).map((a) => [a.subcategory, a])),
    [assessment?.answers],
  );
  // The saved answers as drafts, made once per load: an unedited row keeps the same object, so typing in one
  // row re-renders that row's controls alone.
  const savedDrafts = useMemo(() => new Map([...byId].map(([id, a]) => [id, asDraft(a)])), [byId]);
  const change = useMemo(
    () => (identifier: string, draft: Draft) => setDrafts((d) => ({ ...d, [identifier]: draft })),
    [],
  );
  const changed = Object.entries(drafts).filter(([id, d]) => {
    const saved = savedDrafts.get(id) ?? EMPTY_DRAFT;
    return (
      saved.level !== d.level ||
      saved.notApplicable !== d.notApplicable ||
      saved.target !== d.target ||
      (saved.notes ?? '') !== (d.notes ?? '')
    );
  });

  const save = useMutation({
    mutationFn: async () => {
      if (!assessment) return;
      await api.put(`/api/infosec/csf/assessments/${assessment.id}/answers`, {
        version: assessment.version,
        answers: changed.map(([subcategory, d]) => ({
          subcategory,
          level: d.notApplicable ? null : d.level,
          notApplicable: d.notApplicable,
          target: d.target,
          notes: d.notes?.trim() || null,
        })),
      });
    },
    onSuccess: async () => {
      await invalidateCsf(queryClient);
      setDrafts({});
      setStaleNotice(false);
      notifications.show({ message: t('csf.saved'), color: 'teal' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setDrafts({});
        setStaleNotice(true);
        await invalidateCsf(queryClient);
      }
    },
  });

  if (query.error) return <ProblemAlert error={query.error} />;
  if (!assessment) return <Skeleton h={400} />;
  const readOnly = !assessment.mayAnswer;
  const unassessed = new Set(assessment.unassessedFunctions);
  const current = (id: string) => drafts[id] ?? savedDrafts.get(id) ?? EMPTY_DRAFT;
  const toAssess = (catalogue.data?.functions ?? [])
    .filter((f) => !unassessed.has(f.identifier))
    .flatMap((f) => f.categories.flatMap((c) => c.subcategories.map((s) => s.identifier)));
  const answeredNow =
    changed.length && toAssess.length
      ? toAssess.filter((id) => answered(current(id))).length
      : assessment.answered;
  const toAnswer = assessment.toAnswer;
  const scoreOf = new Map(assessment.categories.map((c) => [c.identifier, c]));
  const fnScore = new Map(assessment.functions.map((f) => [f.identifier, f]));
  const title = `${assessment.siteCode} · ${assessment.siteName} · ${label('domains', assessment.domain)} ${assessment.year}`;

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        crumbs={
          can('infosec.read')
            ? [
                { label: t('nav.section') },
                { label: t('nav.csf'), to: '/infosec/csf' },
                { label: String(assessment.year), to: `/infosec/csf/campaigns/${assessment.campaignId}` },
                { label: `${assessment.siteCode} ${label('domains', assessment.domain)}` },
              ]
            : // An outside assessor reads only their own assessments.
              [
                { label: t('nav.section') },
                { label: t('csf.mineTitle'), to: '/infosec/csf/mine' },
                { label: `${assessment.siteCode} ${label('domains', assessment.domain)} ${assessment.year}` },
              ]
        }
        actions={
          <Group gap="xs">
            {assessment.steps.map((s) => (
              <Button
                key={s}
                variant={s === 'return' ? 'default' : 'filled'}
                color={s === 'return' ? undefined : 'teal'}
                onClick={() => setStep(s)}
                disabled={changed.length > 0}
              >
                {label('csfSteps', s)}
              </Button>
            ))}
            {can('infosec.manage') && assessment.status === 'draft' && (
              <Button variant="default" onClick={() => setNaming(true)}>
                {t('csf.nameAssessor')}
              </Button>
            )}
            {assessment.mayCorrect && (
              <Button variant="default" onClick={() => setCorrecting(true)}>
                {t('csf.correct')}
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="xs">
        <CsfStatusBadge status={assessment.status} />
        <Badge variant="outline">{t('csf.revisionN', { revision: assessment.revision })}</Badge>
        <Badge variant="outline" color="gray">
          {t('csf.basisN', { basis: assessment.basis })}
        </Badge>
        <Anchor href={`/api/infosec/csf/assessments/${assessment.id}/oscal.json`} download size="sm" ml="xs">
          <Group gap={4} component="span">
            <IconDownload size={14} />
            {t('csf.oscal')}
          </Group>
        </Anchor>
      </Group>
      {staleNotice && (
        <Alert color="yellow" withCloseButton onClose={() => setStaleNotice(false)}>
          {t('csf.stale')}
        </Alert>
      )}
      {assessment.unassessedFunctions.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />}>
          {t('csf.govern11', { year: assessment.year })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Text size="sm">
              <b>
                {t('csf.assessor')}
                {t('csf.colon')}
              </b>
              {assessment.assessorName ?? '—'}
              {assessment.consultancy
                ? ` · ${t('csf.consultancy')}${t('csf.colon')}${assessment.consultancy}`
                : ''}
            </Text>
            {!assessment.assessorId && (
              <Text size="xs" c="dimmed">
                {t('csf.noAssessor')}
              </Text>
            )}
            {assessment.submittedAt && (
              <Text size="sm">
                {t('csf.submittedAt')}: {fmt.dateTime(assessment.submittedAt)}
              </Text>
            )}
            {assessment.reviewedAt && (
              <Text size="sm">
                {t('csf.reviewedBy', {
                  name: assessment.reviewedByName ?? '—',
                  at: fmt.dateTime(assessment.reviewedAt),
                })}
              </Text>
            )}
            {assessment.signedOffAt && (
              <Text size="sm">
                {t('csf.signedOffBy', {
                  name: assessment.signedOffByName ?? '—',
                  at: fmt.dateTime(assessment.signedOffAt),
                })}
              </Text>
            )}
            {assessment.approvedAt && (
              <Text size="sm">
                {t('csf.approvedBy', {
                  name: assessment.approvedByName ?? '—',
                  at: fmt.dateTime(assessment.approvedAt),
                })}
              </Text>
            )}
            {assessment.correctionReason && (
              <Text size="sm" c="orange.8">
                {t('csf.correctionReason', { reason: assessment.correctionReason })}
              </Text>
            )}
            <Text size="sm" fw={600} mt="xs">
              {t('csf.score')}: {scoreText(assessment.score)}
            </Text>
            <RuleNote rule={assessment.rule} variant="line" />
            {assessment.revisions.length > 1 && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t('csf.revisions')}
                </Text>
                <Group gap="xs">
                  {assessment.revisions.map((r) =>
                    r.id === assessment.id ? (
                      <Badge key={r.id} variant="filled">
                        {t('csf.revisionN', { revision: r.revision })} · {label('csfStatuses', r.status)}
                      </Badge>
                    ) : (
                      <AnchorLink
                        key={r.id}
                        to="/infosec/csf/assessments/$assessmentId"
                        params={{ assessmentId: r.id }}
                        size="sm"
                      >
                        {t('csf.revisionN', { revision: r.revision })} · {label('csfStatuses', r.status)}
                      </AnchorLink>
                    ),
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={5}>{t('csf.scores')}</Title>
          <ScoresChart assessment={assessment} catalogue={catalogue.data} />
        </Paper>
      </SimpleGrid>

      <Paper
        withBorder
        p="sm"
        radius="md"
        pos="sticky"
        top={60}
        style={{ zIndex: 5 }}
        data-testid="csf-progress"
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Progress
              value={toAnswer ? (answeredNow / toAnswer) * 100 : 0}
              w={200}
              color={answeredNow >= toAnswer ? 'teal' : 'blue'}
              aria-label={t('csf.answered')}
            />
            <Text size="sm">{t('csf.answeredOf', { answered: answeredNow, total: toAnswer })}</Text>
            <Checkbox
              label={t('csf.unansweredOnly')}
              checked={unansweredOnly}
              onChange={(e) => setUnansweredOnly(e.currentTarget.checked)}
            />
          </Group>
          {!readOnly && (
            <Group gap="xs">
              {changed.length > 0 && (
                <Text size="sm" c="orange.8">
                  {t('csf.unsaved', { count: changed.length })}
                </Text>
              )}
              <Button variant="default" disabled={!changed.length} onClick={() => setDrafts({})}>
                {t('csf.discard')}
              </Button>
              <Button disabled={!changed.length} loading={save.isPending} onClick={() => save.mutate()}>
                {t('csf.save')}
              </Button>
            </Group>
          )}
        </Group>
        {save.error && !(save.error instanceof ApiError && save.error.status === 409) && (
          <ProblemAlert error={save.error} />
        )}
      </Paper>
      {readOnly && (
        <Text size="sm" c="dimmed">
          {t('csf.readOnly')}
        </Text>
      )}

      {!catalogue.data ? (
        <Skeleton h={400} />
      ) : (
        <Stack gap="md">
          {unansweredOnly && answeredNow >= toAnswer && <Text c="dimmed">{t('csf.allAnswered')}</Text>}
          {catalogue.data.functions.map((f) => {
            const off = unassessed.has(f.identifier);
            const fs = fnScore.get(f.identifier);
            const categories = f.categories
              .map((c) => ({
                ...c,
                subcategories: c.subcategories.filter(
                  (s) => !unansweredOnly || !answered(current(s.identifier)),
                ),
              }))
              .filter((c) => c.subcategories.length > 0);
            if (unansweredOnly && (off || categories.length === 0)) return null;
            return (
              <Paper key={f.identifier} withBorder radius="md" p="md">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={4}>
                      {f.title} ({f.identifier})
                    </Title>
                    <Text size="sm" c="dimmed">
                      {f.statement}
                    </Text>
                  </div>
                  <Badge size="lg" variant={off ? 'outline' : 'light'} color={off ? 'gray' : 'blue'}>
                    {off ? t('csf.notAssessedFunction') : scoreText(fs?.score ?? null)}
                  </Badge>
                </Group>
                {!off && (
                  <Stack gap="md" mt="md">
                    {categories.map((c) => {
                      const cs = scoreOf.get(c.identifier);
                      return (
                        <Stack key={c.identifier} gap="xs">
                          <Group justify="space-between" gap="xs">
                            <Text fw={600}>
                              {c.identifier} · {c.title}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('csf.categoryScore', {
                                score: scoreText(cs?.score ?? null),
                                target: scoreText(cs?.target ?? null),
                              })}
                            </Text>
                          </Group>
                          {c.subcategories.map((s) => {
                            const saved = byId.get(s.identifier);
                            const dirty = changed.some(([id]) => id === s.identifier);
                            return (
                              <Paper
                                key={s.identifier}
                                p="sm"
                                radius="sm"
                                bg={dirty ? 'yellow.0' : 'gray.0'}
                                data-subcategory={s.identifier}
                              >
                                <Text size="sm">
                                  <Text span fw={700} ff="monospace">
                                    {s.identifier}
                                  </Text>{' '}
                                  {s.statement}
                                </Text>
                                <Examples examples={s.examples} />
                                <div style={{ marginTop: 6 }}>
                                  <LevelControls
                                    identifier={s.identifier}
                                    draft={current(s.identifier)}
                                    levels={assessment.levels}
                                    readOnly={readOnly}
                                    onChange={change}
                                  />
                                </div>
                                {saved?.assessedByName && saved.assessedAt && (
                                  <Text size="xs" c="dimmed" mt={4}>
                                    {t('csf.assessedBy', {
                                      name: saved.assessedByName,
                                      at: fmt.dateTime(saved.assessedAt),
                                    })}
                                  </Text>
                                )}
                              </Paper>
                            );
                          })}
                        </Stack>
                      );
                    })}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
      {step && <StepModal assessment={assessment} step={step} onClose={() => setStep(null)} />}
      {naming && <AssessorModal assessment={assessment} onClose={() => setNaming(false)} />}
      {correcting && <CorrectModal assessment={assessment} onClose={() => setCorrecting(false)} />}
    </Stack>
  );
}

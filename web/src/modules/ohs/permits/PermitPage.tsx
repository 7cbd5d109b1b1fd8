import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconFlame } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { permitView } from '#shared/modules/ohs/permits/contract.ts';
import {
  nextStatus,
  type PermitStatus,
  type PermitTransition,
  type PermitType,
  permitTransitions,
} from '#shared/modules/ohs/rules/permits.ts';
import { ApiError, api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { isoToLocalInput, localInputToIso, ohsKeys } from '../api.ts';
import { useOhsLabel, useOhsT, useZh } from '../i18n/index.ts';
import { PermitStatusBadge } from './PermitsPage.tsx';

/** The main path of a permit; gas testing only for the types that need it. */
function flow(needsGas: boolean): PermitStatus[] {
  return [
    'requested',
    'approved',
    'isolations_verified',
    ...(needsGas ? (['gas_test_passed'] as const) : []),
    'issued',
    'active',
    'completed',
    'closed',
  ];
}

/** The gas test rule, as the server applies it: oxygen 18–23.5 %, flammables under 10 % of the LEL. */
export function gasProblems(
  oxygen: number | null,
  lel: number | null,
  t: ReturnType<typeof useOhsT>,
): string[] {
  const out: string[] = [];
  if (oxygen !== null && oxygen < 18) out.push(t('permits.oxygenLow'));
  if (oxygen !== null && oxygen > 23.5) out.push(t('permits.oxygenHigh'));
  if (lel !== null && lel >= 10) out.push(t('permits.lelHigh'));
  return out;
}

type Pending = { transition: PermitTransition } | null;
const needsInput: PermitTransition[] = ['record_gas_test', 'reject', 'extend', 'suspend', 'cancel'];

/** One permit: its flow as steps, the checklist, the gas test, the workers, overlaps, history and the next steps. */
export function PermitPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const zh = useZh();
  const fmt = useFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const { permitId } = useParams({ strict: false }) as { permitId: string };
  const query = useQuery({
    queryKey: [ohsKeys.permits, permitId],
    queryFn: () => api.get(`/api/ohs/permits/${permitId}`, permitView),
  });
  const permit = query.data;
  const manage = can('ohs.manage');
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [pending, setPending] = useState<Pending>(null);
  const [oxygen, setOxygen] = useState<number | string>('');
  const [lel, setLel] = useState<number | string>('');
  const [toxic, setToxic] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [extendTo, setExtendTo] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the ticks to the stored ones on a new version
  useEffect(() => {
    if (permit) setChecks(Object.fromEntries(permit.checklist.map((c) => [c.key, c.checked])));
  }, [permit?.version]);

  const move = useWrite(
    (body: Record<string, unknown>) =>
      api.post(
        `/api/ohs/permits/${permitId}/transition`,
        { ...body, checklist: checks, version: permit?.version },
        permitView,
      ),
    {
      invalidate: [ohsKeys.permits, '/api/home'],
      success: (p) => t('permits.done', { status: label('permitStatuses', p.status) }),
      onSuccess: (p) => {
        queryClient.setQueryData([ohsKeys.permits, permitId], p);
        setPending(null);
        setNote('');
      },
    },
  );

  if (query.error) return <ProblemAlert error={query.error} />;
  if (!permit) return <Skeleton h={320} radius="md" />;

  const steps = flow(permit.needsGasTest);
  const offPath = !steps.includes(permit.status);
  const lastOnPath = offPath
    ? [...permit.history]
        .reverse()
        .map((h) => h.from as PermitStatus)
        .find((s) => steps.includes(s))
    : permit.status;
  const activeStep = permit.status === 'closed' ? steps.length : steps.indexOf(lastOnPath ?? 'requested');
  const available = permitTransitions.filter(
    (tr) =>
      tr !== 'expire' && nextStatus(permit.type as PermitType, permit.status as PermitStatus, tr) !== null,
  );
  const unqualified = permit.workers.filter((w) => !w.qualified);
  const allTicked = permit.checklist.every((c) => checks[c.key]);

  function run(tr: PermitTransition) {
    move.reset();
    if (needsInput.includes(tr)) {
      setPending({ transition: tr });
      if (tr === 'extend' && permit)
        setExtendTo(isoToLocalInput(new Date(new Date(permit.endsAt).getTime() + 4 * 3600_000)));
      return;
    }
    move.mutate({ transition: tr });
  }

  function confirmPending() {
    if (!pending) return;
    const tr = pending.transition;
    if (tr === 'record_gas_test')
      move.mutate({
        transition: tr,
        gasTest: {
          oxygenPercent: Number(oxygen),
          lelPercent: Number(lel),
          toxicPpm: toxic === '' ? null : Number(toxic),
        },
      });
    else if (tr === 'extend')
      move.mutate({
        transition: tr,
        extendTo: localInputToIso(extendTo),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    else move.mutate({ transition: tr, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  // The server's conflict names what is missing: say it in the user's language.
  const conflictDetails = (error: unknown) => {
    if (!(error instanceof ApiError) || !error.problem) return null;
    const missing = error.problem.missing as string[] | undefined;
    const unq = error.problem.unqualified as string[] | undefined;
    const problems = error.problem.problems as string[] | undefined;
    return (
      <>
        {missing?.length ? (
          <List size="sm" mt={4}>
            {permit.checklist
              .filter((c) => missing.includes(c.key))
              .map((c) => (
                <List.Item key={c.key}>{zh ? c.zh : c.en}</List.Item>
              ))}
          </List>
        ) : null}
        {unq?.length ? (
          <List size="sm" mt={4}>
            {permit.workers
              .filter((w) => unq.includes(w.id))
              .map((w) => (
                <List.Item key={w.id}>{w.name}</List.Item>
              ))}
          </List>
        ) : null}
        {problems?.length ? (
          <Text size="sm">{gasProblems(Number(oxygen), Number(lel), t).join(' ')}</Text>
        ) : null}
      </>
    );
  };

  const ox = oxygen === '' ? null : Number(oxygen);
  const le = lel === '' ? null : Number(lel);
  const gasIssues = gasProblems(ox, le, t);
  const gasFilled = ox !== null && le !== null;

  return (
    <>
      <PageHeader
        title={`${permit.reference} · ${label('permitTypes', permit.type)}`}
        crumbs={[
          { label: t('nav.section'), to: '/ohs' },
          { label: t('permits.title'), to: '/ohs/permits' },
          { label: permit.reference },
        ]}
      />
      <Group gap="xs" mt={-8} mb="md">
        <PermitStatusBadge status={permit.status} />
        <Text size="sm" c="dimmed">
          {permit.siteCode} · {permit.areaName} · {permit.companyName} ·{' '}
          {fmt.siteTime(permit.startsAt, permit.timeZone)} → {fmt.siteTime(permit.endsAt, permit.timeZone)}
        </Text>
      </Group>
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Title order={5} mb="sm">
            {t('permits.flow')}
          </Title>
          <Stepper active={activeStep} size="xs" allowNextStepsSelect={false} wrap>
            {steps.map((s) => (
              <Stepper.Step key={s} label={label('permitStatuses', s)} />
            ))}
          </Stepper>
          {offPath && (
            <Alert
              mt="sm"
              color={permit.status === 'suspended' ? 'orange' : 'red'}
              icon={<IconAlertTriangle size={16} />}
            >
              <PermitStatusBadge status={permit.status} />
              {permit.rejectionReason ? ` ${t('permits.rejectionReason')}: ${permit.rejectionReason}` : ''}
            </Alert>
          )}
          {manage && (
            <Stack gap="xs" mt="md">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t('permits.actions')}
              </Text>
              {move.error && !pending ? (
                <ProblemAlert error={move.error} onReload={() => void query.refetch()} />
              ) : null}
              {move.error && !pending ? conflictDetails(move.error) : null}
              {available.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('permits.noActions')}
                </Text>
              ) : (
                <Group gap="xs">
                  {available.map((tr) => {
                    const negative = tr === 'reject' || tr === 'cancel' || tr === 'suspend';
                    return (
                      <Button
                        key={tr}
                        variant={negative ? 'light' : 'filled'}
                        color={negative ? 'red' : tr === 'close' || tr === 'complete' ? 'teal' : undefined}
                        onClick={() => run(tr)}
                        loading={move.isPending && move.variables?.transition === tr}
                        data-transition={tr}
                      >
                        {label('permitTransitions', tr)}
                      </Button>
                    );
                  })}
                </Group>
              )}
            </Stack>
          )}
        </Paper>
        {permit.overlaps.length > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            title={t('permits.overlaps')}
            data-testid="permit-overlaps"
          >
            <Text size="sm">{t('permits.overlapWarning')}</Text>
            <List size="sm" mt={4}>
              {permit.overlaps.map((o) => (
                <List.Item key={o.id}>
                  {o.reference} · {label('permitTypes', o.type)} · {fmt.siteTime(o.startsAt, permit.timeZone)}{' '}
                  → {fmt.siteTime(o.endsAt, permit.timeZone)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={5}>{t('permits.checklist')}</Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('permits.checklistHint')}
            </Text>
            <Stack gap="xs">
              {permit.checklist.map((c) => (
                <Checkbox
                  key={c.key}
                  label={zh ? c.zh : c.en}
                  checked={!!checks[c.key]}
                  disabled={
                    !manage ||
                    ['closed', 'completed', 'rejected', 'cancelled', 'expired'].includes(permit.status)
                  }
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setChecks((prev) => ({ ...prev, [c.key]: checked }));
                  }}
                />
              ))}
            </Stack>
            {allTicked && (
              <Text size="sm" c="teal" mt="sm">
                <IconCircleCheck size={14} style={{ verticalAlign: 'middle' }} /> {t('permits.checklistDone')}
              </Text>
            )}
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Group gap={6}>
              <IconFlame size={18} />
              <Title order={5}>{t('permits.gasTest')}</Title>
            </Group>
            {permit.needsGasTest ? (
              <Stack gap="xs" mt="xs">
                <Text size="sm" c="dimmed">
                  {t('permits.gasRule')}
                </Text>
                {permit.gasTest ? (
                  <Paper withBorder p="sm" radius="sm">
                    <Group gap="lg">
                      <div>
                        <Text size="xs" c="dimmed">
                          {t('permits.oxygen')}
                        </Text>
                        <Text fw={700}>{permit.gasTest.oxygenPercent}</Text>
                      </div>
                      <div>
                        <Text size="xs" c="dimmed">
                          {t('permits.lel')}
                        </Text>
                        <Text fw={700}>{permit.gasTest.lelPercent}</Text>
                      </div>
                      {permit.gasTest.toxicPpm !== null && (
                        <div>
                          <Text size="xs" c="dimmed">
                            {t('permits.toxic')}
                          </Text>
                          <Text fw={700}>{permit.gasTest.toxicPpm}</Text>
                        </div>
                      )}
                      <Badge color="teal" leftSection={<IconCircleCheck size={12} />}>
                        {t('permits.gasPass')}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('permits.testedAt', {
                        at: fmt.siteTime(permit.gasTest.testedAt, permit.timeZone),
                        by: permit.gasTest.testedBy ?? t('permits.system'),
                      })}
                    </Text>
                  </Paper>
                ) : null}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" mt="xs">
                {t('permits.noGasTest')}
              </Text>
            )}
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="xs">
              {t('permits.workers')}
            </Title>
            {unqualified.length > 0 && (
              <Alert color="orange" mb="sm" icon={<IconAlertTriangle size={16} />}>
                {t('permits.unqualifiedWarning')}
              </Alert>
            )}
            <Stack gap={6}>
              {permit.workers.map((w) => (
                <Group key={w.id} justify="space-between">
                  <Text size="sm">{w.name}</Text>
                  {w.qualified ? (
                    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
                      {t('permits.qualified')}
                    </Badge>
                  ) : (
                    <Badge color="red" variant="light" leftSection={<IconCircleX size={12} />}>
                      {t('permits.unqualified')}
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {permit.description}
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="xs">
              {t('permits.history')}
            </Title>
            {permit.history.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('permits.noHistory')}
              </Text>
            ) : (
              <Timeline bulletSize={12} lineWidth={2} active={permit.history.length}>
                {permit.history.map((h) => (
                  <Timeline.Item
                    key={`${h.at}|${h.transition}|${h.to}`}
                    title={
                      <Text size="sm" fw={600}>
                        {label('permitTransitions', h.transition)}
                      </Text>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {fmt.siteTime(h.at, permit.timeZone)} ·{' '}
                      {t('permits.by', { name: h.by ?? t('permits.system') })} ·{' '}
                      {h.from ? `${label('permitStatuses', h.from)} → ` : ''}
                      {label('permitStatuses', h.to)}
                    </Text>
                    {h.note && <Text size="sm">{h.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Paper>
        </SimpleGrid>
      </Stack>
      <Modal
        opened={!!pending}
        onClose={() => setPending(null)}
        title={pending ? label('permitTransitions', pending.transition) : ''}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            confirmPending();
          }}
          noValidate
        >
          <Stack>
            {move.error ? <ProblemAlert error={move.error} onReload={() => void query.refetch()} /> : null}
            {pending?.transition === 'record_gas_test' && (
              <>
                <Text size="sm" c="dimmed">
                  {t('permits.gasRule')}
                </Text>
                <SimpleGrid cols={3}>
                  <NumberInput
                    label={t('permits.oxygen')}
                    value={oxygen}
                    onChange={setOxygen}
                    min={0}
                    max={100}
                    decimalScale={2}
                    required
                    data-autofocus
                  />
                  <NumberInput
                    label={t('permits.lel')}
                    value={lel}
                    onChange={setLel}
                    min={0}
                    max={100}
                    decimalScale={2}
                    required
                  />
                  <NumberInput
                    label={t('permits.toxic')}
                    value={toxic}
                    onChange={setToxic}
                    min={0}
                    decimalScale={2}
                  />
                </SimpleGrid>
                {gasFilled &&
                  (gasIssues.length ? (
                    <Alert
                      color="red"
                      icon={<IconCircleX size={16} />}
                      title={t('permits.gasFail')}
                      data-testid="gas-fail"
                    >
                      {gasIssues.join(' ')}
                    </Alert>
                  ) : (
                    <Alert
                      color="teal"
                      icon={<IconCircleCheck size={16} />}
                      title={t('permits.gasPass')}
                      data-testid="gas-pass"
                    />
                  ))}
              </>
            )}
            {pending?.transition === 'extend' && (
              <TextInput
                type="datetime-local"
                label={t('permits.extendTo')}
                value={extendTo}
                onChange={(e) => setExtendTo(e.currentTarget.value)}
                required
                data-autofocus
              />
            )}
            {pending && pending.transition !== 'record_gas_test' && (
              <Textarea
                label={pending.transition === 'reject' ? t('permits.rejectionReason') : t('permits.note')}
                required={pending.transition === 'reject'}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                data-autofocus={pending.transition !== 'extend' || undefined}
                error={move.error instanceof ApiError ? move.error.fieldErrors.note : undefined}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={move.isPending}
                color={
                  pending?.transition === 'reject' || pending?.transition === 'cancel' ? 'red' : undefined
                }
              >
                {pending ? label('permitTransitions', pending.transition) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

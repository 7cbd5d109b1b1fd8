import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHeartbeat, IconLock, IconPlus, IconStethoscope, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import {
  healthSummary,
  participationInput,
  screeningInput,
  screeningPage,
  screeningView,
  specialHazards,
  wellbeingKinds,
  wellbeingProgramInput,
  wellbeingProgramView,
  wellbeingSummary,
} from '../../../../../server/modules/ohs/contract-health.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { useFormat, useLocalName } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { QueryProblem } from '../../../platform/ui/QueryCard.tsx';
import { ohsKeys, todayIso, usePeopleSearch } from '../api.ts';
import { useOhsMutation } from '../components/mutation.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

type Screening = z.infer<typeof screeningView>;
type Count = number | '<5';

/** A count as the server gives it: a number, or "<5" (never anything finer). */
function CountText({ value, size = 'xl' }: { value: Count; size?: string }) {
  const fmt = useFormat();
  return (
    <Text fz={size} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value === '<5' ? '<5' : fmt.number(value)}
    </Text>
  );
}

function Kpi({ label, value, hint }: { label: string; value: Count; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <CountText value={value} />
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Summary({ year, siteId }: { year: number; siteId: string | null }) {
  const t = useOhsT();
  const fmt = useFormat();
  const query = useQuery({
    queryKey: [ohsKeys.health, 'summary', year, siteId],
    queryFn: () => api.get('/api/ohs/health/summary', healthSummary, { year, siteId: siteId ?? undefined }),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  const s = query.data;
  if (!s) return null;
  const money = (minor: number) =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: s.currency,
      maximumFractionDigits: 0,
    }).format(minor / 100);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Kpi label={t('health.peopleScreened')} value={s.peopleScreened} />
        <Kpi
          label={t('health.screeningsCount')}
          value={s.screenings}
          hint={`${t('health.general')} ${s.general === '<5' ? '<5' : fmt.number(s.general)} · ${t('health.special')} ${s.special === '<5' ? '<5' : fmt.number(s.special)}`}
        />
        <Kpi label={t('health.abnormal')} value={s.abnormal} />
        <Kpi label={t('health.followUpsOpen')} value={s.followUpsOpen} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder radius="md" p="md">
          <Title order={5} mb="sm">
            {t('health.byLevel')}
          </Title>
          <SimpleGrid cols={4}>
            {([1, 2, 3, 4] as const).map((n) => (
              <Stack key={n} gap={0} align="center">
                <Badge color={['teal', 'yellow', 'orange', 'red'][n - 1]} variant="light">
                  {t('health.level', { n })}
                </Badge>
                <CountText value={s.byLevel[`level${n}`]} size="lg" />
              </Stack>
            ))}
          </SimpleGrid>
          <Stack gap={0} mt="sm">
            {(['1', '2', '3', '4'] as const).map((n) => (
              <Text key={n} size="xs" c="dimmed">
                {t(`health.levelHint.${n}`)}
              </Text>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={5}>{t('health.bySite')}</Title>
            <Text size="sm">
              {t('health.cost')}: <b>{money(s.costMinor)}</b>
            </Text>
          </Group>
          <ScrollArea.Autosize mah={260}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.site')}</Table.Th>
                  <Table.Th ta="right">{t('health.peopleScreened')}</Table.Th>
                  <Table.Th ta="right">{t('health.abnormal')}</Table.Th>
                  <Table.Th ta="right">{t('health.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.bySite.map((b) => (
                  <Table.Tr key={b.siteId}>
                    <Table.Td>{b.siteCode}</Table.Td>
                    <Table.Td ta="right">
                      {b.peopleScreened === '<5' ? '<5' : fmt.number(b.peopleScreened)}
                    </Table.Td>
                    <Table.Td ta="right">{b.abnormal === '<5' ? '<5' : fmt.number(b.abnormal)}</Table.Td>
                    <Table.Td ta="right">{money(b.costMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

type SV = {
  siteId: string;
  personType: 'employee' | 'contractor_worker';
  personId: string;
  kind: 'general' | 'special';
  specialHazard: string;
  screenedOn: string | null;
  provider: string;
  cost: number | string;
  managementLevel: string;
  abnormal: boolean;
  findings: string;
  recommendation: string;
  followUpBy: string | null;
};
const screeningPayload = (v: SV) => ({
  siteId: v.siteId,
  personType: v.personType,
  personId: v.personId,
  kind: v.kind,
  specialHazard:
    v.kind === 'special' ? ((v.specialHazard || null) as (typeof specialHazards)[number] | null) : null,
  screenedOn: v.screenedOn ?? '',
  provider: blankToNull(v.provider),
  costMinor: v.cost === '' ? 0 : Math.round(Number(v.cost) * 100),
  managementLevel: v.kind === 'special' && v.managementLevel ? Number(v.managementLevel) : null,
  abnormal: v.abnormal,
  findings: blankToNull(v.findings),
  recommendation: blankToNull(v.recommendation),
  ...(v.abnormal && v.followUpBy ? { followUpBy: v.followUpBy } : {}),
});

function ScreeningForm({ onClose }: { onClose: () => void }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const { options: siteOptions } = useSites();
  const canContractors = useCan()('contractors.read');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const form = useForm<SV>({
    mode: 'controlled',
    initialValues: {
      siteId: siteOptions.length === 1 ? siteOptions[0].value : '',
      personType: 'employee',
      personId: '',
      kind: 'general',
      specialHazard: '',
      screenedOn: todayIso(),
      provider: '',
      cost: '',
      managementLevel: '',
      abnormal: false,
      findings: '',
      recommendation: '',
      followUpBy: null,
    },
    validate: contractValidator(screeningInput, screeningPayload),
  });
  const v = form.getValues();
  const setSite = useCallback((id: string) => form.setFieldValue('siteId', id), [form]);
  useOnlySiteByDefault(siteOptions, v.siteId, setSite);
  const people = usePeopleSearch(v.personType, v.siteId || null, q);
  const save = useOhsMutation(
    (values: SV) => api.post('/api/ohs/health/screenings', screeningPayload(values), screeningView),
    {
      invalidate: [ohsKeys.health],
      success: t('health.recorded'),
      onSuccess: onClose,
    },
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('health.record')}
      onSubmit={form.onSubmit((x) => save.mutate(x, { onError: (e) => applyServerErrors(form, e) }))}
      busy={save.isPending}
      error={save.error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          openOnFocus={false}
          data-autofocus
          {...form.getInputProps('siteId')}
        />
        <SegmentedControl
          mt={24}
          value={v.personType}
          onChange={(x) => {
            form.setFieldValue('personType', x as SV['personType']);
            form.setFieldValue('personId', '');
          }}
          data={[
            { value: 'employee', label: t('injury.employee') },
            ...(canContractors ? [{ value: 'contractor_worker', label: t('injury.contractor_worker') }] : []),
          ]}
        />
      </SimpleGrid>
      <Select
        label={t('health.person')}
        placeholder={t('injury.personPlaceholder')}
        data={people.data ?? []}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        required
        {...form.getInputProps('personId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('health.kind')}
          data={[
            { value: 'general', label: t('health.general') },
            { value: 'special', label: t('health.special') },
          ]}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('health.specialHazard')}
          data={specialHazards.map((h) => ({ value: h, label: label('specialHazards', h) }))}
          disabled={v.kind !== 'special'}
          required={v.kind === 'special'}
          {...form.getInputProps('specialHazard')}
        />
        <Select
          label={t('health.managementLevel')}
          data={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('health.level', { n }) }))}
          disabled={v.kind !== 'special'}
          clearable
          {...form.getInputProps('managementLevel')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label={t('health.screenedOn')}
          valueFormat="YYYY-MM-DD"
          required
          {...form.getInputProps('screenedOn')}
        />
        <TextInput label={t('health.provider')} {...form.getInputProps('provider')} />
        <NumberInput
          label={t('health.costLabel')}
          min={0}
          decimalScale={0}
          thousandSeparator=","
          {...form.getInputProps('cost')}
        />
      </SimpleGrid>
      <Switch label={t('health.abnormalLabel')} {...form.getInputProps('abnormal', { type: 'checkbox' })} />
      <Textarea label={t('health.findings')} autosize minRows={2} {...form.getInputProps('findings')} />
      <Textarea
        label={t('health.recommendation')}
        autosize
        minRows={2}
        {...form.getInputProps('recommendation')}
      />
      {v.abnormal && (
        <DateInput
          label={t('health.followUpBy')}
          description={t('health.followUpHint')}
          valueFormat="YYYY-MM-DD"
          minDate={todayIso()}
          {...form.getInputProps('followUpBy')}
        />
      )}
    </FormModal>
  );
}

function FollowUps({ screening }: { screening: Screening }) {
  const t = useOhsT();
  const [consultedOn, setConsultedOn] = useState<string | null>(todayIso());
  const [notes, setNotes] = useState('');
  const save = useOhsMutation(
    (f: Screening['followups'][number]) =>
      api.post(
        `/api/ohs/health/followups/${f.id}`,
        { consultedOn, notes: notes.trim(), version: f.version },
        screeningView,
      ),
    { invalidate: [ohsKeys.health], success: t('health.followUpDone') },
  );
  return (
    <Stack gap="xs">
      {screening.findings && (
        <Text size="sm">
          <b>{t('health.findings')}:</b> {screening.findings}
        </Text>
      )}
      {screening.recommendation && (
        <Text size="sm">
          <b>{t('health.recommendation')}:</b> {screening.recommendation}
        </Text>
      )}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {screening.followups.map((f) => (
        <Paper key={f.id} withBorder p="xs" radius="sm">
          <Group justify="space-between">
            <Text size="sm">
              {t('health.followUps')} · {t('common.due')} {f.dueDate}
            </Text>
            {f.consultedOn ? (
              <Badge color="teal">
                {t('health.consultedOn')} {f.consultedOn}
              </Badge>
            ) : (
              <Badge color="orange">{t('health.pending')}</Badge>
            )}
          </Group>
          {f.notes && <Text size="xs">{f.notes}</Text>}
          {!f.consultedOn && (
            <Group align="flex-end" gap="xs" mt="xs">
              <DateInput
                label={t('health.consultedOn')}
                valueFormat="YYYY-MM-DD"
                value={consultedOn}
                onChange={setConsultedOn}
                w={160}
                size="xs"
              />
              <TextInput
                label={t('common.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                style={{ flex: 1 }}
                size="xs"
              />
              <Button size="xs" onClick={() => save.mutate(f)} loading={save.isPending}>
                {t('health.recordFollowUp')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function Screenings({ year, siteId }: { year: number; siteId: string | null }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [abnormal, setAbnormal] = useState(false);
  const [adding, setAdding] = useState(false);
  const columns: Column<Screening>[] = [
    { key: 'date', header: t('health.screenedOn'), sortKey: 'screenedOn', render: (s) => s.screenedOn },
    {
      key: 'person',
      header: t('health.person'),
      render: (s) => (
        <Text size="sm" fw={500}>
          {s.personName ?? '—'}{' '}
          <Text span size="xs" c="dimmed">
            {s.personNo}
          </Text>
        </Text>
      ),
    },
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    {
      key: 'kind',
      header: t('health.kind'),
      render: (s) =>
        s.kind === 'general'
          ? t('health.general')
          : `${t('health.special')} · ${label('specialHazards', s.specialHazard)}`,
    },
    {
      key: 'level',
      header: t('health.managementLevel'),
      render: (s) => (s.managementLevel ? t('health.level', { n: s.managementLevel }) : '—'),
    },
    {
      key: 'abnormal',
      header: t('health.abnormal'),
      render: (s) =>
        s.abnormal ? (
          <Badge color="red" variant="light">
            {t('health.abnormal')}
          </Badge>
        ) : (
          ''
        ),
    },
    {
      key: 'followups',
      header: t('health.followUps'),
      render: (s) => {
        const open = s.followups.filter((f) => !f.consultedOn).length;
        return open ? (
          <Badge color="orange">{t('health.pending')}</Badge>
        ) : s.followups.length ? (
          <Badge color="teal" variant="light">
            ✓
          </Badge>
        ) : (
          ''
        );
      },
    },
  ];
  return (
    <>
      <DataTable
        label={t('health.screenings')}
        endpoint="/api/ohs/health/screenings"
        schema={screeningPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="screenedOn"
        defaultOrder="desc"
        filters={{ year, siteId: siteId ?? undefined, abnormal: abnormal ? 'true' : undefined }}
        filterBar={
          <Switch
            label={t('health.onlyAbnormal')}
            checked={abnormal}
            onChange={(e) => setAbnormal(e.currentTarget.checked)}
          />
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('health.record')}
          </Button>
        }
        renderExpanded={(s) => <FollowUps screening={s} />}
        emptyTitle={t('health.noScreenings')}
      />
      {adding && <ScreeningForm onClose={() => setAdding(false)} />}
    </>
  );
}

function Wellbeing({ year }: { year: number }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const local = useLocalName();
  const fmt = useFormat();
  const can = useCan();
  const { options: siteOptions } = useSites();
  const manage = can('ohs.manage');
  const [adding, setAdding] = useState(false);
  const [joining, setJoining] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: [ohsKeys.wellbeing, 'programs'],
    queryFn: () => api.get('/api/ohs/wellbeing/programs', z.object({ items: z.array(wellbeingProgramView) })),
  });
  const summary = useQuery({
    queryKey: [ohsKeys.wellbeing, 'summary', year],
    queryFn: () => api.get('/api/ohs/wellbeing/summary', wellbeingSummary, { year }),
  });
  type PV = {
    siteId: string;
    kind: string;
    name: string;
    nameZh: string;
    startedOn: string | null;
    endedOn: string | null;
  };
  const pPayload = (v: PV) => ({
    siteId: v.siteId || null,
    kind: v.kind as (typeof wellbeingKinds)[number],
    name: v.name.trim(),
    nameZh: blankToNull(v.nameZh),
    startedOn: v.startedOn ?? '',
    endedOn: v.endedOn || null,
  });
  const pForm = useForm<PV>({
    mode: 'controlled',
    initialValues: { siteId: '', kind: 'clinic', name: '', nameZh: '', startedOn: todayIso(), endedOn: null },
    validate: contractValidator(wellbeingProgramInput, pPayload),
  });
  const addProgram = useOhsMutation(
    (v: PV) => api.post('/api/ohs/wellbeing/programs', pPayload(v), wellbeingProgramView),
    { invalidate: [ohsKeys.wellbeing], success: t('common.saved'), onSuccess: () => setAdding(false) },
  );
  type JV = { participatedOn: string | null; count: number | string };
  const jPayload = (v: JV) => ({ participatedOn: v.participatedOn ?? '', count: Number(v.count || 1) });
  const jForm = useForm<JV>({
    mode: 'controlled',
    initialValues: { participatedOn: todayIso(), count: 1 },
    validate: contractValidator(participationInput, jPayload),
  });
  const join = useOhsMutation(
    (v: JV) => api.post(`/api/ohs/wellbeing/programs/${joining}/participation`, jPayload(v)),
    {
      invalidate: [ohsKeys.wellbeing],
      success: t('wellbeing.participationRecorded'),
      onSuccess: () => setJoining(null),
    },
  );

  return (
    <Stack gap="md">
      <QueryProblem query={summary} />
      {summary.data && (
        <Paper withBorder radius="md" p="md">
          <Title order={5} mb="sm">
            {t('wellbeing.thisYear')} · {year}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
            {summary.data.kinds.map((k) => (
              <Stack key={k.kind} gap={0}>
                <Text size="xs" c="dimmed">
                  {label('wellbeingKinds', k.kind)}
                </Text>
                <Text fw={700}>{fmt.number(k.participations)}</Text>
                <Text size="xs" c="dimmed">
                  {k.programs} {t('wellbeing.programs')}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      <Group justify="space-between">
        <Title order={5}>{t('wellbeing.programs')}</Title>
        {manage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('wellbeing.add')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" aria-label={t('wellbeing.programs')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('wellbeing.name')}</Table.Th>
                <Table.Th>{t('wellbeing.kind')}</Table.Th>
                <Table.Th>{t('common.site')}</Table.Th>
                <Table.Th>{t('wellbeing.startedOn')}</Table.Th>
                <Table.Th ta="right">{t('wellbeing.participations')}</Table.Th>
                <Table.Th ta="right">{t('wellbeing.people')}</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(programs.data?.items ?? []).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{local(p)}</Table.Td>
                  <Table.Td>{label('wellbeingKinds', p.kind)}</Table.Td>
                  <Table.Td>{p.siteCode ?? t('wellbeing.groupWide')}</Table.Td>
                  <Table.Td>
                    {p.startedOn}
                    {p.endedOn ? ` → ${p.endedOn}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(p.participations)}</Table.Td>
                  <Table.Td ta="right">{p.people === '<5' ? '<5' : fmt.number(p.people)}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button size="compact-xs" variant="light" onClick={() => setJoining(p.id)}>
                        {t('wellbeing.recordParticipation')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {programs.data && programs.data.items.length === 0 && (
          <Text c="dimmed" size="sm" p="lg">
            {t('wellbeing.empty')}
          </Text>
        )}
      </Paper>
      <QueryProblem query={programs} />
      {adding && (
        <FormModal
          opened
          onClose={() => setAdding(false)}
          title={t('wellbeing.add')}
          onSubmit={pForm.onSubmit((v) =>
            addProgram.mutate(v, { onError: (e) => applyServerErrors(pForm, e) }),
          )}
          busy={addProgram.isPending}
          error={addProgram.error}
        >
          <SimpleGrid cols={2}>
            <Select
              label={t('wellbeing.kind')}
              data={wellbeingKinds.map((k) => ({ value: k, label: label('wellbeingKinds', k) }))}
              allowDeselect={false}
              openOnFocus={false}
              data-autofocus
              {...pForm.getInputProps('kind')}
            />
            <Select
              label={t('common.site')}
              placeholder={t('wellbeing.groupWide')}
              data={siteOptions}
              clearable
              searchable
              {...pForm.getInputProps('siteId')}
              value={pForm.getValues().siteId || null}
              onChange={(x) => pForm.setFieldValue('siteId', x ?? '')}
            />
          </SimpleGrid>
          <TextInput label={t('wellbeing.name')} required {...pForm.getInputProps('name')} />
          <TextInput label={t('wellbeing.nameZh')} {...pForm.getInputProps('nameZh')} />
          <SimpleGrid cols={2}>
            <DateInput
              label={t('wellbeing.startedOn')}
              valueFormat="YYYY-MM-DD"
              required
              {...pForm.getInputProps('startedOn')}
            />
            <DateInput
              label={t('wellbeing.endedOn')}
              valueFormat="YYYY-MM-DD"
              clearable
              {...pForm.getInputProps('endedOn')}
            />
          </SimpleGrid>
        </FormModal>
      )}
      {joining && (
        <FormModal
          opened
          onClose={() => setJoining(null)}
          title={t('wellbeing.recordParticipation')}
          onSubmit={jForm.onSubmit((v) => join.mutate(v, { onError: (e) => applyServerErrors(jForm, e) }))}
          busy={join.isPending}
          error={join.error}
          size="sm"
        >
          <DateInput
            label={t('wellbeing.participatedOn')}
            valueFormat="YYYY-MM-DD"
            required
            data-autofocus
            {...jForm.getInputProps('participatedOn')}
          />
          <NumberInput
            label={t('wellbeing.count')}
            min={1}
            max={1000}
            allowDecimal={false}
            {...jForm.getInputProps('count')}
          />
        </FormModal>
      )}
    </Stack>
  );
}

/** Health: counts for everyone (under five shown as "<5"), individual screenings for medical staff only, and wellbeing. */
export function HealthPage() {
  const t = useOhsT();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { tab?: string };
  const { options: siteOptions } = useSites();
  const medical = can('health.individual');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [siteId, setSiteId] = useState<string | null>(null);
  const tab = search.tab ?? 'summary';
  return (
    <>
      <PageHeader
        title={t('health.title')}
        crumbs={[
          { label: t('nav.section'), to: can('ohs.read') ? '/ohs' : undefined },
          { label: t('health.title') },
        ]}
        description={t('health.description')}
      />
      <Alert color="blue" icon={<IconLock size={16} />} mb="md">
        {t('health.privacyNote')}
      </Alert>
      <Group gap="sm" mb="md">
        <Select
          aria-label={t('common.year')}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          allowDeselect={false}
          w={110}
        />
        {siteOptions.length > 1 && (
          <Select
            aria-label={t('common.site')}
            placeholder={t('common.allSites')}
            data={siteOptions}
            value={siteId}
            onChange={setSiteId}
            searchable
            clearable
            w={220}
          />
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => void navigate({ to: '/ohs/health', search: { tab: v ?? undefined }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="summary" leftSection={<IconHeartbeat size={16} />}>
            {t('health.summary')}
          </Tabs.Tab>
          {medical && (
            <Tabs.Tab value="screenings" leftSection={<IconStethoscope size={16} />}>
              {t('health.screenings')}
            </Tabs.Tab>
          )}
          {can('ohs.read') && (
            <Tabs.Tab value="wellbeing" leftSection={<IconUsersGroup size={16} />}>
              {t('health.wellbeing')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="summary">
          <Summary year={year} siteId={siteId} />
        </Tabs.Panel>
        {medical && (
          <Tabs.Panel value="screenings">
            <Screenings year={year} siteId={siteId} />
          </Tabs.Panel>
        )}
        {can('ohs.read') && (
          <Tabs.Panel value="wellbeing">
            <Wellbeing year={year} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

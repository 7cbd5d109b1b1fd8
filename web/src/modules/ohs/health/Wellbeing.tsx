import {
  Button,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import {
  participationInput,
  wellbeingKinds,
  wellbeingProgramInput,
  wellbeingProgramView,
  wellbeingSummary,
} from '#shared/modules/ohs/wellbeing/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { useFormat, useLocalName } from '../../../platform/ui/labels.ts';
import { QueryProblem } from '../../../platform/ui/QueryCard.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { ohsKeys } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

export function Wellbeing({ year }: { year: number }) {
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
    initialValues: { siteId: '', kind: 'clinic', name: '', nameZh: '', startedOn: localDay(), endedOn: null },
    validate: contractValidator(wellbeingProgramInput, pPayload),
  });
  const addProgram = useWrite(
    (v: PV) => api.post('/api/ohs/wellbeing/programs', pPayload(v), wellbeingProgramView),
    { invalidate: [ohsKeys.wellbeing], success: t('common.saved'), onSuccess: () => setAdding(false) },
  );
  type JV = { participatedOn: string | null; count: number | string };
  const jPayload = (v: JV) => ({ participatedOn: v.participatedOn ?? '', count: Number(v.count || 1) });
  const jForm = useForm<JV>({
    mode: 'controlled',
    initialValues: { participatedOn: localDay(), count: 1 },
    validate: contractValidator(participationInput, jPayload),
  });
  const join = useWrite(
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

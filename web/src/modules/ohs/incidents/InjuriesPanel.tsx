import {
  ActionIcon,
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
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { type IncidentView, incidentView } from '#shared/modules/ohs/incidents/contract.ts';
import {
  bodyParts,
  type InjuryView,
  injuryInput,
  injuryPatch,
  injuryTypes,
} from '#shared/modules/ohs/injuries/contract.ts';
import {
  classifications,
  defaultRecovery,
  type RecoveryOutcome,
  recoveryFits,
  recoveryOutcomes,
} from '#shared/modules/ohs/rules/injury.ts';
import { type ApiError, api } from '../../../platform/api/client.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import {
  applyServerErrors,
  blankToNull,
  changedFields,
  contractValidator,
} from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ohsKeys, usePeopleSearch } from '../api.ts';
import { useOhsLabel, useOhsT, useZh } from '../i18n/index.ts';

const chargedDaysSchema = z.object({
  items: z.array(z.object({ key: z.string(), en: z.string(), zh: z.string(), days: z.number().int() })),
});

type V = {
  personType: 'employee' | 'contractor_worker';
  personId: string;
  injuryType: string;
  bodyPart: string;
  treatment: string;
  classification: string;
  returnDate: string | null;
  chargedDaysKey: string;
  chargedDays: number | string;
  restrictedDays: number | string;
  hospitalised: boolean;
  recovery: string;
};

/** Only a recordable injury other than a fatality has a recovery outcome to choose (GRI 403-9). */
const hasRecovery = (classification: string) =>
  classification !== '' && classification !== 'fatality' && classification !== 'first_aid';

const toNumber = (v: number | string) => (v === '' ? null : Number(v));

function payload(v: V, mode: 'create' | 'edit') {
  const ppd = v.classification === 'permanent_partial_disability';
  const fields = {
    injuryType: v.injuryType as (typeof injuryTypes)[number],
    bodyPart: v.bodyPart as (typeof bodyParts)[number],
    treatment: blankToNull(v.treatment),
    classification: v.classification as (typeof classifications)[number],
    returnDate: v.returnDate || null,
    chargedDays: ppd ? toNumber(v.chargedDays) : null,
    chargedDaysKey: ppd && v.chargedDaysKey ? v.chargedDaysKey : null,
    restrictedDays: Number(v.restrictedDays || 0),
    hospitalised: v.hospitalised,
    recovery: hasRecovery(v.classification) && v.recovery ? (v.recovery as RecoveryOutcome) : undefined,
  };
  return mode === 'create' ? { personType: v.personType, personId: v.personId, ...fields } : fields;
}

function InjuryForm({
  incident,
  injury,
  onClose,
}: {
  incident: IncidentView;
  injury: InjuryView | null;
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const zh = useZh();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(injury?.version ?? 0);
  const [personSearch, setPersonSearch] = useState('');
  const [q] = useDebouncedValue(personSearch.trim(), 250);
  const mode = injury ? 'edit' : 'create';
  const chargedTable = useQuery({
    queryKey: ['/api/ohs/charged-days'],
    queryFn: () => api.get('/api/ohs/charged-days', chargedDaysSchema),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const initial = (i: InjuryView | null): V => ({
    personType: i?.personType ?? 'employee',
    personId: i?.personId ?? '',
    injuryType: i?.injuryType ?? '',
    bodyPart: i?.bodyPart ?? '',
    treatment: i?.treatment ?? '',
    classification: i?.classification ?? '',
    returnDate: i?.returnDate ?? null,
    chargedDaysKey: i?.chargedDaysKey ?? '',
    chargedDays: i?.chargedDays ?? '',
    restrictedDays: i?.restrictedDays ?? 0,
    hospitalised: i?.hospitalised ?? false,
    recovery: i?.recovery ?? 'expected_full_recovery',
  });
  const [base, setBase] = useState<V>(initial(injury));
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: base,
    validate: (values) =>
      mode === 'create'
        ? contractValidator(injuryInput, (x: V) => payload(x, 'create'))(values)
        : contractValidator(injuryPatch, (x: V) => ({ ...payload(x, 'edit'), version }))(values),
  });
  const v = form.getValues();
  const people = usePeopleSearch(v.personType, incident.siteId, q);

  const save = useWrite(
    async (values: V) => {
      if (!injury)
        return api.post(
          `/api/ohs/incidents/${incident.id}/injuries`,
          payload(values, 'create'),
          incidentView,
        );
      const body = { ...changedFields(payload(base, 'edit'), payload(values, 'edit')), version };
      return api.patch(`/api/ohs/injuries/${injury.id}`, body, incidentView);
    },
    {
      invalidate: [ohsKeys.incidents, ohsKeys.statistics],
      success: t('common.saved'),
      onSuccess: (saved) => {
        queryClient.setQueryData([ohsKeys.incidents, saved.id], saved);
        onClose();
      },
    },
  );

  async function reload() {
    const fresh = await api.get(`/api/ohs/incidents/${incident.id}`, incidentView);
    queryClient.setQueryData([ohsKeys.incidents, fresh.id], fresh);
    const current = fresh.injuries.find((i) => i.id === injury?.id) ?? null;
    if (current) {
      setVersion(current.version);
      setBase(initial(current));
      form.setValues(initial(current));
    }
    save.reset();
  }

  const recoveryOptions = hasRecovery(v.classification)
    ? recoveryOutcomes
        .filter((k) => recoveryFits(v.classification as (typeof classifications)[number], k))
        .map((k) => ({ value: k, label: label('recoveryOutcomes', k) }))
    : [];
  const ppd = v.classification === 'permanent_partial_disability';
  const severe = v.classification === 'fatality' || v.classification === 'permanent_total_disability';
  const tableOptions = (chargedTable.data?.items ?? []).map((r) => ({
    value: r.key,
    label: `${zh ? r.zh : r.en} · ${r.days.toLocaleString()}`,
  }));
  const selectedPerson = injury
    ? [
        {
          value: injury.personId,
          label: `${injury.personName ?? '—'}${injury.personNo ? ` · ${injury.personNo}` : ''}`,
        },
      ]
    : [];

  return (
    <FormModal
      opened
      onClose={onClose}
      title={injury ? t('injury.edit') : t('injury.add')}
      onSubmit={form.onSubmit((values) =>
        save.mutate(values, { onError: (error) => applyServerErrors(form, error) }),
      )}
      busy={save.isPending}
      error={save.error}
      onReload={() => void reload()}
      size="xl"
    >
      {mode === 'create' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('injury.personType')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'employee', label: t('injury.employee') },
                { value: 'contractor_worker', label: t('injury.contractor_worker') },
              ]}
              value={v.personType}
              onChange={(value) => {
                form.setFieldValue('personType', value as V['personType']);
                form.setFieldValue('personId', '');
              }}
            />
          </Stack>
          <Select
            label={t('injury.person')}
            placeholder={t('injury.personPlaceholder')}
            data={people.data ?? []}
            searchable
            searchValue={personSearch}
            onSearchChange={setPersonSearch}
            filter={({ options }) => options}
            nothingFoundMessage={people.isFetching ? t('common.loading') : '—'}
            required
            openOnFocus={false}
            data-autofocus
            {...form.getInputProps('personId')}
            onChange={(value) => form.setFieldValue('personId', value ?? '')}
          />
        </SimpleGrid>
      ) : (
        <Select label={t('injury.person')} data={selectedPerson} value={injury?.personId ?? null} disabled />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('injury.injuryType')}
          data={injuryTypes.map((k) => ({ value: k, label: label('injuryTypes', k) }))}
          searchable
          required
          {...form.getInputProps('injuryType')}
        />
        <Select
          label={t('injury.bodyPart')}
          data={bodyParts.map((k) => ({ value: k, label: label('bodyParts', k) }))}
          searchable
          required
          {...form.getInputProps('bodyPart')}
        />
      </SimpleGrid>
      <Select
        label={t('injury.classification')}
        data={classifications.map((k) => ({ value: k, label: label('classifications', k) }))}
        required
        {...form.getInputProps('classification')}
        onChange={(value) => {
          const next = (value ?? '') as (typeof classifications)[number] | '';
          form.setFieldValue('classification', next);
          // A permanent disability is never a full recovery: move the outcome to one that fits.
          if (next && !recoveryFits(next, v.recovery as RecoveryOutcome))
            form.setFieldValue('recovery', defaultRecovery(next));
        }}
      />
      {recoveryOptions.length > 0 && (
        <Select
          label={t('injury.recovery')}
          description={t('injury.recoveryHint')}
          data={recoveryOptions}
          required
          allowDeselect={false}
          {...form.getInputProps('recovery')}
        />
      )}
      {severe && (
        <Text size="sm" c="red">
          {t('injury.deathDays')}
        </Text>
      )}
      {ppd && (
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" mb={6}>
            {t('injury.chargedDaysHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('injury.chargedDaysFromTable')}
              data={tableOptions}
              searchable
              clearable
              value={v.chargedDaysKey || null}
              onChange={(key) => {
                form.setFieldValue('chargedDaysKey', key ?? '');
                const row = chargedTable.data?.items.find((r) => r.key === key);
                if (row) form.setFieldValue('chargedDays', row.days);
              }}
              error={form.errors.chargedDaysKey}
            />
            <NumberInput
              label={t('injury.chargedDaysCustom')}
              min={0}
              max={6000}
              allowDecimal={false}
              {...form.getInputProps('chargedDays')}
              onChange={(value) => {
                form.setFieldValue('chargedDays', value);
                const row = chargedTable.data?.items.find((r) => r.key === v.chargedDaysKey);
                if (row && row.days !== Number(value)) form.setFieldValue('chargedDaysKey', '');
              }}
            />
          </SimpleGrid>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput
          label={t('injury.returnDate')}
          description={t('injury.returnDateHint')}
          valueFormat="YYYY-MM-DD"
          clearable
          minDate={incident.occurredOn}
          {...form.getInputProps('returnDate')}
        />
        <NumberInput
          label={t('injury.restrictedDays')}
          min={0}
          max={3650}
          allowDecimal={false}
          {...form.getInputProps('restrictedDays')}
        />
      </SimpleGrid>
      <Textarea label={t('injury.treatment')} autosize minRows={2} {...form.getInputProps('treatment')} />
      <Switch
        label={t('injury.hospitalised')}
        {...form.getInputProps('hospitalised', { type: 'checkbox' })}
      />
    </FormModal>
  );
}

/** The people injured in an incident, with their classification and the days charged. */
export function InjuriesPanel({ incident, manage }: { incident: IncidentView; manage: boolean }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<InjuryView | 'new' | null>(null);

  function remove(injury: InjuryView) {
    modals.openConfirmModal({
      title: t('common.remove'),
      children: <Text size="sm">{t('injury.removeConfirm')}</Text>,
      labels: { confirm: t('common.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/api/ohs/injuries/${injury.id}`);
          void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] });
        } catch (error) {
          modals.open({
            title: t('common.changedTitle'),
            children: <Text size="sm">{(error as ApiError).message}</Text>,
          });
        }
      },
    });
  }

  return (
    <Stack gap="sm">
      {manage && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('injury.add')}
          </Button>
        </Group>
      )}
      <Paper withBorder radius="md">
        {incident.injuries.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg">
            {t('injury.none')}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" striped aria-label={t('incident.injuries')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('injury.personType')}</Table.Th>
                  <Table.Th>{t('injury.injuryType')}</Table.Th>
                  <Table.Th>{t('injury.classification')}</Table.Th>
                  <Table.Th>{t('injury.returnDate')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('injury.daysLost')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('injury.restrictedShort')}</Table.Th>
                  <Table.Th>{t('injury.hospitalised')}</Table.Th>
                  {manage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {incident.injuries.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {i.personName ?? '—'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {label('injury', i.personType)}
                        {i.personNo ? ` · ${i.personNo}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{label('injuryTypes', i.injuryType)}</Text>
                      <Text size="xs" c="dimmed">
                        {label('bodyParts', i.bodyPart)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{label('classifications', i.classification)}</Text>
                      <Group gap={4}>
                        <Badge size="xs" variant="light" color={i.disabling ? 'red' : 'gray'}>
                          {i.disabling ? t('injury.disabling') : t('injury.notDisabling')}
                        </Badge>
                        {i.highConsequence && (
                          <Badge size="xs" variant="filled" color="red">
                            {t('injury.highConsequence')}
                          </Badge>
                        )}
                      </Group>
                      {hasRecovery(i.classification) && (
                        <Text size="xs" c="dimmed">
                          {label('recoveryOutcomes', i.recovery)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {i.returnDate ?? (
                        <Text size="xs" c="dimmed">
                          {t('injury.stillOff')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                      <Text size="sm" fw={600}>
                        {fmt.number(i.daysLost)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{fmt.number(i.restrictedDays)}</Table.Td>
                    <Table.Td>{i.hospitalised ? t('common.yes') : t('common.no')}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('injury.edit')}>
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setEditing(i)}
                              aria-label={t('injury.edit')}
                            >
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('common.remove')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => remove(i)}
                              aria-label={t('common.remove')}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Paper>
      {editing && (
        <InjuryForm
          incident={incident}
          injury={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

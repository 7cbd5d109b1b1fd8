import {
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useCallback } from 'react';
import { screeningInput, screeningView, specialHazards } from '#shared/modules/ohs/health/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { useServerSearch } from '../../../platform/ui/server-search.ts';
import { localDay } from '../../../platform/ui/time.ts';
import { ohsKeys, usePeopleSearch } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

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

export function ScreeningForm({ onClose }: { onClose: () => void }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const { options: siteOptions } = useSites();
  const canContractors = useCan()('contractors.read');
  const { q, selectProps } = useServerSearch();
  const form = useForm<SV>({
    mode: 'controlled',
    initialValues: {
      siteId: siteOptions.length === 1 ? siteOptions[0].value : '',
      personType: 'employee',
      personId: '',
      kind: 'general',
      specialHazard: '',
      screenedOn: localDay(),
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
  const save = useWrite(
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
        {...selectProps}
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
          minDate={localDay()}
          {...form.getInputProps('followUpBy')}
        />
      )}
    </FormModal>
  );
}

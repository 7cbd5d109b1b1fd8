import { SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  calendarDayInput,
  type calendarDayKinds,
  calendarDayView,
} from '#shared/platform/workdays/contract.ts';
import { api } from '../api/client.ts';
import { useSites } from '../people/sites.ts';
import { useWrite } from '../services/mutation.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../ui/forms.ts';

type V = {
  scope: 'country' | 'site';
  country: string;
  siteId: string;
  day: string;
  kind: string;
  name: string;
  source: string;
};

const toPayload = (v: V) => ({
  day: v.day.trim(),
  ...(v.scope === 'country' ? { country: v.country.trim().toUpperCase() } : { siteId: v.siteId }),
  kind: v.kind,
  name: v.name.trim(),
  source: blankToNull(v.source),
});

/** Adds a day to a country's calendar or to one site's. */
export function CalendarDayForm(props: {
  countries: string[];
  kinds: typeof calendarDayKinds;
  invalidate: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { options: siteOptions } = useSites();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: {
      scope: 'country',
      country: props.countries[0] ?? '',
      siteId: '',
      day: '',
      kind: 'public_holiday',
      name: '',
      source: '',
    },
    validate: contractValidator(calendarDayInput, toPayload),
  });
  const save = useWrite((v: V) => api.post('/api/org/calendar-days', toPayload(v), calendarDayView), {
    invalidate: props.invalidate,
    success: t('calendars.added'),
    onSuccess: props.onClose,
    onError: (error) => applyServerErrors(form, error),
  });
  const v = form.getValues();
  const kinds = v.scope === 'country' ? props.kinds.filter((k) => k !== 'closure') : props.kinds;
  return (
    <FormModal
      opened
      onClose={props.onClose}
      title={t('calendars.add')}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      busy={save.isPending}
      error={save.error}
    >
      <SegmentedControl
        aria-label={t('calendars.scope')}
        data={[
          { value: 'country', label: t('calendars.scopeCountry') },
          { value: 'site', label: t('calendars.scopeSite') },
        ]}
        {...form.getInputProps('scope')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {v.scope === 'country' ? (
          <TextInput
            label={t('calendars.country')}
            description={t('calendars.countryHint')}
            required
            maxLength={2}
            {...form.getInputProps('country')}
          />
        ) : (
          <Select
            label={t('calendars.site')}
            data={siteOptions}
            searchable
            required
            {...form.getInputProps('siteId')}
          />
        )}
        <TextInput label={t('calendars.day')} type="date" required {...form.getInputProps('day')} />
        <Select
          label={t('calendars.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`calendars.kinds.${k}`) }))}
          required
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={t('calendars.name')}
          description={t('calendars.nameHint')}
          required
          {...form.getInputProps('name')}
        />
      </SimpleGrid>
      <TextInput
        label={t('calendars.source')}
        description={t('calendars.sourceHint')}
        {...form.getInputProps('source')}
      />
    </FormModal>
  );
}

import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  type CommitteeView,
  type MeetingView,
  meetingInput,
  meetingPatch,
  meetingView,
} from '#shared/platform/meetings/contract.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../services/mutation.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { applyServerErrors, blankToNull, contractValidator } from '../ui/forms.ts';
import { meetingKeys } from './parts.tsx';
import { useMeetingsT } from './texts.ts';
import { meetingTimeZones, utcToZoned, zonedToUtc } from './time.ts';

type MeetingValues = {
  title: string;
  date: string | null;
  time: string;
  durationMinutes: number | string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  agenda: string;
};

/** Schedule a meeting of a committee (with a first agenda), or change its time and place (`meeting`). */
export function MeetingFormModal({
  committee,
  meeting,
  defaultTimeZone,
  onClose,
  onSaved,
}: {
  committee: Pick<CommitteeView, 'id' | 'name'>;
  meeting?: MeetingView;
  defaultTimeZone: string;
  onClose: () => void;
  onSaved?: (m: MeetingView) => void;
}) {
  const t = useMeetingsT();
  const start = meeting ? utcToZoned(meeting.scheduledAt, meeting.timeZone) : null;
  const toPayload = (v: MeetingValues) => ({
    title: v.title.trim(),
    scheduledAt:
      v.date && /^\d{1,2}:\d{2}$/.test(v.time) ? zonedToUtc(v.date, v.time, v.timeZone).toISOString() : '',
    durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
    timeZone: v.timeZone,
    location: blankToNull(v.location),
    onlineUrl: blankToNull(v.onlineUrl),
    ...(meeting
      ? {}
      : {
          committeeId: committee.id,
          agenda: v.agenda
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line.length >= 2)
            .map((title) => ({ title })),
        }),
  });
  const form = useForm<MeetingValues>({
    initialValues: {
      title: meeting?.title ?? '',
      date: start?.date ?? null,
      time: start?.time ?? '14:00',
      durationMinutes: meeting?.durationMinutes ?? 90,
      timeZone: meeting?.timeZone ?? defaultTimeZone,
      location: meeting?.location ?? '',
      onlineUrl: meeting?.onlineUrl ?? '',
      agenda: '',
    },
    validate: (values) => {
      const errors = meeting
        ? contractValidator(meetingPatch, (x: MeetingValues) => ({
            ...toPayload(x),
            version: meeting.version,
          }))(values)
        : contractValidator(meetingInput, toPayload)(values);
      if (!values.date) errors.date = errors.scheduledAt ?? '';
      if (errors.scheduledAt) {
        errors.date = errors.date || errors.scheduledAt;
        delete errors.scheduledAt;
      }
      if (!values.location.trim() && !values.onlineUrl.trim()) errors.location = t('meetingForm.placeHint');
      return Object.fromEntries(Object.entries(errors).filter(([, m]) => m));
    },
  });
  const save = useWrite(
    (v: MeetingValues) =>
      meeting
        ? api.patch(`/api/meetings/${meeting.id}`, { ...toPayload(v), version: meeting.version }, meetingView)
        : api.post('/api/meetings', toPayload(v), meetingView),
    {
      invalidate: meetingKeys,
      success: meeting ? t('meetingForm.changed') : t('meetingForm.saved'),
      onSuccess: (m) => {
        onSaved?.(m);
        onClose();
      },
    },
  );
  const zones = meetingTimeZones();
  return (
    <FormModal
      opened
      onClose={onClose}
      title={meeting ? t('meetingForm.edit') : `${t('committee.schedule')} · ${committee.name}`}
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, {
          onError: (error) => {
            if (!applyServerErrors(form, error)) return;
            const fields = form.errors;
            if (fields.scheduledAt) form.setFieldError('date', fields.scheduledAt);
          },
        }),
      )}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput label={t('meetingForm.title')} required data-autofocus {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label={t('meetingForm.date')}
          valueFormat="YYYY-MM-DD"
          required
          {...form.getInputProps('date')}
        />
        <TimeInput label={t('meetingForm.time')} required {...form.getInputProps('time')} />
        <NumberInput
          label={t('meetingForm.duration')}
          min={1}
          max={1440}
          allowDecimal={false}
          {...form.getInputProps('durationMinutes')}
        />
      </SimpleGrid>
      <Select
        label={t('meetingForm.timeZone')}
        data={zones}
        searchable
        allowDeselect={false}
        {...form.getInputProps('timeZone')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('meetingForm.location')}
          description={t('meetingForm.placeHint')}
          {...form.getInputProps('location')}
        />
        <TextInput
          label={t('meetingForm.onlineUrl')}
          description=" "
          type="url"
          {...form.getInputProps('onlineUrl')}
        />
      </SimpleGrid>
      {!meeting && (
        <Textarea
          label={t('meetingForm.agenda')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('agenda')}
        />
      )}
    </FormModal>
  );
}

import { Anchor, Button, Group, NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type AlarmView, alarmView, nearMissView } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { isoToLocalInput, localInputToIso, smartKeys } from '../api.ts';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';
import { AlarmNotified } from './AlarmNotified.tsx';

const acknowledgeable = new Set(['unacknowledged', 'rtn_unacknowledged', 'shelved']);

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [smartKeys.alarms] });
    void queryClient.invalidateQueries({ queryKey: [smartKeys.sensors] });
  };
}

function ShelveForm({ alarm, onClose }: { alarm: AlarmView; onClose: () => void }) {
  const t = useSmartT();
  const refresh = useRefresh();
  const [until, setUntil] = useState(isoToLocalInput(new Date(Date.now() + 8 * 3_600_000)));
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/smart/alarms/${alarm.id}/shelve`,
        { until: localInputToIso(until), reason: reason.trim(), version: alarm.version },
        alarmView,
      ),
    onSuccess: () => {
      refresh();
      notifications.show({ message: t('alarms.shelved'), color: 'teal' });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('alarms.shelveTitle')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <Text size="sm">{alarm.title}</Text>
      <TextInput
        type="datetime-local"
        label={t('alarms.shelveUntil')}
        value={until}
        onChange={(e) => setUntil(e.currentTarget.value)}
        required
      />
      <TextInput
        label={t('alarms.shelveReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        data-autofocus
      />
    </FormModal>
  );
}

function NearMissForm({ alarm, onClose }: { alarm: AlarmView; onClose: () => void }) {
  const t = useSmartT();
  const label = useSmartLabel();
  const fmt = useFormat();
  const refresh = useRefresh();
  const facts = {
    tag: alarm.sensorTag,
    name: alarm.sensorName,
    condition: label('conditions', alarm.condition),
    value: fmt.number(alarm.raisedValue),
    unit: alarm.unit,
    limit: alarm.limitValue === null ? '—' : fmt.number(alarm.limitValue),
    at: fmt.dateTime(alarm.raisedAt),
  };
  // The report is typed by the person who makes it: the texts below are a starting point in their language.
  const [title, setTitle] = useState(t('alarms.nearMissDefaultTitle', facts));
  const [description, setDescription] = useState(t('alarms.nearMissDefaultDescription', facts));
  const [minutesBefore, setMinutesBefore] = useState<number | string>(30);
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/smart/alarms/${alarm.id}/near-miss`,
        {
          title: title.trim(),
          description: description.trim(),
          minutesBefore: Number(minutesBefore) || 0,
          version: alarm.version,
        },
        nearMissView,
      ),
    onSuccess: () => {
      refresh();
      notifications.show({ message: t('alarms.reported'), color: 'teal' });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('alarms.nearMissTitle')}
      submitLabel={t('alarms.nearMiss')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {t('alarms.nearMissHint')}
      </Text>
      <TextInput
        label={t('alarms.nearMissName')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
      />
      <Textarea
        label={t('alarms.nearMissDescription')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={3}
        required
      />
      <NumberInput
        label={t('alarms.minutesBefore')}
        value={minutesBefore}
        onChange={setMinutesBefore}
        min={0}
        max={1440}
        decimalScale={0}
      />
    </FormModal>
  );
}

/** What can be done with an alarm: acknowledge it, shelve it, report a near miss from it (or open that report). */
export function AlarmActions({ alarm, canManage }: { alarm: AlarmView; canManage: boolean }) {
  const t = useSmartT();
  const refresh = useRefresh();
  const [form, setForm] = useState<'shelve' | 'nearMiss' | null>(null);
  const ack = useMutation({
    mutationFn: () =>
      api.post(`/api/smart/alarms/${alarm.id}/acknowledge`, { version: alarm.version }, alarmView),
    onSuccess: () => {
      refresh();
      notifications.show({ message: t('alarms.acknowledged'), color: 'teal' });
    },
    onError: (error) => notifications.show({ message: error.message, color: 'red' }),
  });
  return (
    <Group gap={6} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      {canManage && acknowledgeable.has(alarm.state) && (
        <Button size="compact-sm" onClick={() => ack.mutate()} loading={ack.isPending}>
          {t('alarms.acknowledge')}
        </Button>
      )}
      {canManage && !alarm.closedAt && alarm.state !== 'shelved' && (
        <Button size="compact-sm" variant="default" onClick={() => setForm('shelve')}>
          {t('alarms.shelve')}
        </Button>
      )}
      {alarm.incidentId ? (
        <Anchor component={Link} to={`/ohs/incidents/${alarm.incidentId}`} size="sm">
          {t('alarms.openIncident')}
        </Anchor>
      ) : (
        canManage && (
          <Button size="compact-sm" variant="light" color="orange" onClick={() => setForm('nearMiss')}>
            {t('alarms.nearMiss')}
          </Button>
        )
      )}
      <AlarmNotified alarm={alarm} />
      {form === 'shelve' && <ShelveForm alarm={alarm} onClose={() => setForm(null)} />}
      {form === 'nearMiss' && <NearMissForm alarm={alarm} onClose={() => setForm(null)} />}
    </Group>
  );
}

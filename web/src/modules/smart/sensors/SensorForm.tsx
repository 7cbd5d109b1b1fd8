import { NumberInput, Select, SimpleGrid, Switch, TextInput, Title } from '@mantine/core';
import {
  type SensorView,
  sensorInput,
  sensorKinds,
  sensorPatch,
  sensorView,
} from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { smartKeys, useAreas } from '../api.ts';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';

type V = {
  siteId: string;
  areaId: string;
  tag: string;
  name: string;
  kind: string;
  unit: string;
  equipment: string;
  gateway: string;
  inService: boolean;
  limitHH: number | string;
  limitH: number | string;
  limitL: number | string;
  limitLL: number | string;
  deadband: number | string;
  onDelaySeconds: number | string;
  offDelaySeconds: number | string;
  ratePerMinute: number | string;
  stuckAfterMinutes: number | string;
};

const blank: V = {
  siteId: '',
  areaId: '',
  tag: '',
  name: '',
  kind: 'toxic_gas',
  unit: '',
  equipment: '',
  gateway: '',
  inService: true,
  limitHH: '',
  limitH: '',
  limitL: '',
  limitLL: '',
  deadband: 0,
  onDelaySeconds: 0,
  offDelaySeconds: 0,
  ratePerMinute: '',
  stuckAfterMinutes: '',
};
const num = (v: number | string) => (v === '' || v === null ? null : Number(v));
const orBlank = (v: number | null) => (v === null ? '' : v);

/** Registers a sensor or edits one: its place, what it measures and the limits its readings are judged against. */
export function SensorForm({ record, onClose }: { record: SensorView | null; onClose: () => void }) {
  const t = useSmartT();
  const label = useSmartLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (s: SensorView): V => ({
      siteId: s.siteId,
      areaId: s.areaId ?? '',
      tag: s.tag,
      name: s.name,
      kind: s.kind,
      unit: s.unit,
      equipment: s.equipment ?? '',
      gateway: s.gateway ?? '',
      inService: s.inService,
      limitHH: orBlank(s.limitHH),
      limitH: orBlank(s.limitH),
      limitL: orBlank(s.limitL),
      limitLL: orBlank(s.limitLL),
      deadband: s.deadband,
      onDelaySeconds: s.onDelaySeconds,
      offDelaySeconds: s.offDelaySeconds,
      ratePerMinute: orBlank(s.ratePerMinute),
      stuckAfterMinutes: orBlank(s.stuckAfterMinutes),
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: v.siteId } : {}),
      areaId: blankToNull(v.areaId),
      tag: v.tag.trim(),
      name: v.name.trim(),
      kind: v.kind,
      unit: v.unit.trim(),
      equipment: blankToNull(v.equipment),
      gateway: blankToNull(v.gateway),
      inService: v.inService,
      limitHH: num(v.limitHH),
      limitH: num(v.limitH),
      limitL: num(v.limitL),
      limitLL: num(v.limitLL),
      deadband: num(v.deadband) ?? 0,
      onDelaySeconds: num(v.onDelaySeconds) ?? 0,
      offDelaySeconds: num(v.offDelaySeconds) ?? 0,
      ratePerMinute: num(v.ratePerMinute),
      stuckAfterMinutes: num(v.stuckAfterMinutes),
    }),
    createSchema: sensorInput,
    patchSchema: sensorPatch,
    create: (p) => api.post('/api/smart/sensors', p, sensorView),
    update: (id, body) => api.patch(`/api/smart/sensors/${id}`, body, sensorView),
    fetch: (id) => api.get(`/api/smart/sensors/${id}`, sensorView),
    invalidate: [smartKeys.sensors],
    onSaved: onClose,
    savedMessage: t('sensors.saved'),
  });
  const siteId = f.form.getValues().siteId;
  const areas = useAreas(siteId);
  useOnlySiteByDefault(siteOptions, siteId, (id) => f.form.setFieldValue('siteId', id));
  const number = (field: keyof V, text: string, extra: Record<string, unknown> = {}) => (
    <NumberInput label={text} decimalScale={4} {...extra} {...f.form.getInputProps(field)} />
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('sensors.edit') : t('sensors.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          required
          searchable
          {...f.form.getInputProps('siteId')}
        />
      )}
      <Select
        label={t('common.area')}
        data={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
        searchable
        clearable
        {...f.form.getInputProps('areaId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('sensors.tag')} required ff="monospace" {...f.form.getInputProps('tag')} />
        <TextInput label={t('sensors.name')} required data-autofocus {...f.form.getInputProps('name')} />
        <Select
          label={t('sensors.kind')}
          data={sensorKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
          allowDeselect={false}
          {...f.form.getInputProps('kind')}
        />
        <TextInput label={t('sensors.unit')} required {...f.form.getInputProps('unit')} />
        <TextInput label={t('sensors.equipment')} {...f.form.getInputProps('equipment')} />
        <TextInput label={t('sensors.gateway')} {...f.form.getInputProps('gateway')} />
      </SimpleGrid>
      <Switch label={t('sensors.inService')} {...f.form.getInputProps('inService', { type: 'checkbox' })} />
      <Title order={5}>{t('sensors.limits')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {number('limitLL', t('sensors.limitLL'))}
        {number('limitL', t('sensors.limitL'))}
        {number('limitH', t('sensors.limitH'))}
        {number('limitHH', t('sensors.limitHH'))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {number('deadband', t('sensors.deadband'), { min: 0 })}
        {number('onDelaySeconds', t('sensors.onDelay'), { min: 0, decimalScale: 0 })}
        {number('offDelaySeconds', t('sensors.offDelay'), { min: 0, decimalScale: 0 })}
        {number('ratePerMinute', t('sensors.ratePerMinute'), { min: 0 })}
        {number('stuckAfterMinutes', t('sensors.stuckAfter'), { min: 1, decimalScale: 0 })}
      </SimpleGrid>
    </FormModal>
  );
}

import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { matterDetail, matterInput, matterPatch } from '#shared/modules/ip/contract.ts';
import { classSymbol } from '#shared/modules/ip/rules/classes.ts';
import { dateOrderProblems } from '#shared/modules/ip/rules/date-order.ts';
import {
  type EpState,
  entitySizes,
  epStates,
  kinds,
  type Office,
  offices,
  statuses,
  UNITARY_PATENT_START,
  validationProblems,
} from '#shared/modules/ip/rules/offices.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useCountryName } from '../../../platform/ui/labels.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Matter = z.infer<typeof matterDetail>;
type V = {
  office: string;
  kind: string;
  route: string;
  applicationNo: string;
  filingDate: string;
  priorityDate: string;
  publicationNo: string;
  publicationDate: string;
  grantDate: string;
  patentNo: string;
  status: string;
  termAdjustmentDays: number | string;
  entitySize: string;
  claims: number | string;
  termFrom: string;
  ipcClasses: string[];
  cpcClasses: string[];
  validationStates: string[];
  unitaryEffect: boolean;
};

/** Each symbol in its printed form ("h01l23/31" is H01L 23/31); one that is not a class stays as typed. */
const printed = (symbols: string[]) => [...new Set(symbols.map((s) => classSymbol(s) ?? s.trim()))];

/** Records a family's matter in an office, or changes it (publication, grant, status). Dates are typed YYYY-MM-DD. */
export function MatterForm({
  familyId,
  matter,
  onClose,
  onSaved,
}: {
  familyId: string;
  matter: Matter | null;
  onClose: () => void;
  onSaved?: (m: Matter) => void;
}) {
  const t = useIpT();
  const label = useIpLabel();
  const country = useCountryName();
  const f = useRecordForm({
    record: matter,
    blank: {
      office: '',
      kind: 'invention',
      route: 'direct',
      applicationNo: '',
      filingDate: '',
      priorityDate: '',
      publicationNo: '',
      publicationDate: '',
      grantDate: '',
      patentNo: '',
      status: 'filed',
      termAdjustmentDays: 0,
      entitySize: 'large',
      claims: '',
      termFrom: '',
      ipcClasses: [],
      cpcClasses: [],
      validationStates: [],
      unitaryEffect: false,
    } as V,
    toValues: (m): V => ({
      office: m.office,
      kind: m.kind,
      route: m.route,
      applicationNo: m.applicationNo,
      filingDate: m.filingDate,
      priorityDate: m.priorityDate ?? '',
      publicationNo: m.publicationNo ?? '',
      publicationDate: m.publicationDate ?? '',
      grantDate: m.grantDate ?? '',
      patentNo: m.patentNo ?? '',
      status: m.status,
      termAdjustmentDays: m.termAdjustmentDays,
      entitySize: m.entitySize,
      claims: m.claims ?? '',
      termFrom: m.termFrom ?? '',
      ipcClasses: m.ipcClasses,
      cpcClasses: m.cpcClasses,
      validationStates: m.validationStates,
      unitaryEffect: m.unitaryEffect,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        kind: v.kind,
        route: v.route,
        applicationNo: v.applicationNo.trim(),
        filingDate: v.filingDate.trim(),
        priorityDate: blankToNull(v.priorityDate),
        publicationNo: blankToNull(v.publicationNo),
        publicationDate: blankToNull(v.publicationDate),
        grantDate: blankToNull(v.grantDate),
        patentNo: blankToNull(v.patentNo),
        status: v.status,
        termAdjustmentDays: Number(v.termAdjustmentDays) || 0,
        // Entity sizes are the USPTO's: any other office prices without them.
        entitySize: v.office === 'US' ? v.entitySize : 'large',
        // Left empty, the number of claims is not known (and a fee priced by it says so), never 0.
        claims: v.claims === '' ? null : Number(v.claims),
        termFrom: blankToNull(v.termFrom),
        ipcClasses: v.ipcClasses,
        cpcClasses: v.cpcClasses,
        // Where a European patent took effect after grant: no other office's matter has either.
        validationStates: v.office === 'EP' ? v.validationStates : [],
        unitaryEffect: v.office === 'EP' && v.unitaryEffect,
      };
      return mode === 'create' ? { familyId, office: v.office, ...body } : body;
    },
    // The contract names a bad symbol by its position in the list: the field says which one.
    check: (v) => {
      const errors: Record<string, string> = {};
      for (const field of ['ipcClasses', 'cpcClasses'] as const) {
        const bad = v[field].filter((s) => !classSymbol(s));
        if (bad.length) errors[field] = t('matter.badClasses', { symbols: bad.join(', ') });
      }
      // The same order of dates as the server keeps, said next to the field before the form is sent.
      const filing = v.filingDate.trim();
      const problems = dateOrderProblems({
        filingDate: filing,
        priorityDate: v.priorityDate.trim(),
        termFrom: v.termFrom.trim(),
        publicationDate: v.publicationDate.trim(),
        grantDate: v.grantDate.trim(),
      });
      for (const { field, problem } of problems) errors[field] = t(`matter.${problem}`, { filing });
      // Where a European patent took effect: the server's rule, said in the reader's language.
      for (const p of validationProblems({
        office: v.office as Office,
        grantDate: v.grantDate.trim() || null,
        validationStates: v.office === 'EP' ? (v.validationStates as EpState[]) : [],
        unitaryEffect: v.office === 'EP' && v.unitaryEffect,
      }))
        errors[p.field] = t(`matter.validation.${p.problem}`, {
          states: (p.states ?? []).join(', '),
          start: UNITARY_PATENT_START,
        });
      return errors;
    },
    createSchema: matterInput,
    patchSchema: matterPatch,
    create: (p) => api.post('/api/ip/matters', p, matterDetail),
    update: (id, body) => api.patch(`/api/ip/matters/${id}`, body, matterDetail),
    fetch: (id) => api.get(`/api/ip/matters/${id}`, matterDetail),
    invalidate: [ipKeys.matters, ipKeys.families, ipKeys.obligations],
    onSaved: (m) => {
      onSaved?.(m);
      onClose();
    },
  });
  const v = f.form.getValues();
  const dateInput = (field: keyof V, name: string, required = false) => (
    <TextInput
      label={name}
      placeholder={t('matter.dateHint')}
      required={required}
      inputMode="numeric"
      autoComplete="off"
      {...f.form.getInputProps(field)}
    />
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={matter ? t('matter.edit') : t('matter.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('common.office')}
          data={offices.map((o) => ({ value: o, label: label('offices', o) }))}
          required
          disabled={!!matter}
          data-autofocus
          {...f.form.getInputProps('office')}
        />
        <Select
          label={t('common.kind')}
          data={kinds.map((k) => ({ value: k, label: label('kinds', k) }))}
          required
          {...f.form.getInputProps('kind')}
        />
        <Select
          label={t('common.status')}
          data={statuses.map((s) => ({ value: s, label: label('statuses', s) }))}
          required
          {...f.form.getInputProps('status')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('portfolio.applicationNo')} required {...f.form.getInputProps('applicationNo')} />
        <Select
          label={t('matter.route')}
          data={(['direct', 'pct'] as const).map((r) => ({ value: r, label: label('routes', r) }))}
          {...f.form.getInputProps('route')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {dateInput('filingDate', t('portfolio.filingDate'), true)}
        {dateInput('priorityDate', t('matter.priorityDate'))}
        {dateInput('grantDate', t('portfolio.grantDate'))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('matter.publicationNo')} {...f.form.getInputProps('publicationNo')} />
        {dateInput('publicationDate', t('matter.publicationDate'))}
        <TextInput label={t('matter.patentNo')} {...f.form.getInputProps('patentNo')} />
      </SimpleGrid>
      <NumberInput
        label={t('matter.claims')}
        description={t('matter.claimsHint')}
        min={0}
        max={1000}
        allowDecimal={false}
        allowNegative={false}
        w={{ base: '100%', sm: '50%' }}
        {...f.form.getInputProps('claims')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TagsInput
          label={t('matter.ipcClasses')}
          description={t('matter.classesHint')}
          clearable
          acceptValueOnBlur
          splitChars={[',', ';']}
          {...f.form.getInputProps('ipcClasses')}
          onChange={(symbols) => f.form.setFieldValue('ipcClasses', printed(symbols))}
        />
        <TagsInput
          label={t('matter.cpcClasses')}
          description={t('matter.classesHint')}
          clearable
          acceptValueOnBlur
          splitChars={[',', ';']}
          {...f.form.getInputProps('cpcClasses')}
          onChange={(symbols) => f.form.setFieldValue('cpcClasses', printed(symbols))}
        />
      </SimpleGrid>
      <TextInput
        label={t('matter.termFrom')}
        description={t('matter.termFromHint')}
        placeholder={t('matter.dateHint')}
        inputMode="numeric"
        autoComplete="off"
        w={{ base: '100%', sm: '50%' }}
        {...f.form.getInputProps('termFrom')}
      />
      {v.office === 'EP' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('matter.validationStates')}
            description={t('matter.validationStatesHint')}
            data={epStates
              .map((s) => ({ value: s, label: `${s} · ${country(s)}` }))
              .sort((a, b) => a.value.localeCompare(b.value))}
            searchable
            clearable
            hidePickedOptions
            {...f.form.getInputProps('validationStates')}
          />
          <Checkbox
            mt={{ base: 0, sm: 'xl' }}
            label={t('matter.unitaryEffect')}
            description={t('matter.unitaryEffectHint')}
            {...f.form.getInputProps('unitaryEffect', { type: 'checkbox' })}
          />
        </SimpleGrid>
      )}
      {v.office === 'US' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('matter.termAdjustmentDays')}
            min={0}
            max={10000}
            allowDecimal={false}
            {...f.form.getInputProps('termAdjustmentDays')}
          />
          <Select
            label={t('matter.entitySize')}
            description={t('matter.entitySizeHint')}
            data={entitySizes.map((s) => ({ value: s, label: label('entitySizes', s) }))}
            allowDeselect={false}
            {...f.form.getInputProps('entitySize')}
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}

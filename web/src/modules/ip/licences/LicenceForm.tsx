import { NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import type { z } from 'zod';
import {
  exclusivities,
  licenceDetail,
  licenceDirections,
  licenceInput,
  licencePatch,
  royaltyBases,
} from '#shared/modules/ip/licences/contract.ts';
import { reportingPeriods } from '#shared/modules/ip/licences/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { PortfolioPicker } from './PortfolioPicker.tsx';

type Licence = z.infer<typeof licenceDetail>;
type V = {
  siteId: string;
  reference: string;
  direction: string;
  counterparty: string;
  subject: string;
  territory: string[];
  fieldOfUse: string;
  startsOn: string;
  endsOn: string;
  exclusivity: string;
  royaltyBasis: string;
  royaltyRate: number | string;
  royaltyAmount: string;
  currency: string;
  reportingPeriod: string | null;
  reportDueDays: number | string;
  familyIds: string[];
  matterIds: string[];
};

const numberOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** Registers a licence or changes one: parties, coverage, term, exclusivity and royalties. */
export function LicenceForm({ licence, onClose }: { licence: Licence | null; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: licence,
    blank: {
      siteId: '',
      reference: '',
      direction: 'out',
      counterparty: '',
      subject: '',
      territory: [],
      fieldOfUse: '',
      startsOn: '',
      endsOn: '',
      exclusivity: 'non_exclusive',
      royaltyBasis: 'none',
      royaltyRate: '',
      royaltyAmount: '',
      currency: '',
      reportingPeriod: null,
      reportDueDays: '',
      familyIds: [],
      matterIds: [],
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      reference: x.reference,
      direction: x.direction,
      counterparty: x.counterparty,
      subject: x.subject,
      territory: x.territory,
      fieldOfUse: x.fieldOfUse ?? '',
      startsOn: x.startsOn,
      endsOn: x.endsOn ?? '',
      exclusivity: x.exclusivity,
      royaltyBasis: x.royaltyBasis,
      royaltyRate: x.royaltyRate ?? '',
      royaltyAmount: x.royaltyAmount ?? '',
      currency: x.currency ?? '',
      reportingPeriod: x.reportingPeriod,
      reportDueDays: x.reportDueDays ?? '',
      familyIds: x.families.map((y) => y.id),
      matterIds: x.matters.map((y) => y.id),
    }),
    toPayload: (v: V, mode) => {
      const none = v.royaltyBasis === 'none';
      const body = {
        direction: v.direction,
        counterparty: v.counterparty.trim(),
        subject: v.subject.trim(),
        territory: v.territory.map((c) => c.trim().toUpperCase()),
        fieldOfUse: blankToNull(v.fieldOfUse),
        startsOn: v.startsOn.trim(),
        endsOn: blankToNull(v.endsOn),
        exclusivity: v.exclusivity,
        royaltyBasis: v.royaltyBasis,
        royaltyRate: none || v.royaltyBasis !== 'rate' ? null : numberOrNull(v.royaltyRate),
        royaltyAmount: none || v.royaltyBasis !== 'fixed' ? null : blankToNull(v.royaltyAmount),
        currency: none ? null : (blankToNull(v.currency)?.toUpperCase() ?? null),
        reportingPeriod: none ? null : v.reportingPeriod,
        reportDueDays: none ? null : numberOrNull(v.reportDueDays),
        familyIds: v.familyIds,
        matterIds: v.matterIds,
      };
      return mode === 'create' ? { siteId: v.siteId, reference: v.reference.trim(), ...body } : body;
    },
    createSchema: licenceInput,
    patchSchema: licencePatch,
    create: async (p) => {
      const created = await api.post('/api/ip/licences', p, licenceDetail.omit({ reports: true }));
      return { ...created, reports: [] };
    },
    update: (id, body) => api.patch(`/api/ip/licences/${id}`, body, licenceDetail),
    fetch: (id) => api.get(`/api/ip/licences/${id}`, licenceDetail),
    invalidate: [ipKeys.licences, ipKeys.obligations],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  const options = <T extends string>(values: readonly T[], group: Parameters<typeof label>[0]) =>
    values.map((x) => ({ value: x, label: label(group, x) }));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={licence ? t('licences.edit') : t('licences.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('licences.reference')}
          required
          disabled={!!licence}
          data-autofocus
          {...f.form.getInputProps('reference')}
        />
        <Select
          label={t('licences.ourParty')}
          data={siteOptions}
          searchable
          required
          disabled={!!licence}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('licences.direction')}
          data={options(licenceDirections, 'licenceDirections')}
          required
          {...f.form.getInputProps('direction')}
        />
        <TextInput label={t('licences.counterparty')} required {...f.form.getInputProps('counterparty')} />
      </SimpleGrid>
      <TextInput label={t('licences.subject')} required {...f.form.getInputProps('subject')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TagsInput
          label={t('licences.territory')}
          description={t('licences.territoryHint')}
          {...f.form.getInputProps('territory')}
        />
        <TextInput label={t('licences.fieldOfUse')} {...f.form.getInputProps('fieldOfUse')} />
        <TextInput
          label={t('licences.startsOn')}
          placeholder="YYYY-MM-DD"
          required
          {...f.form.getInputProps('startsOn')}
        />
        <TextInput
          label={t('licences.endsOn')}
          placeholder="YYYY-MM-DD"
          {...f.form.getInputProps('endsOn')}
        />
        <Select
          label={t('licences.exclusivity')}
          data={options(exclusivities, 'exclusivities')}
          required
          {...f.form.getInputProps('exclusivity')}
        />
        <Select
          label={t('licences.royalty')}
          data={options(royaltyBases, 'royaltyBases')}
          required
          {...f.form.getInputProps('royaltyBasis')}
        />
        {v.royaltyBasis === 'rate' && (
          <NumberInput
            label={t('licences.royaltyRate')}
            min={0}
            max={100}
            decimalScale={4}
            required
            {...f.form.getInputProps('royaltyRate')}
          />
        )}
        {v.royaltyBasis === 'fixed' && (
          <TextInput
            label={t('licences.royaltyAmount')}
            required
            {...f.form.getInputProps('royaltyAmount')}
          />
        )}
        {v.royaltyBasis !== 'none' && (
          <>
            <TextInput
              label={t('licences.currency')}
              placeholder="USD"
              required
              {...f.form.getInputProps('currency')}
            />
            <Select
              label={t('licences.reportingPeriod')}
              data={options(reportingPeriods, 'reportingPeriods')}
              required
              {...f.form.getInputProps('reportingPeriod')}
            />
            <NumberInput
              label={t('licences.reportDueDays')}
              min={0}
              max={365}
              required
              {...f.form.getInputProps('reportDueDays')}
            />
          </>
        )}
      </SimpleGrid>
      <PortfolioPicker
        kind="families"
        label={t('licences.families')}
        placeholder={t('licences.searchFamilies')}
        value={v.familyIds}
        known={(licence?.families ?? []).map((x) => ({ value: x.id, label: `${x.reference} · ${x.title}` }))}
        onChange={(ids) => f.form.setFieldValue('familyIds', ids)}
        error={f.form.errors.familyIds}
      />
      <PortfolioPicker
        kind="matters"
        label={t('licences.matters')}
        placeholder={t('licences.searchMatters')}
        value={v.matterIds}
        known={(licence?.matters ?? []).map((x) => ({
          value: x.id,
          label: `${x.office} ${x.applicationNo}`,
        }))}
        onChange={(ids) => f.form.setFieldValue('matterIds', ids)}
        error={f.form.errors.matterIds}
      />
    </FormModal>
  );
}

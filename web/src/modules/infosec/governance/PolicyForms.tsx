import { MultiSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  campaignInput,
  campaignSummary,
  type PolicyVersionView,
  type PolicyView,
  policyDetail,
  policyVersionInput,
  policyVersionPatch,
  policyVersionView,
} from '#shared/modules/infosec/governance/policies.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { localDay } from '../../../platform/ui/time.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecT } from '../i18n/index.ts';
import { policiesKey } from './PolicyForm.tsx';

const createOnly = () => Promise.reject(new Error('create only'));
const noRecord = (): never => {
  throw new Error('create only');
};
const today = () => localDay();

type VersionValues = {
  label: string;
  effectiveOn: string;
  summary: string;
  approvedBy: string | null;
  approvedOn: string;
};

/**
 * Records a version of a policy (its label, effective date, summary of changes and approval), or edits one that
 * no campaign has asked about yet.
 */
export function VersionForm({
  policy,
  record = null,
  onClose,
}: {
  policy: PolicyView;
  record?: PolicyVersionView | null;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const f = useRecordForm({
    record,
    blank: {
      label: '',
      effectiveOn: today(),
      summary: '',
      approvedBy: null,
      approvedOn: '',
    } as VersionValues,
    toValues: (v: PolicyVersionView): VersionValues => ({
      label: v.label,
      effectiveOn: v.effectiveOn,
      summary: v.summary ?? '',
      approvedBy: v.approvedBy,
      approvedOn: v.approvedOn ?? '',
    }),
    toPayload: (v: VersionValues) => ({
      label: v.label.trim(),
      effectiveOn: v.effectiveOn,
      summary: blankToNull(v.summary),
      approvedBy: v.approvedBy || null,
      approvedOn: blankToNull(v.approvedOn),
    }),
    createSchema: policyVersionInput,
    patchSchema: policyVersionPatch,
    create: (p) => api.post(`/api/infosec/policies/${policy.id}/versions`, p, policyVersionView),
    update: (id, body) => api.patch(`/api/infosec/policy-versions/${id}`, body, policyVersionView),
    fetch: async (id) => {
      const detail = await api.get(`/api/infosec/policies/${policy.id}`, policyDetail);
      const fresh = detail.versionList.find((v) => v.id === id);
      if (!fresh) throw new Error('The version is gone.');
      return fresh;
    },
    invalidate: [policiesKey],
    onSaved: onClose,
    savedMessage: record ? t('policies.versionUpdated') : t('policies.versionSaved'),
  });
  const known = record?.approvedBy ? [{ id: record.approvedBy, name: record.approvedByName ?? '' }] : [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${policy.code} · ${record ? t('policies.editVersionTitle', { label: record.label }) : t('policies.addVersion')}`}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('policies.versionLabel')}
          required
          data-autofocus
          {...f.form.getInputProps('label')}
        />
        <TextInput
          type="date"
          label={t('policies.effectiveOn')}
          required
          {...f.form.getInputProps('effectiveOn')}
        />
        <UserSelect
          label={t('policies.approvedBy')}
          known={known}
          clearable
          {...f.form.getInputProps('approvedBy')}
        />
        <TextInput type="date" label={t('policies.approvedOn')} {...f.form.getInputProps('approvedOn')} />
      </SimpleGrid>
      <Textarea
        label={t('policies.versionSummary')}
        autosize
        minRows={2}
        {...f.form.getInputProps('summary')}
      />
    </FormModal>
  );
}

type CampaignValues = { siteIds: string[]; openedOn: string; dueOn: string };

/** Opens an acknowledgement campaign for a version: the sites it asks (a site policy: its own) and the dates. */
export function CampaignForm({
  policy,
  versionId,
  versionLabel,
  onClose,
}: {
  policy: PolicyView;
  versionId: string;
  versionLabel: string;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: null,
    blank: { siteIds: [], openedOn: today(), dueOn: '' } as CampaignValues,
    toValues: noRecord,
    toPayload: (v: CampaignValues) => ({
      ...(v.siteIds.length ? { siteIds: v.siteIds } : {}),
      openedOn: v.openedOn,
      dueOn: v.dueOn,
    }),
    createSchema: campaignInput,
    patchSchema: campaignInput,
    create: (p) => api.post(`/api/infosec/policy-versions/${versionId}/campaigns`, p, campaignSummary),
    update: createOnly,
    fetch: createOnly,
    invalidate: [policiesKey, '/api/obligations'],
    onSaved: onClose,
    savedMessage: t('policies.campaignSaved'),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${policy.code} ${versionLabel} · ${t('policies.openCampaign')}`}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
    >
      {!policy.siteId && (
        <MultiSelect
          label={t('policies.campaignSites')}
          description={t('policies.campaignSitesHint')}
          placeholder={t('policies.allSites')}
          data={siteOptions}
          searchable
          clearable
          {...f.form.getInputProps('siteIds')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('policies.openedOn')}
          required
          data-autofocus
          {...f.form.getInputProps('openedOn')}
        />
        <TextInput type="date" label={t('policies.dueOn')} required {...f.form.getInputProps('dueOn')} />
      </SimpleGrid>
    </FormModal>
  );
}

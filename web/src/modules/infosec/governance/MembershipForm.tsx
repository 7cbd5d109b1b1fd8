import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  type MembershipView,
  membershipInput,
  membershipKinds,
  membershipPatch,
  membershipView,
} from '#shared/modules/infosec/governance/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

export const membershipsKey = '/api/infosec/memberships';

type V = {
  siteId: string;
  organisation: string;
  kind: string;
  since: string;
  renewalOn: string;
  renewalLeadDays: number | string;
  ownerId: string | null;
  note: string;
};

const blank: V = {
  siteId: '',
  organisation: '',
  kind: 'membership',
  since: '',
  renewalOn: '',
  renewalLeadDays: 60,
  ownerId: null,
  note: '',
};

/** Records a membership or agreement, or edits one; the server's contract checks every field. */
export function MembershipForm({ record, onClose }: { record: MembershipView | null; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (m: MembershipView): V => ({
      siteId: m.siteId ?? '',
      organisation: m.organisation,
      kind: m.kind,
      since: m.since,
      renewalOn: m.renewalOn ?? '',
      renewalLeadDays: m.renewalLeadDays,
      ownerId: m.ownerId,
      note: m.note ?? '',
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: blankToNull(v.siteId) } : {}),
      organisation: v.organisation.trim(),
      kind: v.kind,
      since: v.since,
      renewalOn: blankToNull(v.renewalOn),
      renewalLeadDays: v.renewalLeadDays === '' ? undefined : Number(v.renewalLeadDays),
      ownerId: v.ownerId || null,
      note: blankToNull(v.note),
    }),
    createSchema: membershipInput,
    patchSchema: membershipPatch,
    create: (p) => api.post('/api/infosec/memberships', p, membershipView),
    update: (id, body) => api.patch(`/api/infosec/memberships/${id}`, body, membershipView),
    fetch: (id) => api.get(`/api/infosec/memberships/${id}`, membershipView),
    invalidate: [membershipsKey, '/api/obligations'],
    onSaved: onClose,
    savedMessage: t('memberships.saved'),
  });
  const known = record?.ownerId ? [{ id: record.ownerId, name: record.ownerName ?? '' }] : [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('memberships.edit') : t('memberships.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      <TextInput
        label={t('memberships.organisation')}
        required
        data-autofocus
        {...f.form.getInputProps('organisation')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('memberships.kind')}
          data={membershipKinds.map((k) => ({ value: k, label: label('membershipKinds', k) }))}
          allowDeselect={false}
          {...f.form.getInputProps('kind')}
        />
        {!record && (
          <Select
            label={t('common.site')}
            description={t('memberships.siteHint')}
            placeholder={t('memberships.groupWide')}
            data={siteOptions}
            searchable
            clearable
            {...f.form.getInputProps('siteId')}
          />
        )}
        <TextInput type="date" label={t('memberships.since')} required {...f.form.getInputProps('since')} />
        <TextInput type="date" label={t('memberships.renewalOn')} {...f.form.getInputProps('renewalOn')} />
        <NumberInput
          label={t('memberships.renewalLeadDays')}
          min={0}
          max={365}
          {...f.form.getInputProps('renewalLeadDays')}
        />
        <UserSelect
          label={t('memberships.owner')}
          known={known}
          clearable
          {...f.form.getInputProps('ownerId')}
        />
      </SimpleGrid>
      <Textarea label={t('memberships.note')} autosize minRows={2} {...f.form.getInputProps('note')} />
    </FormModal>
  );
}

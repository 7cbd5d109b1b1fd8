import { Select, SimpleGrid, TextInput } from '@mantine/core';
import {
  type PolicyView,
  policyInput,
  policyPatch,
  policyStatuses,
  policyView,
} from '#shared/modules/infosec/governance/policies.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

export const policiesKey = '/api/infosec/policies';

type V = { siteId: string; code: string; title: string; ownerId: string | null; status: string };

const blank: V = { siteId: '', code: '', title: '', ownerId: null, status: 'draft' };

/** Registers a policy or edits one; the server's contract checks every field. */
export function PolicyForm({
  record,
  onClose,
  onSaved,
}: {
  record: PolicyView | null;
  onClose: () => void;
  onSaved?: (p: PolicyView) => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (p: PolicyView): V => ({
      siteId: p.siteId ?? '',
      code: p.code,
      title: p.title,
      ownerId: p.ownerId,
      status: p.status,
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: blankToNull(v.siteId) } : {}),
      code: v.code.trim(),
      title: v.title.trim(),
      ownerId: v.ownerId || null,
      status: v.status,
    }),
    createSchema: policyInput,
    patchSchema: policyPatch,
    create: (p) => api.post('/api/infosec/policies', p, policyView),
    update: (id, body) => api.patch(`/api/infosec/policies/${id}`, body, policyView),
    fetch: (id) => api.get(`/api/infosec/policies/${id}`, policyView),
    invalidate: [policiesKey],
    onSaved: (p) => {
      onSaved?.(p);
      onClose();
    },
    savedMessage: t('policies.saved'),
  });
  const known = record?.ownerId ? [{ id: record.ownerId, name: record.ownerName ?? '' }] : [];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('policies.edit') : t('policies.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('policies.code')} required data-autofocus {...f.form.getInputProps('code')} />
        <Select
          label={t('policies.status')}
          data={policyStatuses.map((s) => ({ value: s, label: label('policyStatuses', s) }))}
          allowDeselect={false}
          {...f.form.getInputProps('status')}
        />
      </SimpleGrid>
      <TextInput label={t('policies.policyTitle')} required {...f.form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {!record && (
          <Select
            label={t('common.site')}
            description={t('policies.siteHint')}
            placeholder={t('policies.groupWide')}
            data={siteOptions}
            searchable
            clearable
            {...f.form.getInputProps('siteId')}
          />
        )}
        <UserSelect
          label={t('policies.owner')}
          known={known}
          clearable
          {...f.form.getInputProps('ownerId')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

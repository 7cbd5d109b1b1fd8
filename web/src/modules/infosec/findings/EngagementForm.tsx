import { Select, SimpleGrid, TextInput } from '@mantine/core';
import {
  type EngagementView,
  engagementInput,
  engagementKinds,
  engagementPatch,
  engagementView,
} from '#shared/modules/infosec/findings/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { localDay } from '../../../platform/ui/time.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { findingsKeys } from './keys.ts';

type V = {
  siteId: string;
  reference: string;
  kind: string;
  vendor: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  report: string;
};
const blank: V = {
  siteId: '',
  reference: '',
  kind: 'vulnerability_scan',
  vendor: '',
  scope: '',
  startsOn: localDay(),
  endsOn: '',
  report: '',
};

/** Records an engagement or changes one; the server's contract checks every field. */
export function EngagementForm({ record, onClose }: { record: EngagementView | null; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (e: EngagementView): V => ({
      siteId: e.siteId,
      reference: e.reference,
      kind: e.kind,
      vendor: e.vendor ?? '',
      scope: e.scope,
      startsOn: e.startsOn,
      endsOn: e.endsOn ?? '',
      report: e.report ?? '',
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: v.siteId } : {}),
      reference: v.reference.trim(),
      kind: v.kind,
      vendor: blankToNull(v.vendor),
      scope: v.scope.trim(),
      startsOn: v.startsOn,
      endsOn: blankToNull(v.endsOn),
      report: blankToNull(v.report),
    }),
    createSchema: engagementInput,
    patchSchema: engagementPatch,
    create: (p) => api.post('/api/infosec/engagements', p, engagementView),
    update: (id, body) => api.patch(`/api/infosec/engagements/${id}`, body, engagementView),
    fetch: (id) => api.get(`/api/infosec/engagements/${id}`, engagementView),
    invalidate: [findingsKeys.engagements],
    onSaved: onClose,
    savedMessage: t('findings.saved'),
  });
  useOnlySiteByDefault(siteOptions, f.form.getValues().siteId, (id) => f.form.setFieldValue('siteId', id));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('findings.editEngagement') : t('findings.addEngagement')}
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('findings.reference')}
          required
          data-autofocus
          {...f.form.getInputProps('reference')}
        />
        <Select
          label={t('findings.kind')}
          data={engagementKinds.map((k) => ({ value: k, label: label('findings.kinds', k) }))}
          allowDeselect={false}
          {...f.form.getInputProps('kind')}
        />
        <TextInput label={t('findings.vendor')} {...f.form.getInputProps('vendor')} />
        <TextInput label={t('findings.report')} {...f.form.getInputProps('report')} />
        <TextInput
          type="date"
          label={t('findings.startsOn')}
          required
          {...f.form.getInputProps('startsOn')}
        />
        <TextInput type="date" label={t('findings.endsOn')} {...f.form.getInputProps('endsOn')} />
      </SimpleGrid>
      <TextInput
        label={t('findings.scope')}
        description={t('findings.scopeHint')}
        required
        {...f.form.getInputProps('scope')}
      />
    </FormModal>
  );
}

import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import {
  type OfficeActionView,
  officeActionInput,
  officeActionKinds,
  officeActionList,
  officeActionPatch,
  officeActionView,
} from '#shared/modules/ip/office-actions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type V = {
  kind: string;
  mailedOn: string;
  periodMonths: number | string;
  extensionMonths: number | string;
  repliedOn: string;
};

/** Records an office action of a matter, or its extension and the day the response was filed. */
export function OfficeActionForm({
  matterId,
  office,
  action,
  onClose,
}: {
  matterId: string;
  office: string;
  action: OfficeActionView | null;
  onClose: () => void;
}) {
  const t = useIpT();
  const label = useIpLabel();
  const f = useRecordForm({
    record: action,
    blank: { kind: 'rejection', mailedOn: '', periodMonths: 3, extensionMonths: 0, repliedOn: '' } as V,
    toValues: (a): V => ({
      kind: a.kind,
      mailedOn: a.mailedOn,
      periodMonths: a.periodMonths,
      extensionMonths: a.extensionMonths,
      repliedOn: a.repliedOn ?? '',
    }),
    toPayload: (v: V) => ({
      kind: v.kind,
      mailedOn: v.mailedOn.trim(),
      periodMonths: Number(v.periodMonths),
      extensionMonths: Number(v.extensionMonths) || 0,
      repliedOn: blankToNull(v.repliedOn),
    }),
    createSchema: officeActionInput,
    patchSchema: officeActionPatch,
    create: (p) => api.post(`/api/ip/matters/${matterId}/office-actions`, p, officeActionView),
    update: (id, body) => api.patch(`/api/ip/office-actions/${id}`, body, officeActionView),
    fetch: async (id) => {
      const all = await api.get(`/api/ip/matters/${matterId}/office-actions`, officeActionList);
      const found = all.items.find((a) => a.id === id);
      if (!found) throw new Error('The office action is gone.');
      return found;
    },
    invalidate: [ipKeys.matters, ipKeys.obligations],
    onSaved: onClose,
  });
  // Only the USPTO and the EPO have extension rules kept here.
  const extendable = office === 'US' || office === 'EP';
  return (
    <FormModal
      opened
      onClose={onClose}
      title={action ? t('officeActions.edit') : t('officeActions.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('officeActions.kind')}
          data={officeActionKinds.map((k) => ({ value: k, label: label('officeActionKinds', k) }))}
          required
          allowDeselect={false}
          data-autofocus
          {...f.form.getInputProps('kind')}
        />
        <TextInput
          label={t('officeActions.mailedOn')}
          description={t('officeActions.mailedOnHint')}
          placeholder={t('matter.dateHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          {...f.form.getInputProps('mailedOn')}
        />
        <NumberInput
          label={t('officeActions.periodMonths')}
          min={1}
          max={6}
          allowDecimal={false}
          required
          {...f.form.getInputProps('periodMonths')}
        />
        <NumberInput
          label={t('officeActions.extensionMonths')}
          description={extendable ? t('officeActions.extensionHint') : t('officeActions.noExtensionRules')}
          min={0}
          max={5}
          allowDecimal={false}
          disabled={!extendable}
          {...f.form.getInputProps('extensionMonths')}
        />
        <TextInput
          label={t('officeActions.repliedOn')}
          description={t('officeActions.repliedOnHint')}
          placeholder={t('matter.dateHint')}
          inputMode="numeric"
          autoComplete="off"
          {...f.form.getInputProps('repliedOn')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

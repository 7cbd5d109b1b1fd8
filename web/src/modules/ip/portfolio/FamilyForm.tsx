import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { familyDetail, familyInput, familyPatch } from '#shared/modules/ip/contract.ts';
import { technologies } from '#shared/modules/ip/rules/offices.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { InventorsField, type InventorValue } from './InventorsField.tsx';

type Family = z.infer<typeof familyDetail>;
type V = {
  siteId: string;
  reference: string;
  title: string;
  technology: string;
  green: boolean;
  sustainabilityFocus: string;
  inventors: InventorValue[];
};

/** Records a patent family (its owner site, technology and green flag), or changes it. */
export function FamilyForm({
  family,
  onClose,
  onSaved,
}: {
  family: Family | null;
  onClose: () => void;
  onSaved?: (f: Family) => void;
}) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: family,
    blank: {
      siteId: '',
      reference: '',
      title: '',
      technology: '',
      green: false,
      sustainabilityFocus: '',
      inventors: [],
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      reference: x.reference,
      title: x.title,
      technology: x.technology,
      green: x.green,
      sustainabilityFocus: x.sustainabilityFocus ?? '',
      inventors: x.inventors.map((i) => ({ employeeId: i.employeeId, name: i.name, share: i.share })),
    }),
    toPayload: (v: V, mode) => {
      const body = {
        reference: v.reference.trim(),
        title: v.title.trim(),
        technology: v.technology,
        green: v.green,
        sustainabilityFocus: blankToNull(v.sustainabilityFocus),
        inventors: v.inventors.map((i) => ({ employeeId: i.employeeId, share: Number(i.share) || 0 })),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: familyInput,
    patchSchema: familyPatch,
    create: (p) => api.post('/api/ip/families', p, familyDetail),
    update: (id, body) => api.patch(`/api/ip/families/${id}`, body, familyDetail),
    fetch: (id) => api.get(`/api/ip/families/${id}`, familyDetail),
    invalidate: [ipKeys.matters, ipKeys.families],
    onSaved: (x) => {
      onSaved?.(x);
      onClose();
    },
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  return (
    <FormModal
      size="xl"
      opened
      onClose={onClose}
      title={family ? t('family.edit') : t('family.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('family.reference')}
          required
          data-autofocus
          {...f.form.getInputProps('reference')}
        />
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!family}
          {...f.form.getInputProps('siteId')}
        />
      </SimpleGrid>
      <TextInput label={t('family.title')} required {...f.form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.technology')}
          data={technologies.map((x) => ({ value: x, label: label('technologies', x) }))}
          required
          {...f.form.getInputProps('technology')}
        />
        <TextInput label={t('family.sustainabilityFocus')} {...f.form.getInputProps('sustainabilityFocus')} />
      </SimpleGrid>
      <Switch label={t('family.green')} {...f.form.getInputProps('green', { type: 'checkbox' })} />
      <InventorsField
        value={v.inventors}
        errors={f.form.errors}
        onChange={(inventors) => f.form.setFieldValue('inventors', inventors)}
      />
    </FormModal>
  );
}

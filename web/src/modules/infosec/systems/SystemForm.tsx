import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  criticalities,
  type SystemView,
  systemDomains,
  systemInput,
  systemPatch,
  systemView,
} from '#shared/modules/infosec/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { infosecKeys } from '../api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

type V = {
  siteId: string;
  name: string;
  domain: string;
  criticality: string;
  rtoHours: number | string;
  rpoHours: number | string;
  backup: string;
  vendor: string;
  product: string;
  productVersion: string;
  cpe: string;
};

const blank: V = {
  siteId: '',
  name: '',
  domain: 'it',
  criticality: 'high',
  rtoHours: '',
  rpoHours: '',
  backup: '',
  vendor: '',
  product: '',
  productVersion: '',
  cpe: '',
};
const num = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** Registers a system or edits one: the contract of the server checks every field, the CPE's syntax included. */
export function SystemForm({ record, onClose }: { record: SystemView | null; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank,
    toValues: (s: SystemView): V => ({
      siteId: s.siteId,
      name: s.name,
      domain: s.domain,
      criticality: s.criticality,
      rtoHours: s.rtoHours ?? '',
      rpoHours: s.rpoHours ?? '',
      backup: s.backup ?? '',
      vendor: s.vendor ?? '',
      product: s.product ?? '',
      productVersion: s.productVersion ?? '',
      cpe: s.cpe ?? '',
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { siteId: v.siteId } : {}),
      name: v.name.trim(),
      domain: v.domain,
      criticality: v.criticality,
      rtoHours: num(v.rtoHours),
      rpoHours: num(v.rpoHours),
      backup: blankToNull(v.backup),
      vendor: blankToNull(v.vendor),
      product: blankToNull(v.product),
      productVersion: blankToNull(v.productVersion),
      cpe: blankToNull(v.cpe),
    }),
    createSchema: systemInput,
    patchSchema: systemPatch,
    create: (p) => api.post('/api/infosec/systems', p, systemView),
    update: (id, body) => api.patch(`/api/infosec/systems/${id}`, body, systemView),
    fetch: (id) => api.get(`/api/infosec/systems/${id}`, systemView),
    invalidate: [infosecKeys.systems],
    onSaved: onClose,
    savedMessage: t('systems.saved'),
  });
  useOnlySiteByDefault(siteOptions, f.form.getValues().siteId, (id) => f.form.setFieldValue('siteId', id));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('systems.edit') : t('systems.add')}
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
      <TextInput label={t('systems.name')} required data-autofocus {...f.form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('systems.domain')}
          data={systemDomains.map((d) => ({ value: d, label: label('domains', d) }))}
          allowDeselect={false}
          {...f.form.getInputProps('domain')}
        />
        <Select
          label={t('systems.criticality')}
          data={criticalities.map((c) => ({ value: c, label: label('criticalities', c) }))}
          allowDeselect={false}
          {...f.form.getInputProps('criticality')}
        />
        <NumberInput
          label={t('systems.rto')}
          min={0}
          decimalScale={2}
          {...f.form.getInputProps('rtoHours')}
        />
        <NumberInput
          label={t('systems.rpo')}
          min={0}
          decimalScale={2}
          {...f.form.getInputProps('rpoHours')}
        />
        <TextInput label={t('systems.vendor')} {...f.form.getInputProps('vendor')} />
        <TextInput label={t('systems.product')} {...f.form.getInputProps('product')} />
        <TextInput label={t('systems.version')} {...f.form.getInputProps('productVersion')} />
      </SimpleGrid>
      <TextInput
        label={t('systems.cpe')}
        placeholder="cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*"
        ff="monospace"
        {...f.form.getInputProps('cpe')}
      />
      <Textarea label={t('systems.backup')} autosize minRows={2} {...f.form.getInputProps('backup')} />
    </FormModal>
  );
}

import { MultiSelect, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  type SupplierView,
  supplierCategories,
  supplierContactInput,
  supplierContactPatch,
  supplierCriticalities,
  supplierInput,
  supplierPatch,
  supplierView,
} from '#shared/modules/infosec/suppliers/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateSuppliers, supplierKeys } from './api.ts';

type SupplierValues = {
  siteId: string;
  name: string;
  country: string;
  supplies: string;
  category: string;
  criticality: string;
  servedSiteIds: string[];
  active: boolean;
};

/** Adds a critical supplier, or edits one: what it supplies, the sites it serves, its criticality. */
export function SupplierForm({
  record,
  onClose,
  onSaved,
}: {
  record: SupplierView | null;
  onClose: () => void;
  onSaved?: (s: SupplierView) => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank: {
      siteId: siteOptions[0]?.value ?? '',
      name: '',
      country: 'TW',
      supplies: '',
      category: 'equipment',
      criticality: 'critical',
      servedSiteIds: [],
      active: true,
    } as SupplierValues,
    toValues: (s: SupplierView): SupplierValues => ({
      siteId: s.siteId,
      name: s.name,
      country: s.country,
      supplies: s.supplies,
      category: s.category,
      criticality: s.criticality,
      servedSiteIds: s.servedSites.map((x) => x.id),
      active: s.active,
    }),
    toPayload: (v: SupplierValues, mode) => ({
      ...(mode === 'create' ? { siteId: v.siteId } : { active: v.active }),
      name: v.name.trim(),
      country: v.country.trim().toUpperCase(),
      supplies: v.supplies.trim(),
      category: v.category,
      criticality: v.criticality,
      servedSiteIds: v.servedSiteIds,
    }),
    createSchema: supplierInput,
    patchSchema: supplierPatch,
    create: (p) => api.post(supplierKeys.suppliers, p, supplierView),
    update: (id, body) => api.patch(`${supplierKeys.suppliers}/${id}`, body, supplierView),
    fetch: (id) => api.get(`${supplierKeys.suppliers}/${id}`, supplierView),
    invalidate: [],
    onSaved: (s) => {
      void invalidateSuppliers(queryClient);
      onSaved?.(s);
      onClose();
    },
    savedMessage: t('suppliers.saved'),
  });
  const input = f.form.getInputProps;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? `${t('suppliers.edit')} · ${record.name}` : t('suppliers.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      {!record && (
        <Select label={t('common.site')} data={siteOptions} searchable required {...input('siteId')} />
      )}
      <TextInput label={t('suppliers.name')} required data-autofocus {...input('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('suppliers.country')} maxLength={2} required {...input('country')} />
        <Select
          label={t('suppliers.category')}
          data={supplierCategories.map((c) => ({ value: c, label: label('supplierCategories', c) }))}
          allowDeselect={false}
          required
          {...input('category')}
        />
      </SimpleGrid>
      <TextInput label={t('suppliers.supplies')} required {...input('supplies')} />
      <Select
        label={t('suppliers.criticality')}
        data={supplierCriticalities.map((c) => ({ value: c, label: label('supplierCriticalities', c) }))}
        allowDeselect={false}
        required
        {...input('criticality')}
      />
      <MultiSelect label={t('suppliers.served')} data={siteOptions} searchable {...input('servedSiteIds')} />
      {record && <Switch label={t('suppliers.active')} {...input('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}

type Contact = SupplierView['contacts'][number];
type ContactValues = { name: string; email: string; phone: string; position: string; userId: string | null };

/** Adds a contact of the supplier or edits one; a contact who signs in is a person outside the company. */
export function ContactForm({
  supplier,
  record,
  onClose,
}: {
  supplier: SupplierView;
  record: Contact | null;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const url = `${supplierKeys.suppliers}/${supplier.id}/contacts`;
  const contactOf = (s: SupplierView, match: (c: Contact) => boolean) => {
    const c = s.contacts.find(match);
    if (!c) throw new Error('The contact is gone.');
    return c;
  };
  const f = useRecordForm({
    record,
    blank: { name: '', email: '', phone: '', position: '', userId: null } as ContactValues,
    toValues: (c: Contact): ContactValues => ({
      name: c.name,
      email: c.email,
      phone: c.phone ?? '',
      position: c.position ?? '',
      userId: c.userId,
    }),
    toPayload: (v: ContactValues) => ({
      name: v.name.trim(),
      email: v.email.trim(),
      phone: blankToNull(v.phone),
      position: blankToNull(v.position),
      userId: v.userId || null,
    }),
    createSchema: supplierContactInput,
    patchSchema: supplierContactPatch,
    create: async (p) =>
      contactOf(await api.post(url, p, supplierView), (c) => c.email === p.email && c.name === p.name),
    update: async (id, body) =>
      contactOf(
        await api.patch(`/api/infosec/supplier-contacts/${id}`, body, supplierView),
        (c) => c.id === id,
      ),
    fetch: async (id) =>
      contactOf(await api.get(`${supplierKeys.suppliers}/${supplier.id}`, supplierView), (c) => c.id === id),
    invalidate: [],
    onSaved: () => {
      void invalidateSuppliers(queryClient);
      onClose();
    },
    savedMessage: t('suppliers.contactSaved'),
  });
  const input = f.form.getInputProps;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${supplier.name} · ${record ? t('suppliers.editContactTitle') : t('suppliers.addContact')}`}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('suppliers.contactName')} required data-autofocus {...input('name')} />
        <TextInput label={t('suppliers.email')} type="email" required {...input('email')} />
        <TextInput label={t('suppliers.phone')} {...input('phone')} />
        <TextInput label={t('suppliers.position')} {...input('position')} />
      </SimpleGrid>
      <UserSelect
        label={t('suppliers.signIn')}
        description={t('suppliers.signInHint')}
        known={record?.userId ? [{ id: record.userId, name: record.name }] : []}
        clearable
        {...input('userId')}
      />
    </FormModal>
  );
}

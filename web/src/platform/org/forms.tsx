import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type AreaView,
  areaInput,
  areaKinds,
  areaPatch,
  areaView,
  type SiteView,
  siteInput,
  siteKinds,
  sitePatch,
  siteView,
  subsidiaryInput,
  subsidiaryPatch,
  subsidiaryView,
} from '#shared/platform/org/contract.ts';
import { api } from '../api/client.ts';
import { countryCodes, timeZones } from '../ui/choices.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useCountryName, useLocalName } from '../ui/labels.ts';
import { useRecordForm } from '../ui/useRecordForm.ts';

type Subsidiary = z.infer<typeof subsidiaryView>;
export const orgKeys = ['/api/org/tree', '/api/org/sites', '/api/org/subsidiaries', '/api/home'];

export function SubsidiaryFormModal({
  subsidiary,
  opened,
  onClose,
}: {
  subsidiary: Subsidiary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  type V = { code: string; name: string; nameZh: string };
  const f = useRecordForm({
    record: subsidiary,
    blank: { code: '', name: '', nameZh: '' } as V,
    toValues: (s) => ({ code: s.code, name: s.name, nameZh: s.nameZh ?? '' }),
    toPayload: (v: V) => ({ code: v.code.trim(), name: v.name.trim(), nameZh: blankToNull(v.nameZh) }),
    createSchema: subsidiaryInput,
    patchSchema: subsidiaryPatch,
    create: (p) => api.post('/api/org/subsidiaries', p, subsidiaryView),
    update: (id, body) => api.patch(`/api/org/subsidiaries/${id}`, body, subsidiaryView),
    fetch: async (id) => {
      const list = await api.get('/api/org/subsidiaries', z.object({ items: z.array(subsidiaryView) }));
      const found = list.items.find((s) => s.id === id);
      if (!found) throw new Error(t('errors.notFound'));
      return found;
    },
    invalidate: orgKeys,
    onSaved: onClose,
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={f.mode === 'edit' ? t('org.editSubsidiary') : t('org.addSubsidiary')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput label={t('org.site.code')} required data-autofocus {...f.form.getInputProps('code')} />
      <TextInput label={t('org.nameEn')} required {...f.form.getInputProps('name')} />
      <TextInput label={t('org.nameZh')} {...f.form.getInputProps('nameZh')} />
    </FormModal>
  );
}

export function SiteFormModal({
  site,
  subsidiaries,
  defaultSubsidiaryId,
  opened,
  onClose,
  onSaved,
}: {
  site: SiteView | null;
  subsidiaries: { id: string; code: string; name: string; nameZh: string | null }[];
  defaultSubsidiaryId?: string;
  opened: boolean;
  onClose: () => void;
  onSaved?: (site: SiteView) => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const localName = useLocalName();
  type V = {
    subsidiaryId: string;
    code: string;
    name: string;
    nameZh: string;
    country: string;
    timeZone: string;
    kind: string;
    active: boolean;
  };
  const f = useRecordForm({
    record: site,
    blank: {
      subsidiaryId: defaultSubsidiaryId ?? '',
      code: '',
      name: '',
      nameZh: '',
      country: '',
      timeZone: '',
      kind: 'manufacturing',
      active: true,
    } as V,
    toValues: (s) => ({
      subsidiaryId: s.subsidiaryId,
      code: s.code,
      name: s.name,
      nameZh: s.nameZh ?? '',
      country: s.country,
      timeZone: s.timeZone,
      kind: s.kind,
      active: s.active,
    }),
    toPayload: (v: V, mode) => {
      const common = {
        code: v.code.trim(),
        name: v.name.trim(),
        nameZh: blankToNull(v.nameZh),
        country: v.country,
        timeZone: v.timeZone,
        kind: v.kind as SiteView['kind'],
      };
      return mode === 'create'
        ? { subsidiaryId: v.subsidiaryId, ...common }
        : { ...common, active: v.active };
    },
    createSchema: siteInput,
    patchSchema: sitePatch,
    create: (p) => api.post('/api/org/sites', p, siteView),
    update: (id, body) => api.patch(`/api/org/sites/${id}`, body, siteView),
    fetch: (id) => api.get(`/api/org/sites/${id}`, siteView),
    invalidate: [...orgKeys, `/api/org/sites/${site?.id}`],
    onSaved: (s) => {
      onSaved?.(s);
      onClose();
    },
  });
  const countries = [...countryCodes]
    .map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={f.mode === 'edit' ? t('org.editSite') : t('org.addSite')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <Select
        label={t('org.subsidiary')}
        data={subsidiaries.map((s) => ({ value: s.id, label: `${s.code} · ${localName(s)}` }))}
        disabled={f.mode === 'edit'}
        required
        data-autofocus={f.mode === 'create' || undefined}
        {...f.form.getInputProps('subsidiaryId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('org.site.code')}
          required
          data-autofocus={f.mode === 'edit' || undefined}
          {...f.form.getInputProps('code')}
        />
        <Select
          label={t('org.site.kind')}
          data={siteKinds.map((k) => ({ value: k, label: t(`org.siteKinds.${k}`) }))}
          allowDeselect={false}
          required
          {...f.form.getInputProps('kind')}
        />
      </SimpleGrid>
      <TextInput label={t('org.nameEn')} required {...f.form.getInputProps('name')} />
      <TextInput label={t('org.nameZh')} {...f.form.getInputProps('nameZh')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('org.site.country')}
          data={countries}
          searchable
          required
          {...f.form.getInputProps('country')}
        />
        <Select
          label={t('org.site.timeZone')}
          data={timeZones()}
          searchable
          limit={50}
          required
          {...f.form.getInputProps('timeZone')}
        />
      </SimpleGrid>
      {f.mode === 'edit' && (
        <Switch label={t('org.site.active')} {...f.form.getInputProps('active', { type: 'checkbox' })} />
      )}
    </FormModal>
  );
}

const TOP = '__top__';

export function areaLabel(a: AreaView) {
  return `${a.code} · ${a.name}`;
}

/** The ids of an area and everything inside it: an area cannot move into its own subtree. */
function subtree(areas: AreaView[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of areas) {
      if (a.parentId && out.has(a.parentId) && !out.has(a.id)) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return out;
}

export function AreaFormModal({
  siteId,
  area,
  parentId,
  areas,
  opened,
  onClose,
}: {
  siteId: string;
  area: AreaView | null;
  /** For a new area: the area it goes into. */
  parentId: string | null;
  areas: AreaView[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  type V = { parentId: string; kind: string; code: string; name: string };
  const f = useRecordForm({
    record: area,
    blank: { parentId: parentId ?? TOP, kind: parentId ? 'floor' : 'building', code: '', name: '' } as V,
    toValues: (a) => ({ parentId: a.parentId ?? TOP, kind: a.kind, code: a.code, name: a.name }),
    toPayload: (v: V, mode) => {
      const common = {
        parentId: v.parentId === TOP ? null : v.parentId,
        kind: v.kind as AreaView['kind'],
        code: v.code.trim(),
        name: v.name.trim(),
      };
      return mode === 'create' ? { siteId, ...common } : common;
    },
    createSchema: areaInput,
    patchSchema: areaPatch,
    create: (p) => api.post('/api/org/areas', p, areaView),
    update: (id, body) => api.patch(`/api/org/areas/${id}`, body, areaView),
    fetch: async (id) => {
      const list = await api.get(`/api/org/sites/${siteId}/areas`, z.object({ items: z.array(areaView) }));
      const found = list.items.find((a) => a.id === id);
      if (!found) throw new Error(t('errors.notFound'));
      return found;
    },
    invalidate: [`/api/org/sites/${siteId}/areas`],
    onSaved: onClose,
  });
  const excluded = area ? subtree(areas, area.id) : new Set<string>();
  const parents = [
    { value: TOP, label: t('org.areas.topLevel') },
    ...areas.filter((a) => !excluded.has(a.id)).map((a) => ({ value: a.id, label: areaLabel(a) })),
  ];
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={area ? t('org.areas.edit') : t('org.areas.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('org.areas.code')} required data-autofocus {...f.form.getInputProps('code')} />
        <Select
          label={t('org.areas.kind')}
          data={areaKinds.map((k) => ({ value: k, label: t(`org.areaKinds.${k}`) }))}
          allowDeselect={false}
          required
          {...f.form.getInputProps('kind')}
        />
      </SimpleGrid>
      <TextInput label={t('org.areas.name')} required {...f.form.getInputProps('name')} />
      <Select
        label={t('org.areas.parent')}
        description={area ? t('org.areas.moveHint') : undefined}
        data={parents}
        searchable
        allowDeselect={false}
        {...f.form.getInputProps('parentId')}
      />
    </FormModal>
  );
}

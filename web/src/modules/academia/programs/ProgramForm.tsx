import { MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import {
  programDetail,
  programInput,
  programKinds,
  programPatch,
} from '#shared/modules/academia/program-contract.ts';
import { userDirectory } from '#shared/platform/users/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { SearchMultiSelect } from '../../../platform/ui/SearchMultiSelect.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useAcademiaT } from '../i18n/index.ts';

export const programsKey = '/api/academia/programs';
type Detail = z.infer<typeof programDetail>;
type V = {
  code: string;
  name: string;
  nameZh: string;
  kind: string;
  description: string;
  activeFrom: number | string;
  activeTo: number | string;
  ownerIds: string[];
  siteIds: string[];
};
const year = (v: number | string) => (v === '' ? null : Number(v));

async function findUsers(q: string) {
  const found = await api.get('/api/users/directory', userDirectory, { q: q || undefined, limit: 20 });
  return found.items.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.email}` }));
}

/** The owners: users found in the directory as the user types, with those already named. */
function OwnersField({
  value,
  known,
  onChange,
  error,
}: {
  value: string[];
  known: readonly { userId: string; displayName: string }[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const t = useAcademiaT();
  return (
    <SearchMultiSelect
      label={t('programs.owners')}
      placeholder={t('programs.findUser')}
      required
      queryKey={['/api/users/directory']}
      find={findUsers}
      known={known.map((k) => ({ value: k.userId, label: k.displayName }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** Adds a program (its code is fixed once created) or changes one. */
export function ProgramForm({ record, onClose }: { record: Detail | null; onClose: () => void }) {
  const t = useAcademiaT();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record,
    blank: {
      code: '',
      name: '',
      nameZh: '',
      kind: 'internship',
      description: '',
      activeFrom: '',
      activeTo: '',
      ownerIds: [],
      siteIds: [],
    } as V,
    toValues: (r): V => ({
      code: r.code,
      name: r.name,
      nameZh: r.nameZh,
      kind: r.kind,
      description: r.description ?? '',
      activeFrom: r.activeFrom ?? '',
      activeTo: r.activeTo ?? '',
      ownerIds: r.owners.map((o) => o.userId),
      siteIds: r.sites.map((s) => s.siteId),
    }),
    toPayload: (v: V, mode) => ({
      ...(mode === 'create' ? { code: v.code } : {}),
      name: v.name,
      nameZh: v.nameZh,
      kind: v.kind as (typeof programKinds)[number],
      description: blankToNull(v.description),
      activeFrom: year(v.activeFrom),
      activeTo: year(v.activeTo),
      ownerIds: v.ownerIds,
      siteIds: v.siteIds,
    }),
    createSchema: programInput,
    patchSchema: programPatch,
    create: (p) => api.post(programsKey, p, programDetail),
    update: (id, body) => api.patch(`${programsKey}/${id}`, body, programDetail),
    fetch: (id) => api.get(`${programsKey}/${id}`, programDetail),
    invalidate: [programsKey],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('programs.edit') : t('programs.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput
        label={t('programs.code')}
        description={t('programs.codeHint')}
        required
        disabled={!!record}
        data-autofocus
        {...f.form.getInputProps('code')}
      />
      <TextInput label={t('programs.name')} required {...f.form.getInputProps('name')} />
      <TextInput label={t('programs.nameZh')} required {...f.form.getInputProps('nameZh')} />
      <Select
        label={t('common.kind')}
        required
        data={programKinds.map((k) => ({ value: k, label: t(`programs.kinds.${k}`) }))}
        {...f.form.getInputProps('kind')}
      />
      <NumberInput
        label={t('programs.activeFrom')}
        min={1950}
        max={2200}
        {...f.form.getInputProps('activeFrom')}
      />
      <NumberInput
        label={t('programs.activeTo')}
        min={1950}
        max={2200}
        {...f.form.getInputProps('activeTo')}
      />
      <OwnersField
        value={f.form.values.ownerIds}
        known={record?.owners ?? []}
        onChange={(ids) => f.form.setFieldValue('ownerIds', ids)}
        error={f.form.errors.ownerIds as string | undefined}
      />
      <MultiSelect
        label={t('programs.sites')}
        data={siteOptions}
        searchable
        {...f.form.getInputProps('siteIds')}
      />
      <Textarea
        label={t('programs.descriptionField')}
        autosize
        minRows={2}
        {...f.form.getInputProps('description')}
      />
    </FormModal>
  );
}

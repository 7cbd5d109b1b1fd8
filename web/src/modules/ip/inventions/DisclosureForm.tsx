import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  type DisclosureDetail,
  disclosureDetail,
  disclosureInput,
  researchProjectChoices,
} from '#shared/modules/ip/inventions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useServerSearch } from '../../../platform/ui/server-search.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpT } from '../i18n/index.ts';
import { InventorsField, type InventorValue } from '../portfolio/InventorsField.tsx';

type V = {
  siteId: string;
  title: string;
  description: string;
  inventors: InventorValue[];
  researchProjectId: string;
  partnerName: string;
};

/** The research project a disclosure came out of: projects at the sites the person sees, found as they type. */
function ProjectSelect(props: { value: string; onChange: (id: string) => void; error?: unknown }) {
  const t = useIpT();
  const { q, selectProps } = useServerSearch();
  const found = useQuery({
    queryKey: ['ip-disclosure-projects', q],
    queryFn: () => api.get('/api/ip/disclosure-projects', researchProjectChoices, { q: q || undefined }),
    staleTime: 30_000,
  });
  const data = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.title} · ${p.partnerName}`,
  }));
  return (
    <Select
      label={t('inventions.project')}
      description={t('inventions.projectHint')}
      placeholder={t('inventions.findProject')}
      data={data}
      value={props.value || null}
      {...selectProps}
      clearable
      onChange={(id) => props.onChange(id ?? '')}
      error={props.error ? String(props.error) : undefined}
    />
  );
}

/** Discloses an invention: what it is, its inventors with their shares, the project and partner, if any. */
export function DisclosureForm({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (d: DisclosureDetail) => void;
}) {
  const t = useIpT();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: null as DisclosureDetail | null,
    blank: {
      siteId: '',
      title: '',
      description: '',
      inventors: [],
      researchProjectId: '',
      partnerName: '',
    } as V,
    toValues: (): V => {
      throw new Error('A disclosure is not edited here');
    },
    toPayload: (v: V) => ({
      siteId: v.siteId,
      title: v.title.trim(),
      description: v.description.trim(),
      inventors: v.inventors.map((i) => ({ employeeId: i.employeeId, share: Number(i.share) })),
      researchProjectId: blankToNull(v.researchProjectId),
      partnerName: blankToNull(v.partnerName),
    }),
    createSchema: disclosureInput,
    patchSchema: disclosureInput,
    create: (p) => api.post('/api/ip/disclosures', p, disclosureDetail),
    update: () => Promise.reject(new Error('A disclosure is not edited here')),
    fetch: (id) => api.get(`/api/ip/disclosures/${id}`, disclosureDetail),
    invalidate: [ipKeys.disclosures],
    onSaved,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('inventions.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      <TextInput
        label={t('inventions.inventionTitle')}
        required
        data-autofocus
        {...f.form.getInputProps('title')}
      />
      <Textarea
        label={t('inventions.descriptionField')}
        description={t('inventions.descriptionHint')}
        required
        autosize
        minRows={4}
        {...f.form.getInputProps('description')}
      />
      <InventorsField
        colleagues
        value={v.inventors}
        errors={f.form.errors}
        onChange={(inventors) => f.form.setFieldValue('inventors', inventors)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          {...f.form.getInputProps('siteId')}
        />
        <TextInput label={t('inventions.partner')} {...f.form.getInputProps('partnerName')} />
      </SimpleGrid>
      <ProjectSelect
        value={v.researchProjectId}
        onChange={(id) => f.form.setFieldValue('researchProjectId', id)}
        error={f.form.errors.researchProjectId}
      />
    </FormModal>
  );
}

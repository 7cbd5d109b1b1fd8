import { Button, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { partnerInput, partnerPage, partnerPatch, partnerView } from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

type Row = z.infer<typeof partnerView>;
type V = { name: string; nameZh: string; country: string; kind: string };
const COUNTRIES = ['TW', 'CN', 'SG', 'MY', 'KR', 'JP', 'US', 'MX'];

function PartnerForm({ record, onClose }: { record: Row | null; onClose: () => void }) {
  const t = useAcademiaT();
  const f = useRecordForm({
    record,
    blank: { name: '', nameZh: '', country: 'TW', kind: 'university' } as V,
    toValues: (r): V => ({ name: r.name, nameZh: r.nameZh ?? '', country: r.country, kind: r.kind }),
    toPayload: (v: V) => ({
      name: v.name,
      nameZh: blankToNull(v.nameZh),
      country: v.country,
      kind: v.kind as 'university' | 'institute',
    }),
    createSchema: partnerInput,
    patchSchema: partnerPatch,
    create: (p) => api.post('/api/academia/partners', p, partnerView),
    update: (id, body) => api.patch(`/api/academia/partners/${id}`, body, partnerView),
    fetch: (id) => api.get(`/api/academia/partners/${id}`, partnerView),
    invalidate: [academiaKeys.partners],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('partners.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput label={t('partners.name')} required data-autofocus {...f.form.getInputProps('name')} />
      <TextInput label={t('partners.nameZh')} {...f.form.getInputProps('nameZh')} />
      <Select label={t('common.country')} data={COUNTRIES} required {...f.form.getInputProps('country')} />
      <Select
        label={t('common.kind')}
        data={[
          { value: 'university', label: t('partners.kinds.university') },
          { value: 'institute', label: t('partners.kinds.institute') },
        ]}
        required
        {...f.form.getInputProps('kind')}
      />
    </FormModal>
  );
}

/** The schools and institutes the group works with (group records). */
export function PartnersPage() {
  const t = useAcademiaT();
  const can = useCan();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const manage = can('academia.manage');
  const columns: Column<Row>[] = [
    { key: 'name', header: t('partners.name'), sortKey: 'name', wrap: true, render: (p) => p.name },
    { key: 'nameZh', header: t('partners.nameZh'), render: (p) => p.nameZh ?? '—' },
    { key: 'country', header: t('common.country'), sortKey: 'country', render: (p) => p.country },
    { key: 'kind', header: t('common.kind'), render: (p) => t(`partners.kinds.${p.kind}`) },
  ];
  return (
    <>
      <PageHeader
        title={t('partners.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('partners.title') }]}
        description={t('partners.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('partners.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('partners.title')}
        endpoint="/api/academia/partners"
        schema={partnerPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="name"
        searchPlaceholder={t('partners.search')}
        filters={{ country: country ?? undefined }}
        filterBar={
          <Select
            aria-label={t('common.country')}
            placeholder={t('common.country')}
            data={COUNTRIES}
            value={country}
            onChange={setCountry}
            clearable
            w={140}
          />
        }
        exportPath="/api/academia/partners/export.csv"
        exportXlsxPath="/api/academia/partners/export.xlsx"
        onRowClick={manage ? (p) => setEditing(p) : undefined}
        emptyTitle={t('partners.emptyTitle')}
        emptyHint={t('partners.emptyHint')}
      />
      {editing && (
        <PartnerForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

import { Badge, Button, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  externalKinds,
  externalPersonInput,
  externalPersonPage,
  externalPersonPatch,
  externalPersonView,
} from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { SiteFilter } from './SiteFilter.tsx';
import { useSites } from './sites.ts';

type External = z.infer<typeof externalPersonView>;
type Kind = External['kind'];
const key = '/api/people/externals';
const GROUP = '__group__';

function ExternalFormModal({ person, onClose }: { person: External | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options: sites } = useSites();
  type V = { kind: string; fullName: string; organisation: string; email: string; siteId: string };
  const f = useRecordForm({
    record: person,
    blank: { kind: 'student', fullName: '', organisation: '', email: '', siteId: GROUP } as V,
    toValues: (p) => ({
      kind: p.kind,
      fullName: p.fullName,
      organisation: p.organisation,
      email: p.email ?? '',
      siteId: p.siteId ?? GROUP,
    }),
    toPayload: (v: V) => ({
      kind: v.kind as Kind,
      fullName: v.fullName.trim(),
      organisation: v.organisation.trim(),
      email: blankToNull(v.email),
      siteId: v.siteId === GROUP ? null : v.siteId,
    }),
    createSchema: externalPersonInput,
    patchSchema: externalPersonPatch,
    create: (p) => api.post(key, p, externalPersonView),
    update: (id, body) => api.patch(`${key}/${id}`, body, externalPersonView),
    fetch: (id) => api.get(`${key}/${id}`, externalPersonView),
    invalidate: [key],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={person ? t('externals.edit') : t('externals.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('externals.fullName')}
          required
          data-autofocus
          {...f.form.getInputProps('fullName')}
        />
        <Select
          label={t('externals.kind')}
          data={externalKinds.map((k) => ({ value: k, label: t(`externals.kinds.${k}`) }))}
          allowDeselect={false}
          required
          {...f.form.getInputProps('kind')}
        />
      </SimpleGrid>
      <TextInput
        label={t('externals.organisation')}
        description={t('externals.organisationHint')}
        required
        {...f.form.getInputProps('organisation')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('employees.email')} type="email" {...f.form.getInputProps('email')} />
        <Select
          label={t('employees.site')}
          data={[{ value: GROUP, label: t('externals.groupWide') }, ...sites]}
          searchable
          allowDeselect={false}
          {...f.form.getInputProps('siteId')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** External persons: students, supplier staff, visitors and researchers. */
export function ExternalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<External | null | 'new'>(null);
  const manage = can('people.manage');
  const columns: Column<External>[] = [
    {
      key: 'fullName',
      header: t('externals.fullName'),
      sortKey: 'fullName',
      render: (p) => (
        <Text size="sm" fw={500}>
          {p.fullName}
        </Text>
      ),
    },
    {
      key: 'kind',
      header: t('externals.kind'),
      sortKey: 'kind',
      render: (p) => (
        <Badge variant="light" color="grape">
          {t(`externals.kinds.${p.kind}`)}
        </Badge>
      ),
    },
    {
      key: 'organisation',
      header: t('externals.organisation'),
      sortKey: 'organisation',
      render: (p) => p.organisation,
    },
    { key: 'email', header: t('employees.email'), render: (p) => p.email ?? '' },
    { key: 'site', header: t('employees.site'), render: (p) => p.siteCode ?? t('externals.groupWide') },
  ];
  return (
    <>
      <PageHeader
        title={t('externals.title')}
        crumbs={[{ label: t('nav.people') }, { label: t('nav.externals') }]}
        description={t('externals.description')}
      />
      <DataTable
        label={t('externals.title')}
        endpoint={key}
        schema={externalPersonPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="fullName"
        filters={{ siteId: siteId ?? undefined, kind: kind ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} />
            <Select
              aria-label={t('externals.kind')}
              placeholder={t('externals.allKinds')}
              data={externalKinds.map((k) => ({ value: k, label: t(`externals.kinds.${k}`) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={200}
            />
          </>
        }
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('externals.add')}
            </Button>
          ) : null
        }
        onRowClick={manage ? setEditing : undefined}
        emptyTitle={t('externals.empty')}
      />
      {editing !== null && (
        <ExternalFormModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

import { Button, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import {
  agreementInput,
  agreementKinds,
  agreementPage,
  agreementPatch,
  agreementView,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { DateSpanInputs } from '../../../platform/ui/DateSpanInputs.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, usePartnerOptions, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

type Row = z.infer<typeof agreementView>;
type V = {
  siteId: string;
  partnerId: string;
  kind: string;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  renewalNoticeDays: number | string;
};

function AgreementForm({ record, onClose }: { record: Row | null; onClose: () => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: '',
      kind: '',
      title: '',
      startsOn: null,
      endsOn: null,
      renewalNoticeDays: 90,
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      kind: r.kind,
      title: r.title,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      renewalNoticeDays: r.renewalNoticeDays,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        partnerId: v.partnerId,
        kind: v.kind as (typeof agreementKinds)[number],
        title: v.title,
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        renewalNoticeDays: Number(v.renewalNoticeDays),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: agreementInput,
    patchSchema: agreementPatch,
    create: (p) => api.post('/api/academia/agreements', p, agreementView),
    update: (id, body) => api.patch(`/api/academia/agreements/${id}`, body, agreementView),
    fetch: (id) => api.get(`/api/academia/agreements/${id}`, agreementView),
    invalidate: [academiaKeys.agreements],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('agreements.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          data-autofocus
          {...f.form.getInputProps('siteId')}
        />
      )}
      <Select
        label={t('common.partner')}
        data={partners}
        searchable
        required
        {...f.form.getInputProps('partnerId')}
      />
      <Select
        label={t('common.kind')}
        data={agreementKinds.map((k) => ({ value: k, label: label('agreementKinds', k) }))}
        required
        {...f.form.getInputProps('kind')}
      />
      <TextInput label={t('agreements.titleField')} required {...f.form.getInputProps('title')} />
      <SimpleGrid cols={3}>
        <DateSpanInputs
          inputProps={f.form.getInputProps}
          labels={{ startsOn: t('common.startsOn'), endsOn: t('common.endsOn') }}
        />
        <NumberInput
          label={t('agreements.notice')}
          min={0}
          max={730}
          {...f.form.getInputProps('renewalNoticeDays')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** Agreements with partners, their terms and the day each renewal is due. */
export function AgreementsPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const manage = can('academia.manage');
  const columns: Column<Row>[] = [
    {
      key: 'title',
      header: t('agreements.titleField'),
      sortKey: 'title',
      wrap: true,
      render: (a) => a.title,
    },
    { key: 'site', header: t('common.site'), render: (a) => a.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (a) => schoolName(a) },
    { key: 'kind', header: t('common.kind'), render: (a) => label('agreementKinds', a.kind) },
    { key: 'startsOn', header: t('common.startsOn'), sortKey: 'startsOn', render: (a) => a.startsOn },
    { key: 'endsOn', header: t('common.endsOn'), sortKey: 'endsOn', render: (a) => a.endsOn },
    { key: 'renewal', header: t('agreements.renewalDue'), render: (a) => a.renewalDue },
  ];
  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('agreements.title') }]}
        description={t('agreements.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('agreements.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('agreements.title')}
        endpoint="/api/academia/agreements"
        schema={agreementPage}
        columns={columns}
        rowKey={(a) => a.id}
        defaultSort="endsOn"
        searchPlaceholder={t('agreements.search')}
        filters={{ siteId: siteId ?? undefined, kind: kind ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('common.kind')}
              placeholder={t('agreements.allKinds')}
              data={agreementKinds.map((k) => ({ value: k, label: label('agreementKinds', k) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={220}
            />
          </>
        }
        exportPath="/api/academia/agreements/export.csv"
        exportXlsxPath="/api/academia/agreements/export.xlsx"
        onRowClick={manage ? (a) => setEditing(a) : undefined}
        emptyTitle={t('agreements.emptyTitle')}
        emptyHint={t('agreements.emptyHint')}
      />
      {editing && (
        <AgreementForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

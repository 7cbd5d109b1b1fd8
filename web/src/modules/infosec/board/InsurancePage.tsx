import { Button, MultiSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  insuranceCovers,
  type PolicyView,
  policyInput,
  policyPage,
  policyPatch,
  policyView,
} from '#shared/modules/infosec/material/insurance.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { useInfosecT } from '../i18n/index.ts';

const POLICIES = '/api/infosec/insurance/policies';

type PolicyValues = {
  insurer: string;
  policyNumber: string;
  covers: string[];
  /** The limit and the retention as entered, in the currency's major unit (the request carries cents). */
  limitMinor: number | string;
  retentionMinor: number | string;
  currency: string;
  noticeHours: number | string;
  startsOn: string;
  endsOn: string;
};

const blank: PolicyValues = {
  insurer: '',
  policyNumber: '',
  covers: [],
  limitMinor: 0,
  retentionMinor: 0,
  currency: 'USD',
  noticeHours: 72,
  startsOn: '',
  endsOn: '',
};

/** Registers a policy, or edits one (only the changed fields with its version; a stale edit offers a reload). */
function PolicyForm({ record, onClose }: { record: PolicyView | null; onClose: () => void }) {
  const t = useInfosecT();
  const f = useRecordForm({
    record,
    blank,
    toValues: (p: PolicyView): PolicyValues => ({
      insurer: p.insurer,
      policyNumber: p.policyNumber,
      covers: [...p.covers],
      limitMinor: p.limitMinor / 100,
      retentionMinor: p.retentionMinor / 100,
      currency: p.currency,
      noticeHours: p.noticeHours,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
    }),
    toPayload: (v: PolicyValues) => ({
      insurer: v.insurer.trim(),
      policyNumber: v.policyNumber.trim(),
      covers: v.covers,
      limitMinor: Math.round(Number(v.limitMinor) * 100),
      retentionMinor: Math.round(Number(v.retentionMinor) * 100),
      currency: v.currency.trim().toUpperCase(),
      noticeHours: Number(v.noticeHours),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    }),
    createSchema: policyInput,
    patchSchema: policyPatch,
    create: (p) => api.post(POLICIES, p, policyView),
    update: (id, body) => api.patch(`${POLICIES}/${id}`, body, policyView),
    fetch: (id) => api.get(`${POLICIES}/${id}`, policyView),
    invalidate: [POLICIES],
    onSaved: onClose,
    savedMessage: record ? t('insurance.updated') : t('insurance.saved'),
    check: (v): Record<string, string> =>
      v.startsOn && v.endsOn && v.endsOn < v.startsOn ? { endsOn: t('insurance.endsBeforeStart') } : {},
  });
  const input = f.form.getInputProps;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? `${t('insurance.edit')} · ${record.policyNumber}` : t('insurance.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={f.stale ? f.reload : undefined}
    >
      <SimpleGrid cols={2}>
        <TextInput data-autofocus required label={t('insurance.insurer')} {...input('insurer')} />
        <TextInput required label={t('insurance.policyNumber')} {...input('policyNumber')} />
      </SimpleGrid>
      <MultiSelect
        label={t('insurance.covers')}
        data={insuranceCovers.map((c) => ({ value: c, label: t(`insurance.cover.${c}`) }))}
        {...input('covers')}
      />
      <SimpleGrid cols={3}>
        <NumberInput label={t('insurance.limit')} {...input('limitMinor')} min={0} thousandSeparator />
        <NumberInput
          label={t('insurance.retention')}
          {...input('retentionMinor')}
          min={0}
          thousandSeparator
        />
        <TextInput label={t('insurance.currency')} {...input('currency')} maxLength={3} />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <NumberInput label={t('insurance.noticeHours')} {...input('noticeHours')} min={1} />
        <TextInput type="date" required label={t('insurance.startsOn')} {...input('startsOn')} />
        <TextInput type="date" required label={t('insurance.endsOn')} {...input('endsOn')} />
      </SimpleGrid>
    </FormModal>
  );
}

/** The group's cyber insurance policies: search, sorting, paging, export, and a new policy for the CISO office. */
export function InsurancePage() {
  const t = useInfosecT();
  const can = useCan();
  const [editing, setEditing] = useState<PolicyView | 'new' | null>(null);
  const manage = can('infosec.manage');
  const money = (minor: number, currency: string) =>
    `${currency} ${new Intl.NumberFormat().format(Math.round(minor / 100))}`;
  const columns: Column<PolicyView>[] = [
    { key: 'insurer', header: t('insurance.insurer'), sortKey: 'insurer', render: (p) => p.insurer },
    { key: 'number', header: t('insurance.policyNumber'), render: (p) => p.policyNumber },
    {
      key: 'covers',
      header: t('insurance.covers'),
      wrap: true,
      render: (p) => p.covers.map((c) => t(`insurance.cover.${c}`)).join(', ') || '—',
    },
    { key: 'limit', header: t('insurance.limit'), render: (p) => money(p.limitMinor, p.currency) },
    {
      key: 'retention',
      header: t('insurance.retention'),
      render: (p) => money(p.retentionMinor, p.currency),
    },
    { key: 'notice', header: t('insurance.noticeHours'), render: (p) => p.noticeHours },
    { key: 'startsOn', header: t('insurance.startsOn'), sortKey: 'startsOn', render: (p) => p.startsOn },
    { key: 'endsOn', header: t('insurance.endsOn'), sortKey: 'endsOn', render: (p) => p.endsOn },
  ];
  return (
    <>
      <PageHeader
        title={t('insurance.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('insurance.title') }]}
        description={t('insurance.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('insurance.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('insurance.title')}
        endpoint={POLICIES}
        schema={policyPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="endsOn"
        defaultOrder="desc"
        searchPlaceholder={t('insurance.searchPlaceholder')}
        filters={{}}
        exportPath={`${POLICIES}/export.csv`}
        exportXlsxPath={`${POLICIES}/export.xlsx`}
        emptyTitle={t('insurance.emptyTitle')}
        emptyHint={t('insurance.emptyHint')}
        onRowClick={manage ? (p) => setEditing(p) : undefined}
      />
      {editing && <PolicyForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

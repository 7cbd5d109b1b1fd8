import { Button, MultiSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  insuranceCovers,
  type PolicyView,
  policyPage,
  policyView,
} from '#shared/modules/infosec/material/insurance.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecT } from '../i18n/index.ts';

const POLICIES = '/api/infosec/insurance/policies';

function PolicyForm({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    insurer: '',
    policyNumber: '',
    covers: [] as string[],
    limit: 0 as number | string,
    retention: 0 as number | string,
    currency: 'USD',
    noticeHours: 72 as number | string,
    startsOn: '',
    endsOn: '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.post(
        POLICIES,
        {
          insurer: f.insurer,
          policyNumber: f.policyNumber,
          covers: f.covers,
          limitMinor: Math.round(Number(f.limit) * 100),
          retentionMinor: Math.round(Number(f.retention) * 100),
          currency: f.currency,
          noticeHours: Number(f.noticeHours),
          startsOn: f.startsOn,
          endsOn: f.endsOn,
        },
        policyView,
      ),
    onSuccess: async () => {
      notifications.show({ message: t('insurance.saved'), color: 'teal' });
      await queryClient.invalidateQueries({ queryKey: [POLICIES] });
      onClose();
    },
  });
  const set = (k: keyof typeof f) => (v: unknown) => setF((x) => ({ ...x, [k]: v }));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('insurance.add')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <SimpleGrid cols={2}>
        <TextInput
          data-autofocus
          required
          label={t('insurance.insurer')}
          value={f.insurer}
          onChange={(e) => set('insurer')(e.currentTarget.value)}
        />
        <TextInput
          required
          label={t('insurance.policyNumber')}
          value={f.policyNumber}
          onChange={(e) => set('policyNumber')(e.currentTarget.value)}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('insurance.covers')}
        data={insuranceCovers.map((c) => ({ value: c, label: t(`insurance.cover.${c}`) }))}
        value={f.covers}
        onChange={set('covers')}
      />
      <SimpleGrid cols={3}>
        <NumberInput
          label={t('insurance.limit')}
          value={f.limit}
          onChange={set('limit')}
          min={0}
          thousandSeparator
        />
        <NumberInput
          label={t('insurance.retention')}
          value={f.retention}
          onChange={set('retention')}
          min={0}
          thousandSeparator
        />
        <TextInput
          label={t('insurance.currency')}
          value={f.currency}
          onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
          maxLength={3}
        />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <NumberInput
          label={t('insurance.noticeHours')}
          value={f.noticeHours}
          onChange={set('noticeHours')}
          min={1}
        />
        <TextInput
          type="date"
          required
          label={t('insurance.startsOn')}
          value={f.startsOn}
          onChange={(e) => set('startsOn')(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          required
          label={t('insurance.endsOn')}
          value={f.endsOn}
          onChange={(e) => set('endsOn')(e.currentTarget.value)}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** The group's cyber insurance policies: search, sorting, paging, export, and a new policy for the CISO office. */
export function InsurancePage() {
  const t = useInfosecT();
  const can = useCan();
  const [adding, setAdding] = useState(false);
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
          can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
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
      />
      {adding && <PolicyForm onClose={() => setAdding(false)} />}
    </>
  );
}

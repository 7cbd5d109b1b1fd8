import { Button, Group, Modal, Select } from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { paymentCategories, paymentPage } from '#shared/modules/academia/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { academiaKeys, useMoney, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { YearFilter } from '../YearFilter.tsx';
import { PaymentForm } from './PaymentForm.tsx';

type Row = z.infer<typeof paymentPage>['items'][number];

/** A file to start an import from: the columns the payments' importer reads, with two rows of examples. */
const PAYMENTS_TEMPLATE =
  'site_code,school,category,paid_on,currency,amount,project,note\n' +
  'ASE-KH,National Sun Yat-sen University,scholarship,2026-09-01,USD,"11,000.00",,Second-year award\n' +
  'ASE-KH,National Cheng Kung University,course,2026-10-15,TWD,"120,000",,Lecture fees\n';

/** Every payment to schools and institutes at the reader's sites: what the year's contribution adds up. */
export function PaymentsPage() {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const schoolName = useSchoolName();
  const money = useMoney();
  const can = useCan();
  const manage = can('academia.manage');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const columns: Column<Row>[] = [
    { key: 'paidOn', header: t('payments.paidOn'), sortKey: 'paidOn', render: (p) => p.paidOn },
    { key: 'site', header: t('common.site'), render: (p) => p.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (p) => schoolName(p) },
    {
      key: 'category',
      header: t('payments.category'),
      render: (p) => label('paymentCategories', p.category),
    },
    {
      key: 'amount',
      header: t('payments.amount'),
      sortKey: 'amountMinor',
      align: 'right',
      render: (p) => money(p.amountMinor, p.currency),
    },
    { key: 'note', header: t('payments.note'), wrap: true, render: (p) => p.note ?? '—' },
  ];
  return (
    <>
      <PageHeader
        title={t('payments.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('payments.title') }]}
        description={t('payments.description')}
        actions={
          manage && (
            <Group>
              <Button
                variant="light"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('payments.import')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('payments.add')}
              </Button>
            </Group>
          )
        }
      />
      <DataTable
        label={t('payments.title')}
        endpoint="/api/academia/payments"
        schema={paymentPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="paidOn"
        defaultOrder="desc"
        searchPlaceholder={t('payments.search')}
        filters={{ siteId: siteId ?? undefined, category: category ?? undefined, year: year ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('payments.category')}
              placeholder={t('payments.allCategories')}
              data={paymentCategories.map((c) => ({ value: c, label: label('paymentCategories', c) }))}
              value={category}
              onChange={setCategory}
              clearable
              w={220}
            />
            <YearFilter value={year} onChange={setYear} />
          </>
        }
        exportPath="/api/academia/payments/export.csv"
        exportXlsxPath="/api/academia/payments/export.xlsx"
        onRowClick={manage ? (p) => setEditing(p) : undefined}
        emptyTitle={t('payments.emptyTitle')}
        emptyHint={t('payments.emptyHint')}
      />
      {editing && (
        <PaymentForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && (
        <Modal opened onClose={() => setImporting(false)} size="xl" title={t('payments.import')}>
          <ImportWizard
            kind="academia_payments"
            template={{ filename: 'academia-payments-template.csv', csv: PAYMENTS_TEMPLATE }}
            expected={[
              ['site_code', true],
              ['school', true],
              ['category', true],
              ['paid_on', true],
              ['currency', true],
              ['amount', true],
              ['project', false],
              ['note', false],
            ]}
            invalidate={[academiaKeys.payments, academiaKeys.contribution, academiaKeys.projects]}
          />
        </Modal>
      )}
    </>
  );
}

import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type SupplierView,
  supplierCategories,
  supplierCriticalities,
  supplierPage,
} from '#shared/modules/infosec/suppliers/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { SupplierForm } from './SupplierForm.tsx';

export const criticalityColor: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow' };

/** The critical suppliers of the user's sites: filters, sorting, paging, exports. */
export function SuppliersPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [criticality, setCriticality] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();

  const columns: Column<SupplierView>[] = [
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    {
      key: 'name',
      header: t('suppliers.name'),
      sortKey: 'name',
      wrap: true,
      render: (s) => (
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
      ),
    },
    { key: 'country', header: t('suppliers.country'), sortKey: 'country', render: (s) => s.country },
    { key: 'supplies', header: t('suppliers.supplies'), wrap: true, render: (s) => s.supplies },
    {
      key: 'category',
      header: t('suppliers.category'),
      render: (s) => label('supplierCategories', s.category),
    },
    {
      key: 'criticality',
      header: t('suppliers.criticality'),
      sortKey: 'criticality',
      render: (s) => (
        <Badge variant="light" color={criticalityColor[s.criticality]}>
          {label('supplierCriticalities', s.criticality)}
        </Badge>
      ),
    },
    {
      key: 'served',
      header: t('suppliers.served'),
      render: (s) => s.servedSites.map((x) => x.code).join(', ') || '—',
    },
    {
      key: 'contacts',
      header: t('suppliers.contacts'),
      render: (s) => s.contacts.map((c) => c.name).join(', ') || '—',
    },
    { key: 'last', header: t('suppliers.lastConfirmed'), render: (s) => s.lastConfirmedOn ?? '—' },
    { key: 'due', header: t('suppliers.followUpDue'), render: (s) => s.followUpDueOn ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('suppliers.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('suppliers.title') }]}
        description={t('suppliers.description')}
        actions={
          can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('suppliers.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('suppliers.title')}
        endpoint="/api/infosec/suppliers"
        schema={supplierPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="name"
        searchPlaceholder={t('suppliers.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          category: category ?? undefined,
          criticality: criticality ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('suppliers.category')}
              placeholder={t('suppliers.allCategories')}
              data={supplierCategories.map((c) => ({ value: c, label: label('supplierCategories', c) }))}
              value={category}
              onChange={setCategory}
              clearable
              w={170}
            />
            <Select
              aria-label={t('suppliers.criticality')}
              placeholder={t('suppliers.allCriticalities')}
              data={supplierCriticalities.map((c) => ({
                value: c,
                label: label('supplierCriticalities', c),
              }))}
              value={criticality}
              onChange={setCriticality}
              clearable
              w={170}
            />
          </>
        }
        exportPath="/api/infosec/suppliers/export.csv"
        exportXlsxPath="/api/infosec/suppliers/export.xlsx"
        emptyTitle={t('suppliers.emptyTitle')}
        emptyHint={t('suppliers.emptyHint')}
        onRowClick={(s) =>
          void navigate({ to: '/infosec/suppliers/$supplierId', params: { supplierId: s.id } })
        }
      />
      {adding && <SupplierForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}

import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { trademarkPage } from '#shared/modules/ip/contract.ts';
import { trademarkOffices, trademarkStatuses } from '#shared/modules/ip/rules/offices.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { TrademarkForm } from './TrademarkForm.tsx';

type Row = z.infer<typeof trademarkPage>['items'][number];

/** The group's trademarks by jurisdiction, with the end of each registration and the next deadline. */
export function TrademarksPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const manage = can('ip.manage');
  const columns: Column<Row>[] = [
    {
      key: 'mark',
      header: t('trademarks.mark'),
      sortKey: 'mark',
      render: (x) => <Text fw={600}>{x.mark}</Text>,
    },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'office',
      header: t('common.office'),
      sortKey: 'office',
      render: (x) => label('offices', x.office),
    },
    { key: 'classes', header: t('trademarks.classes'), render: (x) => x.niceClasses.join(', ') },
    { key: 'applicationNo', header: t('trademarks.applicationNo'), render: (x) => x.applicationNo },
    { key: 'registrationNo', header: t('trademarks.registrationNo'), render: (x) => x.registrationNo ?? '—' },
    {
      key: 'filingDate',
      header: t('trademarks.filingDate'),
      sortKey: 'filingDate',
      render: (x) => x.filingDate,
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (x) => (
        <Badge size="sm" variant="outline" color={x.problems.length ? 'red' : undefined}>
          {label('statuses', x.status)}
        </Badge>
      ),
    },
    { key: 'expires', header: t('trademarks.expires'), render: (x) => x.expires ?? '—' },
  ];
  return (
    <>
      <PageHeader
        title={t('trademarks.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('trademarks.title') }]}
        description={t('trademarks.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('trademarks.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('trademarks.title')}
        endpoint="/api/ip/trademarks"
        schema={trademarkPage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="mark"
        searchPlaceholder={t('trademarks.search')}
        filters={{ siteId: siteId ?? undefined, office: office ?? undefined, status: status ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('common.office')}
              placeholder={t('common.allOffices')}
              data={trademarkOffices.map((o) => ({ value: o, label: label('offices', o) }))}
              value={office}
              onChange={setOffice}
              clearable
              w={220}
            />
            <Select
              aria-label={t('common.status')}
              placeholder={t('common.allStatuses')}
              data={trademarkStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
          </>
        }
        exportPath="/api/ip/trademarks/export.csv"
        exportXlsxPath="/api/ip/trademarks/export.xlsx"
        onRowClick={manage ? (x) => setEditing(x) : undefined}
        emptyTitle={t('trademarks.emptyTitle')}
        emptyHint={t('trademarks.emptyHint')}
      />
      {editing && (
        <TrademarkForm trademark={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

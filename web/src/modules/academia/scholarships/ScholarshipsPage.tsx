import { Badge, Button, NumberInput, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { scholarshipPage } from '#shared/modules/academia/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useMoney, useSchoolName } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';
import { ScholarshipForm } from './ScholarshipForm.tsx';

type Row = z.infer<typeof scholarshipPage>['items'][number];

/** Scholarship awards of the reader's sites: search, filter, sort, page, export; award and correct. */
export function ScholarshipsPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const can = useCan();
  const money = useMoney();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const columns: Column<Row>[] = [
    {
      key: 'recipient',
      header: t('scholarships.recipient'),
      sortKey: 'recipientName',
      render: (s) =>
        s.anonymisedOn ? (
          <Tooltip label={t('scholarships.anonymisedOn', { date: s.anonymisedOn })}>
            <Badge variant="light" color="gray">
              {t('interns.anonymised')}
            </Badge>
          </Tooltip>
        ) : (
          <span translate="no">{s.recipientName}</span>
        ),
    },
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (s) => schoolName(s) },
    { key: 'program', header: t('scholarships.program'), wrap: true, render: (s) => s.program },
    {
      key: 'awardedOn',
      header: t('scholarships.awardedOn'),
      sortKey: 'awardedOn',
      render: (s) => s.awardedOn,
    },
    {
      key: 'amount',
      header: t('scholarships.amount'),
      align: 'right',
      render: (s) => money(s.amountMinor, s.currency),
    },
    {
      key: 'condition',
      header: t('scholarships.condition'),
      wrap: true,
      render: (s) => s.condition ?? t('common.none'),
    },
  ];
  const mayManage = can('academia.manage');
  return (
    <>
      <PageHeader
        title={t('scholarships.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('scholarships.title') }]}
        description={t('scholarships.description')}
        actions={
          mayManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('scholarships.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('scholarships.title')}
        endpoint="/api/academia/scholarships"
        schema={scholarshipPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="awardedOn"
        defaultOrder="desc"
        searchPlaceholder={t('scholarships.search')}
        filters={{
          siteId: siteId ?? undefined,
          // A year once its four digits are typed (the API takes 1990 onwards).
          year: typeof year === 'number' && year >= 1990 ? year : undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <NumberInput
              aria-label={t('common.year')}
              placeholder={t('common.year')}
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              allowDecimal={false}
              w={120}
            />
          </>
        }
        exportPath="/api/academia/scholarships/export.csv"
        exportXlsxPath="/api/academia/scholarships/export.xlsx"
        onRowClick={mayManage ? (s) => setEditing(s) : undefined}
        emptyTitle={t('scholarships.emptyTitle')}
        emptyHint={t('scholarships.emptyHint')}
      />
      {editing && (
        <ScholarshipForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

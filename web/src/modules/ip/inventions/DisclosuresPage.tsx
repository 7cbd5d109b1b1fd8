import { Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { disclosurePage } from '#shared/modules/ip/inventions/contract.ts';
import { disclosureStatuses } from '#shared/modules/ip/inventions/rules.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { DisclosureForm } from './DisclosureForm.tsx';
import { RewardSchedule } from './RewardSchedule.tsx';
import { StatusBadge } from './StatusBadge.tsx';

type Row = z.infer<typeof disclosurePage>['items'][number];

/** The list of invention disclosures: the IP office's (its sites), or the person's own. */
function Disclosures({ mine }: { mine: boolean }) {
  const t = useIpT();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const label = useIpLabel();
  const open = (id: string) =>
    void navigate({ to: '/ip/disclosures/$disclosureId', params: { disclosureId: id } });
  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('inventions.reference'),
      sortKey: 'reference',
      render: (x) => <Text ff="monospace">{x.reference}</Text>,
    },
    {
      key: 'title',
      header: t('inventions.inventionTitle'),
      sortKey: 'title',
      render: (x) => <Text fw={600}>{x.title}</Text>,
    },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'inventors',
      header: t('inventions.inventors'),
      render: (x) => x.inventors.map((i) => `${i.name} ${i.share}%`).join(', '),
    },
    {
      key: 'submitted',
      header: t('inventions.submitted'),
      sortKey: 'submittedAt',
      render: (x) => x.submittedAt.slice(0, 10),
    },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (x) => <StatusBadge status={x.status} />,
    },
    { key: 'family', header: t('inventions.family'), render: (x) => x.familyReference ?? '—' },
  ];
  const title = mine ? t('inventions.mineTitle') : t('inventions.title');
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('nav.section') }, { label: title }]}
        description={mine ? t('inventions.mineDescription') : t('inventions.description')}
        actions={
          can('ip.disclose') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('inventions.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={title}
        endpoint="/api/ip/disclosures"
        schema={disclosurePage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="submittedAt"
        defaultOrder="desc"
        searchPlaceholder={t('inventions.search')}
        filters={{
          mine: mine ? 'true' : undefined,
          siteId: siteId ?? undefined,
          status: status ?? undefined,
        }}
        filterBar={
          <>
            {!mine && <SiteFilter value={siteId} onChange={setSiteId} w={200} />}
            <Select
              aria-label={t('common.status')}
              placeholder={t('common.allStatuses')}
              data={disclosureStatuses.map((s) => ({ value: s, label: label('disclosureStatuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={220}
            />
          </>
        }
        exportPath={mine ? undefined : '/api/ip/disclosures/export.csv'}
        exportXlsxPath={mine ? undefined : '/api/ip/disclosures/export.xlsx'}
        onRowClick={(x) => open(x.id)}
        emptyTitle={mine ? t('inventions.mineEmptyTitle') : t('inventions.emptyTitle')}
        emptyHint={mine ? t('inventions.mineEmptyHint') : t('inventions.emptyHint')}
      />
      {!mine && <RewardSchedule />}
      {adding && <DisclosureForm onClose={() => setAdding(false)} onSaved={(d) => open(d.id)} />}
    </>
  );
}

export function DisclosuresPage() {
  return <Disclosures mine={false} />;
}

export function MyDisclosuresPage() {
  return <Disclosures mine />;
}

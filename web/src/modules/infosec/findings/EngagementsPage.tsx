import { Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type EngagementView,
  engagementKinds,
  engagementPage,
} from '#shared/modules/infosec/findings/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { EngagementForm } from './EngagementForm.tsx';

/** Audits, scans, tests and OT assessments of the user's sites, with filters, sorting and exports. */
export function EngagementsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const columns: Column<EngagementView>[] = [
    { key: 'site', header: t('common.site'), render: (e) => e.siteCode },
    {
      key: 'reference',
      header: t('findings.reference'),
      sortKey: 'reference',
      render: (e) => (
        <Text size="sm" fw={500}>
          {e.reference}
        </Text>
      ),
    },
    { key: 'kind', header: t('findings.kind'), render: (e) => label('findings.kinds', e.kind) },
    { key: 'vendor', header: t('findings.vendor'), render: (e) => e.vendor ?? '—' },
    { key: 'scope', header: t('findings.scope'), wrap: true, render: (e) => e.scope },
    {
      key: 'starts',
      header: t('findings.startsOn'),
      sortKey: 'startsOn',
      render: (e) => fmt.date(e.startsOn),
    },
    {
      key: 'open',
      header: t('findings.openFindings'),
      align: 'right',
      render: (e) => fmt.number(e.openFindings),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('findings.engagements')}
        crumbs={[{ label: t('nav.section') }, { label: t('findings.engagements') }]}
        description={t('findings.engagementsDescription')}
        actions={
          can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('findings.addEngagement')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('findings.engagements')}
        endpoint="/api/infosec/engagements"
        schema={engagementPage}
        columns={columns}
        rowKey={(e) => e.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('findings.searchEngagements')}
        filters={{ siteId: siteId ?? undefined, kind: kind ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('findings.kind')}
              placeholder={t('findings.allKinds')}
              data={engagementKinds.map((k) => ({ value: k, label: label('findings.kinds', k) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={200}
            />
          </>
        }
        exportPath="/api/infosec/engagements/export.csv"
        exportXlsxPath="/api/infosec/engagements/export.xlsx"
        onRowClick={(e) =>
          void navigate({ to: '/infosec/engagements/$engagementId', params: { engagementId: e.id } })
        }
        emptyTitle={t('findings.emptyEngagements')}
        emptyHint={t('findings.emptyEngagementsHint')}
      />
      {adding && <EngagementForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}

import { Button, Select, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type AdvisoryView,
  advisoryPage,
  advisorySeverities,
  advisorySources,
  tlpLevels,
} from '#shared/modules/infosec/advisories/contract.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { ImportModal } from './ImportModal.tsx';
import { SeverityBadge, TlpBadge, useGroupManager } from './parts.tsx';

/** The advisories routed to the user's sites (or shared with them by name), with filters, sorting and exports. */
export function AdvisoriesPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const groupManager = useGroupManager();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>(null);
  const [tlp, setTlp] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  const columns: Column<AdvisoryView>[] = [
    { key: 'reference', header: t('advisories.reference'), sortKey: 'reference', render: (a) => a.reference },
    {
      key: 'title',
      header: t('advisories.name'),
      wrap: true,
      render: (a) => (
        <Text size="sm" fw={500}>
          {a.title}
        </Text>
      ),
    },
    {
      key: 'severity',
      header: t('advisories.severity'),
      sortKey: 'severity',
      render: (a) => <SeverityBadge severity={a.severity} />,
    },
    { key: 'tlp', header: t('advisories.tlp'), render: (a) => <TlpBadge tlp={a.tlp} /> },
    { key: 'source', header: t('advisories.source'), render: (a) => label('advisories.sources', a.source) },
    { key: 'sites', header: t('advisories.sites'), align: 'right', render: (a) => fmt.number(a.siteCount) },
    { key: 'open', header: t('advisories.open'), align: 'right', render: (a) => fmt.number(a.openCount) },
    {
      key: 'nextDue',
      header: t('advisories.nextDue'),
      sortKey: 'nextDueOn',
      render: (a) => fmt.date(a.nextDueOn),
    },
    {
      key: 'routedAt',
      header: t('advisories.routedAt'),
      sortKey: 'routedAt',
      render: (a) => fmt.dateTime(a.routedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('advisories.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('advisories.title') }]}
        description={t('advisories.description')}
        actions={
          groupManager ? (
            <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('advisories.import')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('advisories.title')}
        endpoint="/api/infosec/advisories"
        schema={advisoryPage}
        columns={columns}
        rowKey={(a) => a.id}
        defaultSort="routedAt"
        defaultOrder="desc"
        searchPlaceholder={t('advisories.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          severity: severity ?? undefined,
          tlp: tlp ?? undefined,
          source: source ?? undefined,
          open: open ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('advisories.severity')}
              placeholder={t('advisories.allSeverities')}
              data={advisorySeverities.map((s) => ({ value: s, label: label('advisories.severities', s) }))}
              value={severity}
              onChange={setSeverity}
              clearable
              w={160}
            />
            <Select
              aria-label={t('advisories.tlp')}
              placeholder={t('advisories.allTlp')}
              data={tlpLevels.map((l) => ({ value: l, label: `TLP:${label('advisories.tlps', l)}` }))}
              value={tlp}
              onChange={setTlp}
              clearable
              w={180}
            />
            <Select
              aria-label={t('advisories.source')}
              placeholder={t('advisories.allSources')}
              data={advisorySources.map((s) => ({ value: s, label: label('advisories.sources', s) }))}
              value={source}
              onChange={setSource}
              clearable
              w={160}
            />
            <Select
              aria-label={t('advisories.onlyOpen')}
              placeholder={t('advisories.onlyOpen')}
              data={[{ value: 'true', label: t('advisories.onlyOpen') }]}
              value={open}
              onChange={setOpen}
              clearable
              w={170}
            />
          </>
        }
        exportPath="/api/infosec/advisories/export.csv"
        exportXlsxPath="/api/infosec/advisories/export.xlsx"
        onRowClick={(a) =>
          void navigate({ to: '/infosec/advisories/$advisoryId', params: { advisoryId: a.id } })
        }
        emptyTitle={t('advisories.emptyTitle')}
        emptyHint={t('advisories.emptyHint')}
      />
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </>
  );
}

import { Badge, Button, Select, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { exclusivities, licenceDirections, licencePage } from '#shared/modules/ip/licences/contract.ts';
import { isCalendarDate } from '#shared/platform/http/list.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { LicenceForm } from './LicenceForm.tsx';

type Row = z.infer<typeof licencePage>['items'][number];

/** The licences register: in-, out- and cross-licences with their term, royalties and next report. */
export function LicencesPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [direction, setDirection] = useState<string | null>(null);
  const [exclusivity, setExclusivity] = useState<string | null>(null);
  const [activeOn, setActiveOn] = useState('');
  const [adding, setAdding] = useState(false);
  const today = localDay();
  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('licences.reference'),
      sortKey: 'reference',
      render: (x) => (
        <Text ff="monospace" size="sm" fw={600}>
          {x.reference}
        </Text>
      ),
    },
    {
      key: 'direction',
      header: t('licences.direction'),
      render: (x) => <Badge variant="light">{label('licenceDirections', x.direction)}</Badge>,
    },
    {
      key: 'counterparty',
      header: t('licences.counterparty'),
      sortKey: 'counterparty',
      render: (x) => x.counterparty,
    },
    { key: 'ourParty', header: t('licences.ourParty'), render: (x) => x.subsidiaryName ?? x.siteCode },
    { key: 'subject', header: t('licences.subject'), render: (x) => x.subject },
    { key: 'territory', header: t('licences.territory'), render: (x) => x.territory.join(' ') },
    { key: 'startsOn', header: t('licences.startsOn'), sortKey: 'startsOn', render: (x) => x.startsOn },
    { key: 'endsOn', header: t('licences.endsOn'), sortKey: 'endsOn', render: (x) => x.endsOn ?? '—' },
    {
      key: 'exclusivity',
      header: t('licences.exclusivity'),
      render: (x) => label('exclusivities', x.exclusivity),
    },
    {
      key: 'royalty',
      header: t('licences.royalty'),
      render: (x) =>
        x.royaltyBasis === 'rate'
          ? `${x.royaltyRate}% · ${x.currency}`
          : x.royaltyBasis === 'fixed'
            ? `${x.currency} ${Number(x.royaltyAmount).toLocaleString()}`
            : label('royaltyBases', 'none'),
    },
    {
      key: 'nextReport',
      header: t('licences.nextReport'),
      render: (x) =>
        x.nextReport ? (
          <Text size="sm" c={x.nextReport.dueDate < today ? 'red' : undefined}>
            {x.nextReport.dueDate}
          </Text>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('licences.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('licences.title') }]}
        description={t('licences.description')}
        actions={
          can('ip.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('licences.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('licences.title')}
        endpoint="/api/ip/licences"
        schema={licencePage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('licences.search')}
        filters={{
          siteId: siteId ?? undefined,
          direction: direction ?? undefined,
          exclusivity: exclusivity ?? undefined,
          activeOn: isCalendarDate(activeOn) ? activeOn : undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={180} />
            <Select
              aria-label={t('licences.direction')}
              placeholder={t('licences.allDirections')}
              data={licenceDirections.map((d) => ({ value: d, label: label('licenceDirections', d) }))}
              value={direction}
              onChange={setDirection}
              clearable
              w={170}
            />
            <Select
              aria-label={t('licences.exclusivity')}
              placeholder={t('licences.allExclusivities')}
              data={exclusivities.map((d) => ({ value: d, label: label('exclusivities', d) }))}
              value={exclusivity}
              onChange={setExclusivity}
              clearable
              w={170}
            />
            <TextInput
              aria-label={t('licences.activeOn')}
              placeholder={`${t('licences.activeOn')} YYYY-MM-DD`}
              value={activeOn}
              onChange={(e) => setActiveOn(e.currentTarget.value.trim())}
              w={200}
            />
          </>
        }
        exportPath="/api/ip/licences/export.csv"
        exportXlsxPath="/api/ip/licences/export.xlsx"
        onRowClick={(x) => void navigate({ to: '/ip/licences/$licenceId', params: { licenceId: x.id } })}
        emptyTitle={t('licences.emptyTitle')}
        emptyHint={t('licences.emptyHint')}
      />
      {adding && <LicenceForm licence={null} onClose={() => setAdding(false)} />}
    </>
  );
}

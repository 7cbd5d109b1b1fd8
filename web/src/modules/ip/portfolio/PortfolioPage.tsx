import { Badge, Button, Group, Select, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { matterPage } from '#shared/modules/ip/contract.ts';
import { kinds, offices, statuses, technologies } from '#shared/modules/ip/rules/offices.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { ClampedText } from '../../../platform/ui/ClampedText.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { FamilyForm } from './FamilyForm.tsx';
import { GreenPatents } from './GreenPatents.tsx';
import { PortfolioCounts } from './PortfolioCounts.tsx';

type Row = z.infer<typeof matterPage>['items'][number];

/** The patent portfolio: every matter in scope, filtered by office, status, kind and technology, exported. */
export function PortfolioPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string | null>(null);
  const [green, setGreen] = useState(false);
  const [adding, setAdding] = useState(false);
  const filters = {
    siteId: siteId ?? undefined,
    office: office ?? undefined,
    status: status ?? undefined,
    kind: kind ?? undefined,
    technology: technology ?? undefined,
    green: green ? 'true' : undefined,
  };
  const columns: Column<Row>[] = [
    {
      key: 'family',
      header: t('portfolio.family'),
      wrap: true,
      render: (m) => (
        <div>
          <Text size="sm" ff="monospace" fw={600}>
            {m.familyReference}
          </Text>
          <ClampedText size="xs" c="dimmed" lines={1} text={m.familyTitle} />
        </div>
      ),
    },
    { key: 'site', header: t('common.site'), render: (m) => m.siteCode },
    { key: 'office', header: t('common.office'), sortKey: 'office', render: (m) => m.office },
    { key: 'kind', header: t('common.kind'), render: (m) => label('kinds', m.kind) },
    {
      key: 'applicationNo',
      header: t('portfolio.applicationNo'),
      sortKey: 'applicationNo',
      render: (m) => (
        <Text size="sm" ff="monospace">
          {m.applicationNo}
        </Text>
      ),
    },
    {
      key: 'filingDate',
      header: t('portfolio.filingDate'),
      sortKey: 'filingDate',
      render: (m) => m.filingDate,
    },
    {
      key: 'grantDate',
      header: t('portfolio.grantDate'),
      sortKey: 'grantDate',
      render: (m) => m.grantDate ?? '—',
    },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (m) => (
        <Group gap={4} wrap="nowrap">
          <Badge size="sm" variant="outline">
            {label('statuses', m.status)}
          </Badge>
          {m.green && (
            <Badge size="sm" color="green" variant="light">
              {t('portfolio.green')}
            </Badge>
          )}
          {m.problems.length > 0 && (
            <IconAlertTriangle
              size={16}
              color="var(--mantine-color-red-6)"
              aria-label={t('portfolio.dataProblem')}
            />
          )}
        </Group>
      ),
    },
    {
      key: 'next',
      header: t('portfolio.nextDeadline'),
      render: (m) => <DeadlineBadge deadline={m.nextDeadline} />,
    },
    { key: 'termEnd', header: t('portfolio.termEnd'), render: (m) => m.termEnd ?? '—' },
  ];
  const options = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: label(group, v) }));
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('portfolio.title') }]}
        description={t('portfolio.description')}
        actions={
          can('ip.manage') ? (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => void navigate({ to: '/ip/import' })}
              >
                {t('matterImport.open')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('portfolio.newFamily')}
              </Button>
            </Group>
          ) : null
        }
      />
      <PortfolioCounts siteId={siteId} />
      <GreenPatents siteId={siteId} />
      <DataTable
        label={t('portfolio.title')}
        endpoint="/api/ip/matters"
        schema={matterPage}
        columns={columns}
        rowKey={(m) => m.id}
        defaultSort="filingDate"
        defaultOrder="desc"
        searchPlaceholder={t('portfolio.search')}
        filters={filters}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('common.office')}
              placeholder={t('common.allOffices')}
              data={options('offices', offices)}
              value={office}
              onChange={setOffice}
              clearable
              w={190}
            />
            <Select
              aria-label={t('common.status')}
              placeholder={t('common.allStatuses')}
              data={options('statuses', statuses)}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
            <Select
              aria-label={t('common.kind')}
              placeholder={t('common.allKinds')}
              data={options('kinds', kinds)}
              value={kind}
              onChange={setKind}
              clearable
              w={150}
            />
            <Select
              aria-label={t('common.technology')}
              placeholder={t('common.allTechnologies')}
              data={options('technologies', technologies)}
              value={technology}
              onChange={setTechnology}
              clearable
              w={220}
            />
            <Switch
              label={t('portfolio.greenOnly')}
              checked={green}
              onChange={(e) => setGreen(e.currentTarget.checked)}
            />
          </>
        }
        exportPath="/api/ip/matters/export.csv"
        exportXlsxPath="/api/ip/matters/export.xlsx"
        onRowClick={(m) => void navigate({ to: '/ip/matters/$matterId', params: { matterId: m.id } })}
        emptyTitle={t('portfolio.emptyTitle')}
        emptyHint={t('portfolio.emptyHint')}
      />
      {adding && (
        <FamilyForm
          family={null}
          onClose={() => setAdding(false)}
          onSaved={(f) => void navigate({ to: '/ip/families/$familyId', params: { familyId: f.id } })}
        />
      )}
    </>
  );
}

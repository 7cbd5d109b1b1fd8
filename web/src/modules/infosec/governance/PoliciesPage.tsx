import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type PolicyView, policyPage, policyStatuses } from '#shared/modules/infosec/governance/policies.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { PolicyForm } from './PolicyForm.tsx';

const statusColour = { draft: 'gray', active: 'teal', retired: 'dark' } as const;

/** The policies register: filters, sorting, paging, exports; each policy's version in force. */
export function PoliciesPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const manage = can('infosec.manage');

  const columns: Column<PolicyView>[] = [
    { key: 'code', header: t('policies.code'), sortKey: 'code', render: (p) => p.code },
    {
      key: 'title',
      header: t('policies.policyTitle'),
      sortKey: 'title',
      wrap: true,
      render: (p) => (
        <Text size="sm" fw={500}>
          {p.title}
        </Text>
      ),
    },
    { key: 'site', header: t('common.site'), render: (p) => p.siteCode ?? t('policies.groupWide') },
    {
      key: 'status',
      header: t('policies.status'),
      sortKey: 'status',
      render: (p) => (
        <Badge variant="light" color={statusColour[p.status]}>
          {label('policyStatuses', p.status)}
        </Badge>
      ),
    },
    {
      key: 'current',
      header: t('policies.currentVersion'),
      render: (p) => p.currentVersion ?? t('policies.noVersion'),
    },
    { key: 'effective', header: t('policies.effectiveOn'), render: (p) => p.currentEffectiveOn ?? '—' },
    { key: 'owner', header: t('policies.owner'), render: (p) => p.ownerName ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('policies.title') }]}
        description={t('policies.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('policies.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('policies.title')}
        endpoint="/api/infosec/policies"
        schema={policyPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="code"
        searchPlaceholder={t('policies.searchPlaceholder')}
        filters={{
          siteId: siteId && siteId !== 'group' ? siteId : undefined,
          groupWide: siteId === 'group' ? 'true' : undefined,
          status: status ?? undefined,
        }}
        filterBar={
          <>
            <Select
              aria-label={t('common.site')}
              placeholder={t('common.allSites')}
              data={[{ value: 'group', label: t('policies.groupWide') }, ...siteOptions]}
              value={siteId}
              onChange={setSiteId}
              searchable
              clearable
              w={200}
            />
            <Select
              aria-label={t('policies.status')}
              placeholder={t('policies.allStatuses')}
              data={policyStatuses.map((s) => ({ value: s, label: label('policyStatuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
          </>
        }
        exportPath="/api/infosec/policies/export.csv"
        exportXlsxPath="/api/infosec/policies/export.xlsx"
        onRowClick={(p) => void navigate({ to: '/infosec/policies/$policyId', params: { policyId: p.id } })}
        emptyTitle={t('policies.emptyTitle')}
        emptyHint={t('policies.emptyHint')}
      />
      {adding && (
        <PolicyForm
          record={null}
          onClose={() => setAdding(false)}
          onSaved={(p) => void navigate({ to: '/infosec/policies/$policyId', params: { policyId: p.id } })}
        />
      )}
    </>
  );
}

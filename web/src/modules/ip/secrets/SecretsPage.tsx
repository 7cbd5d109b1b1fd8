import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { secretPage } from '#shared/modules/ip/contract.ts';
import { secretCategories } from '#shared/modules/ip/rules/secrets.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { SecretForm } from './SecretForm.tsx';

type Row = z.infer<typeof secretPage>['items'][number];

/**
 * The register of trade secrets: what is protected (never the secret), its owner, who may access it, and
 * the score of the reasonable measures that keep it secret, reviewed yearly.
 */
export function SecretsPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const manage = can('ip.manage');
  const today = localDay(0);
  const columns: Column<Row>[] = [
    {
      key: 'title',
      header: t('secrets.what'),
      sortKey: 'title',
      render: (x) => <Text fw={600}>{x.title}</Text>,
    },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'category',
      header: t('secrets.category'),
      sortKey: 'category',
      render: (x) => label('secretCategories', x.category),
    },
    { key: 'owner', header: t('secrets.owner'), render: (x) => x.ownerName ?? '—' },
    {
      key: 'access',
      header: t('secrets.accessCount'),
      render: (x) => x.access.length + x.accessEmployees.length,
    },
    {
      key: 'score',
      header: t('secrets.score'),
      sortKey: 'score',
      render: (x) => (
        <Badge variant="light" color={x.score >= 80 ? 'green' : x.score >= 50 ? 'yellow' : 'red'}>
          {x.score}
        </Badge>
      ),
    },
    { key: 'lastReview', header: t('secrets.lastReview'), render: (x) => x.lastReviewDate },
    {
      key: 'nextReview',
      header: t('secrets.nextReview'),
      sortKey: 'nextReviewDue',
      render: (x) => (
        <Text size="sm" c={x.nextReviewDue < today ? 'red' : undefined}>
          {x.nextReviewDue}
          {x.nextReviewDue < today ? ` · ${t('secrets.overdue')}` : ''}
        </Text>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('secrets.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('secrets.title') }]}
        description={t('secrets.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('secrets.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('secrets.title')}
        endpoint="/api/ip/trade-secrets"
        schema={secretPage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="nextReviewDue"
        searchPlaceholder={t('secrets.search')}
        filters={{
          siteId: siteId ?? undefined,
          category: category ?? undefined,
          dueBy: due === null ? undefined : localDay(Number(due)),
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('secrets.category')}
              placeholder={t('secrets.allCategories')}
              data={secretCategories.map((c) => ({ value: c, label: label('secretCategories', c) }))}
              value={category}
              onChange={setCategory}
              clearable
              w={200}
            />
            <Select
              aria-label={t('secrets.reviewDue')}
              placeholder={t('secrets.reviewDue')}
              data={[
                { value: '-1', label: t('secrets.dueOverdue') },
                { value: '30', label: t('secrets.dueWithin', { days: 30 }) },
                { value: '90', label: t('secrets.dueWithin', { days: 90 }) },
              ]}
              value={due}
              onChange={setDue}
              clearable
              w={200}
            />
          </>
        }
        exportPath="/api/ip/trade-secrets/export.csv"
        exportXlsxPath="/api/ip/trade-secrets/export.xlsx"
        onRowClick={manage ? (x) => setEditing(x) : undefined}
        emptyTitle={t('secrets.emptyTitle')}
        emptyHint={t('secrets.emptyHint')}
      />
      {editing && <SecretForm secret={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

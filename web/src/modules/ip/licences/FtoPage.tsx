import { Badge, Button, Group, Select, Stack } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { ftoConclusions, ftoPage } from '#shared/modules/ip/licences/contract.ts';
import { technologies } from '#shared/modules/ip/rules/offices.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { FtoForm } from './FtoForm.tsx';

type Row = z.infer<typeof ftoPage>['items'][number];

const colour = {
  clear: 'green',
  clear_with_licence: 'teal',
  design_around: 'yellow',
  not_clear: 'red',
} as const;

/** Freedom-to-operate opinions per product or technology; a row opens the opinion with its documents. */
export function FtoPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [conclusion, setConclusion] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [selected, setSelected] = useState<Row | null>(null);
  const manage = can('ip.manage');
  const columns: Column<Row>[] = [
    { key: 'subject', header: t('fto.subject'), sortKey: 'subject', render: (x) => x.subject },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'technology',
      header: t('fto.technology'),
      render: (x) => (x.technology ? label('technologies', x.technology) : '—'),
    },
    {
      key: 'conclusion',
      header: t('fto.conclusion'),
      sortKey: 'conclusion',
      render: (x) => (
        <Badge variant="light" color={colour[x.conclusion]}>
          {label('ftoConclusions', x.conclusion)}
        </Badge>
      ),
    },
    { key: 'counsel', header: t('fto.counsel'), render: (x) => x.counsel },
    {
      key: 'opinionDate',
      header: t('fto.opinionDate'),
      sortKey: 'opinionDate',
      render: (x) => x.opinionDate,
    },
    { key: 'patents', header: t('fto.patentsConsidered'), render: (x) => x.patentsConsidered.length },
  ];
  return (
    <>
      <PageHeader
        title={t('fto.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('fto.title') }]}
        description={t('fto.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('fto.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('fto.title')}
        endpoint="/api/ip/fto"
        schema={ftoPage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="opinionDate"
        defaultOrder="desc"
        searchPlaceholder={t('fto.search')}
        filters={{
          siteId: siteId ?? undefined,
          conclusion: conclusion ?? undefined,
          technology: technology ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={180} />
            <Select
              aria-label={t('fto.conclusion')}
              placeholder={t('fto.allConclusions')}
              data={ftoConclusions.map((x) => ({ value: x, label: label('ftoConclusions', x) }))}
              value={conclusion}
              onChange={setConclusion}
              clearable
              w={220}
            />
            <Select
              aria-label={t('fto.technology')}
              placeholder={t('common.allTechnologies')}
              data={technologies.map((x) => ({ value: x, label: label('technologies', x) }))}
              value={technology}
              onChange={setTechnology}
              clearable
              w={200}
            />
          </>
        }
        exportPath="/api/ip/fto/export.csv"
        exportXlsxPath="/api/ip/fto/export.xlsx"
        onRowClick={(x) => setSelected(x)}
        emptyTitle={t('fto.emptyTitle')}
        emptyHint={t('fto.emptyHint')}
      />
      {selected && (
        <Stack mt="md">
          {manage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setEditing(selected)}
              >
                {t('fto.edit')}
              </Button>
            </Group>
          )}
          <AttachmentsPanel
            entityType="ip_fto_record"
            entityId={selected.id}
            canWrite={manage}
            title={`${t('fto.documents')} · ${selected.subject}`}
            description={t('fto.documentsHint')}
          />
        </Stack>
      )}
      {editing && (
        <FtoForm
          record={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            setSelected(null);
          }}
        />
      )}
    </>
  );
}

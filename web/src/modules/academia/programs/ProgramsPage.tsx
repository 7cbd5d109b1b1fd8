import { Button, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { programKinds, programPage } from '#shared/modules/academia/program-contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useAcademiaT } from '../i18n/index.ts';
import { ProgramForm, programsKey } from './ProgramForm.tsx';

type Row = z.infer<typeof programPage>['items'][number];

/** The academia office's programs, with their owners and sites (group records). */
export function ProgramsPage() {
  const t = useAcademiaT();
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  const can = useCan();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const years = (p: Row) => (p.activeFrom || p.activeTo ? `${p.activeFrom ?? '…'}–${p.activeTo ?? ''}` : '—');
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('programs.column'),
      sortKey: 'name',
      wrap: true,
      render: (p) => (zh ? p.nameZh : p.name),
    },
    {
      key: 'code',
      header: t('programs.code'),
      sortKey: 'code',
      // The code the program owner gave it: not words to translate.
      render: (p) => <span translate="no">{p.code}</span>,
    },
    { key: 'kind', header: t('common.kind'), sortKey: 'kind', render: (p) => t(`programs.kinds.${p.kind}`) },
    { key: 'years', header: t('programs.years'), render: years },
    {
      key: 'owners',
      header: t('programs.owners'),
      wrap: true,
      render: (p) => p.owners.map((o) => o.displayName).join(', ') || '—',
    },
    {
      key: 'sites',
      header: t('programs.sites'),
      wrap: true,
      render: (p) => p.sites.map((s) => s.siteCode).join(', ') || '—',
    },
  ];
  return (
    <>
      <PageHeader
        title={t('programs.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('programs.title') }]}
        description={t('programs.description')}
        actions={
          can('academia.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('programs.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('programs.title')}
        endpoint={programsKey}
        schema={programPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="name"
        searchPlaceholder={t('programs.search')}
        filters={{ kind: kind ?? undefined, siteId: siteId ?? undefined }}
        filterBar={
          <>
            <Select
              aria-label={t('common.kind')}
              placeholder={t('programs.allKinds')}
              data={programKinds.map((k) => ({ value: k, label: t(`programs.kinds.${k}`) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={220}
            />
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
          </>
        }
        exportPath={`${programsKey}/export.csv`}
        exportXlsxPath={`${programsKey}/export.xlsx`}
        onRowClick={(p) =>
          void navigate({ to: '/academia/programs/$programId', params: { programId: p.id } })
        }
        emptyTitle={t('programs.emptyTitle')}
        emptyHint={t('programs.emptyHint')}
      />
      {adding && <ProgramForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}

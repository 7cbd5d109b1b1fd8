import { Badge, Button, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { projectLines, projectPage, projectStatuses } from '#shared/modules/academia/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useMoney, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { ProjectForm } from './ProjectForm.tsx';

type Row = z.infer<typeof projectPage>['items'][number];

/** Research projects of the reader's sites: filter, sort, page and export. */
export function ProjectsPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const can = useCan();
  const money = useMoney();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [line, setLine] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const columns: Column<Row>[] = [
    { key: 'title', header: t('projects.titleField'), sortKey: 'title', wrap: true, render: (p) => p.title },
    { key: 'site', header: t('common.site'), render: (p) => p.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (p) => schoolName(p) },
    { key: 'line', header: t('projects.line'), render: (p) => label('lines', p.line) },
    { key: 'investigator', header: t('projects.investigator'), render: (p) => p.principalInvestigator },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (p) => (
        <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'}>
          {label('statuses', p.status)}
        </Badge>
      ),
    },
    { key: 'startsOn', header: t('common.startsOn'), sortKey: 'startsOn', render: (p) => p.startsOn },
    { key: 'endsOn', header: t('common.endsOn'), sortKey: 'endsOn', render: (p) => p.endsOn ?? '—' },
    {
      key: 'budget',
      header: t('projects.budget'),
      align: 'right',
      render: (p) => money(p.budgetMinor, p.currency),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('projects.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('projects.title') }]}
        description={t('projects.description')}
        actions={
          can('academia.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('projects.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('projects.title')}
        endpoint="/api/academia/projects"
        schema={projectPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('projects.search')}
        filters={{ siteId: siteId ?? undefined, line: line ?? undefined, status: status ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('projects.line')}
              placeholder={t('projects.allLines')}
              data={projectLines.map((l) => ({ value: l, label: label('lines', l) }))}
              value={line}
              onChange={setLine}
              clearable
              w={220}
            />
            <Select
              aria-label={t('common.status')}
              placeholder={t('projects.allStatuses')}
              data={projectStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={180}
            />
          </>
        }
        exportPath="/api/academia/projects/export.csv"
        exportXlsxPath="/api/academia/projects/export.xlsx"
        onRowClick={(p) =>
          void navigate({ to: '/academia/projects/$projectId', params: { projectId: p.id } })
        }
        emptyTitle={t('projects.emptyTitle')}
        emptyHint={t('projects.emptyHint')}
      />
      {adding && <ProjectForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}

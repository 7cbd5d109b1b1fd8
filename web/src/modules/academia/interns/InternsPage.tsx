import { Badge, Select, Tabs, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { internPage, internPrograms } from '#shared/modules/academia/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { RecordSignInButton } from '../sign-in/RecordSignIn.tsx';
import { CohortPanel } from './CohortPanel.tsx';
import { ConversionReport } from './ConversionReport.tsx';
import { EvaluateButton } from './EvaluationForm.tsx';
import { PlacementsPanel } from './PlacementsPanel.tsx';
import { ProposedHires } from './ProposedHires.tsx';
import { RetentionNote } from './RetentionForm.tsx';

type Row = z.infer<typeof internPage>['items'][number];

/** A student whose name and contact details the retention schedule erased. */
export function Anonymised({ on }: { on: string }) {
  const t = useAcademiaT();
  return (
    <Tooltip label={t('interns.anonymisedOn', { date: on })}>
      <Badge variant="light" color="gray">
        {t('interns.anonymised')}
      </Badge>
    </Tooltip>
  );
}

/** Interns of the reader's sites with their internship and, once hired, when. */
export function InternsPage() {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const can = useCan();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('interns.name'),
      sortKey: 'fullName',
      render: (i) => (i.anonymisedOn ? <Anonymised on={i.anonymisedOn} /> : i.fullName),
    },
    { key: 'site', header: t('common.site'), render: (i) => i.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (i) => i.partnerName },
    { key: 'program', header: t('interns.program'), render: (i) => label('internPrograms', i.program) },
    { key: 'startedOn', header: t('interns.startedOn'), sortKey: 'startedOn', render: (i) => i.startedOn },
    { key: 'endedOn', header: t('interns.endedOn'), sortKey: 'endedOn', render: (i) => i.endedOn ?? '—' },
    { key: 'hours', header: t('interns.hours'), align: 'right', render: (i) => i.hours },
    { key: 'outcome', header: t('interns.outcome'), render: (i) => label('internOutcomes', i.outcome) },
    {
      key: 'hired',
      header: t('interns.hiredOn'),
      render: (i) =>
        i.hiredOn ? (
          <Badge variant="light" color="teal">
            {t('interns.hired')} {i.hiredOn}
          </Badge>
        ) : (
          '—'
        ),
    },
    ...(can('academia.manage')
      ? [
          {
            key: 'evaluations',
            header: t('evaluations.column'),
            render: (i: Row) => <EvaluateButton intern={i} />,
          },
          {
            key: 'signIn',
            header: t('signIn.student.column'),
            render: (i: Row) =>
              i.anonymisedOn ? (
                '—'
              ) : (
                <RecordSignInButton
                  record={{
                    path: `/api/academia/interns/${i.id}/sign-in`,
                    name: i.fullName ?? t('interns.anonymised'),
                    kind: 'student',
                  }}
                />
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('interns.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('interns.title') }]}
        description={t('interns.description')}
      />
      <Tabs defaultValue="interns" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="interns">{t('hires.internsTab')}</Tabs.Tab>
          <Tabs.Tab value="hires">{t('hires.tab')}</Tabs.Tab>
          <Tabs.Tab value="conversion">{t('hires.conversionTab')}</Tabs.Tab>
          <Tabs.Tab value="cohorts">{t('cohorts.tab')}</Tabs.Tab>
          <Tabs.Tab value="placements">{t('placements.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="interns">
          <RetentionNote />
          <DataTable
            label={t('interns.title')}
            endpoint="/api/academia/interns"
            schema={internPage}
            columns={columns}
            rowKey={(i) => i.id}
            defaultSort="startedOn"
            defaultOrder="desc"
            searchPlaceholder={t('interns.search')}
            filters={{ siteId: siteId ?? undefined, program: program ?? undefined }}
            filterBar={
              <>
                {siteOptions.length > 1 && (
                  <Select
                    aria-label={t('common.site')}
                    placeholder={t('common.allSites')}
                    data={siteOptions}
                    value={siteId}
                    onChange={setSiteId}
                    searchable
                    clearable
                    w={220}
                  />
                )}
                <Select
                  aria-label={t('interns.program')}
                  placeholder={t('interns.allPrograms')}
                  data={internPrograms.map((p) => ({ value: p, label: label('internPrograms', p) }))}
                  value={program}
                  onChange={setProgram}
                  clearable
                  w={240}
                />
              </>
            }
            exportPath="/api/academia/interns/export.csv"
            exportXlsxPath="/api/academia/interns/export.xlsx"
            emptyTitle={t('interns.emptyTitle')}
            emptyHint={t('interns.emptyHint')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="hires">
          <ProposedHires />
        </Tabs.Panel>
        <Tabs.Panel value="conversion">
          <ConversionReport />
        </Tabs.Panel>
        <Tabs.Panel value="cohorts">
          <CohortPanel />
        </Tabs.Panel>
        <Tabs.Panel value="placements">
          <PlacementsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

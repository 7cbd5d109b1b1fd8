import { Badge, Button, Group, Modal, Select, Tabs, Tooltip } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { internPage, internPrograms } from '#shared/modules/academia/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { academiaKeys, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { RecordSignInButton } from '../sign-in/RecordSignIn.tsx';
import { CohortPanel } from './CohortPanel.tsx';
import { ConversionReport } from './ConversionReport.tsx';
import { EvaluateButton } from './EvaluationForm.tsx';
import { PlacementsPanel } from './PlacementsPanel.tsx';
import { ProposedHires } from './ProposedHires.tsx';
import { RetentionNote } from './RetentionForm.tsx';

type Row = z.infer<typeof internPage>['items'][number];

/** A file to start an import from: the columns the interns' importer reads, with an intern and a cohort student. */
const INTERNS_TEMPLATE =
  'site_code,school,full_name,email,date_of_birth,program,started_on,ended_on,hours,outcome,institute,sponsored,study_started_on,study_ended_on\n' +
  'ASE-KH,National Kaohsiung University of Science and Technology,Chen Yi-Ting,,,onsite_internship,2026-07-01,2026-08-31,320,completed,,,,\n' +
  'ASE-KH,National Sun Yat-sen University,Lin Po-Han,,,nsysu_college,2026-09-01,,,,advanced_packaging_testing,yes,2025-09-01,2026-06-30\n';
const INTERN_COLUMNS: [string, boolean][] = [
  ['site_code', true],
  ['school', true],
  ['full_name', true],
  ['email', false],
  ['date_of_birth', false],
  ['program', true],
  ['started_on', true],
  ['ended_on', false],
  ['hours', false],
  ['outcome', false],
  ['institute', false],
  ['sponsored', false],
  ['study_started_on', false],
  ['study_ended_on', false],
];

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
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('interns.name'),
      sortKey: 'fullName',
      render: (i) => (i.anonymisedOn ? <Anonymised on={i.anonymisedOn} /> : i.fullName),
    },
    { key: 'site', header: t('common.site'), render: (i) => i.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (i) => schoolName(i) },
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
    {
      key: 'evaluations',
      header: t('evaluations.column'),
      render: (i: Row) => <EvaluateButton intern={i} manage={can('academia.manage')} />,
    },
    ...(can('academia.manage')
      ? [
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
          {can('academia.manage') && (
            <Group justify="flex-end" mb="sm">
              <Button
                variant="light"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('interns.import')}
              </Button>
            </Group>
          )}
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
                <SiteFilter value={siteId} onChange={setSiteId} w={220} />
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
          {importing && (
            <Modal opened onClose={() => setImporting(false)} size="xl" title={t('interns.import')}>
              <ImportWizard
                kind="academia_interns"
                template={{ filename: 'academia-interns-template.csv', csv: INTERNS_TEMPLATE }}
                expected={INTERN_COLUMNS}
                invalidate={[academiaKeys.interns, academiaKeys.contribution]}
              />
            </Modal>
          )}
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

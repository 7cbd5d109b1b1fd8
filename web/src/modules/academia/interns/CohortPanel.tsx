import { Badge, NumberInput, Select, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { cohortFigures, collegeInstitutes, internPage } from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { academiaKeys, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

type Row = z.infer<typeof internPage>['items'][number];

/** A year's study-then-internship cohorts by program and institute, with those sponsored, from the students' rows. */
function CohortFigures({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  const query = useQuery({
    queryKey: [academiaKeys.interns, 'cohorts', year],
    queryFn: ({ signal }) => api.get('/api/academia/interns/cohorts', cohortFigures, { year }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <FigurePanel
      title={t('cohorts.figures')}
      hint={t('cohorts.figuresHint')}
      query={query}
      testId="academia-cohort-figures"
      control={
        <NumberInput
          label={t('cohorts.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && onYear(v)}
          min={1990}
          max={2200}
          w={120}
        />
      }
    >
      {(f) => (
        <Table fz="sm" aria-label={t('cohorts.figures')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('interns.program')}</Table.Th>
              <Table.Th>{t('cohorts.institute')}</Table.Th>
              <Table.Th ta="right">{t('cohorts.students')}</Table.Th>
              <Table.Th ta="right">{t('cohorts.sponsored')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.byInstitute.map((r) => (
              <Table.Tr key={`${r.program}:${r.institute}`}>
                <Table.Td>{label('internPrograms', r.program)}</Table.Td>
                <Table.Td>{r.institute ? label('collegeInstitutes', r.institute) : '—'}</Table.Td>
                <Table.Td ta="right">{fmt.format(r.students)}</Table.Td>
                <Table.Td ta="right">{fmt.format(r.sponsored)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>{t('placements.total')}</Table.Td>
              <Table.Td ta="right">{fmt.format(f.students)}</Table.Td>
              <Table.Td ta="right">{fmt.format(f.sponsored)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </FigurePanel>
  );
}

/** The students of a year's cohorts, each with their institute, sponsorship, year of study and internship. */
export function CohortPanel() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [institute, setInstitute] = useState<string | null>(null);
  const [sponsored, setSponsored] = useState<string | null>(null);
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('interns.name'),
      sortKey: 'fullName',
      render: (i) => i.fullName ?? t('interns.anonymised'),
    },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (i) => schoolName(i) },
    {
      key: 'institute',
      header: t('cohorts.institute'),
      wrap: true,
      render: (i) => (i.institute ? label('collegeInstitutes', i.institute) : '—'),
    },
    {
      key: 'sponsored',
      header: t('cohorts.sponsored'),
      render: (i) =>
        i.sponsored ? (
          <Badge variant="light" color="teal">
            {t('cohorts.sponsoredYes')}
          </Badge>
        ) : (
          '—'
        ),
    },
    {
      key: 'study',
      header: t('cohorts.study'),
      render: (i) => `${i.studyStartedOn ?? '—'} – ${i.studyEndedOn ?? '—'}`,
    },
    {
      key: 'internship',
      header: t('cohorts.internship'),
      sortKey: 'startedOn',
      render: (i) => `${i.startedOn} – ${i.endedOn ?? '—'}`,
    },
    { key: 'outcome', header: t('interns.outcome'), render: (i) => label('internOutcomes', i.outcome) },
  ];
  return (
    <>
      <CohortFigures year={year} onYear={setYear} />
      <DataTable
        label={t('cohorts.title')}
        endpoint="/api/academia/interns"
        schema={internPage}
        columns={columns}
        rowKey={(i) => i.id}
        defaultSort="fullName"
        searchPlaceholder={t('interns.search')}
        filters={{ cohort: year, institute: institute ?? undefined, sponsored: sponsored ?? undefined }}
        filterBar={
          <>
            <Select
              aria-label={t('cohorts.institute')}
              placeholder={t('cohorts.allInstitutes')}
              data={collegeInstitutes.map((i) => ({ value: i, label: label('collegeInstitutes', i) }))}
              value={institute}
              onChange={setInstitute}
              clearable
              w={300}
            />
            <Select
              aria-label={t('cohorts.sponsored')}
              placeholder={t('cohorts.anySponsorship')}
              data={[
                { value: 'true', label: t('cohorts.sponsoredYes') },
                { value: 'false', label: t('cohorts.sponsoredNo') },
              ]}
              value={sponsored}
              onChange={setSponsored}
              clearable
              w={200}
            />
          </>
        }
        exportPath="/api/academia/interns/export.csv"
        exportXlsxPath="/api/academia/interns/export.xlsx"
        emptyTitle={t('cohorts.emptyTitle')}
        emptyHint={t('cohorts.emptyHint')}
      />
    </>
  );
}

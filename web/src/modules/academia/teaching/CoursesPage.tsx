import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import {
  courseInput,
  coursePage,
  coursePatch,
  coursePrograms,
  courseSubjects,
  courseView,
} from '#shared/modules/academia/teaching-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { EmployeesField } from '../../../platform/people/EmployeesField.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { DateSpanInputs } from '../../../platform/ui/DateSpanInputs.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, usePartnerOptions, useSchoolName } from '../api.ts';
import { useConfirmDelete } from '../confirm-delete.tsx';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { YearFilter } from '../YearFilter.tsx';
import { TeachingFigures } from './TeachingFigures.tsx';

type Row = z.infer<typeof courseView>;

const COURSES_TEMPLATE =
  'site_code,school,program,subject,title,starts_on,ends_on,hours,students,feedback_score\n' +
  'SPIL-DF,National Chung Hsing University,practical_training,semiconductor,Semiconductor Assembly Materials and Processes,2026-02-16,2026-06-19,54,90,4.5\n';
type V = {
  siteId: string;
  partnerId: string | null;
  program: string;
  subject: string;
  title: string;
  lecturerEmployeeIds: string[];
  startsOn: string | null;
  endsOn: string | null;
  hours: number | string;
  students: number | string;
  feedbackScore: number | string;
  feedbackComments: string;
};

function CourseForm({ record, onClose }: { record: Row | null; onClose: () => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const confirmDelete = useConfirmDelete();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: null,
      program: '',
      subject: '',
      title: '',
      lecturerEmployeeIds: [],
      startsOn: null,
      endsOn: null,
      hours: '',
      students: '',
      feedbackScore: '',
      feedbackComments: '',
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      program: r.program,
      subject: r.subject,
      title: r.title,
      lecturerEmployeeIds: r.lecturers.map((l) => l.employeeId),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      hours: r.hours,
      students: r.students,
      feedbackScore: r.feedbackScore ?? '',
      feedbackComments: r.feedbackComments ?? '',
    }),
    toPayload: (v: V, mode) => {
      const body = {
        partnerId: v.partnerId || null,
        program: v.program as (typeof coursePrograms)[number],
        subject: v.subject as (typeof courseSubjects)[number],
        title: v.title,
        lecturerEmployeeIds: v.lecturerEmployeeIds,
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        hours: Number(v.hours),
        students: Number(v.students),
        feedbackScore: v.feedbackScore === '' ? null : Number(v.feedbackScore),
        feedbackComments: v.feedbackComments.trim() || null,
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: courseInput,
    patchSchema: coursePatch,
    create: (p) => api.post('/api/academia/courses', p, courseView),
    update: (id, body) => api.patch(`/api/academia/courses/${id}`, body, courseView),
    fetch: (id) => api.get(`/api/academia/courses/${id}`, courseView),
    invalidate: [academiaKeys.courses],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('courses.edit') : t('courses.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="lg"
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          data-autofocus
          {...f.form.getInputProps('siteId')}
        />
      )}
      <TextInput label={t('courses.titleField')} required {...f.form.getInputProps('title')} />
      <Select
        label={t('common.partner')}
        placeholder={t('courses.noPartner')}
        data={partners}
        searchable
        clearable
        {...f.form.getInputProps('partnerId')}
      />
      <SimpleGrid cols={2}>
        <Select
          label={t('courses.program')}
          data={coursePrograms.map((p) => ({ value: p, label: label('coursePrograms', p) }))}
          required
          {...f.form.getInputProps('program')}
        />
        <Select
          label={t('courses.subject')}
          data={courseSubjects.map((s) => ({ value: s, label: label('courseSubjects', s) }))}
          required
          {...f.form.getInputProps('subject')}
        />
      </SimpleGrid>
      <EmployeesField
        placeholder={t('teaching.findEmployee')}
        label={t('courses.lecturers')}
        known={record?.lecturers ?? []}
        value={f.form.values.lecturerEmployeeIds}
        onChange={(ids) => f.form.setFieldValue('lecturerEmployeeIds', ids)}
        error={f.form.errors.lecturerEmployeeIds as string | undefined}
      />
      <SimpleGrid cols={2}>
        <DateSpanInputs
          inputProps={f.form.getInputProps}
          labels={{ startsOn: t('common.startsOn'), endsOn: t('common.endsOn') }}
        />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <NumberInput label={t('teaching.hours')} min={1} required {...f.form.getInputProps('hours')} />
        <NumberInput label={t('teaching.students')} min={0} required {...f.form.getInputProps('students')} />
        <NumberInput
          label={t('courses.feedbackScore')}
          min={1}
          max={5}
          step={0.1}
          decimalScale={2}
          {...f.form.getInputProps('feedbackScore')}
        />
      </SimpleGrid>
      <Textarea
        label={t('courses.feedbackComments')}
        autosize
        minRows={2}
        {...f.form.getInputProps('feedbackComments')}
      />
      {record && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete(`/api/academia/courses/${record.id}`, record.version, onClose)}
          >
            {t('teaching.delete')}
          </Button>
        </Group>
      )}
    </FormModal>
  );
}

/** Courses taught with or at universities, the year's figures above them. */
export function CoursesPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [onlyYear, setOnlyYear] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const manage = can('academia.manage');
  const columns: Column<Row>[] = [
    { key: 'title', header: t('courses.titleField'), sortKey: 'title', wrap: true, render: (c) => c.title },
    { key: 'site', header: t('common.site'), render: (c) => c.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (c) => schoolName(c) ?? '—' },
    {
      key: 'program',
      header: t('courses.program'),
      wrap: true,
      render: (c) => label('coursePrograms', c.program),
    },
    { key: 'subject', header: t('courses.subject'), render: (c) => label('courseSubjects', c.subject) },
    {
      key: 'lecturers',
      header: t('courses.lecturers'),
      wrap: true,
      render: (c) => c.lecturers.map((l) => l.fullName).join(', ') || '—',
    },
    { key: 'startsOn', header: t('common.startsOn'), sortKey: 'startsOn', render: (c) => c.startsOn },
    { key: 'hours', header: t('teaching.hours'), sortKey: 'hours', align: 'right', render: (c) => c.hours },
    {
      key: 'students',
      header: t('teaching.students'),
      sortKey: 'students',
      align: 'right',
      render: (c) => c.students,
    },
    {
      key: 'participation',
      header: t('teaching.participationHours'),
      align: 'right',
      render: (c) => c.participationHours,
    },
    {
      key: 'score',
      header: t('courses.feedbackScore'),
      align: 'right',
      render: (c) => (c.feedbackScore === null ? '—' : c.feedbackScore.toFixed(2)),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('courses.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('courses.title') }]}
        description={t('courses.description')}
        actions={
          manage ? (
            <Group>
              <Button
                variant="light"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('teaching.importCourses')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('courses.add')}
              </Button>
            </Group>
          ) : null
        }
      />
      <TeachingFigures year={year} onYear={setYear} />
      <DataTable
        label={t('courses.title')}
        endpoint="/api/academia/courses"
        schema={coursePage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('courses.search')}
        filters={{
          siteId: siteId ?? undefined,
          program: program ?? undefined,
          subject: subject ?? undefined,
          year: onlyYear ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('courses.program')}
              placeholder={t('courses.allPrograms')}
              data={coursePrograms.map((p) => ({ value: p, label: label('coursePrograms', p) }))}
              value={program}
              onChange={setProgram}
              clearable
              w={240}
            />
            <Select
              aria-label={t('courses.subject')}
              placeholder={t('courses.allSubjects')}
              data={courseSubjects.map((s) => ({ value: s, label: label('courseSubjects', s) }))}
              value={subject}
              onChange={setSubject}
              clearable
              w={200}
            />
            <YearFilter value={onlyYear} onChange={setOnlyYear} />
          </>
        }
        exportPath="/api/academia/courses/export.csv"
        exportXlsxPath="/api/academia/courses/export.xlsx"
        onRowClick={manage ? (c) => setEditing(c) : undefined}
        emptyTitle={t('courses.emptyTitle')}
        emptyHint={t('courses.emptyHint')}
      />
      {importing && (
        <Modal opened onClose={() => setImporting(false)} size="xl" title={t('teaching.importCourses')}>
          <ImportWizard
            kind="academia_courses"
            template={{ filename: 'academia-courses-template.csv', csv: COURSES_TEMPLATE }}
            expected={[
              ['site_code', true],
              ['school', false],
              ['program', true],
              ['subject', true],
              ['title', true],
              ['starts_on', true],
              ['ends_on', true],
              ['hours', true],
              ['students', true],
              ['feedback_score', false],
            ]}
            invalidate={[academiaKeys.courses]}
          />
        </Modal>
      )}
      {editing && <CourseForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconEdit, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  activityInput,
  activityKinds,
  activityPatch,
  activityView,
  mentorshipDetail,
  mentorshipInput,
  mentorshipPage,
  mentorshipPatch,
  type mentorshipView,
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
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, usePartnerOptions, useProgramOptions, useSchoolName } from '../api.ts';
import { useConfirmDelete } from '../confirm-delete.tsx';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';
import { YearFilter } from '../YearFilter.tsx';

type Row = z.infer<typeof mentorshipView>;

const ACTIVITIES_TEMPLATE =
  'site_code,program,kind,held_on,hours,students\nSPIL-DF,University Corporate Mentors 2026,line_tour,2026-04-18,2,120\n';
type Detail = z.infer<typeof mentorshipDetail>;
type V = {
  siteId: string;
  partnerId: string;
  title: string;
  program: string | null;
  mentorEmployeeIds: string[];
  startsOn: string | null;
  endsOn: string | null;
  students: number | string;
};

function MentorshipForm({ record, onClose }: { record: Detail | null; onClose: () => void }) {
  const t = useAcademiaT();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const programs = useProgramOptions();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: '',
      title: '',
      program: null,
      mentorEmployeeIds: [],
      startsOn: null,
      endsOn: null,
      students: '',
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      title: r.title,
      program: r.program,
      mentorEmployeeIds: r.mentors.map((m) => m.employeeId),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      students: r.students,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        partnerId: v.partnerId,
        title: v.title,
        program: v.program || null,
        mentorEmployeeIds: v.mentorEmployeeIds,
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        students: Number(v.students),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: mentorshipInput,
    patchSchema: mentorshipPatch,
    create: (p) => api.post('/api/academia/mentorships', p, mentorshipDetail),
    update: (id, body) => api.patch(`/api/academia/mentorships/${id}`, body, mentorshipDetail),
    fetch: (id) => api.get(`/api/academia/mentorships/${id}`, mentorshipDetail),
    invalidate: [academiaKeys.mentorships, academiaKeys.courses],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('mentorships.edit') : t('mentorships.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
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
      <TextInput label={t('mentorships.titleField')} required {...f.form.getInputProps('title')} />
      <Select
        label={t('common.partner')}
        data={partners}
        searchable
        required
        {...f.form.getInputProps('partnerId')}
      />
      <Select
        label={t('mentorships.program')}
        placeholder={t('mentorships.noProgram')}
        data={programs}
        searchable
        clearable
        {...f.form.getInputProps('program')}
      />
      <EmployeesField
        placeholder={t('teaching.findEmployee')}
        label={t('mentorships.mentors')}
        known={record?.mentors ?? []}
        value={f.form.values.mentorEmployeeIds}
        onChange={(ids) => f.form.setFieldValue('mentorEmployeeIds', ids)}
        error={f.form.errors.mentorEmployeeIds as string | undefined}
      />
      <SimpleGrid cols={3}>
        <DateSpanInputs
          inputProps={f.form.getInputProps}
          labels={{ startsOn: t('common.startsOn'), endsOn: t('common.endsOn') }}
        />
        <NumberInput
          label={t('mentorships.mentees')}
          min={0}
          required
          {...f.form.getInputProps('students')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

type A = { kind: string; heldOn: string | null; hours: number | string; students: number | string };

function ActivityForm({ mentorshipId, onClose }: { mentorshipId: string; onClose: () => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const f = useRecordForm({
    record: null as z.infer<typeof activityView> | null,
    blank: { kind: '', heldOn: null, hours: '', students: '' } as A,
    toValues: (r): A => r,
    toPayload: (v: A) => ({
      kind: v.kind as (typeof activityKinds)[number],
      heldOn: v.heldOn ?? '',
      hours: Number(v.hours),
      students: Number(v.students),
    }),
    createSchema: activityInput,
    patchSchema: activityPatch,
    create: (p) => api.post(`/api/academia/mentorships/${mentorshipId}/activities`, p, activityView),
    update: (id, body) => api.patch(`/api/academia/mentorship-activities/${id}`, body, activityView),
    fetch: () => Promise.reject(new Error('An activity is only added here')),
    invalidate: [academiaKeys.mentorships, academiaKeys.courses],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('mentorships.addActivity')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
    >
      <Select
        label={t('mentorships.activity')}
        data={activityKinds.map((k) => ({ value: k, label: label('activityKinds', k) }))}
        required
        data-autofocus
        {...f.form.getInputProps('kind')}
      />
      <SimpleGrid cols={3}>
        <DateInput
          label={t('mentorships.heldOn')}
          valueFormat="YYYY-MM-DD"
          required
          {...f.form.getInputProps('heldOn')}
        />
        <NumberInput label={t('teaching.hours')} min={1} required {...f.form.getInputProps('hours')} />
        <NumberInput
          label={t('mentorships.studentsTaking')}
          min={0}
          required
          {...f.form.getInputProps('students')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** One program: its term, mentors and the activities with their participation hours. */
function MentorshipDialog({ id, manage, onClose }: { id: string; manage: boolean; onClose: () => void }) {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const label = useAcademiaLabel();
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  const confirmDelete = useConfirmDelete();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: [academiaKeys.mentorships, id],
    queryFn: ({ signal }) => api.get(`/api/academia/mentorships/${id}`, mentorshipDetail, undefined, signal),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={query.data?.title ?? t('mentorships.title')}>
      <QueryContent query={query}>
        {(m) => (
          <Stack>
            <Text size="sm">
              {schoolName(m)} · {m.siteCode} · {m.startsOn} – {m.endsOn} · {t('mentorships.mentees')}{' '}
              {fmt.format(m.students)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('mentorships.mentors')}: {m.mentors.map((x) => x.fullName).join(', ') || '—'}
            </Text>
            {manage && (
              <Group>
                <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                  {t('mentorships.edit')}
                </Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                  {t('mentorships.addActivity')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => confirmDelete(`/api/academia/mentorships/${m.id}`, m.version, onClose)}
                >
                  {t('teaching.delete')}
                </Button>
              </Group>
            )}
            <Table fz="sm" aria-label={t('mentorships.activities')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mentorships.heldOn')}</Table.Th>
                  <Table.Th>{t('mentorships.activity')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.hours')}</Table.Th>
                  <Table.Th ta="right">{t('mentorships.studentsTaking')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.participationHours')}</Table.Th>
                  {manage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.activityRows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('mentorships.noActivities')}</Table.Td>
                  </Table.Tr>
                )}
                {m.activityRows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.heldOn}</Table.Td>
                    <Table.Td>{label('activityKinds', a.kind)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(a.hours)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(a.students)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(a.participationHours)}</Table.Td>
                    {manage && (
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('teaching.delete')} ${a.heldOn}`}
                          onClick={() =>
                            confirmDelete(`/api/academia/mentorship-activities/${a.id}`, a.version)
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td colSpan={4}>{t('mentorships.total')}</Table.Td>
                  <Table.Td ta="right">{fmt.format(m.participationHours)}</Table.Td>
                  {manage && <Table.Td />}
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {editing && <MentorshipForm record={m} onClose={() => setEditing(false)} />}
            {adding && <ActivityForm mentorshipId={m.id} onClose={() => setAdding(false)} />}
          </Stack>
        )}
      </QueryContent>
    </Modal>
  );
}

/** Mentorship programs with universities: mentees, activities and participation hours. */
export function MentorshipsPage() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const manage = can('academia.manage');
  const columns: Column<Row>[] = [
    {
      key: 'title',
      header: t('mentorships.titleField'),
      sortKey: 'title',
      wrap: true,
      render: (m) => m.title,
    },
    { key: 'site', header: t('common.site'), render: (m) => m.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (m) => schoolName(m) },
    {
      key: 'mentors',
      header: t('mentorships.mentors'),
      wrap: true,
      render: (m) => m.mentors.map((x) => x.fullName).join(', ') || '—',
    },
    { key: 'startsOn', header: t('common.startsOn'), sortKey: 'startsOn', render: (m) => m.startsOn },
    { key: 'endsOn', header: t('common.endsOn'), render: (m) => m.endsOn },
    {
      key: 'students',
      header: t('mentorships.mentees'),
      sortKey: 'students',
      align: 'right',
      render: (m) => m.students,
    },
    { key: 'activities', header: t('mentorships.activities'), align: 'right', render: (m) => m.activities },
    {
      key: 'participation',
      header: t('teaching.participationHours'),
      align: 'right',
      render: (m) => m.participationHours,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('mentorships.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('mentorships.title') }]}
        description={t('mentorships.description')}
        actions={
          manage ? (
            <Group>
              <Button
                variant="light"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('teaching.importActivities')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('mentorships.add')}
              </Button>
            </Group>
          ) : null
        }
      />
      <DataTable
        label={t('mentorships.title')}
        endpoint="/api/academia/mentorships"
        schema={mentorshipPage}
        columns={columns}
        rowKey={(m) => m.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('mentorships.search')}
        filters={{ siteId: siteId ?? undefined, year: year ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <YearFilter value={year} onChange={setYear} />
          </>
        }
        exportPath="/api/academia/mentorships/export.csv"
        exportXlsxPath="/api/academia/mentorships/export.xlsx"
        onRowClick={(m) => setOpen(m.id)}
        emptyTitle={t('mentorships.emptyTitle')}
        emptyHint={t('mentorships.emptyHint')}
      />
      {importing && (
        <Modal opened onClose={() => setImporting(false)} size="xl" title={t('teaching.importActivities')}>
          <ImportWizard
            kind="academia_mentorship_activities"
            template={{ filename: 'academia-mentorship-activities-template.csv', csv: ACTIVITIES_TEMPLATE }}
            expected={[
              ['site_code', true],
              ['program', true],
              ['kind', true],
              ['held_on', true],
              ['hours', true],
              ['students', true],
            ]}
            invalidate={[academiaKeys.mentorships, academiaKeys.courses]}
          />
        </Modal>
      )}
      {adding && <MentorshipForm record={null} onClose={() => setAdding(false)} />}
      {open && <MentorshipDialog id={open} manage={manage} onClose={() => setOpen(null)} />}
    </>
  );
}

import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  internshipCooperation,
  placementInput,
  placementPage,
  placementPatch,
  placementView,
} from '#shared/modules/academia/placement-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { DateSpanInputs } from '../../../platform/ui/DateSpanInputs.tsx';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, usePartnerOptions, useSchoolName } from '../api.ts';
import { useConfirmDelete } from '../confirm-delete.tsx';
import { useAcademiaT } from '../i18n/index.ts';
import { YearFilter } from '../YearFilter.tsx';

type Row = z.infer<typeof placementView>;

/** A file to start an import from: the columns the placements' importer reads, with one of the demo's rows. */
const PLACEMENTS_TEMPLATE =
  'site_code,school,term,starts_on,ends_on,students,participation_hours\n' +
  'USI-NT,National Chi Nan University,2026 Summer,2026-07-06,2026-08-28,30,9600\n';

type V = {
  siteId: string;
  partnerId: string;
  term: string;
  startsOn: string | null;
  endsOn: string | null;
  students: number | string;
  participationHours: number | string;
};

function PlacementForm({ record, onClose }: { record: Row | null; onClose: () => void }) {
  const t = useAcademiaT();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const confirmDelete = useConfirmDelete();
  const _queryClient = useQueryClient();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: '',
      term: '',
      startsOn: null,
      endsOn: null,
      students: '',
      participationHours: '',
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      term: r.term,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      students: r.students,
      participationHours: r.participationHours,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        partnerId: v.partnerId,
        term: v.term,
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        students: Number(v.students),
        participationHours: Number(v.participationHours),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: placementInput,
    patchSchema: placementPatch,
    create: (p) => api.post('/api/academia/placements', p, placementView),
    update: (id, body) => api.patch(`/api/academia/placements/${id}`, body, placementView),
    fetch: (id) => api.get(`/api/academia/placements/${id}`, placementView),
    invalidate: [academiaKeys.placements, academiaKeys.contribution],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('placements.edit') : t('placements.add')}
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
      <Select
        label={t('common.partner')}
        data={partners}
        searchable
        required
        {...f.form.getInputProps('partnerId')}
      />
      <TextInput
        label={t('placements.term')}
        description={t('placements.termHint')}
        required
        translate="no"
        {...f.form.getInputProps('term')}
      />
      <SimpleGrid cols={2}>
        <DateSpanInputs
          inputProps={f.form.getInputProps}
          labels={{ startsOn: t('common.startsOn'), endsOn: t('common.endsOn') }}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <NumberInput label={t('teaching.students')} min={1} required {...f.form.getInputProps('students')} />
        <NumberInput
          label={t('teaching.participationHours')}
          description={t('placements.hoursHint')}
          min={0}
          required
          {...f.form.getInputProps('participationHours')}
        />
      </SimpleGrid>
      {record && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete(`/api/academia/placements/${record.id}`, record.version, onClose)}
          >
            {t('teaching.delete')}
          </Button>
        </Group>
      )}
    </FormModal>
  );
}

/** The year's internship cooperation (students placed and their hours), computed by the server from the rows. */
function CooperationFigures({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const t = useAcademiaT();
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  const query = useQuery({
    queryKey: [academiaKeys.placements, 'figures', year],
    queryFn: ({ signal }) =>
      api.get('/api/academia/placements/figures', internshipCooperation, { year }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <FigurePanel
      title={t('placements.figures')}
      hint={t('placements.figuresHint')}
      query={query}
      testId="academia-placement-figures"
      control={
        <NumberInput
          label={t('teaching.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && onYear(v)}
          min={1990}
          max={2200}
          w={120}
        />
      }
    >
      {(f) => (
        <Table fz="sm" aria-label={t('placements.figures')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.subsidiary')}</Table.Th>
              <Table.Th ta="right">{t('placements.placements')}</Table.Th>
              <Table.Th ta="right">{t('teaching.students')}</Table.Th>
              <Table.Th ta="right">{t('teaching.participationHours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.bySubsidiary.map((s) => (
              <Table.Tr key={s.subsidiaryCode}>
                <Table.Td>{s.subsidiaryCode}</Table.Td>
                <Table.Td ta="right">{fmt.format(s.placements)}</Table.Td>
                <Table.Td ta="right">{fmt.format(s.students)}</Table.Td>
                <Table.Td ta="right">{fmt.format(s.participationHours)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('placements.total')}</Table.Td>
              <Table.Td ta="right">{fmt.format(f.placements)}</Table.Td>
              <Table.Td ta="right">{fmt.format(f.students)}</Table.Td>
              <Table.Td ta="right">{fmt.format(f.participationHours)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </FigurePanel>
  );
}

/** Internship cooperation: the year's figures, then the placements of the reader's sites. */
export function PlacementsPanel() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [onlyYear, setOnlyYear] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const manage = can('academia.manage');
  const columns: Column<Row>[] = [
    {
      key: 'term',
      header: t('placements.term'),
      sortKey: 'term',
      wrap: true,
      render: (p) => <span translate="no">{p.term}</span>,
    },
    { key: 'site', header: t('common.site'), render: (p) => p.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (p) => schoolName(p) },
    { key: 'startsOn', header: t('common.startsOn'), sortKey: 'startsOn', render: (p) => p.startsOn },
    { key: 'endsOn', header: t('common.endsOn'), render: (p) => p.endsOn },
    {
      key: 'students',
      header: t('teaching.students'),
      sortKey: 'students',
      align: 'right',
      render: (p) => p.students,
    },
    {
      key: 'hours',
      header: t('teaching.participationHours'),
      sortKey: 'participationHours',
      align: 'right',
      render: (p) => p.participationHours,
    },
  ];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('placements.description')}
        </Text>
        {manage && (
          <Group>
            <Button variant="light" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
              {t('placements.import')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('placements.add')}
            </Button>
          </Group>
        )}
      </Group>
      <CooperationFigures year={year} onYear={setYear} />
      <DataTable
        label={t('placements.title')}
        endpoint="/api/academia/placements"
        schema={placementPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="startsOn"
        defaultOrder="desc"
        searchPlaceholder={t('placements.search')}
        filters={{ siteId: siteId ?? undefined, year: onlyYear ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <YearFilter value={onlyYear} onChange={setOnlyYear} />
          </>
        }
        exportPath="/api/academia/placements/export.csv"
        exportXlsxPath="/api/academia/placements/export.xlsx"
        onRowClick={manage ? (p) => setEditing(p) : undefined}
        emptyTitle={t('placements.emptyTitle')}
        emptyHint={t('placements.emptyHint')}
      />
      {importing && (
        <Modal opened onClose={() => setImporting(false)} size="xl" title={t('placements.import')}>
          <ImportWizard
            kind="academia_placements"
            template={{ filename: 'academia-placements-template.csv', csv: PLACEMENTS_TEMPLATE }}
            expected={[
              ['site_code', true],
              ['school', true],
              ['term', true],
              ['starts_on', true],
              ['ends_on', true],
              ['students', true],
              ['participation_hours', true],
            ]}
            invalidate={[academiaKeys.placements, academiaKeys.contribution]}
          />
        </Modal>
      )}
      {editing && (
        <PlacementForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

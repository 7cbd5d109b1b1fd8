import { Badge, Button, NumberInput, Paper, Select, Skeleton, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type AssessmentView,
  assessmentFigures,
  assessmentPage,
  assessmentView,
  supplierPage,
} from '#shared/modules/infosec/suppliers/contract.ts';
import { assessmentSteps } from '#shared/modules/infosec/suppliers/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useZh } from '../../../platform/i18n/module-texts.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateSuppliers, supplierKeys, templatesQuery } from './api.ts';

export const stepColor: Record<string, string> = {
  current_situation: 'blue',
  guidance: 'orange',
  confirmed: 'teal',
  followed_up: 'gray',
};

/**
 * Supplier assessments: the program's list of the user's sites (filters, sorting, paging, exports, the year's
 * count as the report gives it), or with `mine` the assessments shared with a supplier's person.
 */
export function SupplierAssessmentsPage({ mine = false }: { mine?: boolean }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const [starting, setStarting] = useState(false);
  const figureYear = Number(year) >= 1990 ? Number(year) : new Date().getFullYear();
  const figures = useQuery({
    queryKey: [supplierKeys.assessments, 'figures', figureYear, siteId],
    queryFn: () =>
      api.get('/api/infosec/supplier-assessments/figures', assessmentFigures, {
        year: figureYear,
        siteId: siteId ?? undefined,
      }),
    enabled: !mine,
  });
  const any = useQuery({
    queryKey: [supplierKeys.assessments, 'mine-any'],
    queryFn: () =>
      api.get('/api/infosec/supplier-assessments', assessmentPage, { mine: 'true', pageSize: 1 }),
    enabled: mine,
  });
  const title = mine ? t('supplierAssessments.mineTitle') : t('supplierAssessments.title');

  const columns: Column<AssessmentView>[] = [
    ...(mine ? [] : [{ key: 'site', header: t('common.site'), render: (a: AssessmentView) => a.siteCode }]),
    {
      key: 'supplier',
      header: t('supplierAssessments.supplier'),
      sortKey: 'supplier',
      wrap: true,
      render: (a) => (
        <Text size="sm" fw={500}>
          {a.supplierName}
          {a.kind === 'follow_up' && (
            <Badge ml="xs" size="xs" variant="outline">
              {t('supplierAssessments.followUp')}
            </Badge>
          )}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('supplierAssessments.step'),
      sortKey: 'status',
      render: (a) => (
        <Badge variant="light" color={stepColor[a.status]}>
          {label('supplierSteps', a.status)}
        </Badge>
      ),
    },
    {
      key: 'startedOn',
      header: t('supplierAssessments.startedOn'),
      sortKey: 'startedOn',
      render: (a) => a.startedOn,
    },
    {
      key: 'confirmedOn',
      header: t('supplierAssessments.confirmedOn'),
      sortKey: 'confirmedOn',
      render: (a) => a.confirmedOn ?? '—',
    },
    {
      key: 'score',
      header: t('supplierAssessments.score'),
      sortKey: 'score',
      render: (a) => (a.score === null ? '—' : `${a.score} · ${label('supplierBands', a.band)}`),
    },
    { key: 'due', header: t('supplierAssessments.followUpDue'), render: (a) => a.followUpDueOn ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('nav.section') }, { label: title }]}
        description={mine ? t('supplierAssessments.mineDescription') : t('supplierAssessments.description')}
        actions={
          !mine && can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setStarting(true)}>
              {t('supplierAssessments.start')}
            </Button>
          ) : null
        }
      />
      {figures.data && (
        <Text size="sm" mb="sm" data-testid="supplier-figures">
          {t('supplierAssessments.figures', {
            year: figures.data.year,
            count: figures.data.assessments,
            followUps: figures.data.followUps,
            score: figures.data.averageScore ?? '—',
          })}
        </Text>
      )}
      {mine && !any.data ? (
        <Skeleton h={200} />
      ) : mine && any.data?.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('supplierAssessments.mineEmpty')}</Text>
        </Paper>
      ) : (
        <DataTable
          label={title}
          endpoint="/api/infosec/supplier-assessments"
          schema={assessmentPage}
          columns={columns}
          rowKey={(a) => a.id}
          defaultSort="startedOn"
          defaultOrder="desc"
          searchPlaceholder={t('supplierAssessments.searchPlaceholder')}
          filters={{
            mine: mine ? 'true' : undefined,
            siteId: siteId ?? undefined,
            status: status ?? undefined,
            year: Number(year) >= 1990 ? Number(year) : undefined,
          }}
          filterBar={
            <>
              {!mine && <SiteFilter value={siteId} onChange={setSiteId} w={200} />}
              <Select
                aria-label={t('supplierAssessments.step')}
                placeholder={t('supplierAssessments.allSteps')}
                data={assessmentSteps.map((s) => ({ value: s, label: label('supplierSteps', s) }))}
                value={status}
                onChange={setStatus}
                clearable
                w={200}
              />
              {!mine && (
                <NumberInput
                  aria-label={t('supplierAssessments.year')}
                  placeholder={t('supplierAssessments.year')}
                  value={year}
                  onChange={setYear}
                  min={1990}
                  max={2100}
                  w={130}
                />
              )}
            </>
          }
          exportPath={mine ? undefined : '/api/infosec/supplier-assessments/export.csv'}
          exportXlsxPath={mine ? undefined : '/api/infosec/supplier-assessments/export.xlsx'}
          onRowClick={(a) =>
            void navigate({
              to: '/infosec/supplier-assessments/$assessmentId',
              params: { assessmentId: a.id },
            })
          }
          emptyTitle={t('supplierAssessments.emptyTitle')}
          emptyHint={t('supplierAssessments.emptyHint')}
        />
      )}
      {starting && <StartForm onClose={() => setStarting(false)} />}
    </>
  );
}

export function SupplierMinePage() {
  return <SupplierAssessmentsPage mine />;
}

function StartForm({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const zh = useZh();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [supplierQ, setSupplierQ] = useState('');
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(localDay());
  const suppliers = useQuery({
    queryKey: [supplierKeys.suppliers, 'pick', supplierQ],
    queryFn: () =>
      api.get('/api/infosec/suppliers', supplierPage, { q: supplierQ || undefined, pageSize: 50 }),
  });
  const templates = useQuery(templatesQuery());
  const save = useMutation({
    mutationFn: () =>
      api.post('/api/infosec/supplier-assessments', { supplierId, templateId, startedOn }, assessmentView),
    onSuccess: async (a) => {
      await invalidateSuppliers(queryClient);
      onClose();
      void navigate({ to: '/infosec/supplier-assessments/$assessmentId', params: { assessmentId: a.id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('supplierAssessments.start')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <Select
        label={t('supplierAssessments.supplier')}
        data={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.siteCode} · ${s.name}` }))}
        value={supplierId}
        onChange={setSupplierId}
        searchable
        onSearchChange={setSupplierQ}
        required
        data-autofocus
      />
      <Select
        label={t('supplierAssessments.template')}
        data={(templates.data?.items ?? [])
          .filter((x) => x.active)
          .map((x) => ({ value: x.id, label: zh ? x.name['zh-TW'] : x.name.en }))}
        value={templateId}
        onChange={setTemplateId}
        required
      />
      <TextInput
        type="date"
        label={t('supplierAssessments.startedOn')}
        value={startedOn}
        onChange={(e) => setStartedOn(e.currentTarget.value)}
      />
    </FormModal>
  );
}

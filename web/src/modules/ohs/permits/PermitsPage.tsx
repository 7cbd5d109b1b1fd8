import {
  Badge,
  Button,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { permitInput, permitPage, permitView } from '#shared/modules/ohs/permits/contract.ts';
import { qualificationView } from '#shared/modules/ohs/qualifications/contract.ts';
import { permitStatuses, permitTypes, requiredQualification } from '#shared/modules/ohs/rules/permits.ts';
import { contractorCompanyPage, contractorWorkerPage } from '#shared/platform/people/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { isoToLocalInput, localInputToIso, ohsKeys, useAreas } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

type Row = z.infer<typeof permitPage>['items'][number];

const statusColors: Record<string, string> = {
  requested: 'gray',
  approved: 'blue',
  isolations_verified: 'cyan',
  gas_test_passed: 'teal',
  issued: 'indigo',
  active: 'green',
  suspended: 'orange',
  completed: 'lime',
  closed: 'dark',
  rejected: 'red',
  expired: 'red',
  cancelled: 'gray',
};

export function PermitStatusBadge({ status }: { status: string }) {
  const label = useOhsLabel();
  return (
    <Badge
      color={statusColors[status] ?? 'gray'}
      variant={status === 'active' ? 'filled' : 'light'}
      radius="sm"
      style={{ flexShrink: 0 }}
    >
      {label('permitStatuses', status)}
    </Badge>
  );
}

type V = {
  siteId: string;
  areaId: string;
  type: string;
  companyId: string;
  workerIds: string[];
  description: string;
  startsAt: string;
  endsAt: string;
};
const toPayload = (v: V) => ({
  siteId: v.siteId,
  areaId: v.areaId,
  type: v.type as (typeof permitTypes)[number],
  companyId: v.companyId,
  workerIds: v.workerIds,
  description: v.description.trim(),
  startsAt: localInputToIso(v.startsAt),
  endsAt: localInputToIso(v.endsAt),
});

/** Which workers hold a valid qualification for a type of work until a date (for the request form's flags). */
export function useQualified(siteId: string | null, type: string | null, until: string) {
  const q = useQuery({
    queryKey: [ohsKeys.qualifications, siteId],
    queryFn: () =>
      api.get('/api/ohs/qualifications', z.object({ items: z.array(qualificationView) }), {
        siteId: siteId ?? undefined,
      }),
    enabled: !!siteId,
  });
  const need = type ? requiredQualification[type as keyof typeof requiredQualification] : null;
  const ok = new Set(
    (q.data?.items ?? []).filter((x) => x.kind === need && x.validUntil >= until).map((x) => x.workerId),
  );
  return (workerId: string) => (need ? ok.has(workerId) : true);
}

function RequestForm({ onClose }: { onClose: () => void }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const navigate = useNavigate();
  const { options: siteOptions } = useSites();
  const start = new Date(Date.now() + 3600_000);
  start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 8 * 3600_000);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: {
      siteId: siteOptions.length === 1 ? siteOptions[0].value : '',
      areaId: '',
      type: '',
      companyId: '',
      workerIds: [],
      description: '',
      startsAt: isoToLocalInput(start),
      endsAt: isoToLocalInput(end),
    },
    validate: contractValidator(permitInput, toPayload),
  });
  const v = form.getValues();
  const setSite = useCallback((id: string) => form.setFieldValue('siteId', id), [form]);
  useOnlySiteByDefault(siteOptions, v.siteId, setSite);
  const areas = useAreas(v.siteId || null);
  const companies = useQuery({
    queryKey: ['/api/people/contractor-companies', 'picker'],
    queryFn: () =>
      api.get('/api/people/contractor-companies', contractorCompanyPage, { pageSize: 500, sort: 'name' }),
    staleTime: 60_000,
  });
  const workers = useQuery({
    queryKey: ['/api/people/contractor-workers', v.companyId, v.siteId],
    queryFn: () =>
      api.get('/api/people/contractor-workers', contractorWorkerPage, {
        companyId: v.companyId,
        siteId: v.siteId || undefined,
        pageSize: 500,
        sort: 'fullName',
      }),
    enabled: !!v.companyId,
  });
  const qualified = useQualified(v.siteId || null, v.type || null, (v.endsAt || '').slice(0, 10));
  const save = useWrite((values: V) => api.post('/api/ohs/permits', toPayload(values), permitView), {
    invalidate: [ohsKeys.permits],
    success: t('permits.requested'),
    onSuccess: (p) => {
      onClose();
      void navigate({ to: '/ohs/permits/$permitId', params: { permitId: p.id } });
    },
  });
  const workerOptions = (workers.data?.items ?? []).map((w) => ({
    value: w.id,
    label: `${w.fullName} · ${w.workerNo}${v.type && !qualified(w.id) ? ` — ${t('permits.unqualified')}` : ''}`,
  }));
  const flagged = v.workerIds.filter((id) => !qualified(id));

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('permits.request')}
      onSubmit={form.onSubmit((values) =>
        save.mutate(values, { onError: (e) => applyServerErrors(form, e) }),
      )}
      busy={save.isPending}
      error={save.error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('permits.type')}
          data={permitTypes.map((p) => ({ value: p, label: label('permitTypes', p) }))}
          required
          openOnFocus={false}
          data-autofocus
          {...form.getInputProps('type')}
        />
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          {...form.getInputProps('siteId')}
          onChange={(x) => {
            form.setFieldValue('siteId', x ?? '');
            form.setFieldValue('areaId', '');
            form.setFieldValue('workerIds', []);
          }}
        />
      </SimpleGrid>
      <Select
        label={t('common.area')}
        data={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))}
        searchable
        required
        disabled={!v.siteId}
        {...form.getInputProps('areaId')}
      />
      <Select
        label={t('permits.company')}
        data={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        searchable
        required
        {...form.getInputProps('companyId')}
        onChange={(x) => {
          form.setFieldValue('companyId', x ?? '');
          form.setFieldValue('workerIds', []);
        }}
      />
      <MultiSelect
        label={t('permits.workers')}
        description={t('permits.workersHint')}
        data={workerOptions}
        searchable
        required
        disabled={!v.companyId}
        {...form.getInputProps('workerIds')}
      />
      {flagged.length > 0 && (
        <Text size="sm" c="orange">
          <IconAlertTriangle size={14} style={{ verticalAlign: 'middle' }} />{' '}
          {t('permits.unqualifiedWarning')}
        </Text>
      )}
      {v.workerIds.length > 0 && flagged.length === 0 && v.type && (
        <Text size="sm" c="teal">
          <IconCircleCheck size={14} style={{ verticalAlign: 'middle' }} /> {t('permits.qualified')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('permits.startsAt')}
          required
          {...form.getInputProps('startsAt')}
        />
        <TextInput
          type="datetime-local"
          label={t('permits.endsAt')}
          required
          {...form.getInputProps('endsAt')}
        />
      </SimpleGrid>
      <Textarea
        label={t('permits.workDescription')}
        required
        autosize
        minRows={3}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}

/** Permits to work, live ones first, with the request form. */
export function PermitsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const [live, setLive] = useState<'true' | 'all'>('true');
  const [type, setType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [requesting, setRequesting] = useState(false);
  const manage = can('ohs.manage');

  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('common.reference'),
      sortKey: 'reference',
      render: (p) => (
        <Text size="sm" ff="monospace" fw={600}>
          {p.reference}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      sortKey: 'status',
      render: (p) => <PermitStatusBadge status={p.status} />,
    },
    { key: 'type', header: t('permits.type'), render: (p) => label('permitTypes', p.type) },
    { key: 'where', header: t('common.area'), render: (p) => `${p.siteCode} · ${p.areaName}` },
    { key: 'company', header: t('permits.company'), render: (p) => p.companyName },
    {
      key: 'workers',
      header: t('permits.workers'),
      align: 'right',
      render: (p) => t('permits.workerCount', { count: p.workerCount }),
    },
    {
      key: 'period',
      header: t('permits.period'),
      sortKey: 'startsAt',
      render: (p) => `${fmt.siteTime(p.startsAt, p.timeZone)} → ${fmt.siteTime(p.endsAt, p.timeZone)}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('permits.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('permits.title') }]}
        description={t('permits.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setRequesting(true)}>
              {t('permits.request')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('permits.title')}
        endpoint="/api/ohs/permits"
        schema={permitPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort="startsAt"
        defaultOrder="asc"
        filters={{
          live: live === 'true' ? 'true' : undefined,
          type: type ?? undefined,
          status: status ?? undefined,
          siteId: siteId ?? undefined,
        }}
        filterBar={
          <>
            <SegmentedControl
              aria-label={t('permits.liveFirst')}
              value={live}
              onChange={(x) => setLive(x as 'true' | 'all')}
              data={[
                { value: 'true', label: t('permits.live') },
                { value: 'all', label: t('permits.all') },
              ]}
            />
            <SiteFilter value={siteId} onChange={setSiteId} w={200} />
            <Select
              aria-label={t('permits.type')}
              placeholder={t('permits.allTypes')}
              data={permitTypes.map((p) => ({ value: p, label: label('permitTypes', p) }))}
              value={type}
              onChange={setType}
              clearable
              w={190}
            />
            <Select
              aria-label={t('common.status')}
              placeholder={t('permits.allStatuses')}
              data={permitStatuses.map((p) => ({ value: p, label: label('permitStatuses', p) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={190}
            />
          </>
        }
        onRowClick={(p) => void navigate({ to: '/ohs/permits/$permitId', params: { permitId: p.id } })}
        emptyTitle={t('permits.emptyTitle')}
        emptyHint={t('permits.emptyHint')}
      />
      {requesting && <RequestForm onClose={() => setRequesting(false)} />}
    </>
  );
}

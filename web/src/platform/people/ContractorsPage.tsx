import { Badge, Button, Select, SimpleGrid, Tabs, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconBuildingFactory2, IconHelmet, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  contractorCompanyInput,
  contractorCompanyPage,
  contractorCompanyPatch,
  contractorCompanyView,
  contractorWorkerInput,
  contractorWorkerPage,
  contractorWorkerPatch,
  contractorWorkerView,
} from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { countryCodes } from '../ui/choices.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useCountryName, useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { SiteFilter } from './SiteFilter.tsx';
import { useSites } from './sites.ts';

type Company = z.infer<typeof contractorCompanyView>;
type Worker = z.infer<typeof contractorWorkerView>;
const companiesKey = '/api/people/contractor-companies';
const workersKey = '/api/people/contractor-workers';

function useCompanyOptions() {
  const query = useQuery({
    queryKey: [companiesKey, 'all'],
    queryFn: () => api.get(companiesKey, contractorCompanyPage, { pageSize: 500, sort: 'name' }),
    staleTime: 60_000,
  });
  return (query.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
}

function CompanyFormModal({ company, onClose }: { company: Company | null; onClose: () => void }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  type V = {
    name: string;
    taxId: string;
    country: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
  };
  const f = useRecordForm({
    record: company,
    blank: { name: '', taxId: '', country: '', contactName: '', contactEmail: '', contactPhone: '' } as V,
    toValues: (c) => ({
      name: c.name,
      taxId: c.taxId ?? '',
      country: c.country,
      contactName: c.contactName ?? '',
      contactEmail: c.contactEmail ?? '',
      contactPhone: c.contactPhone ?? '',
    }),
    toPayload: (v: V) => ({
      name: v.name.trim(),
      taxId: blankToNull(v.taxId),
      country: v.country,
      contactName: blankToNull(v.contactName),
      contactEmail: blankToNull(v.contactEmail),
      contactPhone: blankToNull(v.contactPhone),
    }),
    createSchema: contractorCompanyInput,
    patchSchema: contractorCompanyPatch,
    create: (p) => api.post(companiesKey, p, contractorCompanyView),
    update: (id, body) => api.patch(`${companiesKey}/${id}`, body, contractorCompanyView),
    fetch: (id) => api.get(`${companiesKey}/${id}`, contractorCompanyView),
    invalidate: [companiesKey, workersKey],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={company ? t('contractors.editCompany') : t('contractors.addCompany')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <TextInput
        label={t('contractors.companyName')}
        required
        data-autofocus
        {...f.form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('org.site.country')}
          data={countryCodes.map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))}
          searchable
          required
          {...f.form.getInputProps('country')}
        />
        <TextInput label={t('contractors.taxId')} {...f.form.getInputProps('taxId')} />
      </SimpleGrid>
      <TextInput label={t('contractors.contactName')} {...f.form.getInputProps('contactName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('contractors.contactEmail')}
          type="email"
          {...f.form.getInputProps('contactEmail')}
        />
        <TextInput
          label={t('contractors.contactPhone')}
          type="tel"
          {...f.form.getInputProps('contactPhone')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

function WorkerFormModal({ worker, onClose }: { worker: Worker | null; onClose: () => void }) {
  const { t } = useTranslation();
  const companies = useCompanyOptions();
  const { options: sites } = useSites();
  type V = {
    companyId: string;
    siteId: string;
    workerNo: string;
    fullName: string;
    trade: string;
    startDate: string | null;
    endDate: string | null;
  };
  const f = useRecordForm({
    record: worker,
    blank: {
      companyId: '',
      siteId: '',
      workerNo: '',
      fullName: '',
      trade: '',
      startDate: null,
      endDate: null,
    } as V,
    toValues: (w) => ({
      companyId: w.companyId,
      siteId: w.siteId,
      workerNo: w.workerNo,
      fullName: w.fullName,
      trade: w.trade ?? '',
      startDate: w.startDate,
      endDate: w.endDate,
    }),
    toPayload: (v: V) => ({
      companyId: v.companyId,
      siteId: v.siteId,
      workerNo: v.workerNo.trim(),
      fullName: v.fullName.trim(),
      trade: blankToNull(v.trade),
      startDate: v.startDate || null,
      endDate: v.endDate || null,
    }),
    createSchema: contractorWorkerInput,
    patchSchema: contractorWorkerPatch,
    create: (p) => api.post(workersKey, p, contractorWorkerView),
    update: (id, body) => api.patch(`${workersKey}/${id}`, body, contractorWorkerView),
    fetch: (id) => api.get(`${workersKey}/${id}`, contractorWorkerView),
    invalidate: [workersKey, companiesKey, '/api/home'],
    onSaved: onClose,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={worker ? t('contractors.editWorker') : t('contractors.addWorker')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('contractors.workerNo')}
          required
          data-autofocus
          {...f.form.getInputProps('workerNo')}
        />
        <TextInput label={t('contractors.fullName')} required {...f.form.getInputProps('fullName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('contractors.company')}
          data={companies}
          searchable
          required
          {...f.form.getInputProps('companyId')}
        />
        <Select
          label={t('employees.site')}
          data={sites}
          searchable
          required
          {...f.form.getInputProps('siteId')}
        />
      </SimpleGrid>
      <TextInput label={t('contractors.trade')} {...f.form.getInputProps('trade')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput
          label={t('contractors.startDate')}
          valueFormat="YYYY-MM-DD"
          clearable
          {...f.form.getInputProps('startDate')}
        />
        <DateInput
          label={t('contractors.endDate')}
          valueFormat="YYYY-MM-DD"
          clearable
          {...f.form.getInputProps('endDate')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

function CompaniesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const countryName = useCountryName();
  const fmt = useFormat();
  const [editing, setEditing] = useState<Company | null | 'new'>(null);
  const manage = can('contractors.companies.manage');
  const columns: Column<Company>[] = [
    {
      key: 'name',
      header: t('contractors.companyName'),
      sortKey: 'name',
      render: (c) => (
        <Text size="sm" fw={500}>
          {c.name}
        </Text>
      ),
    },
    {
      key: 'country',
      header: t('org.site.country'),
      sortKey: 'country',
      render: (c) => countryName(c.country),
    },
    { key: 'taxId', header: t('contractors.taxId'), render: (c) => c.taxId ?? '' },
    {
      key: 'contact',
      header: t('contractors.contact'),
      wrap: true,
      render: (c) => [c.contactName, c.contactEmail, c.contactPhone].filter(Boolean).join(' · '),
    },
    {
      key: 'workers',
      header: t('contractors.workers'),
      align: 'right',
      render: (c) => fmt.number(c.workerCount),
    },
  ];
  return (
    <>
      <DataTable
        label={t('contractors.companies')}
        endpoint={companiesKey}
        schema={contractorCompanyPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="name"
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('contractors.addCompany')}
            </Button>
          ) : null
        }
        onRowClick={manage ? setEditing : undefined}
        emptyTitle={t('contractors.noCompanies')}
      />
      {editing !== null && (
        <CompanyFormModal company={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

function WorkersTab() {
  const { t } = useTranslation();
  const can = useCan();
  const companies = useCompanyOptions();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Worker | null | 'new'>(null);
  const manage = can('contractors.workers.manage');
  const today = dayjs().format('YYYY-MM-DD');
  const soon = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const columns: Column<Worker>[] = [
    {
      key: 'workerNo',
      header: t('contractors.workerNo'),
      sortKey: 'workerNo',
      render: (w) => (
        <Text size="sm" ff="monospace">
          {w.workerNo}
        </Text>
      ),
    },
    {
      key: 'fullName',
      header: t('contractors.fullName'),
      sortKey: 'fullName',
      render: (w) => (
        <Text size="sm" fw={500}>
          {w.fullName}
        </Text>
      ),
    },
    { key: 'company', header: t('contractors.company'), sortKey: 'company', render: (w) => w.companyName },
    { key: 'site', header: t('employees.site'), sortKey: 'site', render: (w) => w.siteCode },
    { key: 'trade', header: t('contractors.trade'), render: (w) => w.trade ?? '' },
    { key: 'start', header: t('contractors.startDate'), render: (w) => w.startDate ?? '' },
    {
      key: 'end',
      header: t('contractors.endDate'),
      render: (w) =>
        w.endDate ? (
          <Badge
            variant="light"
            color={w.endDate < today ? 'gray' : w.endDate <= soon ? 'orange' : 'blue'}
            title={
              w.endDate < today
                ? t('contractors.ended')
                : w.endDate <= soon
                  ? t('contractors.endingSoon')
                  : undefined
            }
          >
            {w.endDate}
          </Badge>
        ) : (
          ''
        ),
    },
  ];
  return (
    <>
      <DataTable
        label={t('contractors.workers')}
        endpoint={workersKey}
        exportPath={`${workersKey}/export.csv`}
        exportXlsxPath={`${workersKey}/export.xlsx`}
        schema={contractorWorkerPage}
        columns={columns}
        rowKey={(w) => w.id}
        defaultSort="fullName"
        filters={{ siteId: siteId ?? undefined, companyId: companyId ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} />
            <Select
              aria-label={t('contractors.company')}
              placeholder={t('contractors.allCompanies')}
              data={companies}
              value={companyId}
              onChange={setCompanyId}
              searchable
              clearable
              w={240}
            />
          </>
        }
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('contractors.addWorker')}
            </Button>
          ) : null
        }
        onRowClick={manage ? setEditing : undefined}
        emptyTitle={t('contractors.noWorkers')}
      />
      {editing !== null && (
        <WorkerFormModal worker={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

/** Contractor companies (group records) and their workers at the sites. */
export function ContractorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { tab?: string };
  const tab = search.tab === 'companies' ? 'companies' : 'workers';
  return (
    <>
      <PageHeader
        title={t('contractors.title')}
        crumbs={[{ label: t('nav.people') }, { label: t('nav.contractors') }]}
        description={t('contractors.description')}
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            to: '/people/contractors',
            search: v === 'companies' ? { tab: 'companies' } : {},
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="workers" leftSection={<IconHelmet size={16} />}>
            {t('contractors.workers')}
          </Tabs.Tab>
          <Tabs.Tab value="companies" leftSection={<IconBuildingFactory2 size={16} />}>
            {t('contractors.companies')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workers">
          <WorkersTab />
        </Tabs.Panel>
        <Tabs.Panel value="companies">
          <CompaniesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

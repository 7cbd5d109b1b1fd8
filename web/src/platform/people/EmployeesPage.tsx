import { Badge, Button, SegmentedControl, Select, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentList, type EmployeeView, employeePage } from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { EmployeeFormModal } from './EmployeeForm.tsx';
import { SiteFilter } from './SiteFilter.tsx';

type Status = 'active' | 'left' | 'all';

/** Employees in the user's scope: filter by site, status and department; add, change, import, export. */
export function EmployeesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { siteId?: string };
  const [status, setStatus] = useState<Status>('active');
  const [department, setDepartment] = useState<string | null>(null);
  const [editing, setEditing] = useState<EmployeeView | null | 'new'>(null);
  const siteId = search.siteId ?? null;
  const departments = useQuery({
    queryKey: ['/api/people/departments', siteId],
    queryFn: () => api.get('/api/people/departments', departmentList, { siteId: siteId ?? undefined }),
    staleTime: 60_000,
  });
  const manage = can('people.manage');
  const today = dayjs().format('YYYY-MM-DD');

  const setSite = (value: string | null) =>
    void navigate({ to: '/people/employees', search: value ? { siteId: value } : {}, replace: true });

  const columns: Column<EmployeeView>[] = [
    {
      key: 'employeeNo',
      header: t('employees.employeeNo'),
      sortKey: 'employeeNo',
      render: (e) => (
        <Text size="sm" ff="monospace">
          {e.employeeNo}
        </Text>
      ),
    },
    {
      key: 'fullName',
      header: t('employees.fullName'),
      sortKey: 'fullName',
      render: (e) => (
        <Text size="sm" fw={500}>
          {e.fullName}
        </Text>
      ),
    },
    { key: 'site', header: t('employees.site'), sortKey: 'site', render: (e) => e.siteCode },
    {
      key: 'department',
      header: t('employees.department'),
      sortKey: 'department',
      render: (e) => e.department,
    },
    { key: 'jobTitle', header: t('employees.jobTitle'), render: (e) => e.jobTitle ?? '' },
    { key: 'hireDate', header: t('employees.hireDate'), sortKey: 'hireDate', render: (e) => e.hireDate },
    {
      key: 'status',
      header: t('employees.status'),
      render: (e) =>
        !e.leaveDate ? (
          <Badge color="teal" variant="light">
            {t('employees.active')}
          </Badge>
        ) : e.leaveDate <= today ? (
          <Badge color="gray" variant="light">
            {t('employees.leftOn', { date: e.leaveDate })}
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {t('employees.leavesOn', { date: e.leaveDate })}
          </Badge>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('employees.title')}
        crumbs={[{ label: t('nav.people') }, { label: t('nav.employees') }]}
        description={t('employees.description')}
        actions={
          manage ? (
            <>
              <ButtonLink
                variant="default"
                to="/people/employees/import"
                leftSection={<IconFileImport size={16} />}
              >
                {t('employees.import')}
              </ButtonLink>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('employees.add')}
              </Button>
            </>
          ) : null
        }
      />
      <DataTable
        label={t('employees.title')}
        endpoint="/api/people/employees"
        schema={employeePage}
        columns={columns}
        rowKey={(e) => e.id}
        defaultSort="fullName"
        searchPlaceholder={t('employees.searchPlaceholder')}
        filters={{ siteId: siteId ?? undefined, status, department: department ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSite} w={220} />
            <Select
              aria-label={t('employees.department')}
              placeholder={t('employees.allDepartments')}
              data={departments.data?.items ?? []}
              value={department}
              onChange={setDepartment}
              searchable
              clearable
              w={190}
            />
            <SegmentedControl
              aria-label={t('employees.status')}
              value={status}
              onChange={(v) => setStatus(v as Status)}
              data={[
                { value: 'active', label: t('employees.statusActive') },
                { value: 'left', label: t('employees.statusLeft') },
                { value: 'all', label: t('employees.statusAll') },
              ]}
            />
          </>
        }
        exportPath="/api/people/employees/export.csv"
        exportXlsxPath="/api/people/employees/export.xlsx"
        onRowClick={(e) =>
          void navigate({ to: '/people/employees/$employeeId', params: { employeeId: e.id } })
        }
        emptyTitle={t('employees.emptyTitle')}
        emptyHint={manage ? t('employees.emptyHint') : undefined}
      />
      {editing !== null && (
        <EmployeeFormModal
          opened
          employee={editing === 'new' ? null : editing}
          defaultSiteId={siteId ?? undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import {
  type EmployeeView,
  employeeInput,
  employeePatch,
  employeeView,
} from '#shared/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { useSites } from './sites.ts';

type V = {
  siteId: string;
  employeeNo: string;
  fullName: string;
  email: string;
  department: string;
  jobTitle: string;
  hireDate: string | null;
  leaveDate: string | null;
};

export const employeeKeys = ['/api/people/employees', '/api/home', '/api/org/tree', '/api/org/sites'];

/** Add or change an employee. */
export function EmployeeFormModal({
  employee,
  defaultSiteId,
  opened,
  onClose,
}: {
  employee: EmployeeView | null;
  defaultSiteId?: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { options } = useSites();
  const f = useRecordForm({
    record: employee,
    blank: {
      siteId: defaultSiteId ?? '',
      employeeNo: '',
      fullName: '',
      email: '',
      department: '',
      jobTitle: '',
      hireDate: null,
      leaveDate: null,
    } as V,
    toValues: (e) => ({
      siteId: e.siteId,
      employeeNo: e.employeeNo,
      fullName: e.fullName,
      email: e.email ?? '',
      department: e.department,
      jobTitle: e.jobTitle ?? '',
      hireDate: e.hireDate,
      leaveDate: e.leaveDate,
    }),
    toPayload: (v: V) => ({
      siteId: v.siteId,
      employeeNo: v.employeeNo.trim(),
      fullName: v.fullName.trim(),
      email: blankToNull(v.email),
      department: v.department.trim(),
      jobTitle: blankToNull(v.jobTitle),
      hireDate: v.hireDate ?? '',
      leaveDate: v.leaveDate || null,
    }),
    createSchema: employeeInput,
    patchSchema: employeePatch,
    create: (p) => api.post('/api/people/employees', p, employeeView),
    update: (id, body) => api.patch(`/api/people/employees/${id}`, body, employeeView),
    fetch: (id) => api.get(`/api/people/employees/${id}`, employeeView),
    invalidate: employeeKeys,
    onSaved: onClose,
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={f.mode === 'edit' ? t('employees.edit') : t('employees.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('employees.employeeNo')}
          required
          data-autofocus
          {...f.form.getInputProps('employeeNo')}
        />
        <Select
          label={t('employees.site')}
          data={options}
          searchable
          required
          {...f.form.getInputProps('siteId')}
        />
      </SimpleGrid>
      <TextInput label={t('employees.fullName')} required {...f.form.getInputProps('fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('employees.department')} required {...f.form.getInputProps('department')} />
        <TextInput label={t('employees.jobTitle')} {...f.form.getInputProps('jobTitle')} />
      </SimpleGrid>
      <TextInput label={t('employees.email')} type="email" {...f.form.getInputProps('email')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput
          label={t('employees.hireDate')}
          valueFormat="YYYY-MM-DD"
          required
          {...f.form.getInputProps('hireDate')}
        />
        <DateInput
          label={t('employees.leaveDate')}
          description={t('employees.leaveDateHint')}
          valueFormat="YYYY-MM-DD"
          clearable
          {...f.form.getInputProps('leaveDate')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

import { useTranslation } from 'react-i18next';
import { ImportWizard } from '../imports/ImportWizard.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { employeeKeys } from './EmployeeForm.tsx';

const template = {
  filename: 'employees.csv',
  csv: 'employee_no,full_name,site_code,department,hire_date,leave_date,email,job_title\nE000123,Lin Mei-Ling,K-KH,Assembly,2024-03-01,,mei-ling.lin@example.com,Operator\n',
};

/** Employees from a spreadsheet, through the import pipeline: all rows checked, then all imported or none. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('import.title')}
        crumbs={[
          { label: t('nav.people') },
          { label: t('nav.employees'), to: '/people/employees' },
          { label: t('import.title') },
        ]}
        description={t('import.description')}
      />
      <ImportWizard
        kind="employees"
        template={template}
        expected={[
          ['employee_no', true],
          ['full_name', true],
          ['site_code', true],
          ['department', true],
          ['hire_date', true],
          ['leave_date', false],
          ['email', false],
          ['job_title', false],
        ]}
        invalidate={employeeKeys}
        doneActions={<ButtonLink to="/people/employees">{t('import.toEmployees')}</ButtonLink>}
      />
    </>
  );
}

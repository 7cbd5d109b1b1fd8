import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeView } from '#shared/platform/people/contract.ts';
import { completionPage, trainingDueView } from '#shared/platform/training/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { TrainingDueList } from '../training/TrainingDue.tsx';
import { useTrainingLabel, useTrainingT } from '../training/texts.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { EmployeeFormModal } from './EmployeeForm.tsx';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </div>
  );
}

/**
 * One employee, for the staff who read people at the employee's site: the record, and (for those who read
 * training) the courses due and the completions. Health records never appear here: they stay with the
 * medical staff's own pages.
 */
export function EmployeePage() {
  const { t } = useTranslation();
  const tt = useTrainingT();
  const trainingLabel = useTrainingLabel();
  const can = useCan();
  const { employeeId } = useParams({ strict: false }) as { employeeId: string };
  const [editing, setEditing] = useState(false);
  const employee = useQuery({
    queryKey: ['/api/people/employees', employeeId],
    queryFn: () => api.get(`/api/people/employees/${employeeId}`, employeeView),
  });
  const readsTraining = can('training.read');
  const training = useQuery({
    queryKey: ['/api/training/employees', employeeId],
    queryFn: () => api.get(`/api/training/employees/${employeeId}`, trainingDueView),
    enabled: readsTraining,
  });
  const e = employee.data;
  const today = dayjs().format('YYYY-MM-DD');
  const crumbs = [{ label: t('employees.title'), to: '/people/employees' }, { label: e?.fullName ?? '…' }];

  if (employee.error)
    return (
      <>
        <PageHeader title={t('employees.title')} crumbs={crumbs} />
        <ProblemAlert error={employee.error} />
      </>
    );
  return (
    <>
      <PageHeader
        title={e?.fullName ?? '…'}
        crumbs={crumbs}
        description={e ? t('employees.detailDescription', { no: e.employeeNo, site: e.siteCode }) : undefined}
        actions={
          e && can('people.manage') ? (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              {t('employees.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('employees.details')}</Title>
            {e &&
              (e.leaveDate && e.leaveDate <= today ? (
                <Badge color="gray" variant="light" tt="none">
                  {t('employees.leftOn', { date: e.leaveDate })}
                </Badge>
              ) : (
                <Badge color="teal" variant="light" tt="none">
                  {t('employees.active')}
                </Badge>
              ))}
          </Group>
          {e ? (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Field label={t('employees.employeeNo')} value={e.employeeNo} />
              <Field label={t('employees.site')} value={e.siteCode} />
              <Field label={t('employees.department')} value={e.department} />
              <Field label={t('employees.jobTitle')} value={e.jobTitle} />
              <Field label={t('employees.email')} value={e.email} />
              <Field label={t('employees.hireDate')} value={e.hireDate} />
              <Field label={t('employees.leaveDate')} value={e.leaveDate} />
            </SimpleGrid>
          ) : (
            <Skeleton h={80} />
          )}
          <Group gap={6} mt="sm" c="dimmed">
            <IconInfoCircle size={14} />
            <Text size="xs">{t('employees.noHealth')}</Text>
          </Group>
        </Paper>
        {readsTraining && (
          <Stack gap="sm">
            <Title order={4}>{tt('mine.employeeTitle')}</Title>
            {training.error ? (
              <ProblemAlert error={training.error} />
            ) : (
              <TrainingDueList data={training.data} />
            )}
            <Title order={5} mt="sm">
              {t('employees.trainingRecords')}
            </Title>
            <DataTable
              label={t('employees.trainingRecords')}
              endpoint="/api/training/completions"
              schema={completionPage}
              filters={{ personId: employeeId }}
              searchable={false}
              defaultSort="completedOn"
              defaultOrder="desc"
              rowKey={(c) => String(c.id)}
              columns={[
                {
                  key: 'completedOn',
                  header: tt('mine.lastCompleted'),
                  sortKey: 'completedOn',
                  render: (c) => c.completedOn,
                },
                { key: 'course', header: tt('mine.course'), render: (c) => c.courseCode },
                { key: 'hours', header: tt('courses.hours'), align: 'right', render: (c) => c.hours },
                {
                  key: 'result',
                  header: tt('mine.state'),
                  render: (c) => trainingLabel('results', c.result),
                },
              ]}
              emptyTitle={tt('completions.empty')}
            />
          </Stack>
        )}
      </Stack>
      {editing && e && <EmployeeFormModal opened employee={e} onClose={() => setEditing(false)} />}
    </>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EmployeeImportResult,
  employeeCsvColumns,
  employeeImportResult,
} from '../../../../server/platform/people/contract.ts';
import { api } from '../api/client.ts';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { employeeKeys } from './EmployeeForm.tsx';

const template = `${employeeCsvColumns.join(',')}\nE000123,Lin Mei-Ling,K-KH,Assembly,2024-03-01,,mei-ling.lin@example.com,Operator\n`;
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`;

function ResultSummary({ result }: { result: EmployeeImportResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group gap="xl">
      <div>
        <Text size="xs" c="dimmed">
          {t('import.rows')}
        </Text>
        <Text fw={700} size="lg">
          {fmt.number(result.rows)}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {result.dryRun ? t('import.willCreate') : t('import.created')}
        </Text>
        <Text fw={700} size="lg" c="teal">
          {fmt.number(result.created)}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {result.dryRun ? t('import.willUpdate') : t('import.updated')}
        </Text>
        <Text fw={700} size="lg" c="blue">
          {fmt.number(result.updated)}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t('import.errors')}
        </Text>
        <Text fw={700} size="lg" c={result.errors.length ? 'red' : undefined}>
          {fmt.number(result.errors.length)}
        </Text>
      </div>
    </Group>
  );
}

/** CSV import of employees: check the file first (dry run, row errors listed), then import all of it or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [check, setCheck] = useState<EmployeeImportResult | null>(null);
  const [done, setDone] = useState<EmployeeImportResult | null>(null);

  const run = useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      api.postText('/api/people/employees/import', csv, 'text/csv', employeeImportResult, {
        dryRun: String(dryRun),
      }),
    onSuccess: (result) => {
      if (result.dryRun) setCheck(result);
      else {
        setDone(result);
        for (const key of employeeKeys) void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });

  async function choose(next: File | null) {
    setFile(next);
    setCheck(null);
    setDone(null);
    run.reset();
    setText(next ? await next.text() : null);
  }

  const step = done ? 3 : check ? (check.errors.length ? 1 : 2) : file ? 1 : 0;

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
      <Paper withBorder radius="md" p="lg" maw={980}>
        <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
          <Stepper.Step label={t('import.stepChoose')} />
          <Stepper.Step label={t('import.stepCheck')} />
          <Stepper.Step label={t('import.stepImport')} />
        </Stepper>
        <Stack gap="md">
          <Text size="sm">
            {t('import.columns')} <Code>{employeeCsvColumns.join(', ')}</Code>
          </Text>
          <Text size="sm" c="dimmed">
            {t('import.rules')}{' '}
            <Anchor href={templateHref} download="employees-template.csv" size="sm">
              <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('import.template')}
            </Anchor>
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t('import.file')}
              placeholder={t('import.choose')}
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={16} />}
              value={file}
              onChange={(f) => void choose(f)}
              clearable
              w={360}
              data-testid="import-file"
            />
            <Button
              leftSection={<IconCheck size={16} />}
              disabled={!text || !!done}
              loading={run.isPending && run.variables?.dryRun}
              onClick={() => text && run.mutate({ csv: text, dryRun: true })}
              variant={check ? 'default' : 'filled'}
            >
              {t('import.check')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} />}
              color="teal"
              disabled={!check || check.errors.length > 0 || !!done}
              loading={run.isPending && run.variables?.dryRun === false}
              onClick={() => text && run.mutate({ csv: text, dryRun: false })}
            >
              {t('import.commit', { count: check?.rows ?? 0 })}
            </Button>
          </Group>

          {run.error ? <ProblemAlert error={run.error} /> : null}

          {check && !done && (
            <Stack gap="sm">
              <ResultSummary result={check} />
              {check.errors.length === 0 ? (
                <Alert color="teal" icon={<IconCheck size={18} />} title={t('import.checkedTitle')}>
                  {t('import.checkedOk', { count: check.rows })}
                </Alert>
              ) : (
                <>
                  <Alert
                    color="red"
                    icon={<IconAlertTriangle size={18} />}
                    title={t('import.hasErrorsTitle')}
                  >
                    {t('import.hasErrors', { count: check.errors.length })}
                  </Alert>
                  <ScrollArea.Autosize mah={420} type="auto">
                    <Table striped withTableBorder stickyHeader aria-label={t('import.errors')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={80}>{t('import.row')}</Table.Th>
                          <Table.Th w={160}>{t('import.column')}</Table.Th>
                          <Table.Th>{t('import.message')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {check.errors.map((e, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id
                          <Table.Tr key={i}>
                            <Table.Td>{e.row}</Table.Td>
                            <Table.Td>{e.column ? <Code>{e.column}</Code> : '—'}</Table.Td>
                            <Table.Td>{e.message}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea.Autosize>
                </>
              )}
            </Stack>
          )}

          {done && (
            <Stack gap="sm">
              <Alert color="teal" icon={<IconCheck size={18} />} title={t('import.doneTitle')}>
                {t('import.done', { created: done.created, updated: done.updated })}
              </Alert>
              <ResultSummary result={done} />
              <Group>
                <Button component={Link} to="/people/employees">
                  {t('import.toEmployees')}
                </Button>
                <Button variant="default" onClick={() => void choose(null)}>
                  {t('import.another')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Paper>
    </>
  );
}

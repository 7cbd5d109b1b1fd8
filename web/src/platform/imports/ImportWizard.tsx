import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBack,
  IconCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconListCheck,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { type ImportJobView, importJobView } from '#shared/platform/imports/contract.ts';
import { ApiError, api } from '../api/client.ts';
import { putJson, uploadFile, useCsrfToken } from '../services/http.ts';
import { useFormat } from '../ui/labels.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import { useRowMessage } from './messages.ts';
import { importsKey, RecentImports } from './RecentImports.tsx';
import { type ImportsKey, useImportsT } from './texts.ts';

export { importsKey };

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Mapping = Record<string, string | null>;

/** A field's label in the user's language (the server's English label for kinds the web app does not know). */
function useColumnLabel(kind: string) {
  const t = useImportsT();
  return (c: { key: string; label: string }) =>
    t(`columns.${kind}.${c.key}` as ImportsKey, { defaultValue: c.label });
}

/** A progress bar that stays on the page once its pass is over (at 100 %), so the user sees it finished. */
function PassProgress({ job, label }: { job: ImportJobView; label: string }) {
  const running = job.status === 'validating' || job.status === 'committing';
  const value = running ? job.progress : 100;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {value} %
        </Text>
      </Group>
      <Progress
        value={value}
        size="lg"
        radius="sm"
        striped={running}
        animated={running}
        color={job.status === 'failed' || job.status === 'invalid' ? 'red' : running ? 'blue' : 'teal'}
        aria-label={label}
        data-testid="import-progress"
        data-status={job.status}
      />
    </Stack>
  );
}

function MappingStep({
  job,
  busy,
  error,
  onSubmit,
  onRestart,
}: {
  job: ImportJobView;
  busy: boolean;
  error: unknown;
  onSubmit: (mapping: Mapping) => void;
  onRestart: () => void;
}) {
  const t = useImportsT();
  const columnLabel = useColumnLabel(job.kind);
  const [mapping, setMapping] = useState<Mapping>(job.mapping);
  const [tried, setTried] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new upload (or its new version) resets the form
  useEffect(() => setMapping(job.mapping), [job.id]);

  const serverErrors = error instanceof ApiError ? error.fieldErrors : {};
  const problems: Record<string, string> = {};
  const usedBy = new Map<string, string>();
  for (const c of job.columns) {
    const source = mapping[c.key] ?? null;
    if (!source) {
      if (c.required) problems[c.key] = t('mapping.required');
      continue;
    }
    const other = usedBy.get(source);
    if (other) problems[c.key] = t('mapping.twice', { field: other });
    usedBy.set(source, columnLabel(c));
  }
  const options = job.header.map((h) => ({ value: h, label: h }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(mapping);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('mapping.intro', { file: job.filename })}</Text>
        {error && !Object.keys(serverErrors).length ? <ProblemAlert error={error} /> : null}
        <Table withTableBorder verticalSpacing="xs" aria-label={t('steps.mapping')} maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="45%">{t('mapping.field')}</Table.Th>
              <Table.Th>{t('mapping.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.columns.map((c, i) => {
              const value = mapping[c.key] ?? null;
              const suggested = value !== null && value === job.mapping[c.key];
              const fieldError = (tried && problems[c.key]) || serverErrors[`mapping.${c.key}`];
              return (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <Text size="sm" fw={500} id={`map-${c.key}`}>
                      {columnLabel(c)}
                      {c.required && (
                        <Text span c="red" aria-hidden>
                          {' '}
                          *
                        </Text>
                      )}
                    </Text>
                    <Code fz="xs">{c.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Select
                        aria-labelledby={`map-${c.key}`}
                        placeholder={c.required ? t('mapping.choose') : t('mapping.notInFile')}
                        data={options}
                        value={value}
                        onChange={(v) => setMapping((m) => ({ ...m, [c.key]: v }))}
                        clearable={!c.required}
                        required={c.required}
                        error={fieldError || undefined}
                        data-autofocus={i === 0 ? true : undefined}
                        openOnFocus={false}
                        w={260}
                        comboboxProps={{ withinPortal: true }}
                      />
                      {suggested && (
                        <Badge miw="max-content" variant="light" color="teal" mt={8}>
                          {t('mapping.suggested')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group>
          <Button type="submit" loading={busy} leftSection={<IconListCheck size={16} />}>
            {t('mapping.check')}
          </Button>
          <Button variant="default" onClick={onRestart} leftSection={<IconArrowBack size={16} />}>
            {t('mapping.another')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ErrorsTable({ job }: { job: ImportJobView }) {
  const t = useImportsT();
  const fmt = useFormat();
  const columnLabel = useColumnLabel(job.kind);
  const message = useRowMessage();
  const byKey = new Map(job.columns.map((c) => [c.key, c]));
  return (
    <Stack gap={4}>
      {job.errorCount > job.errors.length && (
        <Text size="sm" c="dimmed">
          {t('check.listed', { count: fmt.number(job.errors.length) })}
        </Text>
      )}
      <ScrollArea.Autosize mah={420} type="auto">
        <Table
          striped
          withTableBorder
          stickyHeader
          aria-label={t('check.invalidTitle')}
          data-testid="import-errors"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('check.row')}</Table.Th>
              <Table.Th w={260}>{t('check.column')}</Table.Th>
              <Table.Th>{t('check.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.errors.map((e, i) => {
              const c = e.column ? byKey.get(e.column) : undefined;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: row errors have no id
                <Table.Tr key={i}>
                  <Table.Td>{fmt.number(e.row)}</Table.Td>
                  <Table.Td>
                    {c ? columnLabel(c) : (e.column ?? '—')}
                    {c && job.mapping[c.key] && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({job.mapping[c.key]})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{message(e.message)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * The one import pipeline, step by step: upload a CSV or XLSX file, map its columns (Steward suggests them),
 * check every row (a progress bar, then the row errors), import all rows in one transaction (a progress bar)
 * or nothing, done. A run that takes long goes on on the server: it can be opened again from the list.
 */
export function ImportWizard({
  kind,
  template,
  expected,
  invalidate = [],
  doneActions,
  via,
  startWith,
}: {
  /** The importer, e.g. 'training_completions'. */
  kind: string;
  /** A module's own upload address and file types, when it converts its format into the importer's rows. */
  via?: { url: string; accept: string };
  /** A CSV to start from. */
  template?: { filename: string; csv: string };
  /** The fields, shown before upload: [key, required]. */
  expected?: [string, boolean][];
  /** Query keys refreshed after an import. */
  invalidate?: string[];
  /** Buttons shown when the import is done (e.g. back to the list). */
  doneActions?: ReactNode;
  /** An import already uploaded (by a module's own upload step) to continue from its mapping. */
  startWith?: string;
}) {
  const t = useImportsT();
  const fmt = useFormat();
  const csrf = useCsrfToken();
  const queryClient = useQueryClient();
  const columnLabel = useColumnLabel(kind);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(startWith ?? null);
  const [remapping, setRemapping] = useState(false);

  const job = useQuery({
    queryKey: [importsKey, jobId],
    queryFn: () => api.get(`/api/imports/${jobId}`, importJobView),
    enabled: !!jobId,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'validating' || s === 'committing' ? 400 : false;
    },
  });
  const current = job.data ?? null;

  // When a run ends, the lists it changed are refreshed.
  const status = current?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of status only
  useEffect(() => {
    if (status === 'done')
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
    if (status && status !== 'validating' && status !== 'committing')
      void queryClient.invalidateQueries({ queryKey: [importsKey, 'recent'] });
  }, [status]);

  const setJob = (j: ImportJobView) => {
    queryClient.setQueryData([importsKey, j.id], j);
    setJobId(j.id);
  };

  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadFile(via?.url ?? '/api/imports', via ? {} : { kind }, f, importJobView, csrf),
    onSuccess: (j) => {
      setRemapping(false);
      setJob(j);
    },
  });
  const validate = useMutation({
    mutationFn: async (mapping: Mapping) => {
      if (!current) throw new Error('no import');
      const mapped = await putJson(
        `/api/imports/${current.id}/mapping`,
        { version: current.version, mapping },
        importJobView,
        csrf,
      );
      return api.post(`/api/imports/${current.id}/validate`, { version: mapped.version }, importJobView);
    },
    onSuccess: (j) => {
      setRemapping(false);
      setJob(j);
    },
  });
  const commit = useMutation({
    mutationFn: (j: ImportJobView) =>
      api.post(`/api/imports/${j.id}/commit`, { version: j.version }, importJobView),
    onSuccess: setJob,
  });

  function restart() {
    setJobId(null);
    setFile(null);
    setRemapping(false);
    upload.reset();
    validate.reset();
    commit.reset();
  }

  const step = !current
    ? 0
    : remapping || current.status === 'uploaded'
      ? 1
      : current.status === 'validating' || current.status === 'valid' || current.status === 'invalid'
        ? 2
        : current.status === 'done'
          ? 4
          : 3;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Stepper active={step} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label={t('steps.upload')} description={t('steps.uploadHint')} />
          <Stepper.Step label={t('steps.mapping')} description={t('steps.mappingHint')} />
          <Stepper.Step label={t('steps.check')} description={t('steps.checkHint')} />
          <Stepper.Step label={t('steps.commit')} description={t('steps.commitHint')} />
        </Stepper>

        {step === 0 && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <Stack gap="md">
              {expected && (
                <Text size="sm">
                  {t('upload.expects')}{' '}
                  {expected.map(([key, required], i) => (
                    <span key={key}>
                      {i > 0 && ', '}
                      <Code>{key}</Code> {columnLabel({ key, label: key })}
                      {!required && ` ${t('upload.optional')}`}
                    </span>
                  ))}
                </Text>
              )}
              {template && (
                <Anchor
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(template.csv)}`}
                  download={template.filename}
                  size="sm"
                >
                  <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('upload.template')}
                </Anchor>
              )}
              {upload.error ? <ProblemAlert error={upload.error} /> : null}
              <Group align="flex-end">
                <FileInput
                  label={t('upload.file')}
                  description={t('upload.hint')}
                  placeholder={t('upload.choose')}
                  accept={via?.accept ?? ACCEPT}
                  leftSection={<IconFileSpreadsheet size={16} />}
                  value={file}
                  onChange={(f) => {
                    setFile(f);
                    upload.reset();
                  }}
                  clearable
                  w={420}
                  data-testid="import-file"
                  data-autofocus
                />
                <Button
                  type="submit"
                  disabled={!file}
                  loading={upload.isPending}
                  leftSection={<IconUpload size={16} />}
                >
                  {t('upload.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {step === 1 && current && (
          <MappingStep
            job={current}
            busy={validate.isPending}
            error={validate.error}
            onSubmit={(m) => validate.mutate(m)}
            onRestart={restart}
          />
        )}

        {step === 2 && current && (
          <Stack gap="md">
            <PassProgress
              job={current}
              label={
                current.status === 'validating'
                  ? t('check.running', { rows: fmt.number(current.rowsDone) })
                  : t('check.progress', {
                      done: fmt.number(current.rowsTotal ?? current.rowsDone),
                      total: fmt.number(current.rowsTotal ?? current.rowsDone),
                    })
              }
            />
            {commit.error ? <ProblemAlert error={commit.error} /> : null}
            {current.status === 'valid' && (
              <>
                <Alert color="teal" icon={<IconCheck size={18} />} title={t('check.validTitle')}>
                  {t('check.valid', { count: current.rowsTotal ?? 0 })}
                </Alert>
                <Group>
                  <Button
                    color="teal"
                    leftSection={<IconUpload size={16} />}
                    loading={commit.isPending}
                    onClick={() => commit.mutate(current)}
                  >
                    {t('check.commit', { count: current.rowsTotal ?? 0 })}
                  </Button>
                  <Button variant="default" onClick={() => setRemapping(true)}>
                    {t('check.remap')}
                  </Button>
                </Group>
              </>
            )}
            {current.status === 'invalid' && (
              <>
                <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('check.invalidTitle')}>
                  {t('check.invalid', {
                    count: current.errorCount,
                    rows: fmt.number(current.rowsTotal ?? 0),
                  })}
                </Alert>
                <ErrorsTable job={current} />
                <Group>
                  <Button leftSection={<IconUpload size={16} />} onClick={restart}>
                    {t('check.another')}
                  </Button>
                  <Button variant="default" onClick={() => setRemapping(true)}>
                    {t('check.remap')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}

        {step >= 3 && current && (
          <Stack gap="md">
            <PassProgress
              job={current}
              label={t(current.status === 'committing' ? 'commit.running' : 'commit.progress', {
                done: fmt.number(current.rowsDone),
                total: fmt.number(current.rowsTotal ?? 0),
              })}
            />
            {current.status === 'done' && (
              <>
                <Alert color="teal" icon={<IconCheck size={18} />} title={t('commit.doneTitle')}>
                  {t('commit.done', {
                    rows: fmt.number(current.rowsTotal ?? current.rowsDone),
                    inserted: fmt.number(current.rowsInserted ?? 0),
                    skipped: fmt.number(
                      Math.max(0, (current.rowsTotal ?? current.rowsDone) - (current.rowsInserted ?? 0)),
                    ),
                  })}
                </Alert>
                <Group>
                  {doneActions}
                  <Button variant="default" onClick={restart}>
                    {t('commit.another')}
                  </Button>
                </Group>
              </>
            )}
            {current.status === 'failed' && (
              <>
                <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('commit.failedTitle')}>
                  <Text size="sm">{t('commit.failed')}</Text>
                  {current.errorCount === 0 && current.message && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {current.message}
                    </Text>
                  )}
                </Alert>
                {current.errors.length > 0 && <ErrorsTable job={current} />}
                <Group>
                  <Button onClick={restart}>{t('check.another')}</Button>
                </Group>
              </>
            )}
          </Stack>
        )}
        {job.error ? <ProblemAlert error={job.error} /> : null}
      </Paper>
      <RecentImports
        kind={kind}
        onOpen={(id) => {
          setRemapping(false);
          setJobId(id);
        }}
      />
    </Stack>
  );
}

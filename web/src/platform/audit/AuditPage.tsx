import {
  Alert,
  Autocomplete,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconLinkOff, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type auditEventView, auditPage, verifyReportView } from '#shared/platform/audit/contract.ts';
import { api } from '../api/client.ts';
import { webModules } from '../modules/manifest.ts';
import { SiteFilter } from '../people/SiteFilter.tsx';
import { useSites } from '../people/sites.ts';
import { ClampedText } from '../ui/ClampedText.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';

type AuditEvent = z.infer<typeof auditEventView>;
type Report = z.infer<typeof verifyReportView>;

const knownEntityTypes = [
  'subsidiary',
  'site',
  'area',
  'employee',
  'employee_import',
  'contractor_company',
  'contractor_worker',
  'external_person',
  'user',
  'api_token',
  'meeting',
  'committee',
  'obligation',
  'action',
  'certification',
  'document',
  'training_course',
  'training_completion',
  'import',
  'setting',
  'demo',
] as const;
/** What was done, as the last part of an audit action (`meeting.created`): shown in the reader's words. */
const knownVerbs = [
  'created',
  'updated',
  'deleted',
  'imported',
  'uploaded',
  'removed',
  'recorded',
  'completed',
  'done',
  'delegated',
  'granted',
  'revoked',
  'locked',
  'loaded',
  'committed',
  'rotated',
  'redacted',
  'assessor_set',
  'answered',
  'submit',
  'return',
  'review',
  'sign_off',
  'approve',
  'corrected',
  'set',
] as const;
const knownActions = ['created', 'updated', 'deleted', 'imported', 'locked', 'preferences', 'revoked'];

/** Flattens a JSON value to dotted paths, so that a change shows as one row per field. */
export function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length && prefix) out[prefix] = {};
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function EventDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const before = flatten(event.before);
  const after = flatten(event.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = keys.filter((k) => show(before[k]) !== show(after[k]));
  const unchanged = keys.filter((k) => show(before[k]) === show(after[k]));
  return (
    <Stack gap="xs" py={4} data-testid="audit-diff">
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <Text size="xs" c="dimmed">
          {t('audit.chain')}: <Code>{event.chainKey}</Code> #{event.seq}
        </Text>
        <Text size="xs" c="dimmed">
          {t('audit.entity')}: <Code>{event.entityId ?? '—'}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          {t('audit.requestId')}: <Code>{event.requestId ?? '—'}</Code>
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {t('audit.hash')}: <Code>{event.hash.slice(0, 16)}…</Code>
        </Text>
      </SimpleGrid>
      {keys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.noDetails')}
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('audit.field')}</Table.Th>
              <Table.Th w="38%">{t('audit.before')}</Table.Th>
              <Table.Th w="38%">{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...changed, ...unchanged].map((k) => {
              const isChanged = changed.includes(k);
              return (
                <Table.Tr key={k} style={isChanged ? undefined : { opacity: 0.6 }}>
                  <Table.Td ff="monospace">{k}</Table.Td>
                  <Table.Td
                    ff="monospace"
                    style={{
                      wordBreak: 'break-all',
                      background: isChanged && k in before ? 'var(--mantine-color-red-light)' : undefined,
                    }}
                  >
                    {show(before[k])}
                  </Table.Td>
                  <Table.Td
                    ff="monospace"
                    style={{
                      wordBreak: 'break-all',
                      background: isChanged && k in after ? 'var(--mantine-color-green-light)' : undefined,
                    }}
                  >
                    {show(after[k])}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Chains rewritten to take details out of their events (each recorded by an event of its own). */
function Redactions({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.redactions.length === 0) return null;
  return (
    <Alert color="blue" title={t('audit.redactionsTitleAny')} data-testid="verify-redactions">
      <Stack gap={4}>
        {report.redactions.map((r) => (
          <Text size="sm" key={`${r.chainKey}:${r.seq}`}>
            {/* A rewrite says what it took out (health details, personal data) in its own summary. */}
            {r.summary
              ? t('audit.redactionWithSummary', {
                  chain: r.chainKey,
                  seq: r.seq,
                  date: r.occurredAt.slice(0, 10),
                  summary: r.summary,
                })
              : t('audit.redaction', { chain: r.chainKey, seq: r.seq, date: r.occurredAt.slice(0, 10) })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function VerifyResult({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <Stack>
        <Alert
          color="teal"
          icon={<IconShieldCheck size={18} />}
          title={t('audit.verifyOkTitle')}
          data-testid="verify-ok"
        >
          {t('audit.verifyOk', { chains: report.chains, events: report.events })}
        </Alert>
        <Redactions report={report} />
      </Stack>
    );
  }
  return (
    <Stack data-testid="verify-broken">
      <Alert color="red" icon={<IconLinkOff size={18} />} title={t('audit.verifyBrokenTitle')}>
        {t('audit.verifyBroken', {
          count: report.breaks.length,
          chains: report.chains,
          events: report.events,
        })}
      </Alert>
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.chain')}</Table.Th>
            <Table.Th>{t('audit.seq')}</Table.Th>
            <Table.Th>{t('audit.reason')}</Table.Th>
            <Table.Th>{t('audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.breaks.map((b) => (
            <Table.Tr key={`${b.chainKey}:${b.seq}`}>
              <Table.Td>
                <Code>{b.chainKey}</Code>
              </Table.Td>
              <Table.Td>{b.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c="red" fw={600}>
                  {t(`audit.reasons.${b.reason}`)}
                </Text>
              </Table.Td>
              <Table.Td>{b.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The audit log for auditors: filters, before/after of each change, and verification of the hash chains. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { sites } = useSites();
  const siteCode = new Map(sites.map((s) => [s.id, s.code]));
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [range, setRange] = useState<DatesRangeValue<string>>([null, null]);
  const [filters] = useDebouncedValue({ entityType: entityType.trim(), action: action.trim() }, 300);
  const [verifyOpen, setVerifyOpen] = useState(false);

  /** Known record types in the user's language: the platform's, and those the modules name; others as they are. */
  const locale = i18n.language === 'zh-TW' ? 'zh-TW' : 'en';
  const moduleTypes = new Map(
    webModules().flatMap((m) =>
      Object.entries(m.auditRecordTypes ?? {}).map(([k, v]) => [k, v[locale]] as const),
    ),
  );
  const entityTypeLabel = (type: string) =>
    (knownEntityTypes as readonly string[]).includes(type)
      ? t(`audit.entityTypes.${type as (typeof knownEntityTypes)[number]}`)
      : (moduleTypes.get(type) ?? type);

  const verify = useMutation({ mutationFn: () => api.get('/api/audit/verify', verifyReportView) });

  const columns: Column<AuditEvent>[] = [
    {
      key: 'occurredAt',
      header: t('audit.when'),
      sortKey: 'occurredAt',
      render: (e) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(e.occurredAt)}
        </Text>
      ),
    },
    { key: 'actor', header: t('audit.actor'), render: (e) => e.actorLabel },
    {
      key: 'action',
      header: t('audit.action'),
      render: (e) => {
        const verb = e.action.split('.').at(-1) ?? '';
        return (knownVerbs as readonly string[]).includes(verb) ? (
          <Text size="sm" title={e.action}>
            {t(`audit.verbs.${verb as (typeof knownVerbs)[number]}`)}
          </Text>
        ) : (
          <Code>{e.action}</Code>
        );
      },
    },
    { key: 'entityType', header: t('audit.entityType'), render: (e) => entityTypeLabel(e.entityType) },
    {
      key: 'site',
      header: t('employees.site'),
      render: (e) => (e.siteId ? (siteCode.get(e.siteId) ?? '—') : t('scope.group')),
    },
    {
      key: 'summary',
      header: t('audit.summary'),
      wrap: true,
      render: (e) => <ClampedText size="sm" lines={2} text={e.summary ?? ''} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('nav.audit') }]}
        description={t('audit.description')}
        actions={
          <Button
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => {
              setVerifyOpen(true);
              verify.mutate();
            }}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <DataTable
        label={t('audit.title')}
        endpoint="/api/audit/events"
        exportPath="/api/audit/events/export.csv"
        exportXlsxPath="/api/audit/events/export.xlsx"
        schema={auditPage}
        columns={columns}
        rowKey={(e) => String(e.id)}
        defaultSort="occurredAt"
        defaultOrder="desc"
        searchPlaceholder={t('audit.searchPlaceholder')}
        filters={{
          entityType: filters.entityType || undefined,
          action: filters.action || undefined,
          siteId: siteId ?? undefined,
          from: range[0] ?? undefined,
          to: range[1] ?? undefined,
        }}
        filterBar={
          <>
            <Autocomplete
              aria-label={t('audit.entityType')}
              placeholder={t('audit.entityType')}
              data={[...knownEntityTypes]}
              value={entityType}
              onChange={setEntityType}
              clearable
              w={150}
            />
            <Autocomplete
              aria-label={t('audit.action')}
              placeholder={t('audit.action')}
              data={
                entityType
                  ? knownActions.map(
                      (a) => `${entityType === 'employee_import' ? 'employees' : entityType}.${a}`,
                    )
                  : []
              }
              value={action}
              onChange={setAction}
              clearable
              w={170}
            />
            <SiteFilter value={siteId} onChange={setSiteId} w={180} />
            <DatePickerInput
              type="range"
              aria-label={t('audit.dateRange')}
              placeholder={t('audit.dateRange')}
              leftSection={<IconCalendar size={16} />}
              value={range}
              onChange={(v) => setRange(v as DatesRangeValue<string>)}
              valueFormat="YYYY-MM-DD"
              clearable
              w={210}
            />
          </>
        }
        renderExpanded={(e) => <EventDiff event={e} />}
        emptyTitle={t('audit.empty')}
      />
      <Modal
        opened={verifyOpen}
        onClose={() => setVerifyOpen(false)}
        title={t('audit.verifyTitle')}
        size="xl"
      >
        {verify.isPending && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('audit.verifying')}</Text>
          </Group>
        )}
        {verify.error ? <ProblemAlert error={verify.error} /> : null}
        {verify.data && <VerifyResult report={verify.data} />}
      </Modal>
    </>
  );
}

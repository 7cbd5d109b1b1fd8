import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import {
  qualificationInput,
  qualificationKinds,
  qualificationPatch,
  qualificationView,
} from '#shared/modules/ohs/qualifications/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ohsKeys, usePeopleSearch } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { statisticsQuery } from '../statistics/StatisticsPage.tsx';

type Q = z.infer<typeof qualificationView>;
type V = {
  workerId: string;
  kind: string;
  certificateNo: string;
  issuedOn: string | null;
  validUntil: string | null;
};

function daysUntil(date: string) {
  return Math.round(
    (new Date(`${date}T00:00:00`).getTime() - new Date(`${localDay()}T00:00:00`).getTime()) / 86_400_000,
  );
}

export function ExpiryBadge({ validUntil }: { validUntil: string }) {
  const t = useOhsT();
  const d = daysUntil(validUntil);
  if (d < 0) return <Badge color="red">{t('qualifications.expired')}</Badge>;
  if (d <= 60)
    return (
      <Badge color="orange" variant="light">
        {t('qualifications.expiresSoon', { days: d })}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {t('qualifications.valid')}
    </Badge>
  );
}

function QualificationForm({
  record,
  siteId,
  onClose,
}: {
  record: Q | null;
  siteId: string | null;
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const workers = usePeopleSearch('contractor_worker', siteId, q);
  const f = useRecordForm({
    record,
    blank: { workerId: '', kind: '', certificateNo: '', issuedOn: null, validUntil: null } as V,
    toValues: (r): V => ({
      workerId: r.workerId,
      kind: r.kind,
      certificateNo: r.certificateNo ?? '',
      issuedOn: r.issuedOn,
      validUntil: r.validUntil,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        kind: v.kind as (typeof qualificationKinds)[number],
        certificateNo: blankToNull(v.certificateNo),
        issuedOn: v.issuedOn || null,
        validUntil: v.validUntil ?? '',
      };
      return mode === 'create' ? { workerId: v.workerId, ...body } : body;
    },
    createSchema: qualificationInput,
    patchSchema: qualificationPatch,
    create: (p) => api.post('/api/ohs/qualifications', p, qualificationView),
    update: (id, body) => api.patch(`/api/ohs/qualifications/${id}`, body, qualificationView),
    fetch: async (id) => {
      const all = await api.get(
        '/api/ohs/qualifications',
        z.object({ items: z.array(qualificationView) }),
        {},
      );
      const found = all.items.find((x) => x.id === id);
      if (!found) throw new Error('Not found');
      return found;
    },
    invalidate: [ohsKeys.qualifications, ohsKeys.permits],
    onSaved: onClose,
  });
  const options = record ? [{ value: record.workerId, label: record.workerName }] : (workers.data ?? []);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('qualifications.edit') : t('qualifications.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <Select
        label={t('qualifications.worker')}
        data={options}
        searchable
        searchValue={record ? undefined : search}
        onSearchChange={record ? undefined : setSearch}
        filter={({ options: o }) => o}
        disabled={!!record}
        required
        openOnFocus={false}
        data-autofocus
        {...f.form.getInputProps('workerId')}
      />
      <Select
        label={t('qualifications.kind')}
        data={qualificationKinds.map((k) => ({ value: k, label: label('qualificationKinds', k) }))}
        required
        {...f.form.getInputProps('kind')}
      />
      <TextInput label={t('qualifications.certificateNo')} {...f.form.getInputProps('certificateNo')} />
      <SimpleGrid cols={2}>
        <DateInput
          label={t('qualifications.issuedOn')}
          valueFormat="YYYY-MM-DD"
          clearable
          {...f.form.getInputProps('issuedOn')}
        />
        <DateInput
          label={t('qualifications.validUntil')}
          valueFormat="YYYY-MM-DD"
          required
          {...f.form.getInputProps('validUntil')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** Contractor workers' qualifications with their expiry, and the zero-contractor-injury target. */
export function QualificationsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const can = useCan();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [within, setWithin] = useState<string>('all');
  const [editing, setEditing] = useState<Q | 'new' | null>(null);
  const manage = can('contractors.workers.manage');
  const params = {
    siteId: siteId ?? undefined,
    expiringWithinDays: within === 'all' ? undefined : Number(within),
  };
  const list = useQuery({
    queryKey: [ohsKeys.qualifications, params],
    queryFn: () =>
      api.get('/api/ohs/qualifications', z.object({ items: z.array(qualificationView) }), params),
  });
  const year = new Date().getFullYear();
  const stats = useQuery({
    ...statisticsQuery({ from: year, to: year, by: 'group', period: 'year' }),
    enabled: can('ohs.read'),
  });
  const contractorInjuries = stats.data?.rows.reduce((s, r) => s + r.nonEmployees.recordable, 0);
  const items = [...(list.data?.items ?? [])].sort((a, b) => a.validUntil.localeCompare(b.validUntil));

  return (
    <>
      <PageHeader
        title={t('qualifications.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('qualifications.title') }]}
        description={t('qualifications.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('qualifications.add')}
            </Button>
          ) : null
        }
      />
      {contractorInjuries !== undefined && (
        <Paper withBorder radius="md" p="md" mb="md" maw={420}>
          <Group gap="md">
            <IconShieldCheck
              size={32}
              color={contractorInjuries === 0 ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-red-6)'}
            />
            <div>
              <Text size="sm" c="dimmed">
                {t('qualifications.zeroTarget')} · {year}
              </Text>
              <Text fz={28} fw={700} c={contractorInjuries === 0 ? 'teal' : 'red'}>
                {contractorInjuries}
              </Text>
              <Text size="xs" c="dimmed">
                {t('qualifications.zeroTargetHint')}
              </Text>
            </div>
          </Group>
        </Paper>
      )}
      <Group gap="sm" mb="sm">
        <SiteFilter value={siteId} onChange={setSiteId} w={220} />
        <Text size="sm">{t('qualifications.expiringWithin')}</Text>
        <SegmentedControl
          value={within}
          onChange={setWithin}
          data={[
            { value: 'all', label: t('qualifications.anyTime') },
            { value: '30', label: t('qualifications.days', { count: 30 }) },
            { value: '90', label: t('qualifications.days', { count: 90 }) },
          ]}
        />
      </Group>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('qualifications.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('qualifications.worker')}</Table.Th>
                <Table.Th>{t('qualifications.kind')}</Table.Th>
                <Table.Th>{t('qualifications.certificateNo')}</Table.Th>
                <Table.Th>{t('qualifications.issuedOn')}</Table.Th>
                <Table.Th>{t('qualifications.validUntil')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr
                  key={x.id}
                  onClick={manage ? () => setEditing(x) : undefined}
                  style={{ cursor: manage ? 'pointer' : undefined }}
                >
                  <Table.Td fw={500}>{x.workerName}</Table.Td>
                  <Table.Td>{label('qualificationKinds', x.kind)}</Table.Td>
                  <Table.Td>{x.certificateNo ?? '—'}</Table.Td>
                  <Table.Td>{x.issuedOn ?? '—'}</Table.Td>
                  <Table.Td>{x.validUntil}</Table.Td>
                  <Table.Td>
                    <ExpiryBadge validUntil={x.validUntil} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {list.data && items.length === 0 && (
          <Text c="dimmed" size="sm" p="lg">
            {t('qualifications.empty')}
          </Text>
        )}
      </Paper>
      {editing && (
        <QualificationForm
          record={editing === 'new' ? null : editing}
          siteId={siteId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  hireMatchPage,
  hireMatchScanResult,
  hireMatchStatuses,
  hireMatchView,
} from '#shared/modules/academia/hire-match-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { problemMessage } from '../../../platform/ui/problem.tsx';
import { academiaKeys, useSchoolName } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

type Row = z.infer<typeof hireMatchPage>['items'][number];
export const hireMatchesKey = '/api/academia/hire-matches';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [hireMatchesKey] });
    void queryClient.invalidateQueries({ queryKey: [academiaKeys.interns] });
    void queryClient.invalidateQueries({ queryKey: ['/api/academia/conversion'] });
  };
}

function Decision({ match }: { match: Row }) {
  const t = useAcademiaT();
  const { t: tp } = useTranslation();
  const refresh = useRefresh();
  const decide = useMutation({
    mutationFn: (verb: 'confirm' | 'dismiss') =>
      api.post(`${hireMatchesKey}/${match.id}/${verb}`, { version: match.version }, hireMatchView),
    onSuccess: (_, verb) => {
      refresh();
      notifications.show({
        message: t(verb === 'confirm' ? 'hires.confirmed' : 'hires.dismissed'),
        color: 'teal',
      });
    },
    onError: (error) => {
      refresh();
      notifications.show({ message: problemMessage(error, tp), color: 'red' });
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        color="teal"
        disabled={match.hireDate === null}
        loading={decide.isPending && decide.variables === 'confirm'}
        onClick={() => decide.mutate('confirm')}
      >
        {t('hires.confirm')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        loading={decide.isPending && decide.variables === 'dismiss'}
        onClick={() => decide.mutate('dismiss')}
      >
        {t('hires.dismiss')}
      </Button>
    </Group>
  );
}

/** Employee records that Steward proposes as former interns, with the staff's decision. */
export function ProposedHires() {
  const t = useAcademiaT();
  const schoolName = useSchoolName();
  const { t: tp } = useTranslation();
  const label = useAcademiaLabel();
  const can = useCan();
  const manage = can('academia.manage');
  const refresh = useRefresh();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('proposed');
  const scan = useMutation({
    mutationFn: () => api.post(`${hireMatchesKey}/scan`, siteId ? { siteId } : {}, hireMatchScanResult),
    onSuccess: (r) => {
      refresh();
      notifications.show({ message: t('hires.scanned', r), color: 'teal' });
    },
    onError: (error) => notifications.show({ message: problemMessage(error, tp), color: 'red' }),
  });
  const columns: Column<Row>[] = [
    {
      key: 'intern',
      header: t('hires.intern'),
      sortKey: 'internName',
      render: (m) =>
        m.internName ?? (
          <Badge variant="light" color="gray">
            {t('interns.anonymised')}
          </Badge>
        ),
    },
    { key: 'site', header: t('common.site'), render: (m) => m.siteCode },
    { key: 'partner', header: t('common.partner'), wrap: true, render: (m) => schoolName(m) },
    { key: 'program', header: t('interns.program'), render: (m) => label('internPrograms', m.program) },
    { key: 'endedOn', header: t('interns.endedOn'), render: (m) => m.endedOn ?? '—' },
    {
      key: 'employee',
      header: t('hires.employee'),
      wrap: true,
      render: (m) =>
        m.employeeName ? (
          <>
            {m.employeeName}
            <Text size="xs" c="dimmed">
              {m.employeeNo} · {m.employeeSiteCode}
            </Text>
          </>
        ) : (
          t('hires.gone')
        ),
    },
    { key: 'hireDate', header: t('hires.hireDate'), render: (m) => m.hireDate ?? '—' },
    { key: 'reason', header: t('hires.reason'), render: (m) => label('hireReasons', m.reason) },
    {
      key: 'proposedAt',
      header: t('hires.proposedAt'),
      sortKey: 'proposedAt',
      render: (m) => m.proposedAt.slice(0, 10),
    },
    ...(status === 'proposed' && manage
      ? [{ key: 'decide', header: '', render: (m: Row) => <Decision match={m} /> }]
      : [{ key: 'status', header: t('hires.status'), render: (m: Row) => label('hireStatuses', m.status) }]),
  ];
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('hires.description')}
      </Text>
      <DataTable
        label={t('hires.tab')}
        endpoint={hireMatchesKey}
        schema={hireMatchPage}
        columns={columns}
        rowKey={(m) => m.id}
        defaultSort="proposedAt"
        defaultOrder="desc"
        searchPlaceholder={t('hires.search')}
        filters={{ siteId: siteId ?? undefined, status }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('hires.status')}
              data={hireMatchStatuses.map((s) => ({ value: s, label: label('hireStatuses', s) }))}
              value={status}
              onChange={(v) => setStatus(v ?? 'proposed')}
              allowDeselect={false}
              w={160}
            />
          </>
        }
        actions={
          manage ? (
            <Button variant="light" loading={scan.isPending} onClick={() => scan.mutate()}>
              {t('hires.scan')}
            </Button>
          ) : undefined
        }
        exportPath={`${hireMatchesKey}/export.csv`}
        exportXlsxPath={`${hireMatchesKey}/export.xlsx`}
        emptyTitle={t('hires.emptyTitle')}
        emptyHint={t('hires.emptyHint')}
      />
    </>
  );
}

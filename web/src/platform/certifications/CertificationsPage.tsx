import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconGridDots, IconList, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type CertificationView,
  certificationMatrix,
  certificationPage,
  certificationStatuses,
} from '#shared/platform/certifications/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { useSites } from '../people/sites.ts';
import { DaysLeft } from '../services/Due.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { CertificationFormModal, useStandards } from './CertificationForm.tsx';
import { type CertificationStatus, CertificationStatusBadge, statusColors } from './parts.tsx';
import type { CertificationsSearch } from './search.ts';
import { useCertificationsLabel, useCertificationsT } from './texts.ts';

type Preset = { standard?: string; siteId?: string; subsidiaryId?: string };

function Matrix({ onRegister }: { onRegister: ((p: Preset) => void) | null }) {
  const t = useCertificationsT();
  const label = useCertificationsLabel();
  const fmt = useFormat();
  const navigate = useNavigate();
  const matrix = useQuery({
    queryKey: ['/api/certifications', 'matrix'],
    queryFn: () => api.get('/api/certifications/matrix', certificationMatrix),
  });
  if (matrix.error) return <ProblemAlert error={matrix.error} />;
  if (!matrix.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const { standards, rows, counts } = matrix.data;
  // The sites certified come counted; the subsidiaries holding a certificate of their own are counted here.
  const subsidiaryCounts = (standard: string) =>
    rows.filter((r) => {
      const c = r.level === 'subsidiary' ? r.cells[standard] : null;
      return c && c.status !== 'expired';
    }).length;
  const holdersOf = (standard: string) => {
    const sites = counts[standard] ?? 0;
    const subsidiaries = subsidiaryCounts(standard);
    const parts = [
      ...(sites > 0 || subsidiaries === 0 ? [t('matrix.sites', { count: sites })] : []),
      ...(subsidiaries > 0 ? [t('matrix.subsidiaries', { count: subsidiaries })] : []),
    ];
    return parts.join(' · ');
  };
  const legend: (CertificationStatus | 'none')[] = [
    'valid',
    'expiring',
    'renewal-in-progress',
    'expired',
    'none',
  ];
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label={t('matrix.legend')}>
        {legend.map((s) => (
          <Badge
            key={s}
            variant={s === 'none' ? 'outline' : 'light'}
            color={s === 'none' ? 'gray' : statusColors[s]}
          >
            {label('statuses', s)}
          </Badge>
        ))}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('matrix.noSites')}</Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <ScrollArea type="auto">
            <Table
              aria-label={t('matrix.label')}
              data-testid="certification-matrix"
              withColumnBorders
              verticalSpacing={6}
              horizontalSpacing="xs"
              stickyHeader
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th
                    style={{
                      position: 'sticky',
                      left: 0,
                      zIndex: 2,
                      background: 'var(--mantine-color-body)',
                      minWidth: 180,
                    }}
                  >
                    {t('matrix.holder')}
                  </Table.Th>
                  {standards.map((s) => (
                    <Table.Th key={s} style={{ textAlign: 'center', minWidth: 104 }}>
                      <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {s}
                      </Text>
                      <Text size="xs" c="dimmed" fw={400}>
                        {holdersOf(s)}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.holderId} data-holder={r.holderCode}>
                    <Table.Th
                      scope="row"
                      style={{
                        position: 'sticky',
                        left: 0,
                        zIndex: 1,
                        background: 'var(--mantine-color-body)',
                        fontWeight: 400,
                      }}
                    >
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {r.holderCode}
                        </Text>
                        {r.level === 'subsidiary' ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('matrix.subsidiary')}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed" truncate maw={180}>
                            {r.holderName}
                          </Text>
                        )}
                      </Group>
                    </Table.Th>
                    {standards.map((s) => {
                      const c = r.cells[s];
                      if (!c) {
                        const text = t('matrix.empty', { standard: s, holder: r.holderCode });
                        return (
                          <Table.Td
                            key={s}
                            style={{ textAlign: 'center' }}
                            data-standard={s}
                            data-status="none"
                          >
                            {onRegister ? (
                              <Tooltip label={t('matrix.register', { standard: s, holder: r.holderCode })}>
                                <UnstyledButton
                                  aria-label={t('matrix.register', { standard: s, holder: r.holderCode })}
                                  onClick={() =>
                                    onRegister(
                                      r.level === 'site'
                                        ? { standard: s, siteId: r.holderId }
                                        : { standard: s, subsidiaryId: r.holderId },
                                    )
                                  }
                                  style={{
                                    width: '100%',
                                    textAlign: 'center',
                                    color: 'var(--mantine-color-dimmed)',
                                  }}
                                >
                                  —
                                </UnstyledButton>
                              </Tooltip>
                            ) : (
                              <Text size="sm" c="dimmed" aria-label={text}>
                                —
                              </Text>
                            )}
                          </Table.Td>
                        );
                      }
                      const color = statusColors[c.status];
                      const text = t('matrix.cell', {
                        standard: s,
                        holder: r.holderCode,
                        status: label('statuses', c.status),
                        date: c.validUntil,
                      });
                      return (
                        <Table.Td key={s} p={3} data-standard={s} data-status={c.status}>
                          <Tooltip label={text} withArrow>
                            <UnstyledButton
                              aria-label={text}
                              onClick={() =>
                                void navigate({
                                  to: '/certifications/$certificationId',
                                  params: { certificationId: c.id },
                                })
                              }
                              style={{
                                display: 'block',
                                width: '100%',
                                textAlign: 'center',
                                borderRadius: 4,
                                padding: '4px 2px',
                                fontSize: 12,
                                fontWeight: 600,
                                color: `var(--mantine-color-${color}-light-color)`,
                                background: `var(--mantine-color-${color}-light)`,
                                whiteSpace: 'nowrap',
                              }}
                            >
                              {fmt.date(c.validUntil)}
                            </UnstyledButton>
                          </Tooltip>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </Stack>
  );
}

function List({
  search,
  setSearch,
}: {
  search: CertificationsSearch;
  setSearch: (p: Partial<CertificationsSearch>) => void;
}) {
  const t = useCertificationsT();
  const label = useCertificationsLabel();
  const navigate = useNavigate();
  const standards = useStandards();
  const { options: siteOptions } = useSites();
  const [superseded, setSuperseded] = useState(false);
  const columns: Column<CertificationView>[] = [
    {
      key: 'standard',
      header: t('columns.standard'),
      sortKey: 'standard',
      render: (c) => (
        <Text size="sm" fw={600}>
          {c.standard}
        </Text>
      ),
    },
    {
      key: 'holder',
      header: t('columns.holder'),
      sortKey: 'site',
      render: (c) => (c.siteCode ? `${c.siteCode} · ${c.siteName ?? ''}` : (c.subsidiaryCode ?? '')),
    },
    { key: 'number', header: t('columns.number'), render: (c) => c.certificateNo ?? '—' },
    { key: 'issuer', header: t('columns.issuer'), render: (c) => c.issuer ?? '—' },
    { key: 'issuedOn', header: t('columns.issuedOn'), sortKey: 'issuedOn', render: (c) => c.issuedOn },
    {
      key: 'validUntil',
      header: t('columns.validUntil'),
      sortKey: 'validUntil',
      render: (c) => c.validUntil,
    },
    {
      key: 'left',
      header: t('columns.left'),
      render: (c) => <DaysLeft days={c.daysLeft} finished={c.status === 'superseded'} />,
    },
    {
      key: 'status',
      header: t('columns.status'),
      render: (c) => <CertificationStatusBadge status={c.status} />,
    },
  ];
  return (
    <DataTable
      label={t('tabs.list')}
      endpoint="/api/certifications"
      schema={certificationPage}
      columns={columns}
      rowKey={(c) => c.id}
      defaultSort="validUntil"
      filters={{
        standard: search.standard,
        status: search.status,
        siteId: search.siteId,
        includeSuperseded: superseded ? 'true' : undefined,
      }}
      filterBar={
        <>
          <Select
            aria-label={t('filters.standard')}
            placeholder={t('filters.anyStandard')}
            data={standards}
            value={search.standard ?? null}
            onChange={(v) => setSearch({ standard: v ?? undefined })}
            clearable
            searchable
            w={170}
          />
          <Select
            aria-label={t('filters.status')}
            placeholder={t('filters.anyStatus')}
            data={certificationStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
            value={search.status ?? null}
            onChange={(v) => setSearch({ status: (v ?? undefined) as CertificationStatus | undefined })}
            clearable
            w={190}
          />
          <Select
            aria-label={t('filters.site')}
            placeholder={t('filters.site')}
            data={siteOptions}
            value={search.siteId ?? null}
            onChange={(v) => setSearch({ siteId: v ?? undefined })}
            searchable
            clearable
            w={200}
          />
          <Switch
            label={t('filters.superseded')}
            checked={superseded}
            onChange={(e) => setSuperseded(e.currentTarget.checked)}
            mb={8}
          />
        </>
      }
      exportPath="/api/certifications/export.csv"
      exportXlsxPath="/api/certifications/export.xlsx"
      onRowClick={(c) =>
        void navigate({ to: '/certifications/$certificationId', params: { certificationId: c.id } })
      }
      emptyTitle={t('empty')}
      emptyHint={t('emptyHint')}
    />
  );
}

/** Certificates: the sites × standards matrix coloured by status, and the list with filters and export. */
export function CertificationsPage() {
  const t = useCertificationsT();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as CertificationsSearch;
  const [adding, setAdding] = useState<Preset | null>(null);
  const manage = can('certifications.manage');
  const setSearch = (patch: Partial<CertificationsSearch>) =>
    void navigate({
      search: ((prev: CertificationsSearch) => ({ ...prev, ...patch })) as never,
      replace: true,
    } as never);
  const tab = search.tab ?? 'matrix';

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding({})}>
              {t('add')}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setSearch({ tab: v === 'list' ? 'list' : undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="matrix" leftSection={<IconGridDots size={16} />}>
            {t('tabs.matrix')}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
            {t('tabs.list')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix">
          <Matrix onRegister={manage ? setAdding : null} />
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <List search={search} setSearch={setSearch} />
        </Tabs.Panel>
      </Tabs>
      {adding && (
        <CertificationFormModal
          certification={null}
          preset={adding}
          onClose={() => setAdding(null)}
          onSaved={(c) =>
            void navigate({ to: '/certifications/$certificationId', params: { certificationId: c.id } })
          }
        />
      )}
    </>
  );
}

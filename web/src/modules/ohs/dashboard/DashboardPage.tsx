import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  IconAlarm,
  IconArrowDownRight,
  IconArrowUpRight,
  IconCertificate,
  IconClipboardCheck,
  IconClockExclamation,
  IconFileAlert,
  IconSearch,
  IconTarget,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { incidentPage } from '#shared/modules/ohs/incidents/contract.ts';
import { permitPage } from '#shared/modules/ohs/permits/contract.ts';
import { actionPage } from '#shared/platform/actions/contract.ts';
import { certificationPage } from '#shared/platform/certifications/contract.ts';
import { obligationPage } from '#shared/platform/obligations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { ClampedText } from '../../../platform/ui/ClampedText.tsx';
import { countedTotal } from '../../../platform/ui/ListPager.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { AnchorLink, ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { DataCard, QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { formatDuration, InvestigationBadge, useNow } from '../incidents/badges.tsx';
import { GoalCard, goalsQuery } from '../statistics/GoalsPage.tsx';
import { allPeriods, statisticsQuery } from '../statistics/StatisticsPage.tsx';

/** A figure of this year against last year; lower is better for every injury figure. */
function Kpi({
  label,
  hint,
  now,
  before,
  year,
}: {
  label: string;
  hint: string;
  now: string | null;
  before: string | null;
  year: number;
}) {
  const t = useOhsT();
  const a = now === null ? null : Number(now);
  const b = before === null ? null : Number(before);
  const trend = a === null || b === null ? null : a < b ? 'better' : a > b ? 'worse' : 'same';
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={30} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`kpi-${label}`}>
          {now ?? '—'}
        </Text>
        {trend && trend !== 'same' && (
          <Badge
            color={trend === 'better' ? 'teal' : 'red'}
            variant="light"
            leftSection={
              trend === 'better' ? <IconArrowDownRight size={12} /> : <IconArrowUpRight size={12} />
            }
          >
            {t(`dashboard.${trend}`)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dashboard.vsLastYear', { value: before ?? '—', year })} · {hint}
      </Text>
    </Paper>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function NoticeCountdown({ dueAt }: { dueAt: string | null }) {
  const t = useOhsT();
  const now = useNow(1000);
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  return (
    <Badge
      color={left < 0 ? 'red' : 'orange'}
      variant={left < 0 ? 'filled' : 'light'}
      style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0, overflow: 'visible' }}
    >
      {left < 0
        ? t('notice.overdueBy', { time: formatDuration(left) })
        : t('notice.timeLeft', { time: formatDuration(left) })}
    </Badge>
  );
}

/** The OHS program's landing page: this year against last, the monthly trend, and what needs doing now. */
export function DashboardPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const fmt = useFormat();
  const can = useCan();
  const year = new Date().getFullYear();
  // This year to date against the same days of last year (1 January to today's date in both).
  const years = useQuery(
    statisticsQuery({ from: year - 1, to: year, by: 'group', period: 'year', yearToDate: 'true' }),
  );
  const span = years.data?.yearToDate;
  const spanLabel = span
    ? t('dashboard.toDate', {
        from: fmt.dayMonth(`${year}-01-01`),
        through: fmt.dayMonth(`${year}-${span.through}`),
        zone: span.timeZone,
      })
    : '';
  const months = useQuery(statisticsQuery({ from: year, to: year, by: 'group', period: 'month' }));
  const incidents = useQuery({
    queryKey: [ohsKeys.incidents, 'dashboard'],
    queryFn: () =>
      api.get('/api/ohs/incidents', incidentPage, { pageSize: 200, sort: 'occurredAt', order: 'desc' }),
  });
  const actions = useQuery({
    queryKey: [ohsKeys.actions, 'dashboard'],
    queryFn: () =>
      api.get('/api/actions', actionPage, {
        program: 'ohs',
        overdue: 'true',
        pageSize: 5,
        sort: 'dueDate',
        count: 'true',
      }),
    enabled: can('actions.read'),
  });
  const notices = useQuery({
    queryKey: [ohsKeys.obligations, 'notices'],
    queryFn: () =>
      api.get('/api/obligations', obligationPage, {
        view: 'scope',
        kind: 'ohs.authority_notice',
        pageSize: 50,
        sort: 'dueDate',
      }),
    enabled: can('obligations.read'),
  });
  const permits = useQuery({
    queryKey: [ohsKeys.permits, 'active'],
    queryFn: () =>
      api.get('/api/ohs/permits', permitPage, {
        status: 'active',
        pageSize: 5,
        sort: 'startsAt',
        count: 'true',
      }),
  });
  const certificates = useQuery({
    queryKey: ['/api/certifications', 'ISO 45001'],
    queryFn: () =>
      api.get('/api/certifications', certificationPage, {
        standard: 'ISO 45001',
        sort: 'validUntil',
        order: 'asc',
        pageSize: 6,
      }),
    enabled: can('certifications.read'),
  });
  const goals = useQuery(goalsQuery);

  const row = (y: number) => years.data?.rows.find((r) => r.period === String(y));
  const cur = row(year);
  const prev = row(year - 1);
  const openOf = <I extends { investigationStatus: string | null }>(page: { items: I[] }) =>
    page.items.filter((i) => i.investigationStatus && i.investigationStatus !== 'closed');
  const dueOf = <O extends { state: string }>(page: { items: O[] }) =>
    page.items.filter((o) => o.state === 'open');
  const monthRows = allPeriods(year, year, 'month').map(
    (period) => months.data?.rows.find((r) => r.period === period) ?? null,
  );
  const monthLabels = allPeriods(year, year, 'month');
  const trend: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 44, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: monthLabels },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', splitLine: { show: false } },
    ],
    series: [
      {
        name: t('dashboard.cases'),
        type: 'bar',
        barMaxWidth: 28,
        color: '#fa5252',
        data: monthRows.map((r) => r?.injuryCases ?? 0),
      },
      {
        name: t('statistics.fr'),
        type: 'line',
        yAxisIndex: 1,
        color: '#1c7ed6',
        connectNulls: true,
        data: monthRows.map((r) => (r?.all.fr ? Number(r.all.fr) : null)),
      },
    ],
  };

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description')}
        actions={
          can('ohs.report') ? (
            <ButtonLink to="/ohs/report" leftSection={<IconFileAlert size={16} />} color="red">
              {t('dashboard.reportCta')}
            </ButtonLink>
          ) : undefined
        }
      />
      <Stack gap="md">
        <QueryContent query={years} loading={<Skeleton h={110} radius="md" />}>
          {() => (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" data-testid="kpi-span">
                {spanLabel}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Kpi
                  label={t('statistics.fr')}
                  hint={t('statistics.frLong')}
                  now={cur?.all.fr ?? null}
                  before={prev?.all.fr ?? null}
                  year={year - 1}
                />
                <Kpi
                  label={t('statistics.sr')}
                  hint={t('statistics.srLong')}
                  now={cur?.all.sr ?? null}
                  before={prev?.all.sr ?? null}
                  year={year - 1}
                />
                <Kpi
                  label={t('statistics.fsi')}
                  hint={t('statistics.fsiLong')}
                  now={cur?.all.fsi ?? null}
                  before={prev?.all.fsi ?? null}
                  year={year - 1}
                />
                <Kpi
                  label={t('dashboard.cases')}
                  hint={t('statistics.casesHint')}
                  now={cur ? String(cur.injuryCases) : null}
                  before={prev ? String(prev.injuryCases) : null}
                  year={year - 1}
                />
              </SimpleGrid>
            </Stack>
          )}
        </QueryContent>
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          <Paper
            withBorder
            radius="md"
            p="md"
            style={{ gridColumn: can('obligations.read') ? 'span 2' : '1 / -1' }}
          >
            <Group justify="space-between">
              <Title order={5}>{t('dashboard.monthlyTrend')}</Title>
              <AnchorLink to="/ohs/statistics" size="sm">
                {t('dashboard.seeAll')}
              </AnchorLink>
            </Group>
            <QueryContent query={months} loading={<Skeleton h={260} radius="md" />}>
              {() => <Chart option={trend} height={260} label={t('dashboard.monthlyTrend')} />}
            </QueryContent>
          </Paper>
          <DataCard
            title={t('dashboard.noticesDue')}
            icon={<IconAlarm size={18} />}
            query={notices}
            count={(d) => dueOf(d).length}
            color="red"
          >
            {(d) =>
              dueOf(d).length === 0 ? (
                <Empty>{t('dashboard.noneDue')}</Empty>
              ) : (
                dueOf(d)
                  .slice(0, 5)
                  .map((o) => (
                    <Group key={o.id} justify="space-between" wrap="nowrap">
                      <AnchorLink
                        to="/ohs/incidents/$incidentId"
                        params={{ incidentId: o.sourceId }}
                        size="sm"
                        lineClamp={1}
                        title={o.title}
                      >
                        {o.title}
                      </AnchorLink>
                      <NoticeCountdown dueAt={o.dueAt} />
                    </Group>
                  ))
              )
            }
          </DataCard>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          <DataCard
            title={t('dashboard.openInvestigations')}
            icon={<IconSearch size={18} />}
            query={incidents}
            count={(d) => openOf(d).length}
            to="/ohs/incidents"
          >
            {(d) =>
              openOf(d).length === 0 ? (
                <Empty>{t('dashboard.noneOpen')}</Empty>
              ) : (
                d.items
                  .filter((i) => i.investigationStatus && i.investigationStatus !== 'closed')
                  .slice(0, 6)
                  .map((i) => (
                    <Group key={i.id} justify="space-between" wrap="nowrap">
                      <AnchorLink
                        to="/ohs/incidents/$incidentId"
                        params={{ incidentId: i.id }}
                        search={{ tab: 'investigation' }}
                        size="sm"
                        lineClamp={1}
                        title={`${i.reference} · ${i.title}`}
                      >
                        {i.reference} · {i.title}
                      </AnchorLink>
                      {i.investigationStatus && <InvestigationBadge status={i.investigationStatus} />}
                    </Group>
                  ))
              )
            }
          </DataCard>
          <DataCard
            title={t('dashboard.overdueActions')}
            icon={<IconClockExclamation size={18} />}
            query={actions}
            count={countedTotal}
            color="orange"
          >
            {(d) =>
              d.items.length === 0 ? (
                <Empty>{t('dashboard.noneOverdue')}</Empty>
              ) : (
                d.items.map((a) => (
                  <Group key={a.id} justify="space-between" wrap="nowrap">
                    <ClampedText size="sm" lines={1} text={a.title} />
                    <Text size="xs" c="red" style={{ whiteSpace: 'nowrap' }}>
                      {a.dueDate} · {a.ownerName ?? t('common.unassigned')}
                    </Text>
                  </Group>
                ))
              )
            }
          </DataCard>
          <DataCard
            title={t('dashboard.activePermits')}
            icon={<IconClipboardCheck size={18} />}
            query={permits}
            count={countedTotal}
            to="/ohs/permits"
            color="green"
          >
            {(d) =>
              d.items.length === 0 ? (
                <Empty>{t('dashboard.noneActive')}</Empty>
              ) : (
                d.items.map((p) => (
                  <Group key={p.id} justify="space-between" wrap="nowrap">
                    <AnchorLink
                      to="/ohs/permits/$permitId"
                      params={{ permitId: p.id }}
                      size="sm"
                      lineClamp={1}
                      title={`${p.reference} · ${label('permitTypes', p.type)}`}
                    >
                      {p.reference} · {label('permitTypes', p.type)}
                    </AnchorLink>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {p.areaName} · {fmt.siteTime(p.endsAt, p.timeZone)}
                    </Text>
                  </Group>
                ))
              )
            }
          </DataCard>
          <DataCard
            title={t('dashboard.expiringCertificates')}
            icon={<IconCertificate size={18} />}
            query={certificates}
            color="grape"
          >
            {(d) =>
              d.items.length === 0 ? (
                <Empty>{t('dashboard.noCertificates')}</Empty>
              ) : (
                d.items.map((c) => (
                  <Group key={c.id} justify="space-between" wrap="nowrap">
                    <ClampedText
                      size="sm"
                      lines={1}
                      text={`${c.siteCode ?? c.subsidiaryCode} · ${c.certificateNo ?? c.standard}`}
                    />
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {t('dashboard.certValidUntil', { date: c.validUntil })}
                      </Text>
                      <Badge
                        size="sm"
                        variant="light"
                        color={
                          c.status === 'valid'
                            ? 'teal'
                            : c.status === 'expiring'
                              ? 'orange'
                              : c.status === 'expired'
                                ? 'red'
                                : 'blue'
                        }
                      >
                        {label('dashboard.certStatus', c.status)}
                      </Badge>
                    </Group>
                  </Group>
                ))
              )
            }
          </DataCard>
          <DataCard
            title={t('dashboard.goals')}
            icon={<IconTarget size={18} />}
            query={goals}
            to="/ohs/goals"
            color="teal"
          >
            {(d) =>
              d.items.length === 0 ? (
                <Empty>{t('goals.empty')}</Empty>
              ) : (
                d.items.slice(0, 3).map((g) => <GoalCard key={g.id} goal={g} />)
              )
            }
          </DataCard>
        </SimpleGrid>
      </Stack>
    </>
  );
}

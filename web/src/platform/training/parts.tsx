import { Badge, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  campaignProgress,
  completionPage,
  coursePage,
  yearlyFigures,
} from '#shared/platform/training/contract.ts';
import { api } from '../api/client.ts';
import { Chart } from '../charts/Chart.tsx';
import { SiteFilter } from '../people/SiteFilter.tsx';
import { useServicesT } from '../services/texts.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { ProblemAlert } from '../ui/problem.tsx';
import type { Course } from './CourseForm.tsx';
import { useTrainingLabel, useTrainingT } from './texts.ts';

type Completion = z.infer<typeof completionPage>['items'][number];

export const domainColors: Record<string, string> = {
  ip: 'grape',
  cybersecurity: 'indigo',
  safety: 'orange',
  other: 'gray',
};

/** A course's title in the user's language. */
export function useCourseTitle() {
  const { i18n } = useTranslation();
  return (c: Pick<Course, 'title' | 'titleZh'>) =>
    i18n.language === 'zh-TW' && c.titleZh ? c.titleZh : c.title;
}

export function DomainBadge({ domain }: { domain: string }) {
  const label = useTrainingLabel();
  return (
    <Badge miw="max-content" variant="light" color={domainColors[domain] ?? 'gray'}>
      {label('domains', domain)}
    </Badge>
  );
}

export function useCourseOptions() {
  const title = useCourseTitle();
  const q = useQuery({
    queryKey: ['/api/training/courses', 'options'],
    queryFn: () => api.get('/api/training/courses', coursePage, { pageSize: 500, sort: 'code' }),
    staleTime: 60_000,
  });
  return (q.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${title(c)}` }));
}

/** Completions with filters (course, site, period) and export; `courseId` fixes the course. */
export function CompletionsTable({ courseId, actions }: { courseId?: string; actions?: React.ReactNode }) {
  const t = useTrainingT();
  const ts = useServicesT();
  const label = useTrainingLabel();
  const courseOptions = useCourseOptions();
  const [course, setCourse] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const columns: Column<Completion>[] = [
    {
      key: 'number',
      header: t('completions.number'),
      render: (c) => (
        <Text size="sm" ff="monospace">
          {c.personNo ?? '—'}
        </Text>
      ),
    },
    { key: 'person', header: t('completions.person'), render: (c) => c.personName ?? '—' },
    { key: 'site', header: t('completions.site'), render: (c) => c.siteCode ?? '—' },
    ...(courseId
      ? []
      : [{ key: 'course', header: t('completions.course'), render: (c: Completion) => c.courseCode }]),
    {
      key: 'completedOn',
      header: t('completions.completedOn'),
      sortKey: 'completedOn',
      render: (c) => c.completedOn,
    },
    { key: 'hours', header: t('completions.hours'), align: 'right', render: (c) => c.hours },
    {
      key: 'result',
      header: t('completions.result'),
      render: (c) => (
        <Badge
          miw="max-content"
          variant="light"
          color={c.result === 'failed' ? 'red' : c.result === 'passed' ? 'teal' : 'gray'}
        >
          {label('results', c.result)}
        </Badge>
      ),
    },
  ];
  return (
    <DataTable
      label={t('tabs.completions')}
      endpoint="/api/training/completions"
      schema={completionPage}
      columns={columns}
      rowKey={(c) => String(c.id)}
      defaultSort="completedOn"
      defaultOrder="desc"
      searchable={false}
      filters={{
        courseId: courseId ?? course ?? undefined,
        siteId: siteId ?? undefined,
        from: from ?? undefined,
        to: to ?? undefined,
      }}
      filterBar={
        <>
          {!courseId && (
            <Select
              aria-label={t('completions.course')}
              placeholder={t('completions.anyCourse')}
              data={courseOptions}
              value={course}
              onChange={setCourse}
              searchable
              clearable
              w={240}
            />
          )}
          <SiteFilter value={siteId} onChange={setSiteId} w={200} />
          <DateInput
            aria-label={ts('common.from')}
            placeholder={ts('common.from')}
            valueFormat="YYYY-MM-DD"
            value={from}
            onChange={setFrom}
            clearable
            w={140}
          />
          <DateInput
            aria-label={ts('common.to')}
            placeholder={ts('common.to')}
            valueFormat="YYYY-MM-DD"
            value={to}
            onChange={setTo}
            clearable
            w={140}
          />
        </>
      }
      exportPath="/api/training/completions/export.csv"
      exportXlsxPath="/api/training/completions/export.xlsx"
      actions={actions}
      emptyTitle={t('completions.empty')}
      emptyHint={t('completions.emptyHint')}
    />
  );
}

/** Per site, the share of the people a course concerns who hold a current completion, as bars. */
export function CampaignProgress({ courseId }: { courseId: string }) {
  const t = useTrainingT();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['/api/training/courses', courseId, 'campaign'],
    queryFn: () => api.get(`/api/training/courses/${courseId}/campaign`, campaignProgress),
  });
  const colour = (p: number) => (p >= 90 ? 'teal' : p >= 60 ? 'blue' : p >= 30 ? 'orange' : 'red');
  const bar = (name: string, done: number, people: number, percent: number, bold = false) => (
    <Table.Tr key={name}>
      <Table.Td w={120}>
        <Text size="sm" fw={bold ? 700 : 500}>
          {name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Progress
          value={percent}
          color={colour(percent)}
          size="lg"
          radius="sm"
          aria-label={t('campaign.label', { site: name, percent })}
        />
      </Table.Td>
      <Table.Td w={70} style={{ textAlign: 'right' }}>
        <Text size="sm" fw={700}>
          {percent} %
        </Text>
      </Table.Td>
      <Table.Td w={140} style={{ textAlign: 'right' }}>
        <Text size="xs" c="dimmed">
          {t('campaign.done', { done: fmt.number(done), people: fmt.number(people) })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4}>{t('campaign.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('campaign.hint')}
      </Text>
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {q.data && q.data.sites.length === 0 && <Text c="dimmed">{t('campaign.empty')}</Text>}
      {q.data && q.data.sites.length > 0 && (
        <Table verticalSpacing={6} data-testid="campaign-progress" aria-label={t('campaign.title')}>
          <Table.Tbody>
            {q.data.sites.map((s) => bar(s.siteCode, s.done, s.people, s.percent))}
            {q.data.sites.length > 1 &&
              bar(t('campaign.total'), q.data.total.done, q.data.total.people, q.data.total.percent, true)}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** A year's training per domain: people trained, hours, completions; a chart and a table. */
export function YearlyFigures() {
  const t = useTrainingT();
  const ts = useServicesT();
  const label = useTrainingLabel();
  const fmt = useFormat();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [siteId, setSiteId] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['/api/training/figures', year, siteId],
    queryFn: () => api.get('/api/training/figures', yearlyFigures, { year, siteId: siteId ?? undefined }),
  });
  const data = q.data;
  const option = useMemo(() => {
    const domains = data?.domains ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: domains.map((d) => label('domains', d.domain)) },
      yAxis: [
        { type: 'value', name: t('figures.individuals'), minInterval: 1 },
        { type: 'value', name: t('figures.hours'), splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('figures.individuals'),
          data: domains.map((d) => d.individuals),
          itemStyle: { color: '#228be6', borderRadius: [4, 4, 0, 0] },
          barMaxWidth: 40,
        },
        {
          type: 'bar',
          name: t('figures.hours'),
          yAxisIndex: 1,
          data: domains.map((d) => Number(d.hours)),
          itemStyle: { color: '#fd7e14', borderRadius: [4, 4, 0, 0] },
          barMaxWidth: 40,
        },
      ],
    };
  }, [data, t, label]);
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  const total = data?.total;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Select
          aria-label={ts('common.year')}
          data={years}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={110}
        />
        <SiteFilter value={siteId} onChange={setSiteId} w={220} />
      </Group>
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {data && (
        <Paper withBorder radius="md" p="lg">
          <Title order={4} mb="sm">
            {t('figures.title', { year })}
          </Title>
          {total && total.completions === 0 ? (
            <Text c="dimmed">{t('figures.none', { year })}</Text>
          ) : (
            <Chart option={option} height={300} label={t('figures.chart', { year })} />
          )}
          <Table
            mt="md"
            verticalSpacing={6}
            aria-label={t('figures.title', { year })}
            data-testid="training-figures"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('figures.domain')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('figures.individuals')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('figures.hours')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('figures.completions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.domains.map((d) => (
                <Table.Tr key={d.domain}>
                  <Table.Td>
                    <DomainBadge domain={d.domain} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{fmt.number(d.individuals)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{fmt.number(Number(d.hours))}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{fmt.number(d.completions)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr style={{ fontWeight: 700 }}>
                <Table.Td>{t('figures.total')}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{fmt.number(data.total.individuals)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{fmt.number(Number(data.total.hours))}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{fmt.number(data.total.completions)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

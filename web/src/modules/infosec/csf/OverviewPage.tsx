import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconListCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gapsView, heatMapView, type TrendView, trendView } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useCountryName } from '../../../platform/ui/labels.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { csfKeys, invalidateCsf } from './api.ts';
import { CsfHeatMap } from './HeatMap.tsx';
import { useFunctionName } from './parts.tsx';
import { RuleNote } from './RuleNote.tsx';
import { ScaleForm } from './ScaleForm.tsx';

type Domain = 'it' | 'ot';

const FUNCTION_COLOURS: Record<string, string> = {
  GV: '#7048e8',
  ID: '#1c7ed6',
  PR: '#0ca678',
  DE: '#f59f00',
  RS: '#e8590c',
  RC: '#c2255c',
};

function trendOption(
  trend: TrendView,
  t: ReturnType<typeof useInfosecT>,
  fnName: (f: { identifier: string; title: string }) => string,
): EChartsCoreOption {
  const years = trend.years.map((y) => String(y.year));
  const series: object[] = [];
  for (const f of trend.functions) {
    const colour = FUNCTION_COLOURS[f.identifier] ?? '#868e96';
    series.push({
      name: `${fnName(f)} (${f.identifier})`,
      type: 'line',
      data: trend.years.map((y) => y.functions[f.identifier] ?? null),
      connectNulls: false,
      symbolSize: 6,
      lineStyle: { color: colour, width: 2 },
      itemStyle: { color: colour },
    });
    if (
      trend.years.some((y) => y.benchmark[f.identifier] !== null && y.benchmark[f.identifier] !== undefined)
    )
      series.push({
        name: `${t('csf.benchmark')} · ${f.identifier}`,
        type: 'line',
        data: trend.years.map((y) => y.benchmark[f.identifier] ?? null),
        symbol: 'none',
        lineStyle: { color: colour, type: 'dashed', width: 1 },
        itemStyle: { color: colour },
      });
  }
  series.push({
    name: t('csf.sharedScore'),
    type: 'line',
    data: trend.years.map((y) => y.sharedScore),
    lineStyle: { color: '#212529', width: 3 },
    itemStyle: { color: '#212529' },
  });
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? t('csf.notAssessed') : v.toFixed(1)),
    },
    // The benchmark's dashed lines share their function's colour and stay out of the legend.
    legend: {
      bottom: 0,
      data: [...trend.functions.map((f) => `${fnName(f)} (${f.identifier})`), t('csf.sharedScore')],
    },
    grid: { left: 40, right: 16, top: 16, bottom: 84 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series,
  };
}

/** The program owner's entry of the year's industry benchmark, per function. */
function BenchmarkForm({
  year,
  functions,
  current,
  onClose,
}: {
  year: number;
  functions: { identifier: string; title: string }[];
  current: Record<string, number | null>;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const fnName = useFunctionName();
  const [scores, setScores] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(functions.map((f) => [f.identifier, current[f.identifier] ?? ''])),
  );
  const [source, setSource] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/infosec/csf/benchmarks', {
        year,
        scores: Object.fromEntries(
          Object.entries(scores)
            .filter(([, v]) => v !== '' && v !== null)
            .map(([k, v]) => [k, Math.round(Number(v) * 10) / 10]),
        ),
        source: source.trim() || null,
      }),
    onSuccess: () => {
      notifications.show({ message: t('csf.benchmarkSaved'), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csf.benchmarkForm', { year })}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <SimpleGrid cols={2}>
        {functions.map((f, i) => (
          <NumberInput
            key={f.identifier}
            data-autofocus={i === 0 || undefined}
            label={`${fnName(f)} (${f.identifier})`}
            min={0}
            max={5}
            step={0.1}
            decimalScale={1}
            value={scores[f.identifier]}
            onChange={(v) => setScores((s) => ({ ...s, [f.identifier]: v }))}
          />
        ))}
      </SimpleGrid>
      <TextInput
        label={t('csf.benchmarkSource')}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/** The group's maturity: a heat map of sites by function for a year, the trend since 2019 and the largest gaps. */
export function CsfOverviewPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const _can = useCan();
  const navigate = useNavigate();
  const countryName = useCountryName();
  const fnName = useFunctionName();
  const { sites } = useSites();
  const [year, setYear] = useState<string | null>(null);
  const [domain, setDomain] = useState<Domain>('it');
  const [subsidiaryId, setSubsidiaryId] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [benchmarkOpen, setBenchmarkOpen] = useState(false);
  const [scaleOpen, setScaleOpen] = useState(false);

  const filters = {
    year: year ? Number(year) : undefined,
    domain,
    subsidiaryId: subsidiaryId ?? undefined,
    country: country ?? undefined,
  };
  const heat = useQuery({
    queryKey: [csfKeys.root, 'heatmap', filters],
    queryFn: () => api.get('/api/infosec/csf/heatmap', heatMapView, filters),
  });
  const trend = useQuery({
    queryKey: [csfKeys.root, 'trend', domain],
    queryFn: () => api.get('/api/infosec/csf/trend', trendView, { domain }),
  });
  const shownYear = heat.data?.year ?? undefined;
  const gaps = useQuery({
    queryKey: [csfKeys.root, 'gaps', shownYear, domain],
    queryFn: () => api.get('/api/infosec/csf/gaps', gapsView, { year: shownYear, domain, limit: 15 }),
    enabled: heat.isSuccess,
  });

  const subsidiaries = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of sites) seen.set(s.subsidiaryId, s.subsidiaryCode);
    return [...seen.entries()].map(([value, code]) => ({ value, label: code }));
  }, [sites]);
  const countries = useMemo(
    () => [...new Set(sites.map((s) => s.country))].sort().map((c) => ({ value: c, label: countryName(c) })),
    [sites, countryName],
  );
  const { i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts follow the language
  const trendChart = useMemo(
    () => (trend.data ? trendOption(trend.data, t, fnName) : null),
    [trend.data, i18n.language],
  );
  const oldYears = trend.data?.years.filter((y) => y.basis === '1.1').map((y) => y.year) ?? [];

  const view = heat.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('csf.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('nav.csf') }]}
        description={t('csf.description')}
        actions={
          <Group gap="xs">
            <ButtonLink
              to="/infosec/csf/campaigns"
              variant="default"
              leftSection={<IconListCheck size={16} />}
            >
              {t('csf.campaigns')}
            </ButtonLink>
            {view?.mayEnterBenchmark && view.year && (
              <Button variant="default" onClick={() => setBenchmarkOpen(true)}>
                {t('csf.benchmarkEdit')}
              </Button>
            )}
            {view?.mayEnterBenchmark && (
              <Button variant="default" onClick={() => setScaleOpen(true)}>
                {t('csfScale.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('csf.year')}
          data={(view?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
          value={year ?? (view?.year ? String(view.year) : null)}
          onChange={setYear}
          allowDeselect={false}
          w={110}
        />
        <SegmentedControl
          aria-label={t('csf.domain')}
          data={[
            { value: 'it', label: label('domains', 'it') },
            { value: 'ot', label: label('domains', 'ot') },
          ]}
          value={domain}
          onChange={(v) => setDomain(v as Domain)}
        />
        {subsidiaries.length > 1 && (
          <Select
            label={t('csf.subsidiary')}
            placeholder={t('csf.allSubsidiaries')}
            data={subsidiaries}
            value={subsidiaryId}
            onChange={setSubsidiaryId}
            clearable
            w={180}
          />
        )}
        {countries.length > 1 && (
          <Select
            label={t('csf.country')}
            placeholder={t('csf.allCountries')}
            data={countries}
            value={country}
            onChange={setCountry}
            clearable
            w={180}
          />
        )}
      </Group>
      {heat.error && <ProblemAlert error={heat.error} />}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" mb="xs">
          <div>
            <Title order={4}>
              {t('csf.heatMap')}
              {view?.year ? ` · ${view.year} · ${label('domains', view.domain)}` : ''}
              {view?.basis ? ` · ${t('csf.basisN', { basis: view.basis })}` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              {t('csf.heatMapHint')}
            </Text>
          </div>
        </Group>
        <RuleNote rule={view?.rule ?? { functionWeights: {} }} mb="sm" data-testid="csf-rule" />
        {view && view.unassessedFunctions.length > 0 && (
          <Alert variant="light" color="yellow" mb="sm">
            {t('csf.govern11', { year: view.year })}
          </Alert>
        )}
        {!view ? (
          <Skeleton h={400} />
        ) : view.sites.length === 0 ? (
          <Text c="dimmed">{t('csf.noYear')}</Text>
        ) : (
          <CsfHeatMap
            view={view}
            onOpen={(assessmentId) =>
              void navigate({ to: '/infosec/csf/assessments/$assessmentId', params: { assessmentId } })
            }
          />
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={4}>
            {t('csf.trend')} · {label('domains', domain)}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('csf.trendHint')}
          </Text>
          {oldYears.length > 0 && (
            <Alert variant="light" color="yellow" mb="xs">
              {oldYears.length === 1
                ? t('csf.govern11', { year: oldYears[0] })
                : t('csf.govern11Years', { from: Math.min(...oldYears), to: Math.max(...oldYears) })}
            </Alert>
          )}
          {trendChart ? (
            <Chart option={trendChart} label={t('csf.trend')} height={340} />
          ) : (
            <Skeleton h={340} />
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={4}>{t('csf.gaps')}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('csf.gapsHint')}
          </Text>
          {!gaps.data ? (
            <Skeleton h={300} />
          ) : gaps.data.items.length === 0 ? (
            <Text c="dimmed">{t('csf.noGaps')}</Text>
          ) : (
            <Table striped fz="sm" aria-label={t('csf.gaps')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('csf.subcategory')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('csf.meanGap')}
                  </Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('csf.sitesBelow')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gaps.data.items.map((g) => (
                  <Table.Tr key={g.subcategory}>
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace">
                        {g.subcategory}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2} title={g.statement}>
                        {g.statement}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{g.meanGap.toFixed(1)}</Table.Td>
                    <Table.Td ta="right">
                      {g.sitesBelowTarget} / {g.sitesAssessed}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
      {benchmarkOpen && view?.year && (
        <BenchmarkForm
          year={view.year}
          functions={view.functions}
          current={view.benchmark}
          onClose={() => setBenchmarkOpen(false)}
        />
      )}
      {scaleOpen && view && <ScaleForm functions={view.functions} onClose={() => setScaleOpen(false)} />}
    </Stack>
  );
}

import { Button, Card, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import {
  type PhishingCampaignView,
  phishingCampaignPage,
  phishingCampaignView,
  phishingSiteRates,
} from '#shared/modules/infosec/drills/phishing.ts';
import { coursePage } from '#shared/platform/training/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { Chart } from '../../../platform/charts/Chart.tsx';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { drillKeys, invalidateDrills } from './api.ts';

export const rate = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

function CampaignForm({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(siteOptions[0]?.value ?? null);
  const [name, setName] = useState('');
  const [sentOn, setSentOn] = useState('');
  const [courseId, setCourseId] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(30);
  const courses = useQuery({
    queryKey: ['/api/training/courses', 'cybersecurity'],
    queryFn: () => api.get('/api/training/courses', coursePage, { domain: 'cybersecurity', pageSize: 500 }),
  });
  const save = useMutation({
    mutationFn: () =>
      api.post(
        '/api/infosec/phishing/campaigns',
        { siteId, name, sentOn, courseId, trainingDueDays: Number(days) },
        phishingCampaignView,
      ),
    onSuccess: async (c) => {
      await invalidateDrills(queryClient);
      onClose();
      void navigate({ to: '/infosec/phishing/$campaignId', params: { campaignId: c.id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('phishing.add')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <Select
        label={t('common.site')}
        data={siteOptions}
        value={siteId}
        onChange={setSiteId}
        searchable
        data-autofocus
      />
      <TextInput
        label={t('phishing.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <TextInput
        type="date"
        label={t('phishing.sentOn')}
        value={sentOn}
        onChange={(e) => setSentOn(e.currentTarget.value)}
        required
      />
      <Select
        label={t('phishing.course')}
        data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))}
        value={courseId}
        onChange={setCourseId}
        searchable
        required
      />
      <NumberInput label={t('phishing.trainingDueDays')} value={days} onChange={setDays} min={1} max={365} />
    </FormModal>
  );
}

/** Social-engineering email drills: campaigns with their rates, and the year's click rate by site. */
export function PhishingPage() {
  const t = useInfosecT();
  const can = useCan();
  const navigate = useNavigate();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const year = new Date().getFullYear();
  const bySite = useQuery({
    queryKey: [drillKeys.phishing, 'rates', year],
    queryFn: () => api.get('/api/infosec/phishing/rates', phishingSiteRates, { year }),
  });
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => rate(v ?? null) },
      legend: { bottom: 0 },
      grid: { left: 40, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: (bySite.data?.sites ?? []).map((s) => s.siteCode) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('phishing.clicked'),
          type: 'bar',
          data: (bySite.data?.sites ?? []).map((s) => s.clickedRate),
          itemStyle: { color: '#fa5252' },
        },
        {
          name: t('phishing.submitted'),
          type: 'bar',
          data: (bySite.data?.sites ?? []).map((s) => s.submittedRate),
          itemStyle: { color: '#862e9c' },
        },
      ],
    }),
    [bySite.data, t],
  );
  const columns: Column<PhishingCampaignView>[] = [
    { key: 'site', header: t('common.site'), render: (c) => c.siteCode },
    { key: 'name', header: t('phishing.name'), sortKey: 'name', wrap: true, render: (c) => c.name },
    { key: 'sentOn', header: t('phishing.sentOn'), sortKey: 'sentOn', render: (c) => c.sentOn },
    { key: 'targets', header: t('phishing.targets'), align: 'right', render: (c) => c.rates.targets },
    { key: 'opened', header: t('phishing.opened'), align: 'right', render: (c) => rate(c.rates.openedRate) },
    {
      key: 'clicked',
      header: t('phishing.clicked'),
      sortKey: 'clickedRate',
      align: 'right',
      render: (c) => rate(c.rates.clickedRate),
    },
    {
      key: 'submitted',
      header: t('phishing.submitted'),
      align: 'right',
      render: (c) => rate(c.rates.submittedRate),
    },
    {
      key: 'reported',
      header: t('phishing.reported'),
      align: 'right',
      render: (c) => rate(c.rates.reportedRate),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('phishing.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('phishing.title') }]}
        description={t('phishing.description')}
        actions={
          can('infosec.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('phishing.add')}
            </Button>
          ) : null
        }
      />
      {(bySite.data?.sites.length ?? 0) > 0 && (
        <Card withBorder>
          <Chart option={option} label={t('phishing.bySite', { year })} height={250} />
        </Card>
      )}
      <DataTable
        label={t('phishing.title')}
        endpoint="/api/infosec/phishing/campaigns"
        schema={phishingCampaignPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="sentOn"
        defaultOrder="desc"
        searchPlaceholder={t('phishing.searchPlaceholder')}
        filters={{ siteId: siteId ?? undefined }}
        filterBar={siteOptions.length > 1 && <SiteFilter value={siteId} onChange={setSiteId} w={200} />}
        exportPath="/api/infosec/phishing/campaigns/export.csv"
        exportXlsxPath="/api/infosec/phishing/campaigns/export.xlsx"
        onRowClick={(c) =>
          void navigate({ to: '/infosec/phishing/$campaignId', params: { campaignId: c.id } })
        }
        emptyTitle={t('phishing.emptyTitle')}
        emptyHint={t('phishing.emptyHint')}
      />
      {adding && <CampaignForm onClose={() => setAdding(false)} />}
    </Stack>
  );
}

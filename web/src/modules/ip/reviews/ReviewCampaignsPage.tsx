import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CampaignView,
  campaignInput,
  campaignPage,
  campaignView,
} from '#shared/modules/ip/reviews/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCanGroupWide } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { MatterFilters, useSubsidiaryOptions } from '../MatterFilters.tsx';

export const REVIEWS_KEY = '/api/ip/review-campaigns';
const states = ['open', 'closed', 'all'] as const;

/** A campaign's verdicts as one bar: keep, license, sell, drop, and what is left to review. */
export function ProgressBar({ c, size = 'lg' }: { c: CampaignView['progress']; size?: string }) {
  const t = useIpT();
  const label = useIpLabel();
  const share = (n: number) => (c.total ? (n / c.total) * 100 : 0);
  const parts = [
    ['keep', c.keep, 'blue'],
    ['license', c.license, 'teal'],
    ['sell', c.sell, 'green'],
    ['drop', c.drop, 'red'],
  ] as const;
  return (
    <Stack gap={2}>
      <Progress.Root
        size={size}
        aria-label={t('reviews.progressOf', { reviewed: c.reviewed, total: c.total })}
      >
        {parts.map(([verdict, n, colour]) =>
          n > 0 ? (
            <Progress.Section
              key={verdict}
              value={share(n)}
              color={colour}
              title={`${label('keepDropDecisions', verdict)}: ${n}`}
            />
          ) : null,
        )}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {t('reviews.progressOf', { reviewed: c.reviewed, total: c.total })}
      </Text>
    </Stack>
  );
}

/** What a campaign reviews, in words: office, technology, subsidiary, granted only or pending too. */
export function useSelectionText() {
  const t = useIpT();
  const label = useIpLabel();
  return (c: CampaignView) =>
    [
      c.selection.office ? label('offices', c.selection.office) : t('reviews.anyOffice'),
      c.selection.technology ? label('technologies', c.selection.technology) : t('reviews.anyTechnology'),
      c.subsidiaryName ?? t('reviews.anySubsidiary'),
      c.selection.grantedOnly ? t('reviews.grantedOnlyShort') : t('reviews.pendingToo'),
    ].join(' · ');
}

/** The portfolio review campaigns, their progress at the reader's sites, and the launch of a new one. */
export function ReviewCampaignsPage() {
  const t = useIpT();
  const navigate = useNavigate();
  const groupWide = useCanGroupWide()('ip.manage');
  const selectionText = useSelectionText();
  const [state, setState] = useState<(typeof states)[number]>('open');
  const [launching, setLaunching] = useState(false);
  const columns: Column<CampaignView>[] = [
    {
      key: 'name',
      header: t('reviews.name'),
      sortKey: 'name',
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            {selectionText(c)}
          </Text>
        </Stack>
      ),
    },
    { key: 'dueDate', header: t('reviews.dueDate'), sortKey: 'dueDate', render: (c) => c.dueDate },
    {
      key: 'progress',
      header: t('reviews.progress'),
      render: (c) => (
        <div style={{ minWidth: 200 }}>
          <ProgressBar c={c.progress} size="md" />
        </div>
      ),
    },
    {
      key: 'state',
      header: t('reviews.state'),
      sortKey: 'createdOn',
      render: (c) =>
        c.closedOn ? (
          <Badge color="gray">{t('reviews.closedOn', { day: c.closedOn })}</Badge>
        ) : (
          <Badge color="green">{t('reviews.open')}</Badge>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('reviews.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('reviews.title') }]}
        description={t('reviews.description')}
        actions={
          groupWide ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setLaunching(true)}>
              {t('reviews.launch')}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="sm"
        aria-label={t('reviews.state')}
        value={state}
        onChange={(v) => setState(v as (typeof states)[number])}
        data={states.map((s) => ({ value: s, label: t(`reviews.states.${s}`) }))}
      />
      <DataTable
        label={t('reviews.title')}
        endpoint={REVIEWS_KEY}
        schema={campaignPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="dueDate"
        defaultOrder="desc"
        searchPlaceholder={t('reviews.search')}
        filters={{ state: state === 'all' ? undefined : state }}
        onRowClick={(c) => void navigate({ to: '/ip/reviews/$campaignId', params: { campaignId: c.id } })}
        emptyTitle={t('reviews.emptyTitle')}
        emptyHint={t('reviews.emptyHint')}
      />
      {launching && <LaunchForm onClose={() => setLaunching(false)} />}
    </>
  );
}

type V = {
  name: string;
  dueDate: string;
  office: string | null;
  technology: string | null;
  subsidiaryId: string | null;
  grantedOnly: boolean;
};
const toPayload = (v: V) => ({
  name: v.name.trim(),
  dueDate: v.dueDate.trim(),
  selection: {
    office: v.office,
    technology: v.technology,
    subsidiaryId: v.subsidiaryId,
    grantedOnly: v.grantedOnly,
  },
});

function LaunchForm({ onClose }: { onClose: () => void }) {
  const t = useIpT();
  const { t: tp } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { sites } = useSites();
  const subsidiaries = useSubsidiaryOptions(sites);
  const form = useForm<V>({
    initialValues: {
      name: '',
      dueDate: '',
      office: null,
      technology: null,
      subsidiaryId: null,
      grantedOnly: true,
    },
    validate: contractValidator(campaignInput, toPayload),
  });
  const launch = useMutation({
    mutationFn: (v: V) => api.post(REVIEWS_KEY, toPayload(v), campaignView),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      void navigate({ to: '/ip/reviews/$campaignId', params: { campaignId: c.id } });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened onClose={onClose} title={t('reviews.launchTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => launch.mutate(v))}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('reviews.launchHint')}
          </Text>
          <TextInput label={t('reviews.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('reviews.dueDate')}
            placeholder="YYYY-MM-DD"
            required
            {...form.getInputProps('dueDate')}
          />
          <Text size="sm" fw={500}>
            {t('reviews.selection')}
          </Text>
          <Group gap="xs">
            <MatterFilters
              subsidiaries={subsidiaries}
              subsidiary={{
                value: form.values.subsidiaryId,
                onChange: (v) => form.setFieldValue('subsidiaryId', v),
              }}
              office={{ value: form.values.office, onChange: (v) => form.setFieldValue('office', v) }}
              technology={{
                value: form.values.technology,
                onChange: (v) => form.setFieldValue('technology', v),
              }}
            />
          </Group>
          <Checkbox
            label={t('reviews.grantedOnly')}
            {...form.getInputProps('grantedOnly', { type: 'checkbox' })}
          />
          {form.errors.selection && (
            <Text size="sm" c="red">
              {form.errors.selection}
            </Text>
          )}
          <ProblemAlert error={launch.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tp('common.cancel')}
            </Button>
            <Button type="submit" loading={launch.isPending}>
              {t('reviews.launch')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

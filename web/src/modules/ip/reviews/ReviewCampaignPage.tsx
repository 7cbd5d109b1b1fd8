import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CampaignView,
  campaignView,
  type ReviewItem,
  reviewItemPage,
} from '#shared/modules/ip/reviews/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCanGroupWide } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { MatterFilters } from '../MatterFilters.tsx';
import { ProgressBar, REVIEWS_KEY, useSelectionText } from './ReviewCampaignsPage.tsx';
import { VerdictDialog } from './VerdictDialog.tsx';

export const ITEMS_KEY = '/api/ip/review-items';
const views = ['pending', 'reviewed', 'revitalise', 'all'] as const;
type View = (typeof views)[number];
const RECOMMENDATION_COLOURS = { keep: 'blue', revitalise: 'teal', consider_drop: 'orange' } as const;
export const VERDICT_COLOURS = { keep: 'blue', license: 'teal', sell: 'green', drop: 'red' } as const;

/** One portfolio review: its selection and progress, the patents under review at the reader's sites, verdicts. */
export function ReviewCampaignPage() {
  const t = useIpT();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const query = useQuery({
    queryKey: [REVIEWS_KEY, campaignId],
    queryFn: () => api.get(`${REVIEWS_KEY}/${campaignId}`, campaignView),
  });
  return (
    <QueryContent query={query}>
      {(c) => (
        <>
          <PageHeader
            title={c.name}
            crumbs={[
              { label: t('nav.section') },
              { label: t('reviews.title'), to: '/ip/reviews' },
              { label: c.name },
            ]}
            actions={<CloseButton campaign={c} />}
          />
          <Summary campaign={c} />
          <Items campaign={c} />
        </>
      )}
    </QueryContent>
  );
}

function Summary({ campaign: c }: { campaign: CampaignView }) {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  const selectionText = useSelectionText();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            <b>{t('reviews.selection')}:</b> {selectionText(c)}
          </Text>
          <Text size="sm">
            <b>{t('reviews.dueDate')}:</b> {c.dueDate}
          </Text>
          <Text size="sm" c="dimmed">
            {t('reviews.createdBy', { name: c.createdByName ?? '—', day: c.createdOn })}
          </Text>
          {c.closedOn && <Badge color="gray">{t('reviews.closedOn', { day: c.closedOn })}</Badge>}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={6} mb="xs">
          {t('reviews.verdicts')}
        </Title>
        <ProgressBar c={c.progress} />
        <Group gap="md" mt="xs">
          {(['keep', 'license', 'sell', 'drop'] as const).map((v) => (
            <Badge key={v} variant="light" color={VERDICT_COLOURS[v]}>
              {label('keepDropDecisions', v)} {fmt.number(c.progress[v])}
            </Badge>
          ))}
        </Group>
      </Paper>
    </SimpleGrid>
  );
}

function CloseButton({ campaign: c }: { campaign: CampaignView }) {
  const t = useIpT();
  const { t: tp } = useTranslation();
  const groupWide = useCanGroupWide()('ip.manage');
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => api.post(`${REVIEWS_KEY}/${c.id}/close`, { version: c.version }, campaignView),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] }),
  });
  if (!groupWide || c.closedOn) return null;
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="default"
        leftSection={<IconLock size={16} />}
        loading={close.isPending}
        onClick={() =>
          modals.openConfirmModal({
            title: t('reviews.close'),
            children: <Text size="sm">{t('reviews.closeConfirm', { name: c.name })}</Text>,
            labels: { confirm: t('reviews.close'), cancel: tp('common.cancel') },
            onConfirm: () => close.mutate(),
          })
        }
      >
        {t('reviews.close')}
      </Button>
      <ProblemAlert error={close.error} />
    </Stack>
  );
}

function Items({ campaign: c }: { campaign: CampaignView }) {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  const [view, setView] = useState<View>(c.closedOn ? 'all' : 'pending');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string | null>(null);
  const [open, setOpen] = useState<ReviewItem | null>(null);
  const columns: Column<ReviewItem>[] = [
    {
      key: 'matter',
      header: t('reviews.matter'),
      sortKey: 'office',
      render: (x) => (
        <Stack gap={0}>
          <Text ff="monospace" size="sm" fw={600}>
            {x.patentNo ?? x.applicationNo}
          </Text>
          <Text size="xs" c="dimmed">
            {label('offices', x.office)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'family',
      header: t('keepDrop.family'),
      sortKey: 'family',
      render: (x) => `${x.familyReference} · ${x.familyTitle}`,
    },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    { key: 'technology', header: t('common.technology'), render: (x) => label('technologies', x.technology) },
    {
      key: 'score',
      header: t('reviews.score'),
      sortKey: 'score',
      render: (x) => (
        <Text size="sm" ff="monospace">
          {fmt.number(x.score)}
        </Text>
      ),
    },
    {
      key: 'recommendation',
      header: t('reviews.recommendation'),
      render: (x) => (
        <Badge variant="light" color={RECOMMENDATION_COLOURS[x.recommendation]}>
          {label('recommendations', x.recommendation)}
        </Badge>
      ),
    },
    {
      key: 'verdict',
      header: t('reviews.verdict'),
      sortKey: 'reviewedOn',
      render: (x) =>
        x.verdict ? (
          <Stack gap={0}>
            <Badge color={VERDICT_COLOURS[x.verdict]}>{label('keepDropDecisions', x.verdict)}</Badge>
            <Text size="xs" c="dimmed">
              {t('reviews.reviewedBy', { name: x.reviewedByName ?? '—', day: x.reviewedOn })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reviews.pending')}
          </Text>
        ),
    },
  ];
  const filters = {
    campaignId: c.id,
    siteId: siteId ?? undefined,
    office: office ?? undefined,
    technology: technology ?? undefined,
    state: view === 'all' ? undefined : view,
  };
  return (
    <>
      <Title order={4} mb="xs">
        {t('reviews.items')}
      </Title>
      <SegmentedControl
        mb="sm"
        aria-label={t('reviews.view')}
        value={view}
        onChange={(v) => setView(v as View)}
        data={views.map((v) => ({ value: v, label: t(`reviews.views.${v}`) }))}
      />
      <DataTable
        label={t('reviews.items')}
        endpoint={ITEMS_KEY}
        schema={reviewItemPage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="score"
        defaultOrder="asc"
        searchPlaceholder={t('keepDrop.search')}
        filters={filters}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={180} />
            <MatterFilters
              subsidiaries={[]}
              subsidiary={{ value: null, onChange: () => {} }}
              office={{ value: office, onChange: setOffice }}
              technology={{ value: technology, onChange: setTechnology }}
            />
          </>
        }
        exportPath={`${ITEMS_KEY}/export.csv`}
        exportXlsxPath={`${ITEMS_KEY}/export.xlsx`}
        onRowClick={(x) => setOpen(x)}
        emptyTitle={t('reviews.itemsEmptyTitle')}
        emptyHint={t('reviews.itemsEmptyHint')}
      />
      {open && (
        <VerdictDialog key={open.id} item={open} closed={c.closedOn !== null} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import { assessmentPage, type CampaignView, campaignList } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { CsfAssessmentsTable } from './AssessmentsTable.tsx';
import { csfKeys, invalidateCsf } from './api.ts';
import { ScopeTable, scopeKey, scopeOf } from './ScopeTable.tsx';

/** Sites or domains added to the campaign during its year; those it already assesses are locked. */
function AddSitesForm({ campaign, onClose }: { campaign: CampaignView; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const present = useQuery({
    queryKey: [csfKeys.assessments, 'scope', campaign.id],
    queryFn: () =>
      api.get('/api/infosec/csf/assessments', assessmentPage, { campaignId: campaign.id, pageSize: 500 }),
  });
  const existing = new Set((present.data?.items ?? []).map((a) => scopeKey(a.siteId, a.domain)));
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/csf/campaigns/${campaign.id}/scope`,
        { scope: scopeOf(chosen) },
        z.object({ added: z.number() }),
      ),
    onSuccess: ({ added }) => {
      notifications.show({ message: t('csf.sitesAdded', { count: added }), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csf.addSites')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending || present.isPending}
      error={save.error ?? present.error}
      submitLabel={t('csf.addSites')}
    >
      <ScopeTable chosen={chosen} onChange={setChosen} existing={existing} />
    </FormModal>
  );
}

/** One campaign: its assessments, site by site, with status and progress. */
export function CsfCampaignPage() {
  const t = useInfosecT();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const query = useQuery({
    queryKey: [csfKeys.campaigns],
    queryFn: () => api.get('/api/infosec/csf/campaigns', campaignList),
  });
  const campaign = query.data?.items.find((c) => c.id === campaignId);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={campaign ? campaign.name : t('csf.assessments')}
        crumbs={[
          { label: t('nav.section') },
          { label: t('nav.csf'), to: '/infosec/csf' },
          { label: t('csf.campaigns'), to: '/infosec/csf/campaigns' },
          { label: campaign ? String(campaign.year) : '…' },
        ]}
        actions={
          campaign &&
          query.data?.mayOpen && (
            <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
              {t('csf.addSites')}
            </Button>
          )
        }
      />
      {adding && campaign && <AddSitesForm campaign={campaign} onClose={() => setAdding(false)} />}
      {campaign && (
        <Group gap="xs">
          <Badge variant="light">{t('csf.basisN', { basis: campaign.basis })}</Badge>
          <Badge variant="light" color={campaign.status === 'open' ? 'blue' : 'gray'}>
            {t(`csf.campaignStatuses.${campaign.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {campaign.dueOn ? `${t('csf.dueOn')}: ${campaign.dueOn} · ` : ''}
            {t('csf.progressOf', { approved: campaign.approved, total: campaign.assessments })}
          </Text>
        </Group>
      )}
      <CsfAssessmentsTable campaignId={campaignId} label={t('csf.assessments')} />
    </Stack>
  );
}

import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { campaignList } from '../../../../../server/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { CsfAssessmentsTable } from './AssessmentsTable.tsx';
import { csfKeys } from './api.ts';

/** One campaign: its assessments, site by site, with status and progress. */
export function CsfCampaignPage() {
  const t = useInfosecT();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const query = useQuery({
    queryKey: [csfKeys.campaigns],
    queryFn: () => api.get('/api/infosec/csf/campaigns', campaignList),
  });
  const campaign = query.data?.items.find((c) => c.id === campaignId);
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
      />
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

import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { phishingCampaignView } from '#shared/modules/infosec/drills/phishing.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { drillKeys, invalidateDrills, phishingCampaignQuery } from './api.ts';
import { rate } from './PhishingPage.tsx';

const template = {
  filename: 'gophish-results.csv',
  csv: 'email,first_name,last_name,position,status,send_date,reported\nk7-0001@example.com,Wei-Ling,Chen,Engineer,Clicked Link,2026-03-10T09:00:00+08:00,false\n',
};

/** One campaign: rates by department, repeat clickers and their training, and the results import. */
export function PhishingCampaignPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const { data: c } = useQuery(phishingCampaignQuery(campaignId));
  const open = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/phishing/campaigns/${campaignId}/import`,
        { version: c?.version },
        phishingCampaignView,
      ),
    onSuccess: () => invalidateDrills(queryClient),
  });
  if (!c) return null;
  const row = (name: string, r: (typeof c)['rates']) => (
    <Table.Tr key={name}>
      <Table.Td>{name}</Table.Td>
      <Table.Td ta="right">{r.targets}</Table.Td>
      <Table.Td ta="right">{rate(r.openedRate)}</Table.Td>
      <Table.Td ta="right">{rate(r.clickedRate)}</Table.Td>
      <Table.Td ta="right">{rate(r.submittedRate)}</Table.Td>
      <Table.Td ta="right">{rate(r.reportedRate)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={c.name}
        crumbs={[
          { label: t('nav.section') },
          { label: t('phishing.title'), to: '/infosec/phishing' },
          { label: c.siteCode },
        ]}
        actions={
          can('infosec.manage') && !c.resultsImportedAt && !c.importOpen ? (
            <Button onClick={() => open.mutate()} loading={open.isPending}>
              {t('phishing.import')}
            </Button>
          ) : null
        }
      />
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('phishing.sentOn')}: {c.sentOn}
        </Text>
        {c.resultsImportedAt && (
          <Badge variant="light" color="teal">
            {t('phishing.imported')}
          </Badge>
        )}
      </Group>
      {open.error ? <ProblemAlert error={open.error} /> : null}
      {c.importOpen && (
        <Card withBorder>
          <ImportWizard
            kind="infosec_phishing_results"
            template={template}
            expected={[
              ['email', true],
              ['status', true],
              ['first_name', false],
              ['last_name', false],
              ['position', false],
              ['send_date', false],
              ['reported', false],
            ]}
            invalidate={[drillKeys.phishing, drillKeys.obligations]}
          />
        </Card>
      )}
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('phishing.byDepartment')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('phishing.department')}</Table.Th>
              <Table.Th ta="right">{t('phishing.targets')}</Table.Th>
              <Table.Th ta="right">{t('phishing.opened')}</Table.Th>
              <Table.Th ta="right">{t('phishing.clicked')}</Table.Th>
              <Table.Th ta="right">{t('phishing.submitted')}</Table.Th>
              <Table.Th ta="right">{t('phishing.reported')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.byDepartment.map((d) => row(d.department, d))}
            {row(c.siteCode, c.rates)}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={4}>{t('phishing.repeatClickers')}</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('phishing.repeatHint')}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drills.person')}</Table.Th>
              <Table.Th>{t('phishing.department')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th ta="right">{t('phishing.earlier')}</Table.Th>
              <Table.Th>{t('phishing.trainingDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.repeatClickers.map((r) => (
              <Table.Tr key={r.employeeId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.department}</Table.Td>
                <Table.Td>{label('phishingSteps', r.step)}</Table.Td>
                <Table.Td ta="right">{r.earlierCampaigns}</Table.Td>
                <Table.Td>{r.trainingDueOn ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

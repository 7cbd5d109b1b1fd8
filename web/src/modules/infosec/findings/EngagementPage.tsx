import { Button, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { engagementView } from '#shared/modules/infosec/findings/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { EngagementForm } from './EngagementForm.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { findingsKeys } from './keys.ts';

const SARIF = '.sarif,.json,application/sarif+json,application/json';

/** One engagement: what it examined, its findings, and the imports of scanner output into it. */
export function EngagementPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const { engagementId } = useParams({ strict: false }) as { engagementId: string };
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: [findingsKeys.engagements, engagementId],
    queryFn: () => api.get(`/api/infosec/engagements/${engagementId}`, engagementView),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  const e = query.data;
  if (!e) return null;
  const manager = can('infosec.manage');
  const invalidate = [findingsKeys.findings, findingsKeys.engagements];
  return (
    <>
      <PageHeader
        title={`${e.reference} · ${label('findings.kinds', e.kind)}`}
        crumbs={[
          { label: t('nav.section') },
          { label: t('findings.engagements'), to: '/infosec/engagements' },
          { label: e.reference },
        ]}
        actions={
          manager ? (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('findings.editEngagement')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            [t('common.site'), e.siteCode],
            [t('findings.vendor'), e.vendor ?? '—'],
            [t('findings.startsOn'), fmt.date(e.startsOn)],
            [t('findings.endsOn'), fmt.date(e.endsOn)],
            [t('findings.scope'), e.scope],
            [t('findings.report'), e.report ?? '—'],
            [t('findings.openFindings'), fmt.number(e.openFindings)],
          ].map(([k, v]) => (
            <Stack gap={0} key={k}>
              <Text size="xs" c="dimmed">
                {k}
              </Text>
              <Text size="sm">{v}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
      <Tabs defaultValue="findings" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="findings">{t('findings.findings')}</Tabs.Tab>
          {manager && <Tabs.Tab value="sarif">{t('findings.importSarif')}</Tabs.Tab>}
          {manager && <Tabs.Tab value="csv">{t('findings.importCsv')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="findings">
          <FindingsTable engagementId={e.id} />
        </Tabs.Panel>
        <Tabs.Panel value="sarif">
          <Text size="sm" c="dimmed" mb="sm">
            {t('findings.importSarifHint')}
          </Text>
          <ImportWizard
            kind="infosec_findings"
            via={{ url: `/api/infosec/engagements/${e.id}/sarif`, accept: SARIF }}
            invalidate={invalidate}
          />
        </Tabs.Panel>
        <Tabs.Panel value="csv">
          <Text size="sm" c="dimmed" mb="sm">
            {t('findings.importCsvHint')}
          </Text>
          <ImportWizard
            kind="infosec_findings"
            template={{
              filename: 'findings.csv',
              csv: `engagement,tool,rule,identity,title,severity,security_severity,cvss_vector,location,system\n${e.reference},Nessus,19506,,Example finding,High,,,10.0.0.1:443,\n`,
            }}
            expected={[
              ['engagement', true],
              ['tool', true],
              ['title', true],
              ['severity', false],
              ['cvss_vector', false],
              ['location', false],
            ]}
            invalidate={invalidate}
          />
        </Tabs.Panel>
      </Tabs>
      {editing && <EngagementForm record={e} onClose={() => setEditing(false)} />}
    </>
  );
}

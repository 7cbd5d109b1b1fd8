import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { assessmentPage } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { CsfAssessmentsTable } from './AssessmentsTable.tsx';
import { csfKeys } from './api.ts';

/**
 * The assessments the reader is named to carry out: the way in for a consultant who holds no role. Someone
 * named for none reads why the page is empty, in place of an empty list.
 */
export function CsfMinePage() {
  const t = useInfosecT();
  const any = useQuery({
    queryKey: [csfKeys.assessments, 'mine-any'],
    queryFn: () => api.get('/api/infosec/csf/assessments', assessmentPage, { mine: 'true', pageSize: 1 }),
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('csf.mineTitle')}
        crumbs={[{ label: t('nav.section') }, { label: t('csf.mineTitle') }]}
        description={t('csf.mineDescription')}
      />
      {any.error && <ProblemAlert error={any.error} />}
      {!any.data ? (
        <Skeleton h={200} />
      ) : any.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('csf.mineEmpty')}</Text>
        </Paper>
      ) : (
        <CsfAssessmentsTable mine label={t('csf.mineTitle')} />
      )}
    </Stack>
  );
}

import { Alert, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { myQualifications } from '#shared/modules/ohs/self-service/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

const stateColor = { valid: 'teal', expiring: 'orange', expired: 'red' } as const;

/** A contractor worker's own qualifications and their expiry, one card each (readable on a phone). */
export function MyQualificationsPage() {
  const t = useOhsT();
  const label = useOhsLabel();
  const mine = useQuery({
    queryKey: ['/api/ohs/my/qualifications'],
    queryFn: () => api.get('/api/ohs/my/qualifications', myQualifications),
  });
  const data = mine.data;
  return (
    <>
      <PageHeader
        title={t('self.myQualifications')}
        crumbs={[{ label: t('nav.section') }, { label: t('self.myQualifications') }]}
        description={t('self.qualificationsDescription')}
      />
      {mine.error ? <ProblemAlert error={mine.error} /> : null}
      {!data && !mine.error && <Skeleton h={120} radius="md" />}
      {data && !data.worker && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t('self.noWorker')}
        </Alert>
      )}
      {data?.worker && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {[data.worker.fullName, data.worker.companyName, data.worker.trade].filter(Boolean).join(' · ')}
          </Text>
          {data.items.length === 0 && (
            <Alert color="gray" icon={<IconInfoCircle size={18} />}>
              {t('self.noQualifications')}
            </Alert>
          )}
          {data.items.map((q) => (
            <Paper key={q.id} withBorder radius="md" p="sm" data-testid="my-qualification">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {label('qualificationKinds', q.kind)}
                  </Text>
                  {q.certificateNo && (
                    <Text size="xs" c="dimmed">
                      {t('qualifications.certificateNo')} {q.certificateNo}
                    </Text>
                  )}
                </div>
                <Badge color={stateColor[q.state]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {label('qualificationStates', q.state)}
                </Badge>
              </Group>
              <Group gap="lg" mt={6}>
                {q.issuedOn && (
                  <Text size="xs">
                    <Text span size="xs" c="dimmed">
                      {t('qualifications.issuedOn')}:{' '}
                    </Text>
                    {q.issuedOn}
                  </Text>
                )}
                <Text size="xs">
                  <Text span size="xs" c="dimmed">
                    {t('qualifications.validUntil')}:{' '}
                  </Text>
                  {q.validUntil} ·{' '}
                  {q.daysLeft < 0
                    ? t('self.expiredDaysAgo', { count: -q.daysLeft })
                    : t('self.daysLeft', { count: q.daysLeft })}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}

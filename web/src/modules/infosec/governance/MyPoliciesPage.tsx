import { Badge, Button, Card, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { myCampaign, myCampaigns } from '#shared/modules/infosec/governance/policies.ts';
import { api } from '../../../platform/api/client.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useInfosecT } from '../i18n/index.ts';

const mineKey = '/api/infosec/my/policy-campaigns';

/**
 * The policies the signed-in employee is asked to acknowledge: open ones first, each with its statement and an
 * Acknowledge button; acknowledged ones with their date. Someone asked nothing reads so.
 */
export function MyPoliciesPage() {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: [mineKey], queryFn: () => api.get(mineKey, myCampaigns) });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.delete(`${mineKey}/${id}/acknowledge`),
    onSuccess: () => {
      notifications.show({ message: t('myPolicies.withdrawn'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [mineKey] });
    },
  });
  const today = localDay();
  const ack = useMutation({
    mutationFn: (id: string) => api.post(`${mineKey}/${id}/acknowledge`, {}, myCampaign),
    onSuccess: () => {
      notifications.show({ message: t('myPolicies.done'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: [mineKey] });
    },
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('myPolicies.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('myPolicies.title') }]}
        description={t('myPolicies.description')}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {ack.error && <ProblemAlert error={ack.error} />}
      {withdraw.error && <ProblemAlert error={withdraw.error} />}
      {!q.data ? (
        <Skeleton h={160} />
      ) : q.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('myPolicies.empty')}</Text>
        </Paper>
      ) : (
        q.data.items.map((c) => (
          <Card key={c.id} withBorder radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Text fw={600}>
                  {c.policyCode} {c.policyTitle}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('myPolicies.version', { label: c.versionLabel, date: c.effectiveOn })}
                </Text>
                <Text size="sm">
                  {t('myPolicies.statement', { label: c.versionLabel, title: c.policyTitle })}
                </Text>
              </Stack>
              {c.acknowledgedAt ? (
                <Stack gap={4} align="flex-end">
                  <Badge color="teal" variant="light">
                    {t('myPolicies.acknowledgedOn', { date: c.acknowledgedAt.slice(0, 10) })}
                  </Badge>
                  {c.dueOn >= today && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => withdraw.mutate(c.id)}
                      loading={withdraw.isPending && withdraw.variables === c.id}
                    >
                      {t('myPolicies.withdraw')}
                    </Button>
                  )}
                </Stack>
              ) : (
                <Stack gap={4} align="flex-end">
                  <Button onClick={() => ack.mutate(c.id)} loading={ack.isPending && ack.variables === c.id}>
                    {t('myPolicies.acknowledge')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('myPolicies.dueOn', { date: c.dueOn })}
                  </Text>
                </Stack>
              )}
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}

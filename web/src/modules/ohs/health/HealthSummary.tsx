import { Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { healthSummary } from '#shared/modules/ohs/health/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

type Count = number | '<5';

/** A count as the server gives it: a number, or "<5" (never anything finer). */
function CountText({ value, size = 'xl' }: { value: Count; size?: string }) {
  const fmt = useFormat();
  return (
    <Text fz={size} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value === '<5' ? '<5' : fmt.number(value)}
    </Text>
  );
}

function Kpi({ label, value, hint }: { label: string; value: Count; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <CountText value={value} />
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function HealthSummary({ year, siteId }: { year: number; siteId: string | null }) {
  const t = useOhsT();
  const fmt = useFormat();
  const query = useQuery({
    queryKey: [ohsKeys.health, 'summary', year, siteId],
    queryFn: () => api.get('/api/ohs/health/summary', healthSummary, { year, siteId: siteId ?? undefined }),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  const s = query.data;
  if (!s) return null;
  const money = (minor: number) =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: s.currency,
      maximumFractionDigits: 0,
    }).format(minor / 100);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Kpi label={t('health.peopleScreened')} value={s.peopleScreened} />
        <Kpi
          label={t('health.screeningsCount')}
          value={s.screenings}
          hint={`${t('health.general')} ${s.general === '<5' ? '<5' : fmt.number(s.general)} · ${t('health.special')} ${s.special === '<5' ? '<5' : fmt.number(s.special)}`}
        />
        <Kpi label={t('health.abnormal')} value={s.abnormal} />
        <Kpi label={t('health.followUpsOpen')} value={s.followUpsOpen} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder radius="md" p="md">
          <Title order={5} mb="sm">
            {t('health.byLevel')}
          </Title>
          <SimpleGrid cols={4}>
            {([1, 2, 3, 4] as const).map((n) => (
              <Stack key={n} gap={0} align="center">
                <Badge color={['teal', 'yellow', 'orange', 'red'][n - 1]} variant="light">
                  {t('health.level', { n })}
                </Badge>
                <CountText value={s.byLevel[`level${n}`]} size="lg" />
              </Stack>
            ))}
          </SimpleGrid>
          <Stack gap={0} mt="sm">
            {(['1', '2', '3', '4'] as const).map((n) => (
              <Text key={n} size="xs" c="dimmed">
                {t(`health.levelHint.${n}`)}
              </Text>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={5}>{t('health.bySite')}</Title>
            <Text size="sm">
              {t('health.cost')}: <b>{money(s.costMinor)}</b>
            </Text>
          </Group>
          <ScrollArea.Autosize mah={260}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.site')}</Table.Th>
                  <Table.Th ta="right">{t('health.peopleScreened')}</Table.Th>
                  <Table.Th ta="right">{t('health.abnormal')}</Table.Th>
                  <Table.Th ta="right">{t('health.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.bySite.map((b) => (
                  <Table.Tr key={b.siteId}>
                    <Table.Td>{b.siteCode}</Table.Td>
                    <Table.Td ta="right">
                      {b.peopleScreened === '<5' ? '<5' : fmt.number(b.peopleScreened)}
                    </Table.Td>
                    <Table.Td ta="right">{b.abnormal === '<5' ? '<5' : fmt.number(b.abnormal)}</Table.Td>
                    <Table.Td ta="right">{money(b.costMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCircleCheck,
  IconInfoCircle,
  IconUrgent,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { homeView } from '#shared/platform/home/contract.ts';
import { api } from '../api/client.ts';
import { type Session, useCan, useSession } from '../auth/session.ts';
import { Chart } from '../charts/Chart.tsx';
import { webModules } from '../modules/manifest.ts';
import { programNameKey, programShortKey } from '../modules/program-names.ts';
import { useCountryName, useFormat, useLocalName } from '../ui/labels.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { ForYou } from './ForYou.tsx';

type Home = z.infer<typeof homeView>;

/** The chart shows the largest sites; the table lists them all. */
const CHART_SITES = 15;

const severityStyle = {
  critical: { color: 'red', icon: IconUrgent },
  warning: { color: 'orange', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
} as const;

export function useAssignmentLabel() {
  const { t } = useTranslation();
  return (a: Session['assignments'][number]) =>
    [
      t(`roles.${a.role}`),
      a.program ? t(programShortKey(a.program)) : null,
      a.scopeKind === 'group' ? t('scope.group') : a.scopeLabel,
    ]
      .filter(Boolean)
      .join(' · ');
}

function Attention({ items }: { items: Home['attention'] }) {
  const { t } = useTranslation();
  if (!items.length) {
    return (
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('home.allClearTitle')}>
        {t('home.allClear')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {items.map((item) => {
        const style = severityStyle[item.severity];
        const Icon = style.icon;
        return (
          <Paper key={item.kind} withBorder p="sm" radius="md" data-testid={`attention-${item.kind}`}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon color={style.color} variant="light" radius="xl">
                  <Icon size={18} />
                </ThemeIcon>
                <Text size="sm">
                  {t(item.messageKey as ParseKeys, {
                    count: item.count,
                    defaultValue: t('attention.other', { count: item.count, kind: item.kind }),
                  })}
                </Text>
              </Group>
              <Button
                component={Link}
                to={item.link}
                variant="subtle"
                size="xs"
                rightSection={<IconArrowRight size={14} />}
                style={{ flexShrink: 0 }}
              >
                {t('home.open')}
              </Button>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Home: the user's sites with their headcount, and what needs the user's attention. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const localName = useLocalName();
  const countryName = useCountryName();
  const fmt = useFormat();
  const assignmentLabel = useAssignmentLabel();
  const home = useQuery({ queryKey: ['/api/home'], queryFn: () => api.get('/api/home', homeView) });

  const sites = home.data?.sites ?? [];
  const totalEmployees = sites.reduce((n, s) => n + s.activeEmployees, 0);
  const chartOption = useMemo(() => {
    const top = [...sites].sort((a, b) => b.activeEmployees - a.activeEmployees).slice(0, CHART_SITES);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: top.map((s) => s.code),
        axisLabel: { rotate: top.length > 8 ? 35 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('home.activeEmployees'),
          data: top.map((s) => s.activeEmployees),
          itemStyle: { color: '#228be6', borderRadius: [4, 4, 0, 0] },
          barMaxWidth: 36,
        },
      ],
    };
  }, [sites, t]);

  const chartTitle =
    sites.length > CHART_SITES
      ? t('home.employeesByLargestSites', { count: CHART_SITES })
      : t('home.employeesBySite');

  return (
    <>
      <PageHeader
        title={t('home.title', { name: session.user.displayName })}
        description={
          <Group gap={6} component="span">
            {session.assignments.map((a) => (
              <Badge key={assignmentLabel(a)} variant="light" radius="sm" tt="none" component="span">
                {assignmentLabel(a)}
              </Badge>
            ))}
            {session.assignments.length === 0 &&
              // A person outside the company sees only the records given to them by name.
              (session.grantedRecords?.length ? t('home.grantedOnly') : t('home.noRoles'))}
          </Group>
        }
      />
      {home.error ? <ProblemAlert error={home.error} /> : null}
      <ForYou />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Stack gap="sm" style={{ gridColumn: 'span 1' }}>
          <Title order={4}>{t('home.attention')}</Title>
          {home.data ? <Attention items={home.data.attention} /> : <Skeleton h={60} radius="md" />}
          <Title order={4} mt="md">
            {t('home.programs')}
          </Title>
          <SimpleGrid cols={2} spacing="xs">
            {webModules().map((m) => {
              const Icon = m.icon;
              return (
                <Card key={m.key} withBorder radius="md" p="sm" component={Link} to={`/programs/${m.key}`}>
                  <Group gap="xs" wrap="nowrap">
                    <ThemeIcon variant="light" radius="md">
                      <Icon size={18} />
                    </ThemeIcon>
                    <Text size="sm" fw={500} lh={1.2}>
                      {t(programNameKey(m.key))}
                    </Text>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        </Stack>
        <Stack gap="sm" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between">
            <Title order={4}>{t('home.yourSites')}</Title>
            {home.data && (
              <Text size="sm" c="dimmed">
                {t('home.sitesSummary', { count: sites.length, employees: fmt.number(totalEmployees) })}
              </Text>
            )}
          </Group>
          {home.data && sites.length === 0 && (
            <Alert color="gray" icon={<IconInfoCircle size={18} />}>
              {t('home.noSites')}
            </Alert>
          )}
          {sites.length > 1 && (
            <Paper withBorder radius="md" p="sm">
              <Text size="sm" fw={500} mb={4}>
                {chartTitle}
              </Text>
              <Chart option={chartOption} height={220} label={chartTitle} />
            </Paper>
          )}
          {!home.data && <Skeleton h={200} radius="md" />}
          {sites.length > 0 && (
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Table striped verticalSpacing="xs" aria-label={t('home.yourSites')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('org.site.code')}</Table.Th>
                    <Table.Th>{t('org.site.name')}</Table.Th>
                    <Table.Th>{t('org.subsidiary')}</Table.Th>
                    <Table.Th>{t('org.site.country')}</Table.Th>
                    <Table.Th>{t('org.site.timeZone')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('home.activeEmployees')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sites.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {can('org.read') ? (
                          <AnchorLink to="/org/sites/$siteId" params={{ siteId: s.id }} fw={600} size="sm">
                            {s.code}
                          </AnchorLink>
                        ) : (
                          s.code
                        )}
                      </Table.Td>
                      <Table.Td>{localName(s)}</Table.Td>
                      <Table.Td>{s.subsidiaryCode}</Table.Td>
                      <Table.Td>{countryName(s.country)}</Table.Td>
                      <Table.Td>{s.timeZone}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{fmt.number(s.activeEmployees)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </SimpleGrid>
    </>
  );
}

import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFishBone, IconListNumbers, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IncidentView } from '#shared/modules/ohs/incidents/contract.ts';
import { investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';
import { CauseCard } from './CauseCard.tsx';
import { Fishbone } from './Fishbone.tsx';
import { investigationKey } from './investigation-write.ts';
import { type CauseValues, RootCauseForm } from './RootCauseForm.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TeamCard } from './TeamCard.tsx';
import { TimelineCard } from './TimelineCard.tsx';

/** The investigation of an incident: status, team, timeline, root causes (5 whys, fishbone) and their actions. */
export function InvestigationPanel({ incident, manage }: { incident: IncidentView; manage: boolean }) {
  const t = useOhsT();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<CauseValues['method'] | null>(null);
  const id = incident.investigationId;
  const query = useQuery({
    queryKey: investigationKey(id ?? 'none'),
    queryFn: () => api.get(`/api/ohs/investigations/${id}`, investigationView),
    enabled: !!id,
  });
  const open = useWrite(
    () => api.post(`/api/ohs/incidents/${incident.id}/investigation`, {}, investigationView),
    {
      invalidate: [ohsKeys.incidents],
      onSuccess: (inv) => queryClient.setQueryData(investigationKey(inv.id), inv),
    },
  );

  if (!id) {
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm">
          <IconSearch size={32} opacity={0.5} />
          <Text c="dimmed">{t('investigation.notOpened')}</Text>
          {open.error ? <ProblemAlert error={open.error} /> : null}
          {manage && (
            <Button onClick={() => open.mutate(undefined)} loading={open.isPending}>
              {t('investigation.open')}
            </Button>
          )}
        </Stack>
      </Paper>
    );
  }
  if (query.error) return <ProblemAlert error={query.error} />;
  const investigation = query.data;
  if (!investigation) return <Skeleton h={240} radius="md" />;
  const editable = manage && investigation.status !== 'closed';
  const fishboneCauses = investigation.rootCauses.filter((r) => r.category);

  return (
    <Stack gap="md">
      <StatusBar investigation={investigation} manage={manage} timeZone={incident.timeZone} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TeamCard investigation={investigation} manage={editable} />
        <TimelineCard investigation={investigation} manage={editable} timeZone={incident.timeZone} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={5}>{t('investigation.rootCauses')}</Title>
            {editable && (
              <Group gap="xs">
                <Button
                  variant="light"
                  leftSection={<IconListNumbers size={16} />}
                  onClick={() => setAdding('five_whys')}
                >
                  {t('investigation.addFiveWhys')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFishBone size={16} />}
                  onClick={() => setAdding('fishbone')}
                >
                  {t('investigation.addFishbone')}
                </Button>
              </Group>
            )}
          </Group>
          {investigation.rootCauses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('investigation.noRootCauses')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {investigation.rootCauses.map((c) => (
                <CauseCard key={c.id} investigation={investigation} cause={c} manage={editable} />
              ))}
            </SimpleGrid>
          )}
          {fishboneCauses.length > 0 && (
            <div>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
                {t('investigation.fishboneDiagram')}
              </Text>
              <Fishbone
                causes={fishboneCauses}
                effect={`${incident.reference} · ${incident.title}`}
                label={t('investigation.fishboneDiagram')}
              />
            </div>
          )}
        </Stack>
      </Paper>
      {adding && (
        <RootCauseForm investigation={investigation} method={adding} onClose={() => setAdding(null)} />
      )}
    </Stack>
  );
}

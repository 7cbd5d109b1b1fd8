import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { IncidentView } from '#shared/modules/infosec/contract.ts';
import { ProblemAlert } from '../../../../platform/ui/problem.tsx';
import { useInfosecT } from '../../i18n/index.ts';
import { useIncidentResponse } from './api.ts';
import { EvidenceCard } from './EvidenceCard.tsx';
import { LessonsCard } from './LessonsCard.tsx';
import { ObservablesCard } from './ObservablesCard.tsx';
import { TasksCard } from './TasksCard.tsx';

/** The response work on an incident: tasks, observables, evidence with its custody, lessons learned. */
export function ResponseSection({ incident }: { incident: IncidentView }) {
  const t = useInfosecT();
  const query = useIncidentResponse(incident.id);
  if (query.error) return <ProblemAlert error={query.error} />;
  const response = query.data;
  if (!response) return null;
  return (
    <Stack gap="md">
      <Title order={4}>{t('response.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="md">
          <TasksCard incidentId={incident.id} response={response} />
          <LessonsCard incidentId={incident.id} response={response} />
        </Stack>
        <Stack gap="md">
          <ObservablesCard incidentId={incident.id} response={response} />
          <EvidenceCard incidentId={incident.id} response={response} mayUpload={response.mayAddEvidence} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

import {
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { type IncidentView, incidentEvents, incidentView } from '#shared/modules/infosec/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { IncidentRiskCases } from '../../ip/index.ts';
import { IndicatorMatchesCard } from '../advisories/IndicatorMatchesCard.tsx';
import { infosecKeys, isoToLocalInput, localInputToIso, securityIncidentQuery } from '../api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { LevelBadge, StatusBadge } from './badges.tsx';
import { ClassifyForm } from './ClassifyForm.tsx';
import { ClocksCard } from './ClocksCard.tsx';
import { InsuranceCard } from './InsuranceCard.tsx';
import { MaterialCard } from './MaterialCard.tsx';
import { ResponseSection } from './response/ResponseSection.tsx';
import { IncidentTimeline } from './Timeline.tsx';

type Event = (typeof incidentEvents)[number];
/** The events of a personal-data breach's notification clock, offered only when personal data is involved. */
const BREACH_EVENTS = new Set<Event>(['breach_assessed', 'authority_notified']);

function EventForm({
  incident,
  event,
  onClose,
}: {
  incident: IncidentView;
  event: Event;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const [at, setAt] = useState(isoToLocalInput(new Date()));
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/incidents/${incident.id}/events`,
        { event, at: localInputToIso(at), note: note.trim() || undefined, version: incident.version },
        incidentView,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={label('events', event)}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <TextInput
        type="datetime-local"
        label={t('detail.eventAt')}
        value={at}
        onChange={(e) => setAt(e.currentTarget.value)}
      />
      <TextInput
        label={t('detail.eventNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/** One security incident: its level and status, its clocks counting down, classification, events and timeline. */
export function SecurityIncidentPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const { incidentId } = useParams({ strict: false }) as { incidentId: string };
  const query = useQuery(securityIncidentQuery(incidentId));
  const [classifying, setClassifying] = useState(false);
  const [event, setEvent] = useState<Event | null>(null);
  if (query.error) return <ProblemAlert error={query.error} />;
  const incident = query.data;
  if (!incident) return <Skeleton h={300} />;
  return (
    <Stack gap="md">
      <PageHeader
        title={`${incident.reference} · ${incident.title}`}
        crumbs={[
          { label: t('nav.section') },
          { label: t('incidents.title'), to: '/infosec/incidents' },
          { label: incident.reference },
        ]}
        actions={
          incident.canManage ? (
            <Group gap="xs">
              <Button leftSection={<IconShieldCheck size={16} />} onClick={() => setClassifying(true)}>
                {t('detail.classify')}
              </Button>
              <Menu>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                    {t('detail.record')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {incidentEvents
                    .filter((e) => incident.informationImpact === 'privacy' || !BREACH_EVENTS.has(e))
                    .map((e) => (
                      <Menu.Item key={e} onClick={() => setEvent(e)}>
                        {label('events', e)}
                      </Menu.Item>
                    ))}
                </Menu.Dropdown>
              </Menu>
            </Group>
          ) : null
        }
      />
      <Group gap="xs">
        <LevelBadge level={incident.level} />
        <StatusBadge status={incident.status} />
        {incident.sensitive && (
          <Badge color="grape" variant="outline">
            {t('incidents.sensitive')}
            {incident.sensitiveReason ? ` · ${label('reasons', incident.sensitiveReason)}` : ''}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t('detail.awareAt', { at: fmt.dateTime(incident.awareAt) })}
          {incident.reportedByName ? ` · ${t('detail.reportedBy', { name: incident.reportedByName })}` : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {incident.description}
            </Text>
            <Text size="xs" c="dimmed" mt="sm">
              {t('detail.affectedSites')}: {incident.affectedSites.map((s) => s.code).join(', ') || '—'}
              {' · '}
              {t('detail.systems')}: {incident.systems.map((s) => s.name).join(', ') || '—'}
              {' · '}
              {t('detail.evidence')}: {incident.evidenceCount} · {t('detail.actions')}:{' '}
              {incident.actionIds.length}
            </Text>
          </Paper>
          <ClocksCard incident={incident} />
          {can('infosec.read') && <MaterialCard incidentId={incident.id} />}
          {can('infosec.read') && <InsuranceCard incidentId={incident.id} />}
          <IndicatorMatchesCard incidentId={incident.id} />
          <IncidentRiskCases incidentId={incident.id} />
          <Paper withBorder p="md" radius="md">
            <Title order={5} mb="xs">
              {t('detail.classification')}
            </Title>
            <Stack gap={4}>
              <Text size="sm">
                {t('classify.functionalImpact')}: {label('functionalImpacts', incident.functionalImpact)}
              </Text>
              <Text size="sm">
                {t('classify.informationImpact')}: {label('informationImpacts', incident.informationImpact)}
              </Text>
              <Text size="sm">
                {t('classify.recoverability')}: {label('recoverabilities', incident.recoverability)}
              </Text>
              <Text size="sm">
                {t('classify.attackVector')}: {label('attackVectors', incident.attackVector)}
              </Text>
              {incident.levelReason && (
                <Text size="sm">
                  {t('detail.levelReason')}: {incident.levelReason}
                </Text>
              )}
            </Stack>
          </Paper>
        </Stack>
        <IncidentTimeline incident={incident} />
      </SimpleGrid>
      <ResponseSection incident={incident} />
      {classifying && <ClassifyForm incident={incident} onClose={() => setClassifying(false)} />}
      {event && <EventForm incident={incident} event={event} onClose={() => setEvent(null)} />}
    </Stack>
  );
}

import {
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  custodyEvents,
  type EvidenceView,
  type ResponseView,
} from '#shared/modules/infosec/response/contract.ts';
import { AttachmentsPanel } from '../../../../platform/documents/AttachmentsPanel.tsx';
import { useFormat } from '../../../../platform/ui/labels.ts';
import { isoToLocalInput, localInputToIso } from '../../api.ts';
import { useInfosecLabel, useInfosecT } from '../../i18n/index.ts';
import { responseUrl } from './api.ts';
import { ResponseForm } from './ResponseForm.tsx';

type CustodyEvent = (typeof custodyEvents)[number];

function CustodyForm({
  incidentId,
  file,
  onClose,
}: {
  incidentId: string;
  file: EvidenceView;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const [event, setEvent] = useState<CustodyEvent>('transferred');
  const [holder, setHolder] = useState('');
  const [location, setLocation] = useState('');
  const [at, setAt] = useState(isoToLocalInput(new Date()));
  const [note, setNote] = useState('');
  return (
    <ResponseForm
      incidentId={incidentId}
      title={`${t('response.recordCustody')} · ${file.filename}`}
      path="custody"
      body={() => ({
        documentId: file.documentId,
        event,
        holder,
        location: location.trim() || null,
        at: localInputToIso(at),
        note: note.trim() || null,
      })}
      onClose={onClose}
    >
      <Select
        label={t('response.event')}
        required
        allowDeselect={false}
        data={custodyEvents.map((v) => ({ value: v, label: label('response.events', v) }))}
        value={event}
        onChange={(v) => v && setEvent(v as CustodyEvent)}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        data-autofocus
        required
        label={t('response.holder')}
        value={holder}
        onChange={(e) => setHolder(e.currentTarget.value)}
      />
      <TextInput
        label={t('response.location')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
      />
      <TextInput
        type="datetime-local"
        label={t('response.at')}
        value={at}
        onChange={(e) => setAt(e.currentTarget.value)}
      />
      <Textarea
        label={t('response.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ResponseForm>
  );
}

/** Evidence files (uploaded through the platform, SHA-256 at upload) and the chain of custody of each. */
export function EvidenceCard({
  incidentId,
  response,
  mayUpload,
}: {
  incidentId: string;
  response: ResponseView;
  mayUpload: boolean;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState<EvidenceView | null>(null);
  return (
    <Stack gap="md" data-testid="response-evidence">
      <AttachmentsPanel
        entityType="infosec_incident"
        entityId={incidentId}
        canWrite={mayUpload}
        title={t('response.evidence')}
        description={t('response.evidenceHint')}
        onChange={() => void queryClient.invalidateQueries({ queryKey: [responseUrl(incidentId)] })}
      />
      {response.evidence.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {response.evidence.map((file) => (
              <Stack key={file.documentId} gap={4} data-testid="custody">
                <Group justify="space-between">
                  <Title order={6}>
                    {t('response.custody')} · {file.filename}
                  </Title>
                  {response.mayManage && (
                    <Button size="compact-xs" variant="default" onClick={() => setRecording(file)}>
                      {t('response.recordCustody')}
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  SHA-256 <Code>{file.sha256}</Code>
                </Text>
                <Timeline bulletSize={10} lineWidth={2}>
                  <Timeline.Item
                    title={t('response.uploaded', {
                      at: fmt.dateTime(file.uploadedAt),
                      name: file.uploadedByName ?? '—',
                    })}
                  />
                  {file.custody.map((c) => (
                    <Timeline.Item key={c.id} title={`${label('response.events', c.event)} · ${c.holder}`}>
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(c.at)}
                        {c.location ? ` · ${c.location}` : ''}
                        {c.recordedByName ? ` · ${c.recordedByName}` : ''}
                      </Text>
                      {c.note && <Text size="xs">{c.note}</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
      {recording && (
        <CustodyForm incidentId={incidentId} file={recording} onClose={() => setRecording(null)} />
      )}
    </Stack>
  );
}

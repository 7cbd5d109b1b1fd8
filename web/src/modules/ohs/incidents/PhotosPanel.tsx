import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { IncidentView } from '#shared/modules/ohs/incidents/contract.ts';
import { documentView } from '#shared/platform/documents/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { uploadFile, useCsrfToken } from '../../../platform/services/http.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert, problemMessage } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

/** Photos of an incident: thumbnails, more from the camera or files, removal by officers. */
export function PhotosPanel({ incident, manage }: { incident: IncidentView; manage: boolean }) {
  const t = useOhsT();
  const { t: tp } = useTranslation();
  const fmt = useFormat();
  const csrf = useCsrfToken();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const target = { entityType: 'ohs_incident', entityId: incident.id };
  const docs = useQuery({
    queryKey: [ohsKeys.documents, target],
    queryFn: () => api.get('/api/documents', z.object({ items: z.array(documentView) }), target),
  });

  async function upload(files: File[]) {
    setBusy(true);
    for (const file of files) {
      try {
        await uploadFile('/api/documents', target, file, documentView, csrf);
        notifications.show({ color: 'teal', message: t('incident.photoUploaded') });
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('report.photoFailed', { message: problemMessage(error, tp) }),
        });
      }
    }
    setBusy(false);
    void queryClient.invalidateQueries({ queryKey: [ohsKeys.documents] });
    void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] });
  }

  async function remove(id: string) {
    try {
      await api.delete(`/api/documents/${id}`);
      void queryClient.invalidateQueries({ queryKey: [ohsKeys.documents] });
      void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] });
    } catch (error) {
      notifications.show({ color: 'red', message: problemMessage(error, tp) });
    }
  }

  const items = docs.data?.items ?? [];
  return (
    <Stack gap="sm">
      {manage && (
        <Group justify="flex-end">
          <FileButton onChange={(files) => void upload(files)} accept="image/*" multiple>
            {(props) => (
              <Button {...props} loading={busy} leftSection={<IconCamera size={16} />}>
                {t('incident.addPhoto')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {docs.error ? <ProblemAlert error={docs.error} /> : null}
      <Paper withBorder radius="md" p="md">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('incident.noPhotos')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {items.map((d) => (
              <Stack key={d.id} gap={4}>
                <Anchor href={`/api/documents/${d.id}/download`} target="_blank" rel="noreferrer">
                  <Image
                    src={`/api/documents/${d.id}/download`}
                    alt={d.filename}
                    radius="sm"
                    h={160}
                    fit="cover"
                    fallbackSrc="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"
                  />
                </Anchor>
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="xs" truncate>
                      {d.filename}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fmt.dateTime(d.createdAt)}
                      {d.uploadedByName ? ` · ${d.uploadedByName}` : ''}
                    </Text>
                  </div>
                  {manage && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => void remove(d.id)}
                      aria-label={t('incident.removePhoto')}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
              </Stack>
            ))}
          </SimpleGrid>
        )}
      </Paper>
    </Stack>
  );
}

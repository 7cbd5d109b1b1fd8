import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconDownload,
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconPaperclip,
  IconPhoto,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type DocumentView, documentView } from '#shared/platform/documents/contract.ts';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.ts';
import { uploadFile, useCsrfToken } from '../services/http.ts';
import { useFormat } from '../ui/labels.ts';
import { ProblemAlert, problemMessage } from '../ui/problem.tsx';
import { useDocumentsT } from './texts.ts';

const documentList = z.object({ items: z.array(documentView) });
export const documentsKey = '/api/documents';

function iconOf(contentType: string) {
  if (contentType === 'application/pdf') return IconFileTypePdf;
  if (contentType.startsWith('image/')) return IconPhoto;
  if (contentType.includes('spreadsheet') || contentType === 'text/csv') return IconFileSpreadsheet;
  if (contentType.startsWith('text/') || contentType.includes('wordprocessing')) return IconFileText;
  return IconFile;
}

/** A size in bytes as "12 KB" or "3.4 MB", in the user's number format. */
export function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}

/**
 * The files attached to any record (`entityType` and `entityId` as the server's documents service knows
 * them): download, attach more by choosing or dropping files, remove. Only those who may change the record
 * attach or remove (`canWrite`); the server checks it again, and checks each file's type on its content.
 */
export function AttachmentsPanel({
  entityType,
  entityId,
  canWrite,
  title,
  description,
  onChange,
}: {
  entityType: string;
  entityId: string;
  canWrite: boolean;
  title?: string;
  description?: string;
  /** Called after a file is attached or removed (e.g. to refresh an evidence count). */
  onChange?: () => void;
}) {
  const t = useDocumentsT();
  const { t: tc } = useTranslation();
  const session = useSession();
  // Someone outside the company removes only the files they attached (the server holds the same rule).
  const outsider = session.assignments.length === 0;
  const fmt = useFormat();
  const size = useFileSize();
  const csrf = useCsrfToken();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState<string | null>(null);
  const [failures, setFailures] = useState<{ name: string; error: unknown }[]>([]);
  const [dragging, setDragging] = useState(false);
  const target = { entityType, entityId };
  const docs = useQuery({
    queryKey: [documentsKey, target],
    queryFn: ({ signal }) => api.get('/api/documents', documentList, target, signal),
  });

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: [documentsKey] });
    onChange?.();
  }

  async function upload(files: File[]) {
    if (!files.length) return;
    const failed: { name: string; error: unknown }[] = [];
    let added = 0;
    for (const file of files) {
      setUploading(file.name);
      try {
        await uploadFile('/api/documents', target, file, documentView, csrf);
        added++;
      } catch (error) {
        failed.push({ name: file.name, error });
      }
    }
    setUploading(null);
    setFailures(failed);
    if (added) {
      notifications.show({ color: 'teal', message: t('uploaded', { count: added }) });
      refresh();
    }
  }

  function confirmRemove(d: DocumentView) {
    modals.openConfirmModal({
      title: t('removeTitle'),
      children: <Text size="sm">{t('removeBody', { name: d.filename })}</Text>,
      labels: { confirm: tc('common.delete'), cancel: tc('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/api/documents/${d.id}`);
          notifications.show({ color: 'teal', message: t('removed') });
          refresh();
        } catch (error) {
          notifications.show({ color: 'red', title: tc('errors.title'), message: problemMessage(error, tc) });
        }
      },
    });
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (canWrite) void upload([...e.dataTransfer.files]);
  };

  const items = docs.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid={`attachments-${entityType}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap={6}>
              <IconPaperclip size={18} />
              <Title order={4}>{title ?? t('title')}</Title>
              {docs.data && (
                <Text size="sm" c="dimmed">
                  · {t('count', { count: items.length })}
                </Text>
              )}
            </Group>
            {description && (
              <Text size="sm" c="dimmed" mt={2}>
                {description}
              </Text>
            )}
          </div>
          {canWrite && (
            <FileButton onChange={(files) => void upload(files)} multiple>
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  leftSection={<IconUpload size={16} />}
                  loading={!!uploading}
                >
                  {t('add')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {docs.error ? <ProblemAlert error={docs.error} /> : null}
        {failures.map((f) => (
          <Alert
            key={f.name}
            color="red"
            variant="light"
            withCloseButton
            onClose={() => setFailures((x) => x.filter((y) => y !== f))}
            role="alert"
          >
            <Text size="sm">{t('failed', { name: f.name, message: problemMessage(f.error, tc) })}</Text>
          </Alert>
        ))}
        {uploading && (
          <Text size="sm" c="dimmed">
            {t('uploading', { name: uploading })}
          </Text>
        )}
        {items.length > 0 && (
          <Stack gap={0}>
            {items.map((d) => {
              const Icon = iconOf(d.contentType);
              return (
                <Group
                  key={d.id}
                  justify="space-between"
                  wrap="nowrap"
                  py={6}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                >
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Icon size={22} stroke={1.5} style={{ flexShrink: 0 }} />
                    <div style={{ minWidth: 0 }}>
                      <Anchor
                        href={`/api/documents/${d.id}/download`}
                        size="sm"
                        fw={500}
                        style={{ wordBreak: 'break-all' }}
                        title={t('checksum', { sum: d.sha256 })}
                      >
                        {d.filename}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[
                          size(d.sizeBytes),
                          fmt.dateTime(d.createdAt),
                          d.uploadedByName ? t('by', { name: d.uploadedByName }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </div>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('download', { name: d.filename })}>
                      <ActionIcon
                        component="a"
                        href={`/api/documents/${d.id}/download`}
                        variant="subtle"
                        color="gray"
                        aria-label={t('download', { name: d.filename })}
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {canWrite && (!outsider || d.uploadedBy === session.user.id) && (
                      <Tooltip label={t('remove', { name: d.filename })}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => confirmRemove(d)}
                          aria-label={t('remove', { name: d.filename })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Group>
              );
            })}
          </Stack>
        )}
        {canWrite ? (
          <Box
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            p="md"
            style={{
              border: `1px dashed var(--mantine-color-${dragging ? 'blue-6' : 'default-border'})`,
              borderRadius: 8,
              background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
              textAlign: 'center',
            }}
          >
            <Text size="sm">
              {items.length === 0 && docs.data ? t('empty') : ''} {t('drop')}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('accepted')}
            </Text>
          </Box>
        ) : (
          items.length === 0 &&
          docs.data && (
            <Text size="sm" c="dimmed">
              {t('empty')}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

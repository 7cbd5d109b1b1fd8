import { FileInput, MultiSelect, Select, SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  advisoryDetail,
  advisorySeverities,
  advisorySources,
} from '#shared/modules/infosec/advisories/contract.ts';
import { userDirectory } from '#shared/platform/users/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useServerSearch } from '../../../platform/ui/server-search.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { advisoryKeys } from './parts.tsx';

/** Uploads a partner's STIX 2.1 bundle: the server checks it whole and imports all of it or nothing. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { q, selectProps } = useServerSearch();
  const [chosen, setChosen] = useState(new Map<string, string>());
  const directory = useQuery({
    queryKey: ['/api/users/directory', q],
    queryFn: ({ signal }) =>
      api.get('/api/users/directory', userDirectory, { q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const users = new Map(chosen);
  for (const u of directory.data?.items ?? []) users.set(u.id, u.displayName);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<string>('twcert');
  const [severity, setSeverity] = useState<string>('high');
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await (file as File).text());
      } catch {
        setFileError(t('advisories.importNotJson'));
        throw new Error(t('advisories.importNotJson'));
      }
      return api.post(
        '/api/infosec/advisories/import',
        { source, severity, recipientIds, bundle },
        advisoryDetail,
      );
    },
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: [advisoryKeys.advisories] });
      void queryClient.invalidateQueries({ queryKey: [advisoryKeys.indicators] });
      notifications.show({
        message: t('advisories.importDone', { reference: a.reference, count: a.sites.length }),
        color: 'teal',
      });
      onClose();
      void navigate({ to: '/infosec/advisories/$advisoryId', params: { advisoryId: a.id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('advisories.importTitle')}
      submitLabel={t('advisories.import')}
      onSubmit={(e) => {
        e?.preventDefault();
        setFileError(null);
        if (file) save.mutate();
        else setFileError(t('advisories.importFile'));
      }}
      busy={save.isPending}
      error={fileError ? null : save.error}
    >
      <Text size="sm" c="dimmed">
        {t('advisories.importHint')}
      </Text>
      <FileInput
        label={t('advisories.importFile')}
        accept="application/json,.json"
        required
        value={file}
        onChange={setFile}
        error={fileError}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('advisories.source')}
          data={advisorySources.map((s) => ({ value: s, label: label('advisories.sources', s) }))}
          value={source}
          onChange={(v) => setSource(v ?? 'twcert')}
          allowDeselect={false}
        />
        <Select
          label={t('advisories.severity')}
          data={advisorySeverities.map((s) => ({ value: s, label: label('advisories.severities', s) }))}
          value={severity}
          onChange={(v) => setSeverity(v ?? 'high')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('advisories.importRecipients')}
        data={[...users.entries()].map(([value, name]) => ({ value, label: name }))}
        value={recipientIds}
        onChange={(ids) => {
          setRecipientIds(ids);
          setChosen(new Map(ids.map((id) => [id, users.get(id) ?? id])));
        }}
        {...selectProps}
      />
    </FormModal>
  );
}

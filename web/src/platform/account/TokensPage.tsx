import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createdTokenView, createTokenBody, tokenView } from '#shared/platform/auth/contract.ts';
import { api } from '../api/client.ts';
import { applyServerErrors, contractValidator } from '../ui/forms.ts';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert, problemMessage } from '../ui/problem.tsx';

const tokensKey = ['/api/auth/tokens'];
type Values = { name: string; expiresInDays: string };
const toPayload = (v: Values) => ({
  name: v.name.trim(),
  expiresInDays: v.expiresInDays === 'never' ? undefined : Number(v.expiresInDays),
});

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<z.infer<typeof createdTokenView> | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', expiresInDays: '90' },
    validate: contractValidator(createTokenBody, toPayload),
  });
  const create = useMutation({
    mutationFn: (v: Values) => api.post('/api/auth/tokens', toPayload(v), createdTokenView),
    onSuccess: (token) => {
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const close = () => {
    setCreated(null);
    form.reset();
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('tokens.create')} size="lg">
      {created ? (
        <Stack>
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('tokens.createdTitle')}>
            {t('tokens.createdOnce')}
          </Alert>
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                  <ActionIcon variant="light" onClick={copy} aria-label={t('common.copy')}>
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('tokens.usage')}
          </Text>
          <Code
            block
          >{`curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/home`}</Code>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
          <Stack>
            {create.error && !Object.keys(form.errors).length ? <ProblemAlert error={create.error} /> : null}
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              data-autofocus
              required
              {...form.getInputProps('name')}
            />
            <Select
              label={t('tokens.expires')}
              data={[
                { value: '30', label: t('tokens.days', { count: 30 }) },
                { value: '90', label: t('tokens.days', { count: 90 }) },
                { value: '366', label: t('tokens.days', { count: 366 }) },
                { value: 'never', label: t('tokens.never') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('expiresInDays')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Personal API tokens for scripts: create (shown once), list, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => api.get('/api/auth/tokens', z.object({ items: z.array(tokenView) })),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/tokens/${id}`),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('tokens.revoked') });
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: problemMessage(error, t) }),
  });

  const confirmRevoke = (token: z.infer<typeof tokenView>) =>
    modals.openConfirmModal({
      title: t('tokens.revokeTitle'),
      children: <Text size="sm">{t('tokens.revokeConfirm', { name: token.name })}</Text>,
      labels: { confirm: t('tokens.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(token.id),
    });

  const items = tokens.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      {tokens.error ? <ProblemAlert error={tokens.error} /> : null}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="sm" aria-label={t('tokens.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('tokens.expires')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td fw={500}>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{fmt.dateTime(token.createdAt)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? fmt.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}
                </Table.Td>
                <Table.Td>{token.expiresAt ? fmt.dateTime(token.expiresAt) : t('tokens.never')}</Table.Td>
                <Table.Td>
                  <Tooltip label={t('tokens.revoke')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => confirmRevoke(token)}
                      aria-label={t('tokens.revoke')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {tokens.data && items.length === 0 && (
          <Stack align="center" gap={4} py="xl">
            <IconKey size={28} opacity={0.5} />
            <Text c="dimmed" size="sm">
              {t('tokens.empty')}
            </Text>
          </Stack>
        )}
      </Paper>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

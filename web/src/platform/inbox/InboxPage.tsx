import { Badge, Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconChecks, IconMail } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { notificationPage } from '#shared/platform/notify/contract.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import {
  DigestSwitch,
  type Notification,
  useAgo,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './parts.tsx';
import { useInboxLabel, useInboxT } from './texts.ts';

/** The platform's own kinds of notification; a module's notices (its own codes) show as a notice. */
const PLATFORM_KINDS = new Set(['reminder', 'escalation', 'digest']);

/** The inbox: every notification, unread first in weight; open, mark read, mark all read; email preference. */
export function InboxPage() {
  const t = useInboxT();
  const label = useInboxLabel();
  const fmt = useFormat();
  const ago = useAgo();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = useUnreadCount();

  const columns: Column<Notification>[] = [
    {
      key: 'notification',
      header: t('columns.notification'),
      wrap: true,
      render: (n) => (
        <Group gap={10} wrap="nowrap" align="flex-start">
          <span
            role="img"
            aria-label={n.readAt ? undefined : t('unread')}
            style={{
              marginTop: 7,
              width: 8,
              height: 8,
              flexShrink: 0,
              borderRadius: 4,
              background: n.readAt ? 'transparent' : 'var(--mantine-color-blue-6)',
            }}
          />
          <div>
            <Text size="sm" fw={n.readAt ? 400 : 600}>
              {n.title}
            </Text>
            <Text size="xs" c="dimmed">
              {n.body}
            </Text>
          </div>
        </Group>
      ),
    },
    {
      key: 'kind',
      header: t('columns.kind'),
      render: (n) => (
        <Badge miw="max-content" variant="light" color={n.kind.includes('escalation') ? 'red' : 'blue'}>
          {label('kinds', PLATFORM_KINDS.has(n.kind) ? n.kind : 'notice')}
        </Badge>
      ),
    },
    {
      key: 'received',
      header: t('columns.received'),
      sortKey: 'createdAt',
      render: (n) => <span title={fmt.dateTime(n.createdAt)}>{ago(n.createdAt)}</span>,
    },
    {
      key: 'do',
      header: '',
      align: 'right',
      render: (n) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {!n.readAt && (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
              {t('markRead')}
            </Button>
          )}
          {n.link && (
            <Button
              size="compact-xs"
              variant="light"
              component={Link}
              to={n.link}
              rightSection={<IconArrowRight size={14} />}
              onClick={() => !n.readAt && markRead.mutate(n.id)}
            >
              {t('open')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DataTable
            label={t('title')}
            endpoint="/api/notifications"
            schema={notificationPage}
            columns={columns}
            rowKey={(n) => n.id}
            defaultSort="createdAt"
            defaultOrder="desc"
            searchable={false}
            filters={{ unread: show === 'unread' ? 'true' : undefined }}
            filterBar={
              <SegmentedControl
                aria-label={t('filter.label')}
                value={show}
                onChange={(v) => setShow(v as 'all' | 'unread')}
                data={[
                  { value: 'all', label: t('filter.all') },
                  { value: 'unread', label: t('filter.unread') },
                ]}
              />
            }
            actions={
              <Button
                variant="default"
                leftSection={<IconChecks size={16} />}
                disabled={!count.data?.unread}
                loading={markAll.isPending}
                onClick={() => markAll.mutate(undefined)}
              >
                {t('markAllRead')}
              </Button>
            }
            emptyTitle={t('empty')}
            emptyHint={t('emptyHint')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group gap={8}>
                <IconMail size={18} />
                <Title order={4}>{t('email.title')}</Title>
              </Group>
              <DigestSwitch />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

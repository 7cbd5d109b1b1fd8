import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { notificationPage } from '#shared/platform/notify/contract.ts';
import { api } from '../api/client.ts';
import {
  DigestSwitch,
  inboxKey,
  type Notification,
  useAgo,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './parts.tsx';
import { useInboxT } from './texts.ts';

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const ago = useAgo();
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      px="sm"
      py={8}
      style={{ display: 'block', width: '100%', borderRadius: 6 }}
      data-unread={!n.readAt}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <span
          aria-hidden
          style={{
            marginTop: 7,
            width: 8,
            height: 8,
            flexShrink: 0,
            borderRadius: 4,
            background: n.readAt ? 'transparent' : 'var(--mantine-color-blue-6)',
          }}
        />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
            {n.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {n.body}
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            {ago(n.createdAt)}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}

/** The bell in the header: the unread count, the latest notifications, the daily digest option. */
export function InboxBell() {
  const t = useInboxT();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const latest = useQuery({
    queryKey: [inboxKey, 'latest'],
    queryFn: () =>
      api.get('/api/notifications', notificationPage, { pageSize: 6, sort: 'createdAt', order: 'desc' }),
    enabled: opened,
  });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  function open(n: Notification) {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    void navigate({ to: n.link ?? '/inbox' });
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          size={16}
          offset={6}
          color="red"
          inline
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('bell.label', { count: unread }) : t('bell.labelNone')}
            data-testid="inbox-bell"
            data-unread={unread}
          >
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={700} size="sm">
            {t('bell.heading')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined)}
          >
            {t('markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={0} p={4}>
            {latest.data?.items.length === 0 && (
              <Text size="sm" c="dimmed" p="md" ta="center">
                {t('bell.empty')}
              </Text>
            )}
            {latest.data?.items.map((n) => (
              <Item key={n.id} n={n} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Stack gap="xs" p="sm">
          <DigestSwitch size="xs" />
          <Anchor component={Link} to="/inbox" size="sm" onClick={() => setOpened(false)}>
            {t('bell.openInbox')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

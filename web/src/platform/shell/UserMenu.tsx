import { Avatar, Group, Menu, Text, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconChevronDown,
  IconKey,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconSun,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { type Session, sessionQuery, useSession } from '../auth/session.ts';
import { currentLocale, type Locale, localeNames, setLocale } from '../i18n/index.ts';
import { problemMessage } from '../ui/problem.tsx';

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '')).toUpperCase();
}

/** The user menu: language (saved on the server), light/dark theme (saved on this browser), API tokens, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const locale = currentLocale();

  async function chooseLocale(next: Locale) {
    await setLocale(next);
    queryClient.setQueryData(sessionQuery.queryKey, (s: Session | null | undefined) =>
      s ? { ...s, user: { ...s.user, locale: next } } : s,
    );
    try {
      await api.put('/api/auth/preferences', { locale: next });
      // Text the server writes (titles, audit summaries) comes in the saved language: read it again.
      await queryClient.invalidateQueries();
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: problemMessage(error, t) });
    }
  }

  async function signOut() {
    try {
      await api.post('/api/auth/sign-out', undefined);
    } finally {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, null);
      await navigate({ to: '/sign-in' });
    }
  }

  const dark = colorScheme === 'dark';
  return (
    <Menu position="bottom-end" width={240} withArrow shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={32} color="blue">
              {initials(session.user.displayName)}
            </Avatar>
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600} visibleFrom="sm">
                {session.user.displayName}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {session.user.email}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {(Object.keys(localeNames) as Locale[]).map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => void chooseLocale(l)}
            rightSection={l === locale ? <IconCheck size={14} /> : null}
            aria-current={l === locale}
          >
            {localeNames[l]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={dark ? <IconSun size={16} /> : <IconMoon size={16} />}
          onClick={() => setColorScheme(dark ? 'light' : 'dark')}
        >
          {dark ? t('userMenu.lightTheme') : t('userMenu.darkTheme')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconKey size={16} />}
          onClick={() => void navigate({ to: '/account/tokens' })}
        >
          {t('userMenu.apiTokens')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

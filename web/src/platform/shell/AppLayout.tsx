import { AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { InboxBell } from '../inbox/InboxBell.tsx';
import { type NavItem, visibleNavigation } from './nav.ts';
import { UserMenu } from './UserMenu.tsx';

function matches(pathname: string, to: string, exact?: boolean) {
  if (to === '/' || exact) return pathname === to;
  return pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The one entry shown as the current page: of the entries whose path the location starts with, the most
 * specific (on /org/calendars, "Working calendars", not also "Organisation").
 */
function currentEntry(pathname: string, items: readonly NavItem[]): string | undefined {
  const all = items.flatMap((item) => [item, ...(item.children ?? [])]);
  return all
    .filter((item) => matches(pathname, item.to, item.exact))
    .reduce<string | undefined>(
      (best, item) => (!best || item.to.length > best.length ? item.to : best),
      undefined,
    );
}

/** A group of pages (a program's module, People): open while one of its pages is shown, else as the user left it. */
function NavGroup({
  item,
  current,
  onNavigate,
}: {
  item: NavItem;
  current: string | undefined;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const Icon = item.icon;
  const containsActive = (item.children ?? []).some((c) => c.to === current) || item.to === current;
  const [opened, setOpened] = useState(containsActive);
  useEffect(() => {
    if (containsActive) setOpened(true);
  }, [containsActive]);
  return (
    <NavLink
      component="button"
      type="button"
      aria-expanded={opened}
      label={t(item.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      opened={opened}
      onChange={setOpened}
      active={false}
      childrenOffset={28}
    >
      {(item.children ?? []).map((child) => (
        <NavEntry key={child.to} item={child} current={current} onNavigate={onNavigate} />
      ))}
    </NavLink>
  );
}

function NavEntry({
  item,
  current,
  onNavigate,
}: {
  item: NavItem;
  current: string | undefined;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const Icon = item.icon;
  if (item.children) return <NavGroup item={item} current={current} onNavigate={onNavigate} />;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={item.to === current}
      // The router marks a link the current page (aria-current, which the theme also highlights) only on
      // its own address: a parent entry on a child page is not the current page.
      activeOptions={{ exact: true }}
      onClick={onNavigate}
    />
  );
}

/** The signed-in frame: header with the user menu, navigation by program and administration. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const sections = visibleNavigation(session.permissions, session.person?.kind, session.grantedRecords);
  const current = currentEntry(
    pathname,
    sections.flatMap((section) => section.items),
  );

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // Dialogs and date pickers are the signed-in pages' own: their providers live here, not in the sign-in page.
  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-TW' ? 'zh-tw' : 'en', firstDayOfWeek: 1 }}>
      <ModalsProvider>
        <AppShell
          header={{ height: 56 }}
          navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
          padding="lg"
        >
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={t('nav.toggle')}
                />
                <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
                  <Group gap={8} wrap="nowrap">
                    <ThemeIcon size={30} radius="md" variant="filled">
                      <IconShieldCheck size={20} />
                    </ThemeIcon>
                    <div>
                      <Text fw={700} size="lg" lh={1.1}>
                        {t('app.name')}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
                        {t('app.tagline')}
                      </Text>
                    </div>
                  </Group>
                </UnstyledButton>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <InboxBell />
                <UserMenu />
              </Group>
            </Group>
          </AppShell.Header>
          <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
            <AppShell.Section grow component={ScrollArea}>
              {sections.map((section, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sections are static
                <div key={i} style={{ marginBottom: 8 }}>
                  {section.label && (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                      {t(section.label)}
                    </Text>
                  )}
                  {section.items.map((item) => (
                    <NavEntry key={item.to} item={item} current={current} onNavigate={close} />
                  ))}
                </div>
              ))}
            </AppShell.Section>
          </AppShell.Navbar>
          <AppShell.Main>
            <Outlet />
          </AppShell.Main>
        </AppShell>
      </ModalsProvider>
    </DatesProvider>
  );
}

import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { type HomeAction, webModules } from '../modules/manifest.ts';

/** The platform's own self-service entry: a person's training. */
const myTraining: HomeAction = {
  key: 'my-training',
  label: 'home.myTraining',
  description: 'home.myTrainingHint',
  to: '/training/mine',
  icon: IconCertificate,
};

/**
 * What people come to do, at the top of the home page: the modules' home actions the session may use (the
 * primary one as a large button, e.g. "Report an incident or hazard"), and their own training.
 */
export function ForYou() {
  const { t } = useTranslation();
  const session = useSession();
  const shown = (a: HomeAction) =>
    (!a.permission || session.permissions.includes(a.permission)) &&
    (!a.person || a.person === session.person?.kind);
  const actions = [
    ...webModules().flatMap((m) => m.homeActions ?? []),
    ...(session.person ? [myTraining] : []),
  ].filter(shown);
  if (actions.length === 0) return null;
  const primary = actions.filter((a) => a.primary);
  const others = actions.filter((a) => !a.primary);
  return (
    <Stack gap="sm" mb="lg" data-testid="for-you">
      <Title order={4}>{t('home.forYou')}</Title>
      {primary.map((a) => {
        const Icon = a.icon;
        return (
          <Button
            key={a.key}
            component={Link}
            to={a.to}
            size="lg"
            color="red"
            leftSection={<Icon size={22} />}
            fullWidth
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            h="auto"
            py="sm"
            data-testid={`home-action-${a.key}`}
          >
            {t(a.label as ParseKeys)}
          </Button>
        );
      })}
      {others.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          {others.map((a) => {
            const Icon = a.icon;
            return (
              <Card
                key={a.key}
                withBorder
                radius="md"
                p="sm"
                component={Link}
                to={a.to}
                data-testid={`home-action-${a.key}`}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" radius="md" size="lg">
                    <Icon size={20} />
                  </ThemeIcon>
                  <div>
                    <Text fw={600} size="sm">
                      {t(a.label as ParseKeys)}
                    </Text>
                    {a.description && (
                      <Text size="xs" c="dimmed">
                        {t(a.description as ParseKeys)}
                      </Text>
                    )}
                  </div>
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

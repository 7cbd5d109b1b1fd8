import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SessionView, sessionView, signInBody } from '#shared/platform/auth/contract.ts';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { currentLocale, type Locale, localeNames, setLocale } from '../i18n/index.ts';
import { contractValidator } from '../ui/forms.ts';
import { problemMessage } from '../ui/problem.tsx';
import { markLocaleApplied, sessionQuery } from './session.ts';

type Values = { email: string; password: string };

/** Sign in with email and password; wrong credentials, lockout and throttling each get a clear message. */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = currentLocale();
  // A language picked on this page wins for the session over the one saved in the user's profile.
  const [chosen, setChosen] = useState<Locale | null>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: contractValidator(signInBody, (v: Values) => v),
  });

  /** Offers to save the language chosen on this page as the user's own, for the next sign-ins. */
  function offerToKeep(language: Locale) {
    const id = `keep-language-${language}`;
    const name = localeNames[language];
    notifications.show({
      id,
      autoClose: 15_000,
      title: t('signIn.keepLanguageTitle'),
      message: (
        <Stack gap={6} align="flex-start">
          <Text size="sm">{t('signIn.keepLanguage', { language: name })}</Text>
          <Button
            size="xs"
            variant="light"
            onClick={async () => {
              try {
                await api.put('/api/auth/preferences', { locale: language });
                queryClient.setQueryData(sessionQuery.queryKey, (s: SessionView | null | undefined) =>
                  s ? { ...s, user: { ...s.user, locale: language } } : s,
                );
                // Text the server writes (titles, audit summaries) comes in the saved language.
                await queryClient.invalidateQueries();
                notifications.update({
                  id,
                  title: t('signIn.keepLanguageTitle'),
                  message: t('signIn.languageKept', { language: name }),
                  autoClose: 4_000,
                });
              } catch (error) {
                notifications.show({
                  color: 'red',
                  title: t('errors.title'),
                  message: problemMessage(error, t),
                });
              }
            }}
          >
            {t('signIn.keep', { language: name })}
          </Button>
        </Stack>
      ),
    });
  }

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const session = await api.post('/api/auth/sign-in', values, sessionView);
      setCsrfToken(session.csrfToken);
      if (chosen && chosen !== session.user.locale) {
        markLocaleApplied();
        offerToKeep(chosen);
      } else {
        await setLocale(session.user.locale);
      }
      queryClient.setQueryData(sessionQuery.queryKey, session);
      const target =
        search.redirect?.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : '/';
      await navigate({ to: target });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setError({ title: t('signIn.failedTitle'), message: t('signIn.wrongCredentials') });
      } else if (e instanceof ApiError && e.status === 429) {
        const minutes = Math.max(1, Math.ceil((e.retryAfterSeconds ?? 60) / 60));
        setError({
          title: t('signIn.lockedTitle'),
          message:
            e.kind === 'too-many-requests' ? t('signIn.locked', { count: minutes }) : t('signIn.throttled'),
        });
      } else {
        setError({ title: t('errors.title'), message: problemMessage(e, t) });
      }
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={400} gap="lg">
        <Group justify="center" gap="sm">
          <ThemeIcon size={44} radius="md">
            <IconShieldCheck size={28} />
          </ThemeIcon>
          <div>
            <Title order={2} lh={1.1}>
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('signIn.title')}>
            <Stack gap="md">
              <Title order={3}>{t('signIn.title')}</Title>
              {error && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} title={error.title} role="alert">
                  {error.message}
                </Alert>
              )}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                data-autofocus
                autoFocus
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={busy} leftSection={<IconLock size={16} />} fullWidth>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" gap="md">
          {(Object.keys(localeNames) as Locale[]).map((l) => (
            <Anchor
              key={l}
              component="button"
              type="button"
              size="sm"
              lang={l}
              fw={l === locale ? 700 : 400}
              c={l === locale ? undefined : 'dimmed'}
              onClick={() => {
                setChosen(l);
                void setLocale(l);
              }}
            >
              {localeNames[l]}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Center>
  );
}

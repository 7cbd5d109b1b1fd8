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
import { IconAlertTriangle, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionView, signInBody } from '../../../../server/platform/auth/contract.ts';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { currentLocale, type Locale, setLocale } from '../i18n/index.ts';
import { localeNames } from '../shell/UserMenu.tsx';
import { contractValidator } from '../ui/forms.ts';
import { problemMessage } from '../ui/problem.tsx';
import { sessionQuery } from './session.ts';

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

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: contractValidator(signInBody, (v: Values) => v),
  });

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const session = await api.post('/api/auth/sign-in', values, sessionView);
      setCsrfToken(session.csrfToken);
      await setLocale(session.user.locale);
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
              onClick={() => void setLocale(l)}
            >
              {localeNames[l]}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Center>
  );
}

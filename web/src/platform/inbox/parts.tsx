import { Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  notificationPreferences,
  notificationView as notificationSchema,
  type notificationView,
  unreadCount,
} from '#shared/platform/notify/contract.ts';
import { api } from '../api/client.ts';
import { putJson, useCsrfToken } from '../services/http.ts';
import { useWrite } from '../services/mutation.ts';
import { useInboxT } from './texts.ts';

export type Notification = z.infer<typeof notificationView>;

export const inboxKey = '/api/notifications';

/** The unread count, refreshed every minute (and after any change to the inbox). */
export function useUnreadCount() {
  return useQuery({
    queryKey: [inboxKey, 'unread-count'],
    queryFn: () => api.get('/api/notifications/unread-count', unreadCount),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkRead() {
  return useWrite((id: string) => api.post(`/api/notifications/${id}/read`, undefined, notificationSchema), {
    invalidate: [inboxKey],
  });
}

export function useMarkAllRead() {
  const t = useInboxT();
  return useWrite(
    () => api.post('/api/notifications/read-all', undefined, z.object({ updated: z.number().int() })),
    { invalidate: [inboxKey], success: (r) => t('allRead', { count: r.updated }), notifyErrors: true },
  );
}

/** "3 minutes ago", in the user's language. */
export function useAgo() {
  const { i18n } = useTranslation();
  const t = useInboxT();
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  return (iso: string) => {
    const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 45) return t('time.justNow');
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
    if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
    if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  };
}

/** The daily digest option: one email a day instead of one per reminder. */
export function DigestSwitch({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const t = useInboxT();
  const csrf = useCsrfToken();
  const prefs = useQuery({
    queryKey: [inboxKey, 'preferences'],
    queryFn: () => api.get('/api/notifications/preferences', notificationPreferences),
  });
  const save = useWrite(
    (digest: boolean) => putJson('/api/notifications/preferences', { digest }, notificationPreferences, csrf),
    { invalidate: [inboxKey], success: t('email.saved'), notifyErrors: true },
  );
  const checked = save.isPending ? !!save.variables : !!prefs.data?.digest;
  return (
    <Switch
      size={size}
      checked={checked}
      disabled={!prefs.data || save.isPending}
      onChange={(e) => save.mutate(e.currentTarget.checked)}
      label={t('email.digest')}
      description={
        <Text span size="xs" c="dimmed">
          {t('email.digestHint')}
        </Text>
      }
      data-testid="digest-switch"
    />
  );
}

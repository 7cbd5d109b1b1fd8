import { queryOptions, useQuery } from '@tanstack/react-query';
import { type SessionView, sessionView } from '#shared/platform/auth/contract.ts';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { currentLocale, setLocale } from '../i18n/index.ts';

export type Session = SessionView;

let localeApplied = false;

/** The language of this session is settled (chosen at sign-in): the saved one no longer replaces it. */
export function markLocaleApplied() {
  localeApplied = true;
}

/** The signed-in session, or null when signed out. Its CSRF token goes with every write. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api.get('/api/auth/session', sessionView);
      setCsrfToken(session.csrfToken);
      // On opening the app, the language saved on the server wins over this browser's last one.
      if (!localeApplied) {
        localeApplied = true;
        if (session.user.locale !== currentLocale()) await setLocale(session.user.locale);
      }
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken('');
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** The session inside the signed-in part of the app (the layout route guarantees it is there). */
export function useSession(): Session {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useSession outside the signed-in layout');
  return data;
}

/**
 * Whether the user holds a permission over the whole group, as the server's `access.assertGroupWide` asks of
 * changes to group records (launching or closing a portfolio review, a group setting).
 */
export function useCanGroupWide() {
  const session = useSession();
  return (permission: string) => session.groupWidePermissions.includes(permission);
}

export function useCan() {
  const session = useSession();
  return (permission: string) => session.permissions.includes(permission);
}

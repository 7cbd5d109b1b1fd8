import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorizedHandler } from './platform/api/client.ts';
import { sessionQuery } from './platform/auth/session.ts';
import { initI18n } from './platform/i18n/index.ts';
import { localizedTheme } from './platform/theme.ts';
import { createAppRouter } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
const router = createAppRouter(queryClient);

// A 401 on any call means the session ended: back to sign-in, then to the same page.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  const here = router.state.location.href;
  if (!router.state.location.pathname.startsWith('/sign-in')) {
    void router.navigate({ to: '/sign-in', search: { redirect: here } });
  }
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'mantine-color-scheme-value' });

function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => localizedTheme(t), [t]);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>
  );
}

await initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

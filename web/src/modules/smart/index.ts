import { IconAtom2 } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import { smartNavigation } from './nav.ts';
import { createSmartRoutes } from './routes.tsx';
import '#shared/modules/smart/program.ts';

/** The shop-floor monitoring program in the web app: its manifest. */
export const smartWebModule: WebModule = {
  key: 'smart',
  texts: () => import('./i18n/index.ts'),
  icon: IconAtom2,
  navigation: smartNavigation,
  createRoutes: (parent) => [...createSmartRoutes(parent)],
  sourcePages: {
    smart_alarm: () => '/smart/alarms',
  },
};

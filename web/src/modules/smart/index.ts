import { IconAtom2 } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import './i18n/index.ts';
import { smartNavigation } from './nav.ts';
import { createSmartRoutes } from './routes.tsx';
import '#shared/modules/smart/program.ts';

/** The shop-floor monitoring program in the web app: its manifest. */
export const smartWebModule: WebModule = {
  key: 'smart',
  icon: IconAtom2,
  navigation: smartNavigation,
  createRoutes: (parent) => [...createSmartRoutes(parent)],
  sourcePages: {
    smart_alarm: () => '/smart/alarms',
  },
};

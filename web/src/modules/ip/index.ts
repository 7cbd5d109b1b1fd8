import { IconCertificate } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import './i18n/index.ts';
import { ipNavigation } from './nav.ts';
import { createIpRoutes } from './routes.tsx';

/** The intellectual property program in the web app: its manifest. */
export const ipWebModule: WebModule = {
  key: 'ip',
  icon: IconCertificate,
  navigation: ipNavigation,
  createRoutes: (parent) => [...createIpRoutes(parent)],
  sourcePages: {
    ip_matter: (id) => `/ip/matters/${id}`,
    ip_trademark: () => '/ip/trademarks',
  },
  obligationKinds: [
    { kind: 'ip.priority' },
    { kind: 'ip.national_phase' },
    { kind: 'ip.annuity' },
    { kind: 'ip.trademark_renewal' },
  ],
};

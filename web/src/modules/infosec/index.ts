import { IconShieldLock } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import './i18n/index.ts';
import { infosecNavigation } from './nav.ts';
import { createInfosecRoutes } from './routes.tsx';

/** The information security program in the web app: its manifest. */
export const infosecWebModule: WebModule = {
  key: 'infosec',
  icon: IconShieldLock,
  navigation: infosecNavigation,
  createRoutes: (parent) => [...createInfosecRoutes(parent)],
  sourcePages: {
    infosec_incident: (id) => `/infosec/incidents/${id}`,
    infosec_system: () => '/infosec/systems',
  },
  obligationKinds: [
    { kind: 'infosec.report_clock' },
    { kind: 'infosec.level_review_clock' },
    { kind: 'infosec.recovery_clock' },
    { kind: 'infosec.investigation_report_clock' },
  ],
};

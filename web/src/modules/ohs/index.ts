import { IconHelmet } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import './i18n/index.ts';
import { ohsNavigation } from './nav.ts';
import { createOhsRoutes } from './routes.tsx';

/** The occupational health and safety program in the web app: its manifest. */
export const ohsWebModule: WebModule = {
  key: 'ohs',
  icon: IconHelmet,
  navigation: ohsNavigation,
  createRoutes: (parent) => [...createOhsRoutes(parent)],
  sourcePages: {
    ohs_incident: (id) => `/ohs/incidents/${id}`,
    incident: (id) => `/ohs/incidents/${id}`,
    ohs_hazard: () => '/ohs/hazards',
    health_followup: () => '/ohs/health',
    contractor_qualification: () => '/ohs/qualifications',
  },
  obligationKinds: [
    { kind: 'ohs.authority_notice' },
    { kind: 'ohs.hazard_review' },
    { kind: 'ohs.health_followup', permission: 'health.individual' },
    { kind: 'ohs.qualification_expiry' },
  ],
  reports: [
    {
      key: 'ohsBoard',
      icon: IconHelmet,
      permission: 'ohs.read',
      byYear: true,
      titleKey: 'ohs:boardReport.title',
      descriptionKey: 'ohs:boardReport.description',
      url: (format) => `/api/ohs/reports/board.${format}`,
    },
  ],
};

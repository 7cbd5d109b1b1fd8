import { IconFileAlert, IconFileCheck, IconHelmet, IconId } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import { ohsNavigation } from './nav.ts';
import { createOhsRoutes } from './routes.tsx';
import '#shared/modules/ohs/program.ts';

/** The occupational health and safety program in the web app: its manifest. */
export const ohsWebModule: WebModule = {
  key: 'ohs',
  texts: () => import('./i18n/index.ts'),
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
    {
      kind: 'ohs.authority_notice',
      name: { en: 'Notice to the labour inspection', 'zh-TW': '勞動檢查機構通報' },
    },
    { kind: 'ohs.hazard_review', name: { en: 'Risk review', 'zh-TW': '風險再評估' } },
    {
      kind: 'ohs.health_followup',
      name: { en: 'Health record review', 'zh-TW': '健康紀錄審閱' },
      permission: 'health.individual',
    },
    { kind: 'ohs.qualification_expiry', name: { en: 'Contractor qualification', 'zh-TW': '承攬商資格' } },
  ],
  homeActions: [
    {
      key: 'ohs-report',
      label: 'ohs:self.report',
      to: '/ohs/report',
      icon: IconFileAlert,
      permission: 'ohs.report',
      primary: true,
    },
    {
      key: 'ohs-my-reports',
      label: 'ohs:self.myReports',
      description: 'ohs:self.myReportsHint',
      to: '/ohs/my-reports',
      icon: IconFileCheck,
      permission: 'ohs.report',
    },
    {
      key: 'ohs-my-qualifications',
      label: 'ohs:self.myQualifications',
      description: 'ohs:self.myQualificationsHint',
      to: '/ohs/my-qualifications',
      icon: IconId,
      person: 'contractor_worker',
    },
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

import { IconSchool } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import { academiaBoardReport } from './board/report.ts';
import { academiaNavigation } from './nav.ts';
import { createAcademiaRoutes } from './routes.tsx';
import '#shared/modules/academia/program.ts';

/** The industry–academia collaboration program in the web app: its manifest. */
export const academiaWebModule: WebModule = {
  key: 'academia',
  texts: () => import('./i18n/index.ts'),
  icon: IconSchool,
  navigation: academiaNavigation,
  createRoutes: (parent) => [...createAcademiaRoutes(parent)],
  sourcePages: {
    academia_agreement: () => '/academia/agreements',
    academia_milestone: () => '/academia/projects',
  },
  obligationKinds: [
    { kind: 'academia.agreement_renewal', name: { en: 'Agreement renewal', 'zh-TW': '協議續約' } },
    { kind: 'academia.milestone', name: { en: 'Research milestone', 'zh-TW': '研究里程碑' } },
  ],
  reports: [academiaBoardReport],
};

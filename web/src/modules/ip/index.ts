import { IconCertificate } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import { ipNavigation } from './nav.ts';
import { createIpRoutes } from './routes.tsx';
import '#shared/modules/ip/program.ts';

/** The IP panels of other programs' pages (a research project's disclosures, an incident's risk cases). */
export { IncidentRiskCases, ProjectDisclosures } from './panels.tsx';

/** The intellectual property program in the web app: its manifest. */
export const ipWebModule: WebModule = {
  key: 'ip',
  texts: () => import('./i18n/index.ts'),
  icon: IconCertificate,
  navigation: ipNavigation,
  createRoutes: (parent) => [...createIpRoutes(parent)],
  sourcePages: {
    ip_matter: (id) => `/ip/matters/${id}`,
    ip_trademark: () => '/ip/trademarks',
    ip_trade_secret: () => '/ip/trade-secrets',
    ip_disclosure: (id) => `/ip/disclosures/${id}`,
    ip_licence: (id) => `/ip/licences/${id}`,
    ip_risk_case: (id) => `/ip/risk-cases/${id}`,
  },
  obligationKinds: [
    { kind: 'ip.priority', name: { en: 'Priority deadline', 'zh-TW': '優先權期限' } },
    { kind: 'ip.national_phase', name: { en: 'National phase entry', 'zh-TW': '進入國家階段' } },
    { kind: 'ip.annuity', name: { en: 'Annuity or maintenance fee', 'zh-TW': '年費或維持費' } },
    { kind: 'ip.trademark_renewal', name: { en: 'Trademark renewal', 'zh-TW': '商標延展' } },
    { kind: 'ip.office_action', name: { en: 'Office action response', 'zh-TW': '官方通知答覆' } },
    { kind: 'ip.trade_secret_review', name: { en: 'Trade secret review', 'zh-TW': '營業秘密年度檢視' } },
    { kind: 'ip.royalty_report', name: { en: 'Royalty report', 'zh-TW': '權利金報告' } },
    { kind: 'ip.keep_drop', name: { en: 'Keep-or-drop decision', 'zh-TW': '專利維持或放棄決策' } },
    { kind: 'ip.review_campaign', name: { en: 'Portfolio review', 'zh-TW': '專利盤點' } },
    { kind: 'ip.exit_interview', name: { en: 'Exit interview', 'zh-TW': '離職面談' } },
  ],
};

import { IconPresentation, IconShieldLock } from '@tabler/icons-react';
import type { WebModule } from '../../platform/modules/manifest.ts';
import { infosecNavigation } from './nav.ts';
import { createInfosecRoutes } from './routes.tsx';
import '#shared/modules/infosec/program.ts';

/** The information security program in the web app: its manifest. */
export const infosecWebModule: WebModule = {
  key: 'infosec',
  texts: () => import('./i18n/index.ts'),
  icon: IconShieldLock,
  navigation: infosecNavigation,
  createRoutes: (parent) => [...createInfosecRoutes(parent)],
  sourcePages: {
    infosec_incident: (id) => `/infosec/incidents/${id}`,
    infosec_system: () => '/infosec/systems',
    infosec_csf_assessment: (id) => `/infosec/csf/assessments/${id}`,
    infosec_csf_campaign: (id) => `/infosec/csf/campaigns/${id}`,
    infosec_finding: () => '/infosec/findings',
    infosec_membership: () => '/infosec/memberships',
    infosec_risk: () => '/infosec/risks',
  },
  auditRecordTypes: {
    infosec_csf_campaign: { en: 'NIST CSF campaign', 'zh-TW': 'NIST CSF 評鑑活動' },
    infosec_csf_assessment: { en: 'NIST CSF assessment', 'zh-TW': 'NIST CSF 成熟度評鑑' },
    infosec_csf_benchmark: { en: 'NIST CSF benchmark', 'zh-TW': 'NIST CSF 產業基準' },
    infosec_membership: { en: 'Security membership or agreement', 'zh-TW': '資安會員資格或協議' },
    infosec_risk: { en: 'Security risk', 'zh-TW': '資安風險' },
  },
  obligationKinds: [
    { kind: 'infosec.report_clock', name: { en: 'Report to the CISO office', 'zh-TW': '通報資安長辦公室' } },
    { kind: 'infosec.level_review_clock', name: { en: 'Incident level review', 'zh-TW': '事件等級審核' } },
    { kind: 'infosec.recovery_clock', name: { en: 'Damage control or recovery', 'zh-TW': '損害控制或復原' } },
    {
      kind: 'infosec.membership_renewal',
      name: { en: 'Membership or agreement renewal', 'zh-TW': '會員資格或協議續約' },
    },
    { kind: 'infosec.risk_review', name: { en: 'Security risk review', 'zh-TW': '資安風險檢視' } },
    {
      kind: 'infosec.investigation_report_clock',
      name: { en: 'Investigation report', 'zh-TW': '調查處理報告' },
    },
    {
      kind: 'infosec.board_report',
      name: { en: 'Yearly report to the Board', 'zh-TW': '年度董事會報告' },
    },
    {
      kind: 'infosec.breach_notification_clock',
      name: { en: 'Personal-data breach notification', 'zh-TW': '個資外洩通知' },
    },
    {
      kind: 'infosec.policy_acknowledgement',
      name: { en: 'Policy acknowledgement campaign', 'zh-TW': '政策簽署活動' },
    },
    {
      kind: 'infosec.supplier_follow_up_due',
      name: { en: 'Supplier follow-up evaluation', 'zh-TW': '供應商資安追蹤評核' },
    },
    { kind: 'infosec.recovery_drill_due', name: { en: 'Recovery drill', 'zh-TW': '復原演練' } },
    {
      kind: 'infosec.incident_response_drill_due',
      name: { en: 'Incident-response drill', 'zh-TW': '事件應變演練' },
    },
    {
      kind: 'infosec.phishing_training',
      name: { en: 'Training after a phishing drill', 'zh-TW': '社交工程演練後訓練' },
    },
  ],
  reports: [
    {
      key: 'infosecBoard',
      icon: IconPresentation,
      permission: 'infosec.read',
      byYear: true,
      titleKey: 'infosec:board.title',
      descriptionKey: 'infosec:board.description',
      url: (format) => `/api/infosec/board/report.${format}`,
    },
  ],
};

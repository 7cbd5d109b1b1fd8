import type { ClockName } from '#shared/modules/infosec/rules/clocks.ts';
import { type Message, mergeCatalogues, messageOf, wordsCatalogue } from '../../platform/i18n/index.ts';
import { advisoryCatalogue, advisoryWordCatalogues } from './advisories/messages.ts';
import { drillMessages } from './drills/messages.ts';
import { governanceMessages } from './governance/messages.ts';
import { materialMessages } from './material/messages.ts';
import { supplierMessages } from './suppliers/messages.ts';

/**
 * What the information security module writes on its own (the clocks' obligation titles, audit summaries), in
 * both languages: records keep the key and parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'infosec.clock.report': 'Report security incident {{reference}} to the group CISO office',
  'infosec.clock.level_review': 'Review the level of security incident {{reference}}',
  'infosec.clock.recovery': 'Control the damage of security incident {{reference}} or recover service',
  'infosec.clock.investigation_report':
    'Submit the investigation and improvement report of security incident {{reference}}',
  'infosec.clock.breach_notification':
    'Notify the data-protection authority of the personal-data breach in security incident {{reference}}',
  'infosec.audit.systemRegistered': '{{site}} {{name}}',
  'infosec.audit.incidentReported': '{{reference}}: {{title}}',
  'infosec.audit.sensitiveIncidentReported': '{{reference}}',
  'infosec.audit.levelChanged': '{{reference}}: level {{from}} → {{to}} ({{reason}})',
  'infosec.audit.classified': '{{reference}}: level {{level}}',
  'infosec.importKind.csfAnswers': 'NIST CSF assessment answers',
  'infosec.importKind.findings': 'Security findings (scanner results)',
  'infosec.audit.engagement': '{{reference}}',
  'infosec.audit.finding': '{{title}}',
  'infosec.actor.acceptanceLapse': 'Lapsed risk acceptances',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.clock.report': '將資安事件 {{reference}} 通報集團資安長辦公室',
  'infosec.clock.level_review': '審核資安事件 {{reference}} 的等級',
  'infosec.clock.recovery': '完成資安事件 {{reference}} 的損害控制或復原',
  'infosec.clock.investigation_report': '提交資安事件 {{reference}} 的調查、處理及改善報告',
  'infosec.clock.breach_notification': '就資安事件 {{reference}} 的個資外洩通知個資保護主管機關',
  'infosec.audit.systemRegistered': '{{site}} {{name}}',
  'infosec.audit.incidentReported': '{{reference}}：{{title}}',
  'infosec.audit.sensitiveIncidentReported': '{{reference}}',
  'infosec.audit.levelChanged': '{{reference}}：等級 {{from}} → {{to}}（{{reason}}）',
  'infosec.audit.classified': '{{reference}}：第{{level}}級',
  'infosec.importKind.csfAnswers': 'NIST CSF 評估答案',
  'infosec.importKind.findings': '資安發現事項（掃描結果）',
  'infosec.audit.engagement': '{{reference}}',
  'infosec.audit.finding': '{{title}}',
  'infosec.actor.acceptanceLapse': '風險接受期滿',
};

/** The names of the clocks' obligation kinds (`infosec.obligationKind.<clock>_clock`). */
const kindNames = wordsCatalogue('infosec.obligationKind', {
  report_clock: ['report to the CISO office', '通報資安長辦公室'],
  level_review_clock: ['incident level review', '事件等級審核'],
  recovery_clock: ['damage control or recovery', '損害控制或復原'],
  investigation_report_clock: ['investigation report', '調查處理報告'],
  breach_notification_clock: ['personal-data breach notification', '個資外洩通知'],
});

/** The words of the module's enumerations, for exports and documents (`infosec.<enumeration>.<code>`). */
const words = {
  'infosec.domain': { it: ['IT', 'IT'], ot: ['OT', 'OT'] },
  'infosec.criticality': {
    low: ['low', '低'],
    medium: ['medium', '中'],
    high: ['high', '高'],
    critical: ['critical', '關鍵'],
  },
  'infosec.incidentStatus': {
    reported: ['reported', '已通報'],
    triaged: ['triaged', '已分級'],
    contained: ['contained', '已控制'],
    recovered: ['recovered', '已復原'],
    closed: ['closed', '已結案'],
  },
  'infosec.severity': {
    none: ['none', '無'],
    low: ['low', '低'],
    medium: ['medium', '中'],
    high: ['high', '高'],
    critical: ['critical', '嚴重'],
  },
  'infosec.findingStatus': {
    open: ['open', '未結'],
    accepted: ['risk accepted', '風險接受'],
    closed: ['closed', '已結案'],
  },
  'infosec.engagementKind': {
    audit: ['audit', '稽核'],
    vulnerability_scan: ['vulnerability scan', '弱點掃描'],
    penetration_test: ['penetration test', '滲透測試'],
    ot_assessment: ['OT assessment', 'OT 評估'],
  },
} as const;

export const infosecMessages = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  kindNames,
  drillMessages,
  supplierMessages,
  materialMessages,
  governanceMessages,
  advisoryCatalogue,
  ...advisoryWordCatalogues,
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The word of one of the module's enumerations. */
export function infosecWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

export const infosecMessage = messageOf({ en });

export function clockTitle(clock: ClockName, reference: string) {
  return infosecMessage(`infosec.clock.${clock}`, { reference });
}

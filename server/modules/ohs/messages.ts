import { messageOf } from '../../platform/i18n/index.ts';
import { qualificationKinds } from './contract-work.ts';

/**
 * What the OHS module writes on its own (obligation titles, action descriptions), in both languages: records
 * keep the key and parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'ohs.obligation.hazardReview': 'Review the risk of "{{hazard}}" ({{activity}})',
  'ohs.obligation.healthReview': 'Health record review',
  'ohs.obligation.qualificationExpiry': '{{worker}}: {{kind}} qualification expires',
  'ohs.obligation.authorityNotice': 'Notify the labour authority of {{reference}} within {{hours}} hours',
  'ohs.action.fromInvestigation': 'From the investigation of {{reference}}: {{cause}}.',
  'ohs.qualificationKind.safety_induction': 'safety induction',
  'ohs.qualificationKind.pipeline_work': 'pipeline work',
  'ohs.qualificationKind.hot_work': 'hot work',
  'ohs.qualificationKind.confined_space': 'confined space',
  'ohs.qualificationKind.electrical': 'electrical',
  'ohs.qualificationKind.crane_operation': 'crane operation',
  'ohs.qualificationKind.elevated_work': 'work at height',
  'ohs.qualificationKind.chemical_handling': 'chemical handling',
  'ohs.qualificationKind.first_aid': 'first aid',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'ohs.obligation.hazardReview': '複查「{{hazard}}」（{{activity}}）的風險',
  'ohs.obligation.healthReview': '健康紀錄複查',
  'ohs.obligation.qualificationExpiry': '{{worker}}：{{kind}}資格到期',
  'ohs.obligation.authorityNotice': '於 {{hours}} 小時內向勞動檢查機構通報 {{reference}}',
  'ohs.action.fromInvestigation': '來自 {{reference}} 的事故調查：{{cause}}。',
  'ohs.qualificationKind.safety_induction': '安全教育訓練',
  'ohs.qualificationKind.pipeline_work': '管線作業',
  'ohs.qualificationKind.hot_work': '動火作業',
  'ohs.qualificationKind.confined_space': '局限空間作業',
  'ohs.qualificationKind.electrical': '電氣作業',
  'ohs.qualificationKind.crane_operation': '吊車操作',
  'ohs.qualificationKind.elevated_work': '高處作業',
  'ohs.qualificationKind.chemical_handling': '化學品處理',
  'ohs.qualificationKind.first_aid': '急救',
};

export const ohsMessages = { en, 'zh-TW': zhTW };

export const ohsMessage = messageOf({ en });

/** The name of a contractor qualification's kind, as a message. */
export function qualificationKindName(kind: string) {
  return ohsMessage(
    `ohs.qualificationKind.${kind}` as `ohs.qualificationKind.${(typeof qualificationKinds)[number]}`,
  );
}

/** Every qualification kind has a name (checked by the catalogue test). */
export const qualificationKindKeys = qualificationKinds.map((k) => `ohs.qualificationKind.${k}`);

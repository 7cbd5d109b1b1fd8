import { qualificationKinds } from '#shared/modules/ohs/qualifications/contract.ts';
import {
  type Message,
  type MessageCatalogue,
  mergeCatalogues,
  messageOf,
  registerMessages,
  wordsCatalogue,
} from '../../platform/i18n/index.ts';

/**
 * What the OHS module writes on its own (obligation titles, action descriptions, audit summaries), in both
 * languages: records keep the key and parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'ohs.obligation.hazardReview': 'Review the risk of "{{hazard}}" ({{activity}})',
  'ohs.obligation.healthReview': 'Health record review',
  'ohs.obligation.qualificationExpiry': '{{worker}}: {{kind}} qualification expires',
  'ohs.obligation.authorityNotice': 'Notify the labour authority of {{reference}} within {{hours}} hours',
  'ohs.action.fromInvestigation': 'From the investigation of {{reference}}: {{cause}}.',
  'ohs.audit.incidentReported': '{{reference}} {{kind}}: {{title}}',
  'ohs.audit.investigationOpened': 'Investigation of {{reference}} opened',
  'ohs.audit.investigationClosed': 'Investigation of {{reference}} closed',
  'ohs.audit.permitRequested': '{{reference}}: {{type}} permit requested',
  'ohs.audit.permitStep': '{{reference}}: {{from}} → {{to}}',
  'ohs.audit.permitExpired': '{{reference}} expired at the end of its period',
  'ohs.audit.participations': 'Participations on {{date}}: {{count, number}}',
  'ohs.audit.qualificationAdded': '{{kind}} qualification {{number}}',
  'ohs.importKind.hours': 'Hours worked',
  'ohs.actor.permitExpiry': 'Permit expiry',
  'ohs.committee.workerRepresentation':
    'Employee representatives hold {{reps, number}} of {{seats, number}} seats; an OHS committee needs at least one third.',
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
  'ohs.audit.incidentReported': '{{reference}} {{kind}}：{{title}}',
  'ohs.audit.investigationOpened': '{{reference}} 的事故調查已開始',
  'ohs.audit.investigationClosed': '{{reference}} 的事故調查已結案',
  'ohs.audit.permitRequested': '{{reference}}：申請{{type}}許可',
  'ohs.audit.permitStep': '{{reference}}：{{from}} → {{to}}',
  'ohs.audit.permitExpired': '{{reference}} 已於許可期間屆滿時逾期',
  'ohs.audit.participations': '{{date}} 參與 {{count, number}} 人次',
  'ohs.audit.qualificationAdded': '{{kind}}資格 {{number}}',
  'ohs.importKind.hours': '工時',
  'ohs.actor.permitExpiry': '許可證到期處理',
  'ohs.committee.workerRepresentation':
    '勞工代表占 {{seats, number}} 席中的 {{reps, number}} 席；職業安全衛生委員會的勞工代表應占三分之一以上。',
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

/** The words of OHS enumerations, shown in exports and reports instead of their codes. */
const words = {
  'ohs.incidentKind': {
    injury: ['injury', '傷害'],
    illness: ['illness', '疾病'],
    near_miss: ['near miss', '虛驚事件'],
    unsafe_condition: ['hazard (unsafe condition)', '危害（不安全狀況）'],
  },
  'ohs.investigationStatus': {
    draft: ['draft', '草稿'],
    investigating: ['investigating', '調查中'],
    review: ['in review', '審查中'],
    closed: ['closed', '已結案'],
  },
  'ohs.riskLevel': {
    low: ['low', '低'],
    medium: ['medium', '中'],
    high: ['high', '高'],
    critical: ['critical', '極高'],
  },
  'ohs.controlType': {
    elimination: ['elimination', '消除'],
    substitution: ['substitution', '取代'],
    engineering: ['engineering control', '工程控制'],
    administrative: ['administrative control', '管理控制'],
    ppe: ['personal protective equipment', '個人防護具'],
  },
  'ohs.injuryType': {
    cut: ['cut or laceration', '割傷或撕裂傷'],
    bruise: ['bruise', '挫傷'],
    fracture: ['fracture', '骨折'],
    sprain: ['sprain or strain', '扭傷或拉傷'],
    burn: ['burn', '燒燙傷'],
    chemical_burn: ['chemical burn', '化學灼傷'],
    crush: ['crush', '壓傷'],
    amputation: ['amputation', '截肢'],
    electric_shock: ['electric shock', '感電'],
    inhalation: ['inhalation', '吸入'],
    eye_injury: ['eye injury', '眼睛傷害'],
    hearing_loss: ['hearing loss', '聽力損失'],
    fall: ['fall', '跌倒或墜落'],
    struck_by: ['struck by an object', '物體撞擊'],
    caught_in: ['caught in or between', '被夾或被捲'],
    other: ['other', '其他'],
  },
  'ohs.wellbeingKind': {
    clinic: ['clinic', '診所'],
    counselling: ['counselling', '諮商'],
    gym: ['gym', '健身房'],
    club: ['club', '社團'],
    group_course: ['group course', '團體課程'],
    counsellor_training: ['counsellor training', '輔導員培訓'],
    other: ['other', '其他'],
  },
  'ohs.permitType': {
    pipeline: ['pipeline work', '管線作業'],
    hot_work: ['hot work', '動火作業'],
    confined_space: ['confined space', '局限空間作業'],
    live_line_electrical: ['live-line electrical', '活線電氣作業'],
    crane: ['crane lifting', '吊掛作業'],
    elevated_work: ['work at height', '高處作業'],
    chemical_filling: ['chemical filling', '化學品填充作業'],
    roof_work: ['roof work', '屋頂作業'],
  },
  'ohs.permitStatus': {
    requested: ['requested', '已申請'],
    approved: ['approved', '已核准'],
    isolations_verified: ['isolations verified', '隔離已確認'],
    gas_test_passed: ['gas test passed', '氣體測定合格'],
    issued: ['issued', '已核發'],
    active: ['active', '作業中'],
    suspended: ['suspended', '暫停'],
    completed: ['completed', '已完工'],
    closed: ['closed', '已結案'],
    rejected: ['rejected', '已退件'],
    expired: ['expired', '已逾期'],
    cancelled: ['cancelled', '已取消'],
  },
  'ohs.obligationKind': {
    authority_notice: ['notice to the labour authority', '勞動檢查機構通報'],
    hazard_review: ['risk review', '風險再評估'],
    health_followup: ['health record review', '健康紀錄審閱'],
    qualification_expiry: ['qualification expiry', '資格到期'],
  },
} as const;

export const ohsMessages: MessageCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The word of one of the OHS enumerations (`ohs.<enumeration>.<code>`). */
export function ohsWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

export const ohsMessage = messageOf({ en });

/** The name of a contractor qualification's kind, as a message. */
export function qualificationKindName(kind: string) {
  return ohsMessage(
    `ohs.qualificationKind.${kind}` as `ohs.qualificationKind.${(typeof qualificationKinds)[number]}`,
  );
}

/** Every qualification kind has a name (checked by the catalogue test). */
export const qualificationKindKeys = qualificationKinds.map((k) => `ohs.qualificationKind.${k}`);

// Also registered at import: pure code (the Board report, the demo) renders these without an installed app.
registerMessages('ohs', ohsMessages);

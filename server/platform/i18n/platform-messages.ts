import {
  type Message,
  type MessageCatalogue,
  type MessageParam,
  mergeCatalogues,
  wordsCatalogue,
} from './message.ts';

/** The platform's own messages: what the shared registries (certificates, meetings, actions) write. */
const en = {
  'platform.certification.renew': 'Renew {{standard}} certificate of {{holder}}',
  'platform.meeting.minutes': 'Minutes of {{committee}}: {{meeting}}',
  'platform.action.due': 'Action: {{title}}',
  'platform.action.fromDecision': 'Decision {{seq}} of {{committee}}, {{meeting}} ({{date}}): {{text}}',
  'platform.calendar.due': 'Due {{date}}',
  'platform.calendar.dueWithGrace': 'Due {{date}} (grace {{days}} days)',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'platform.certification.renew': '更新 {{holder}} 的 {{standard}} 證書',
  'platform.meeting.minutes': '{{committee}}會議紀錄：{{meeting}}',
  'platform.action.due': '改善措施：{{title}}',
  'platform.action.fromDecision': '{{committee}}「{{meeting}}」（{{date}}）第 {{seq}} 號決議：{{text}}',
  'platform.calendar.due': '到期日 {{date}}',
  'platform.calendar.dueWithGrace': '到期日 {{date}}（寬限 {{days}} 天）',
};

/** The words of the platform's enumerations, shown in exports instead of their codes. */
const words = {
  'platform.yesNo': { yes: ['yes', '是'], no: ['no', '否'] },
  'platform.actionStatus': {
    open: ['open', '待處理'],
    in_progress: ['in progress', '進行中'],
    done: ['done', '已完成'],
    verified: ['verified effective', '已確認有效'],
  },
  'platform.actionKind': {
    corrective: ['corrective', '矯正'],
    preventive: ['preventive', '預防'],
    improvement: ['improvement', '改善'],
  },
  'platform.program': {
    ip: ['intellectual property', '智慧財產'],
    infosec: ['information security', '資訊安全'],
    ohs: ['occupational health and safety', '職業安全衛生'],
    academia: ['industry–academia', '產學合作'],
    smart: ['shop-floor monitoring', '現場監控'],
  },
  'platform.calendarState': {
    overdue: ['overdue', '已逾期'],
    'due-soon': ['due soon', '即將到期'],
    upcoming: ['upcoming', '尚未到期'],
    done: ['done', '已完成'],
    cancelled: ['cancelled', '已取消'],
  },
  'platform.obligationKind': {
    'certification.renewal': ['certificate renewal', '證書換證'],
    'action.due': ['action', '改善行動'],
    'meeting.minutes': ['meeting minutes', '會議紀錄'],
  },
  'platform.certificationStatus': {
    valid: ['valid', '有效'],
    expiring: ['expiring', '即將到期'],
    expired: ['expired', '已過期'],
    'renewal-in-progress': ['renewal in progress', '換證中'],
    superseded: ['superseded', '已被取代'],
  },
  'platform.siteKind': {
    manufacturing: ['manufacturing', '製造'],
    materials: ['materials', '材料'],
    office: ['office', '辦公室'],
    warehouse: ['warehouse', '倉庫'],
    research: ['research', '研發'],
  },
  // The words the training import reads back (server/platform/training/rules/completion.ts).
  'platform.trainingResult': {
    passed: ['passed', '通過'],
    failed: ['failed', '未通過'],
    attended: ['attended', '出席'],
  },
} as const;

export const platformMessages: MessageCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The word of one of the platform's enumerations (`platform.<enumeration>.<code>`). */
export function platformWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

/** Yes or no, in the reader's language. */
export const yesNo = (value: boolean): Message => platformWord('platform.yesNo', value ? 'yes' : 'no');

/** A message of a catalogue, its key checked by the compiler. */
export function messageOf<K extends string>(_catalogue: { en: Record<K, string> }) {
  return (key: K, params?: Record<string, MessageParam>): Message => (params ? { key, params } : { key });
}

export const platformMessage = messageOf({ en });

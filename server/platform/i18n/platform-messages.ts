import {
  type Message,
  type MessageCatalogue,
  type MessageParam,
  mergeCatalogues,
  wordsCatalogue,
} from './message.ts';

/**
 * The platform's own messages: what the shared registries (certificates, meetings, actions) write, and the
 * summaries of the platform's audit events (`platform.audit.<what>`: the event's facts as parameters).
 */
const en = {
  'platform.certification.renew': 'Renew {{standard}} certificate of {{holder}}',
  'platform.meeting.minutes': 'Minutes of {{committee}}: {{meeting}}',
  'platform.action.due': 'Action: {{title}}',
  'platform.action.fromDecision': 'Decision {{seq}} of {{committee}}, {{meeting}} ({{date}}): {{text}}',
  'platform.calendar.due': 'Due {{date}}',
  'platform.calendar.dueWithGrace': 'Due {{date}} (grace {{days}} days)',
  'platform.audit.signInLocked':
    'Locked for {{minutes, number}} minutes after {{failures, number}} failed sign-ins',
  'platform.audit.quorumMet': 'Quorum met: {{present}} of {{members}} members present',
  'platform.audit.quorumShort': 'No quorum: {{present}} of {{members}} members present, {{required}} needed',
  'platform.audit.quorumChairAbsent':
    'No quorum: the chair is not present ({{present}} of {{members}} members present, {{required}} needed)',
  'platform.audit.quorumNoChair':
    'No quorum: the committee has no chair ({{present}} of {{members}} members present, {{required}} needed)',
  'platform.audit.quorumNoMembers': 'No quorum: the meeting has no members on its roster',
  'platform.audit.importCommitted':
    '{{kind}}: {{rows, number}} rows from {{file}} ({{inserted, number}} new)',
  'platform.audit.documentAttached': '{{file}} attached',
  'platform.audit.documentRemoved': '{{file}} removed',
  'platform.audit.demoLoaded':
    'Demo dataset loaded: {{sites, number}} sites, {{employees, number}} employees, {{contractorWorkers, number}} contractor workers',
  'platform.audit.fieldsRemoved':
    'Personal data removed from {{events, number}} event(s); the chain was hashed again from event {{fromSeq, number}}',
  'platform.importKind.employees': 'Employees',
  'platform.importKind.trainingCompletions': 'Training completions',
  'platform.actor.system': 'System',
  'platform.committee.noChair': 'The committee has no chair.',
  'platform.committee.noSecretary': 'The committee has no secretary to record the minutes.',
  'platform.actor.signInThrottle': 'Sign-in throttle',
  'platform.actor.demo': 'Demo dataset',
  'platform.actor.createUser': 'Set-up command',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'platform.certification.renew': '更新 {{holder}} 的 {{standard}} 證書',
  'platform.meeting.minutes': '{{committee}}會議紀錄：{{meeting}}',
  'platform.action.due': '改善措施：{{title}}',
  'platform.action.fromDecision': '{{committee}}「{{meeting}}」（{{date}}）第 {{seq}} 號決議：{{text}}',
  'platform.calendar.due': '到期日 {{date}}',
  'platform.calendar.dueWithGrace': '到期日 {{date}}（寬限 {{days}} 天）',
  'platform.audit.signInLocked': '登入失敗 {{failures, number}} 次，鎖定 {{minutes, number}} 分鐘',
  'platform.audit.quorumMet': '已達法定人數：{{members}} 人中 {{present}} 人出席',
  'platform.audit.quorumShort': '未達法定人數：{{members}} 人中 {{present}} 人出席，需 {{required}} 人',
  'platform.audit.quorumChairAbsent':
    '未達法定人數：主任委員未出席（{{members}} 人中 {{present}} 人出席，需 {{required}} 人）',
  'platform.audit.quorumNoChair':
    '未達法定人數：委員會尚無主任委員（{{members}} 人中 {{present}} 人出席，需 {{required}} 人）',
  'platform.audit.quorumNoMembers': '未達法定人數：會議名單上沒有成員',
  'platform.audit.importCommitted':
    '{{kind}}：自 {{file}} 匯入 {{rows, number}} 列（新增 {{inserted, number}} 列）',
  'platform.audit.documentAttached': '已附加檔案 {{file}}',
  'platform.audit.documentRemoved': '已移除檔案 {{file}}',
  'platform.audit.demoLoaded':
    '已載入示範資料：{{sites, number}} 個廠區、{{employees, number}} 名員工、{{contractorWorkers, number}} 名承攬商人員',
  'platform.audit.fieldsRemoved':
    '已自 {{events, number}} 筆事件移除個人資料；本鏈自第 {{fromSeq, number}} 筆事件起重新計算雜湊',
  'platform.importKind.employees': '員工',
  'platform.importKind.trainingCompletions': '訓練紀錄',
  'platform.actor.system': '系統',
  'platform.committee.noChair': '委員會尚無主任委員。',
  'platform.committee.noSecretary': '委員會尚無負責會議紀錄的執行秘書。',
  'platform.actor.signInThrottle': '登入失敗鎖定',
  'platform.actor.demo': '示範資料',
  'platform.actor.createUser': '設定指令',
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
  'platform.calendarDayKind': {
    public_holiday: ['public holiday', '國定假日'],
    day_off: ['day off', '補假/調整放假'],
    closure: ['site closure', '廠區停工'],
    working_day: ['make-up working day', '補行上班'],
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

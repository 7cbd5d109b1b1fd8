import { useTranslation } from 'react-i18next';
import { webModules } from '../modules/manifest.ts';
import { defineTexts, useTexts, useTextsLabel } from '../services/i18n.ts';

const en = {
  mine: {
    title: 'My obligations',
    description:
      'Everything that falls due for you across the programs: certificate renewals, actions, meeting minutes, notices. Complete what is done, or hand it to a colleague.',
  },
  scope: {
    title: 'Site calendar',
    description:
      'The obligations of the sites in your scope, or of the whole group: what is overdue, what falls due soon, and what was done.',
  },
  states: {
    all: 'All',
    open: 'Open',
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    upcoming: 'Upcoming',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  summary: {
    overdue: 'Overdue',
    'due-soon': 'Due within 30 days',
    upcoming: 'Later',
    done: 'Done',
  },
  kinds: {
    certification: { renewal: 'Certificate renewal' },
    action: { due: 'Action' },
    meeting: { minutes: 'Meeting minutes' },
  },
  columns: {
    title: 'Obligation',
    kind: 'Kind',
    site: 'Site',
    owner: 'Owner',
    due: 'Due',
    left: 'Time left',
    state: 'State',
  },
  filters: {
    state: 'State',
    kind: 'Kind',
    anyKind: 'Any kind',
    site: 'Site',
  },
  views: {
    label: 'Show as',
    list: 'List',
    calendar: 'Calendar',
  },
  calendar: {
    label: 'Obligations of {{month}}',
    previous: 'Previous month',
    next: 'Next month',
    today: 'This month',
    more_one: '+{{count}} more',
    more_other: '+{{count}} more',
    dayTitle: 'Due on {{date}}',
    truncated:
      'Only the first {{count}} obligations of the month are shown: narrow the filters to see the others.',
  },
  actions: {
    complete: 'Mark done',
    completeTitle: 'Mark this obligation done?',
    completeBody: '“{{title}}” will leave the list of open obligations, and its reminders stop.',
    completed: 'Marked done.',
    delegate: 'Delegate',
    delegateTitle: 'Hand this obligation to a colleague',
    delegateHint: 'Reminders then go to them. You, as the owner, can take it back at any time.',
    delegateTo: 'Delegate to',
    delegated: 'Delegated to {{name}}.',
    takeBack: 'Take back',
    takenBack: 'The obligation is yours again.',
    openSource: 'Open the record',
  },
  detail: {
    title: 'Obligation',
    crumb: 'Obligations',
    kind: 'Kind',
    site: 'Site',
    groupWide: 'Group-wide',
    owner: 'Owner',
    delegate: 'Delegated to',
    due: 'Due',
    dueAt: 'Due at {{time}}',
    grace_one: 'Grace period of {{count}} day after the due date',
    grace_other: 'Grace period of {{count}} days after the due date',
    state: 'State',
    doneAt: 'Done on {{date}}',
    escalated: 'Escalated to the site officers on {{date}}',
    source: 'Source record',
  },
  feed: {
    button: 'Calendar feed',
    title: 'Your private calendar feed',
    explain:
      'Subscribe to this address in Outlook, Google Calendar or Apple Calendar to see your obligations there. The address is your key: do not share it.',
    create: 'Create the feed address',
    replace: 'Create a new address',
    replaceWarning: 'A new address stops the old one from working.',
    url: 'Feed address',
    created: 'The feed address is ready. Copy it into your calendar application.',
  },
  empty: {
    mine: 'Nothing falls due for you.',
    mineHint: 'When a certificate, an action or a meeting needs you, it shows here.',
    scope: 'No obligations at these sites.',
  },
};

const zhTW = {
  mine: {
    title: '我的待辦事項',
    description:
      '各計畫中由您負責的到期事項：證書換證、改善行動、會議紀錄、通報等。完成後標記為已完成，或轉交同事處理。',
  },
  scope: {
    title: '廠區行事曆',
    description: '您權限範圍內各廠區（或全集團）的待辦事項：已逾期、即將到期與已完成的項目。',
  },
  states: {
    all: '全部',
    open: '未完成',
    overdue: '已逾期',
    'due-soon': '即將到期',
    upcoming: '尚未到期',
    done: '已完成',
    cancelled: '已取消',
  },
  summary: {
    overdue: '已逾期',
    'due-soon': '30 天內到期',
    upcoming: '較晚到期',
    done: '已完成',
  },
  kinds: {
    certification: { renewal: '證書換證' },
    action: { due: '改善行動' },
    meeting: { minutes: '會議紀錄' },
  },
  columns: {
    title: '待辦事項',
    kind: '類型',
    site: '廠區',
    owner: '負責人',
    due: '到期日',
    left: '剩餘時間',
    state: '狀態',
  },
  filters: {
    state: '狀態',
    kind: '類型',
    anyKind: '任何類型',
    site: '廠區',
  },
  views: {
    label: '檢視方式',
    list: '清單',
    calendar: '月曆',
  },
  calendar: {
    label: '{{month}}的待辦事項',
    previous: '上個月',
    next: '下個月',
    today: '本月',
    more_one: '另有 {{count}} 項',
    more_other: '另有 {{count}} 項',
    dayTitle: '{{date}} 到期',
    truncated: '僅顯示本月前 {{count}} 項待辦事項：請縮小篩選條件以查看其他項目。',
  },
  actions: {
    complete: '標記完成',
    completeTitle: '將此事項標記為已完成？',
    completeBody: '「{{title}}」將移出未完成清單，提醒也會停止。',
    completed: '已標記完成。',
    delegate: '轉交',
    delegateTitle: '將此事項轉交同事',
    delegateHint: '之後的提醒會寄給對方。您身為負責人，可隨時收回。',
    delegateTo: '轉交給',
    delegated: '已轉交給 {{name}}。',
    takeBack: '收回',
    takenBack: '此事項已回到您手上。',
    openSource: '開啟來源紀錄',
  },
  detail: {
    title: '待辦事項',
    crumb: '待辦事項',
    kind: '類型',
    site: '廠區',
    groupWide: '全集團',
    owner: '負責人',
    delegate: '已轉交給',
    due: '到期日',
    dueAt: '於 {{time}} 到期',
    grace_one: '到期後有 {{count}} 天寬限期',
    grace_other: '到期後有 {{count}} 天寬限期',
    state: '狀態',
    doneAt: '於 {{date}} 完成',
    escalated: '已於 {{date}} 升級通知廠區負責人',
    source: '來源紀錄',
  },
  feed: {
    button: '行事曆訂閱',
    title: '您的私人行事曆訂閱',
    explain:
      '在 Outlook、Google 日曆或 Apple 行事曆中訂閱此網址，即可在其中看到您的待辦事項。此網址等同您的鑰匙，請勿分享。',
    create: '建立訂閱網址',
    replace: '建立新的網址',
    replaceWarning: '建立新網址後，舊網址將失效。',
    url: '訂閱網址',
    created: '訂閱網址已建立。請複製到您的行事曆應用程式。',
  },
  empty: {
    mine: '目前沒有您需要處理的到期事項。',
    mineHint: '當證書、改善行動或會議需要您處理時，會顯示在這裡。',
    scope: '這些廠區沒有待辦事項。',
  },
};

export const obligationsTexts = defineTexts('obligations', en, zhTW);
export const useObligationsT = () => useTexts(obligationsTexts);
export const useObligationsLabel = () => useTextsLabel(obligationsTexts);

/** An obligation kind's name: the platform's own, or the one its module's manifest gives, in the reader's language. */
export function useObligationKindName() {
  const label = useObligationsLabel();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'zh-TW' ? 'zh-TW' : 'en';
  const named = new Map(
    webModules().flatMap((m) => (m.obligationKinds ?? []).map((k) => [k.kind, k.name[locale]] as const)),
  );
  return (kind: string) => named.get(kind) ?? label('kinds', kind);
}

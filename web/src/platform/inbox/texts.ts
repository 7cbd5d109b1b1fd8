import { defineTexts, useTexts, useTextsLabel } from '../services/i18n.ts';

const en = {
  title: 'Inbox',
  description:
    'Reminders of what falls due, escalations of what is overdue, and other news for you. Email follows your choice below.',
  bell: {
    label_one: 'Notifications: {{count}} unread',
    label_other: 'Notifications: {{count}} unread',
    labelNone: 'Notifications',
    heading: 'Notifications',
    openInbox: 'Open the inbox',
    empty: 'No notifications yet.',
  },
  filter: {
    label: 'Show',
    all: 'All',
    unread: 'Unread',
  },
  columns: {
    notification: 'Notification',
    kind: 'Kind',
    received: 'Received',
  },
  kinds: {
    reminder: 'Reminder',
    escalation: 'Escalation',
    digest: 'Digest',
    notice: 'Notice',
  },
  unread: 'Unread',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  allRead_one: '{{count}} notification marked read.',
  allRead_other: '{{count}} notifications marked read.',
  open: 'Open',
  empty: 'Your inbox is empty.',
  emptyHint: 'Reminders appear here as obligations fall due.',
  email: {
    title: 'Email',
    digest: 'One daily digest instead of an email for each reminder',
    digestHint:
      'Reminders and escalations then come together in one email a day. This inbox always shows them at once.',
    saved: 'Your email preference is saved.',
  },
  time: {
    justNow: 'just now',
  },
};

const zhTW = {
  title: '通知收件匣',
  description: '到期事項的提醒、逾期事項的升級通知，以及其他與您相關的消息。電子郵件依您在下方的選擇寄送。',
  bell: {
    label_one: '通知：{{count}} 則未讀',
    label_other: '通知：{{count}} 則未讀',
    labelNone: '通知',
    heading: '通知',
    openInbox: '開啟收件匣',
    empty: '尚無通知。',
  },
  filter: {
    label: '顯示',
    all: '全部',
    unread: '未讀',
  },
  columns: {
    notification: '通知',
    kind: '類型',
    received: '收到時間',
  },
  kinds: {
    reminder: '提醒',
    escalation: '升級通知',
    digest: '摘要',
    notice: '通知',
  },
  unread: '未讀',
  markRead: '標為已讀',
  markAllRead: '全部標為已讀',
  allRead_one: '已將 {{count}} 則通知標為已讀。',
  allRead_other: '已將 {{count}} 則通知標為已讀。',
  open: '開啟',
  empty: '收件匣是空的。',
  emptyHint: '事項到期時，提醒會顯示在這裡。',
  email: {
    title: '電子郵件',
    digest: '每天寄一封摘要，而非每則提醒各寄一封',
    digestHint: '提醒與升級通知將合併為每天一封電子郵件寄送。此收件匣則會立即顯示所有通知。',
    saved: '已儲存您的電子郵件偏好。',
  },
  time: {
    justNow: '剛剛',
  },
};

export const inboxTexts = defineTexts('inbox', en, zhTW);
export const useInboxT = () => useTexts(inboxTexts);
export const useInboxLabel = () => useTextsLabel(inboxTexts);

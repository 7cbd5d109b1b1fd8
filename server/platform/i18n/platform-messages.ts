import type { Message, MessageCatalogue, MessageParam } from './message.ts';

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

export const platformMessages: MessageCatalogue = { en, 'zh-TW': zhTW };

/** A message of a catalogue, its key checked by the compiler. */
export function messageOf<K extends string>(_catalogue: { en: Record<K, string> }) {
  return (key: K, params?: Record<string, MessageParam>): Message => (params ? { key, params } : { key });
}

export const platformMessage = messageOf({ en });

import { mergeCatalogues, messageOf, word, wordsCatalogue } from '../../platform/i18n/index.ts';
import type { AlarmCondition } from './rules/detect.ts';

/**
 * What the monitoring module writes on its own (alarm titles, audit summaries), in both languages: records
 * keep codes, or keys and parameters, and the reader sees the words of their language (server/platform/i18n).
 */
const en = {
  'smart.alarm.title': '{{condition}}: {{sensor}}',
  'smart.audit.sensorRegistered': '{{site}} {{tag}} {{name}}',
  'smart.audit.nearMissReported': 'Reported to OHS as {{reference}}: {{condition}} on {{sensor}}',
  'smart.notice.raised': 'Alarm at {{site}}: {{title}} ({{value}} {{unit}})',
  'smart.notice.escalated': 'Unacknowledged alarm at {{site}}, escalated to you: {{title}}',
  'smart.actor.alarmEscalation': 'Alarm escalation',
  'smart.actor.retention': 'Retention of readings',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'smart.alarm.title': '{{condition}}：{{sensor}}',
  'smart.audit.sensorRegistered': '{{site}} {{tag}} {{name}}',
  'smart.audit.nearMissReported': '已向職安衛通報為 {{reference}}：{{sensor}} {{condition}}',
  'smart.notice.raised': '{{site}} 警報：{{title}}（{{value}} {{unit}}）',
  'smart.notice.escalated': '{{site}} 警報未確認，已升級給您處理：{{title}}',
  'smart.actor.alarmEscalation': '警報升級',
  'smart.actor.retention': '讀值保存期限',
};

const conditionWords = wordsCatalogue('smart.condition', {
  hh: ['High-high', '高高限'],
  h: ['High', '高限'],
  l: ['Low', '低限'],
  ll: ['Low-low', '低低限'],
  rate: ['Rate of change', '變化率'],
  stuck: ['Stuck value', '數值凍結'],
  anomaly: ['Anomaly (learned)', '異常（學習偵測）'],
});

const kindWords = wordsCatalogue('smart.kind', {
  toxic_gas: ['toxic gas', '毒性氣體'],
  oxygen: ['oxygen', '氧氣'],
  lel: ['flammable gas (LEL)', '可燃氣體（LEL）'],
  temperature: ['temperature', '溫度'],
  humidity: ['humidity', '濕度'],
  exhaust_airflow: ['exhaust airflow', '排氣風量'],
  differential_pressure: ['differential pressure', '壓差'],
  vibration: ['vibration', '振動'],
  noise: ['noise', '噪音'],
  power: ['power', '電力'],
  particle_count: ['particle count', '微粒數'],
  other: ['other', '其他'],
});

const stateWords = wordsCatalogue('smart.alarmState', {
  normal: ['normal', '正常'],
  unacknowledged: ['unacknowledged', '未確認'],
  acknowledged: ['acknowledged', '已確認'],
  rtn_unacknowledged: ['returned to normal, unacknowledged', '已恢復未確認'],
  shelved: ['shelved', '擱置'],
  out_of_service: ['out of service', '停用'],
});

const priorityWords = wordsCatalogue('smart.priority', {
  low: ['low', '低'],
  medium: ['medium', '中'],
  high: ['high', '高'],
  urgent: ['urgent', '緊急'],
});

export const smartMessages = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  conditionWords,
  kindWords,
  stateWords,
  priorityWords,
);

export const smartMessage = messageOf({ en });

/** An alarm's title: its condition and the sensor, e.g. "High-high: K7-GAS-01 Arsine at the gas cabinet". */
export function alarmTitle(condition: AlarmCondition, sensor: string) {
  return smartMessage('smart.alarm.title', { condition: word('smart.condition', condition), sensor });
}

/** The inbox notice of an alarm to its responders, or of its escalation. */
export function alarmNotice(
  kind: 'raised' | 'escalated',
  a: { siteCode: string; condition: AlarmCondition; sensor: string; value: number; unit: string },
) {
  const title = alarmTitle(a.condition, a.sensor);
  return kind === 'raised'
    ? smartMessage('smart.notice.raised', { site: a.siteCode, title, value: a.value, unit: a.unit })
    : smartMessage('smart.notice.escalated', { site: a.siteCode, title });
}

export const smartWord = (group: 'kind' | 'alarmState' | 'priority' | 'condition', code: string) =>
  word(`smart.${group}`, code);

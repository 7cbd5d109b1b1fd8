/**
 * Reminder and notification texts in each recipient's language. Plain functions of plain values so that
 * every message can be tested; the web app's strings live in web/src/i18n.
 */
export type Locale = 'en' | 'zh-TW';

export type ReminderFacts = {
  title: string;
  siteCode: string | null;
  dueDate: string;
  daysLeft: number;
  step: string;
  escalation: boolean;
};

/** What a delivered reminder keeps, to be worded in the reader's language whenever it is read. */
export type NotificationFacts = Omit<ReminderFacts, 'title'>;

function when(f: ReminderFacts, locale: Locale): string {
  if (locale === 'zh-TW') {
    if (f.daysLeft > 0) return `將於 ${f.daysLeft} 天後到期（${f.dueDate}）`;
    if (f.daysLeft === 0) return `今天到期（${f.dueDate}）`;
    return `已逾期 ${-f.daysLeft} 天（到期日 ${f.dueDate}）`;
  }
  if (f.daysLeft > 0) return `due in ${f.daysLeft} day${f.daysLeft === 1 ? '' : 's'} (${f.dueDate})`;
  if (f.daysLeft === 0) return `due today (${f.dueDate})`;
  return `overdue by ${-f.daysLeft} day${f.daysLeft === -1 ? '' : 's'} (was due ${f.dueDate})`;
}

export function reminderMessage(f: ReminderFacts, locale: Locale): { subject: string; body: string } {
  const site = f.siteCode ? `[${f.siteCode}] ` : '';
  if (locale === 'zh-TW') {
    const prefix = f.escalation ? '升級通知：' : f.daysLeft < 0 ? '逾期：' : '提醒：';
    return {
      subject: `${prefix}${site}${f.title}`,
      body: `${site}${f.title} ${when(f, locale)}。${f.escalation ? '負責人尚未完成，已升級給您處理。' : ''}`,
    };
  }
  const prefix = f.escalation ? 'Escalated: ' : f.daysLeft < 0 ? 'Overdue: ' : 'Reminder: ';
  return {
    subject: `${prefix}${site}${f.title}`,
    body: `${site}${f.title} is ${when(f, locale)}.${f.escalation ? ' Its owner has not completed it, so it is escalated to you.' : ''}`,
  };
}

export function digestMessage(
  items: { subject: string; body: string }[],
  locale: Locale,
): { subject: string; body: string } {
  const subject =
    locale === 'zh-TW'
      ? `Steward 每日摘要：${items.length} 項待辦`
      : `Steward daily digest: ${items.length} item${items.length === 1 ? '' : 's'}`;
  return { subject, body: items.map((i) => `• ${i.body}`).join('\n') };
}

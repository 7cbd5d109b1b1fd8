import {
  hasMessage,
  isMessage,
  type Locale,
  locales,
  MessageError,
  type MessageParam,
  renderMessage,
  storedText,
  storeText,
  type Text,
} from '../i18n/index.ts';
import { canonicalJson } from './chain.ts';
import { redactedFields } from './redact.ts';

/**
 * An audit event's summary. What the server says of an event is a message (server/platform/i18n): a key the
 * platform or the module declares in its catalogue, in both languages, and the event's facts as parameters
 * (numbers, dates, references, names), rendered in the reader's language when the log is read. What a user
 * typed (a note, a reason) is a string, kept and shown as typed.
 */
export type AuditSummary = Text;

/** The summary as stored: a message's key and parameters, or the typed text (key null). */
export type StoredSummary = {
  summary: string | null;
  summaryKey: string | null;
  summaryParams: Record<string, MessageParam> | null;
};

/** The names of every parameter of a message, its message parameters' own included. */
function paramNames(params: Record<string, MessageParam> | undefined): string[] {
  return Object.entries(params ?? {}).flatMap(([name, value]) =>
    isMessage(value) ? [name, ...paramNames(value.params)] : [name],
  );
}

/**
 * The columns of a summary, checked before the event is written: the key exists, the message renders in
 * every language with the parameters given, and no parameter is named like a field the audit log never shows
 * (a secret, or the entity's health details in `redact`). A check that fails is a bug of the caller: the
 * write fails with it rather than leave an event that cannot be read, or that shows what must stay out.
 */
export function storeSummary(
  summary: AuditSummary | null | undefined,
  redact: ReadonlySet<string> = new Set(),
): StoredSummary {
  if (summary === undefined || summary === null)
    return { summary: null, summaryKey: null, summaryParams: null };
  if (!isMessage(summary)) return { summary, summaryKey: null, summaryParams: null };
  const stored = storeText(summary);
  const hidden = paramNames(summary.params).filter((n) => redactedFields.has(n) || redact.has(n));
  if (hidden.length)
    throw new MessageError(
      `The audit summary ${summary.key} names ${hidden.join(', ')}, which the audit log never shows`,
    );
  for (const locale of locales) renderMessage(locale, summary);
  // Stored exactly as hashed: plain JSON, as jsonb gives it back.
  const params = JSON.parse(JSON.stringify(stored.params ?? {})) as Record<string, MessageParam>;
  return { summary: null, summaryKey: stored.key, summaryParams: params };
}

/**
 * Who acted, as the reader sees it: a person or a token as recorded; Steward itself (no user) by the message
 * its label names, in the reader's language (an older event's English label as stored).
 */
export function renderActor(locale: Locale, row: { actor_id: string | null; actor_label: string }): string {
  if (row.actor_id !== null || !hasMessage(row.actor_label)) return row.actor_label;
  return renderMessage(locale, { key: row.actor_label });
}

/**
 * A stored summary in the reader's language: a message rendered, typed text (and the sentence of an event
 * written before summaries were messages) as stored. A key no catalogue holds any more (a module taken out
 * of the list) shows as stored, key and parameters, instead of hiding the event or the rest of the log.
 */
export function renderSummary(
  locale: Locale,
  row: { summary: string | null; summary_key?: string | null; summary_params?: unknown },
): string | null {
  if (row.summary_key == null) return row.summary;
  const message = storedText(row.summary_key, row.summary_params, null);
  if (!isMessage(message) || !hasMessage(message.key))
    return `${row.summary_key} ${canonicalJson(row.summary_params ?? {})}`;
  try {
    return renderMessage(locale, message);
  } catch (error) {
    if (error instanceof MessageError) return `${row.summary_key} ${canonicalJson(row.summary_params ?? {})}`;
    throw error;
  }
}

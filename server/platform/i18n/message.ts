/**
 * Text the server writes on its own (an obligation's title, an action's description, a reminder) is kept as a
 * message key and parameters, and rendered in the reader's language when it is shown or sent: never stored as
 * an English sentence. Catalogues are flat (`<program>.<what>` keys for a module's, `platform.<what>` for the
 * platform's) with i18next-style `{{param}}` interpolation; `{{param, number}}` formats a number in the
 * reader's locale. A parameter may itself be a message (a kind's name), rendered in the same language.
 */
export type Locale = 'en' | 'zh-TW';
export const locales: readonly Locale[] = ['en', 'zh-TW'];

export type MessageParam = string | number | Message;
export type Message = { key: string; params?: Record<string, MessageParam> };

/** A catalogue: the same keys in both languages. */
export type MessageCatalogue = { en: Record<string, string>; 'zh-TW': Record<string, string> };

/**
 * Text a record holds: a message the server wrote, or text a user typed (a string, kept and shown as typed).
 */
export type Text = string | Message;

export class MessageError extends Error {}

const catalogue = new Map<string, Record<Locale, string>>();

/** The `{{name}}` parameters a template names. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.]+)\s*(?:,\s*\w+\s*)?\}\}/g)].map((m) => m[1]).sort();
}

/**
 * Adds a catalogue. `prefix` ('ohs', 'platform') is the start every key must have. Refuses a key missing in
 * one language, a key whose two texts name different parameters, and a key already registered with other
 * texts: each is a bug that would otherwise show only when the message is rendered.
 */
export function registerMessages(prefix: string, messages: MessageCatalogue): void {
  const en = Object.keys(messages.en);
  const zh = new Set(Object.keys(messages['zh-TW']));
  for (const key of en) if (!zh.has(key)) throw new MessageError(`Message ${key} has no zh-TW text`);
  for (const key of zh) if (!(key in messages.en)) throw new MessageError(`Message ${key} has no en text`);
  for (const key of en) {
    if (!key.startsWith(`${prefix}.`)) throw new MessageError(`Message ${key} must start with "${prefix}."`);
    const texts = { en: messages.en[key], 'zh-TW': messages['zh-TW'][key] };
    if (templateParams(texts.en).join() !== templateParams(texts['zh-TW']).join())
      throw new MessageError(`Message ${key} names different parameters in en and zh-TW`);
    const known = catalogue.get(key);
    if (known && (known.en !== texts.en || known['zh-TW'] !== texts['zh-TW']))
      throw new MessageError(`Message ${key} is registered twice with different texts`);
    catalogue.set(key, texts);
  }
}

/** Whether a key is in the catalogue (both languages). */
export function hasMessage(key: string): boolean {
  return catalogue.has(key);
}

/** Every registered key (the catalogue test walks them). */
export function messageKeys(): string[] {
  return [...catalogue.keys()];
}

/** The template of a key in a language. */
export function messageTemplate(locale: Locale, key: string): string {
  const texts = catalogue.get(key);
  if (!texts) throw new MessageError(`Unknown message key ${key}`);
  return texts[locale];
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/** The keys (of those starting with `prefix`) whose own words, parameters left out, contain `query`. */
export function matchingKeys(locale: Locale, query: string, prefix = ''): string[] {
  const needle = query.trim().toLocaleLowerCase(locale);
  if (!needle) return [];
  const out: string[] = [];
  for (const [key, texts] of catalogue) {
    if (!key.startsWith(prefix)) continue;
    const words = texts[locale].split(/\{\{[^}]*\}\}/);
    if (words.some((w) => w.toLocaleLowerCase(locale).includes(needle))) out.push(key);
  }
  return out;
}

/** A message in the reader's language. An unknown key or a missing parameter throws. */
export function renderMessage(locale: Locale, message: Message): string {
  const template = messageTemplate(locale, message.key);
  return template.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_, name: string, format?: string) => {
    const value = message.params?.[name];
    if (value === undefined || value === null)
      throw new MessageError(`Message ${message.key} needs the parameter ${name}`);
    if (isMessage(value)) return renderMessage(locale, value);
    if (typeof value === 'number' && format === 'number') return new Intl.NumberFormat(locale).format(value);
    return String(value);
  });
}

/** Text a record holds, in the reader's language: a message rendered, typed text as typed. */
export function renderText(locale: Locale, text: Text): string {
  return typeof text === 'string' ? text : renderMessage(locale, text);
}

/** How a record's text is stored: key and parameters for a message, the text itself (key null) if typed. */
export type StoredText = {
  key: string | null;
  params: Record<string, MessageParam> | null;
  text: string | null;
};

export function storeText(text: Text): StoredText {
  if (typeof text === 'string') return { key: null, params: null, text };
  if (!hasMessage(text.key)) throw new MessageError(`Unknown message key ${text.key}`);
  return { key: text.key, params: text.params ?? {}, text: null };
}

/** The text a row holds, back from its columns. */
export function storedText(key: string | null, params: unknown, text: string | null): Text {
  if (key !== null) return { key, params: (params ?? {}) as Record<string, MessageParam> };
  return text ?? '';
}

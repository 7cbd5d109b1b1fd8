import type { Page } from 'playwright-core';

/**
 * What a careful reader would object to on one page, found in the browser: words left in English on a Chinese
 * page, raw identifiers and codes, text cut off without a tooltip, lists without rows, errors.
 */
export type PageFinding = { page: string; problem: string };

/** Latin-script words a Chinese page may show: product names, acronyms written in lower case, units. */
const ALLOWED_WORDS = new Set(
  [
    'Steward',
    'email',
    'e-mail',
    'kg',
    'km',
    'mm',
    'cm',
    'ppm',
    'ppb',
    'dBA',
    'Pa',
    'kPa',
    'lux',
    'RH',
    'mg',
    'ml',
    'kWh',
    'dB',
    'Hz',
    'px',
    'iCalendar',
    'SiP',
    'OpenAPI',
    'Excel',
    'ID',
    'No',
    'vs',
  ].map((w) => w.toLowerCase()),
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A snake_case code as the server stores it (`near_miss`, `temporary_total_disability`). */
const RAW_CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

/**
 * Every word of the strings in a JSON value: what the server sent is data (names, titles typed by people), not
 * UI text.
 */
export function collectStrings(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    // A lone lower-case token is a code (`meeting`, `high`): a page must show it as a word of its language.
    if (/^[a-z0-9_.-]+$/.test(value)) return;
    for (const word of value.match(/[A-Za-z]{2,}/g) ?? []) into.add(word.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, into);
  }
}

/** A Latin word that a zh-TW page must not show: not data, not an acronym or code, not on the short list. */
export function untranslatedWords(text: string, dataWords: Set<string>): string[] {
  const words = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-'.][A-Za-z0-9]+)*/g)) {
    const word = match[0];
    if (word.length < 2) continue;
    if (/\d/.test(word)) continue; // codes: K7, ISO 45001's parts, CVE-2024-…
    if (word === word.toUpperCase()) continue; // acronyms: GRI, OHS, CSV, PDF
    const parts = word.toLowerCase().split(/[-'.]/);
    if (parts.every((p) => p.length < 2 || dataWords.has(p) || ALLOWED_WORDS.has(p))) continue;
    if (ALLOWED_WORDS.has(word.toLowerCase())) continue;
    words.add(word);
  }
  return [...words];
}

type PageFacts = {
  text: string;
  cutOff: string[];
  emptyLists: number;
};

/** Reads the page as it stands: visible text, cut-off elements without a tooltip, empty lists. */
export async function readPage(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    // Visible text, leaving out text marked as not to be translated (names, codes typed by people).
    const pieces: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[translate="no"], script, style, noscript')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      pieces.push(node.textContent ?? '');
    }
    const cutOff: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const ownText = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      const style = getComputedStyle(el);
      const clipsWidth =
        style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      const clipsLines = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '';
      const cut =
        (clipsWidth && el.scrollWidth > el.clientWidth + 1) ||
        (clipsLines && el.scrollHeight > el.clientHeight + 1);
      if (!cut) continue;
      const titled = el.closest('[title]')?.getAttribute('title') ?? '';
      if (titled.includes(ownText.slice(0, 20))) continue;
      cutOff.push(ownText.slice(0, 60));
    }
    return {
      text: pieces.join(' '),
      cutOff,
      emptyLists: document.querySelectorAll('[data-empty-list]').length,
    };
  });
}

export function findRawIdentifiers(text: string): string[] {
  const found: string[] = [];
  const uuid = text.match(UUID);
  if (uuid) found.push(`raw identifier "${uuid[0]}"`);
  const code = text.match(RAW_CODE);
  if (code) found.push(`raw code "${code[0]}"`);
  return found;
}

/**
 * Intl formatters kept per locale and options: building one costs a fraction of a millisecond, using one
 * almost nothing, and a page renders hundreds of numbers and dates (on the home page, building them per
 * render was 90 ms of the first render).
 */
const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function keep<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  kind: string,
  locale: string | undefined,
  options: object,
  build: () => T,
): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let format = kept.get(key) as T | undefined;
  if (!format) {
    format = build();
    kept.set(key, format);
  }
  return format;
}

export const numberFormat = (locale?: string, options: Intl.NumberFormatOptions = {}) =>
  keep('number', locale, options, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale?: string, options: Intl.DateTimeFormatOptions = {}) =>
  keep('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

/** Region names; null where the browser has none for the locale. */
export function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return keep('region', locale, {}, () => new Intl.DisplayNames([locale], { type: 'region' }));
  } catch {
    return null;
  }
}

import { type ImportsKey, useImportsT } from './texts.ts';

type ErrorKey = Extract<ImportsKey, `errors.${string}`>;

/**
 * The importers' row messages in the user's language: the server writes them in English (they are also
 * its audit record), the known ones are translated here, others are shown as they are.
 */
const patterns: [RegExp, ErrorKey][] = [
  [/^Required$/, 'errors.required'],
  [/^No employee or contractor worker (.+) at a site where you record training$/, 'errors.unknownPerson'],
  [/^Unknown course (.+)$/, 'errors.unknownCourse'],
  [/^Use a real date as YYYY-MM-DD$/, 'errors.date'],
  [/^The date is in the future$/, 'errors.futureDate'],
  [/^Hours with at most two decimals, under 1000$/, 'errors.hours'],
  [/^Use passed, failed or attended$/, 'errors.result'],
  [/^No site (.+) where you record hours$/, 'errors.unknownSite'],
  [/^Use YYYY-MM$/, 'errors.month'],
  [/^Hours, at most two decimals$/, 'errors.amount'],
  [/^The file has no column "(.+)"$/, 'errors.noColumn'],
];

export function useRowMessage() {
  const t = useImportsT();
  return (message: string) => {
    for (const [pattern, key] of patterns) {
      const m = pattern.exec(message);
      if (m) return t(key, { value: m[1] ?? '' });
    }
    return message;
  };
}

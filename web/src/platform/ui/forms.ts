import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Validates a Mantine form with a zod contract of the server. `toPayload` turns the form's values into
 * the request body first (empty inputs to null), so the form checks exactly what the server will check.
 * An empty required field says so plainly; other problems carry the contract's message (zod's own
 * messages follow the user's language).
 */
export function contractValidator<V, P>(schema: z.ZodType, toPayload: (values: V) => P) {
  return (values: V): Record<string, string> => {
    const payload = toPayload(values);
    const result = schema.safeParse(payload);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (errors[path]) continue;
      errors[path] = isBlank(valueAt(payload, issue.path)) ? i18n.t('forms.required') : issue.message;
    }
    return errors;
  };
}

/** An empty text input is null in the API. */
export const blankToNull = (v: string | null | undefined): string | null => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** Puts the field errors of a 400/422 answer next to the fields. Returns true when there were some. */
export function applyServerErrors(
  form: { setErrors: (errors: Record<string, string>) => void },
  error: unknown,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.fieldErrors;
  if (!Object.keys(fields).length) return false;
  form.setErrors(fields);
  return true;
}

/** The fields of `next` that differ from `base`: an edit sends only what changed, with the version. */
export function changedFields<T extends Record<string, unknown>>(base: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(base[key])) out[key] = next[key];
  }
  return out;
}

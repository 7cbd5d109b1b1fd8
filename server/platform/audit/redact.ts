import { createHash } from 'node:crypto';

/**
 * Secrets that never enter the audit log: the value is replaced by a marker holding its SHA-256, so a change
 * is still visible without the value being readable. Health events carry no fields at all (the module that
 * records health data writes them so), so no health field is listed here: a hash of a value from a short list
 * of possible values is that value.
 */
export const redactedFields = new Set<string>([
  'password',
  'password_hash',
  'passwordHash',
  'token',
  'token_hash',
  'tokenHash',
  'csrf_token',
  'secret',
]);

export type RedactedValue = { redacted: true; sha256: string };

export function redact(value: unknown, extraFields: ReadonlySet<string> = new Set()): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redact(v, extraFields));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (redactedFields.has(key) || extraFields.has(key)) {
      out[key] =
        v === null ? null : ({ redacted: true, sha256: sha256(JSON.stringify(v)) } satisfies RedactedValue);
    } else {
      out[key] = redact(v, extraFields);
    }
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

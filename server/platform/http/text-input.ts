import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

/**
 * Text that cannot be stored as sent: a NUL character (PostgreSQL refuses it) or a lone UTF-16 surrogate
 * (half of a character; it would be stored silently replaced by U+FFFD). In a `u` regular expression a
 * paired surrogate is one code point, so only a lone half matches \p{Cs}.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

function problemOf(value: string): string {
  return value.includes('\u0000')
    ? 'Contains a NUL character, which text cannot hold'
    : 'Contains a lone UTF-16 surrogate (half of a character)';
}

/** The fields (as dotted paths under `prefix`) whose text cannot be stored as sent, depth first. */
export function unstorableText(
  value: unknown,
  prefix: string,
  out: FieldError[] = [],
  depth = 0,
): FieldError[] {
  if (out.length >= 20 || depth > 32) return out;
  if (typeof value === 'string') {
    if (unstorable(value)) out.push({ path: prefix, message: problemOf(value) });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      unstorableText(item, `${prefix}.${i}`, out, depth + 1);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) out.push({ path: `${prefix}.${key}`, message: problemOf(key) });
      unstorableText(item, `${prefix}.${key}`, out, depth + 1);
    }
  }
  return out;
}

/**
 * Refuses, before validation, any request whose body, query or path holds such text, with a 400 problem
 * naming each field (`body.title`, `querystring.q`), the same shape as a validation error.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const errors = [
      ...unstorableText(request.params, 'params'),
      ...unstorableText(request.query, 'querystring'),
      ...unstorableText(request.body, 'body'),
    ];
    if (errors.length === 0) return;
    throw new AppError(
      400,
      'validation',
      'Invalid input',
      `The request holds text that cannot be stored: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      { errors },
    );
  });
}

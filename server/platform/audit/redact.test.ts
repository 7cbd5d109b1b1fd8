import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact, redactedFields } from './redact.ts';

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('redact', () => {
  it('replaces secrets with a marker holding the SHA-256 of the value', () => {
    const out = redact({
      email: 'a@b.test',
      password_hash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
    }) as Record<string, unknown>;
    expect(out.email).toBe('a@b.test');
    expect(out.password_hash).toEqual({
      redacted: true,
      sha256: sha('$argon2id$v=19$m=19456,t=2,p=1$abc$def'),
    });
    expect(JSON.stringify(out)).not.toContain('argon2');
  });

  it('redacts at every depth and inside arrays', () => {
    const out = redact({
      user: { token_hash: 'abc', name: 'x' },
      list: [{ secret: 's' }, { csrf_token: 't' }],
    });
    expect(JSON.stringify(out)).not.toMatch(/"(abc|s|t)"/);
    expect(out).toMatchObject({
      user: { name: 'x', token_hash: { redacted: true } },
      list: [{ secret: { redacted: true } }, { csrf_token: { redacted: true } }],
    });
  });

  it('covers every secret name on the list, and health fields named by the caller', () => {
    for (const field of redactedFields)
      expect(redact({ [field]: 'v' }), field).toEqual({ [field]: { redacted: true, sha256: sha('v') } });
    expect(redact({ diagnosis: 'asthma', site: 'K7' }, new Set(['diagnosis']))).toEqual({
      diagnosis: { redacted: true, sha256: sha('asthma') },
      site: 'K7',
    });
  });

  it('keeps a null secret null (there is nothing to hide) and drops undefined keys', () => {
    expect(redact({ password_hash: null, gone: undefined })).toEqual({ password_hash: null });
  });

  it('shows that a secret changed without showing it', () => {
    const a = redact({ password_hash: 'one' }) as { password_hash: { sha256: string } };
    const b = redact({ password_hash: 'two' }) as { password_hash: { sha256: string } };
    expect(a.password_hash.sha256).not.toBe(b.password_hash.sha256);
  });

  it('writes dates as ISO strings and leaves plain values alone', () => {
    expect(redact({ at: new Date('2026-01-02T03:04:05Z') })).toEqual({ at: '2026-01-02T03:04:05.000Z' });
    expect(redact('text')).toBe('text');
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeNull();
  });
});

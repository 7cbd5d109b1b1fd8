import { describe, expect, it } from 'vitest';
import { guessObservableKind, kindOfStixPath, normaliseObservable, refang } from './observables.ts';

const value = (kind: Parameters<typeof normaliseObservable>[0], raw: string) => {
  const n = normaliseObservable(kind, raw);
  if (!n.ok) throw new Error(`${raw}: ${n.problem}`);
  return n.value;
};
const problem = (kind: Parameters<typeof normaliseObservable>[0], raw: string) => {
  const n = normaliseObservable(kind, raw);
  return n.ok ? null : n.problem;
};

describe('observables written one way', () => {
  it('re-fangs what analysts defang', () => {
    expect(refang(' hxxps://evil[.]example(.)com/login ')).toBe('https://evil.example.com/login');
    expect(refang('clerk[at]k7[dot]example')).toBe('clerk@k7.example');
    expect(refang('198[.]51[.]100[.]7')).toBe('198.51.100.7');
    expect(refang('hxxp[://]a[.]example')).toBe('http://a.example');
  });

  it('IPv4: dotted quad without leading zeros; a /32 is the address itself (STIX 2.1 §6.4 examples)', () => {
    expect(value('ipv4-addr', '198.51.100.3')).toBe('198.51.100.3');
    expect(value('ipv4-addr', '203.0.113.0/24')).toBe('203.0.113.0/24');
    expect(value('ipv4-addr', '198.51.100.3/32')).toBe('198.51.100.3');
    expect(problem('ipv4-addr', '198.51.100.256')).toMatch(/IPv4/);
    expect(problem('ipv4-addr', '010.1.1.1')).toMatch(/leading zeros/);
    expect(problem('ipv4-addr', '198.51.100.0/33')).toMatch(/prefix/);
  });

  it('IPv6: the canonical text of RFC 5952 §4 (lower case, longest run of zeros compressed, the first of equals)', () => {
    expect(value('ipv6-addr', '2001:0DB8:85A3:0000:0000:8A2E:0370:7334')).toBe(
      '2001:db8:85a3::8a2e:370:7334',
    );
    // §4.2.3: the longest run is shortened; of two equal runs, the first.
    expect(value('ipv6-addr', '2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    // §4.2.2: one 16-bit 0 field is not shortened.
    expect(value('ipv6-addr', '2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(value('ipv6-addr', '[2001:db8::1]/128')).toBe('2001:db8::1');
    expect(value('ipv6-addr', '2001:db8::/32')).toBe('2001:db8::/32');
    expect(problem('ipv6-addr', '2001:db8::g')).toMatch(/IPv6/);
  });

  it('domain names: lower case, no trailing dot, internationalised names in punycode (RFC 3492: bücher → bcher-kva)', () => {
    expect(value('domain-name', 'Evil.Example.COM.')).toBe('evil.example.com');
    expect(value('domain-name', 'bücher.example')).toBe('xn--bcher-kva.example');
    expect(value('domain-name', 'invoice[.]example[.]net')).toBe('invoice.example.net');
    expect(problem('domain-name', 'localhost')).toMatch(/domain/);
    expect(problem('domain-name', '198.51.100.7')).toMatch(/domain/);
    expect(problem('domain-name', 'a b.example')).toMatch(/domain/);
  });

  it('URLs: the WHATWG form (scheme and host in lower case, default port dropped)', () => {
    expect(value('url', 'HXXPS://Evil.Example.com:443/Login?a=1')).toBe('https://evil.example.com/Login?a=1');
    expect(value('url', 'http://evil.example.com')).toBe('http://evil.example.com/');
    expect(problem('url', 'evil.example.com/login')).toMatch(/scheme/);
  });

  it('e-mail addresses: compared without case, the domain as a domain name', () => {
    expect(value('email-addr', 'Billing@Invoice.Example.NET')).toBe('billing@invoice.example.net');
    expect(value('email-addr', 'billing[at]invoice[.]example[.]net')).toBe('billing@invoice.example.net');
    expect(problem('email-addr', 'billing@')).toMatch(/e-mail/);
    expect(problem('email-addr', 'two words@example.com')).toMatch(/e-mail/);
  });

  it('file hashes: lower-case hexadecimal, the algorithm told by the length', () => {
    // The SHA-256 of the empty string (FIPS 180-4 test vectors, as published by NIST).
    const empty = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';
    expect(normaliseObservable('file-hash', empty)).toEqual({
      ok: true,
      value: empty.toLowerCase(),
      hash: 'SHA-256',
    });
    expect(normaliseObservable('file-hash', 'd41d8cd98f00b204e9800998ecf8427e')).toMatchObject({
      hash: 'MD5',
    });
    expect(normaliseObservable('file-hash', 'da39a3ee5e6b4b0d3255bfef95601890afd80709')).toMatchObject({
      hash: 'SHA-1',
    });
    expect(problem('file-hash', 'abc')).toMatch(/hash/);
    expect(problem('file-hash', 'z'.repeat(64))).toMatch(/hash/);
  });

  it('refuses an empty value and guesses the kind of a pasted one', () => {
    expect(problem('url', '   ')).toBe('Required');
    expect(guessObservableKind('hxxps://evil[.]example/x')).toBe('url');
    expect(guessObservableKind('billing[at]invoice.example')).toBe('email-addr');
    expect(guessObservableKind('198.51.100.7')).toBe('ipv4-addr');
    expect(guessObservableKind('2001:db8::1')).toBe('ipv6-addr');
    expect(guessObservableKind('d41d8cd98f00b204e9800998ecf8427e')).toBe('file-hash');
    expect(guessObservableKind('evil.example')).toBe('domain-name');
    expect(guessObservableKind('not one')).toBeNull();
  });
});

describe('the observable kind of a STIX object path', () => {
  // STIX 2.1 §9.2 writes object paths as <object-type>:<property>, e.g. file:hashes.'SHA-256' and ipv4-addr:value.
  it('reads the observable types and the file hash with its algorithm', () => {
    expect(kindOfStixPath('ipv4-addr:value')).toEqual({ kind: 'ipv4-addr' });
    expect(kindOfStixPath('domain-name:value')).toEqual({ kind: 'domain-name' });
    expect(kindOfStixPath('email-addr:value')).toEqual({ kind: 'email-addr' });
    expect(kindOfStixPath('file:hashes.SHA-256')).toEqual({ kind: 'file-hash', hash: 'SHA-256' });
  });
  it('names no kind for a path that is not an observable of these kinds', () => {
    expect(kindOfStixPath('process:pid')).toBeNull();
    expect(kindOfStixPath('file:name')).toBeNull();
    expect(kindOfStixPath('url:scheme')).toBeNull();
    expect(kindOfStixPath('file-hash:value')).toBeNull();
  });
});

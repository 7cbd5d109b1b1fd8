/**
 * Observables of an incident (addresses, names, links, mailboxes, file hashes) written one way, so that the same
 * one on two incidents, or on an incident and an advisory, is found by equality. Analysts paste them "defanged"
 * (hxxp://, example[.]com, user[at]example.com) so that nobody clicks them: they are re-fanged first. The
 * kinds are STIX 2.1 cyber-observable types (§6), with the three file hashes in one kind.
 */
export const observableKinds = [
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'email-addr',
  'file-hash',
] as const;
export type ObservableKind = (typeof observableKinds)[number];

export type Normalised =
  | { ok: true; value: string; hash?: 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-512' }
  | { ok: false; problem: string };

const fail = (problem: string): Normalised => ({ ok: false, problem });

/** Undoes the usual defanging: hxxp(s), [.] (.) {.} [dot], [@] [at] (at), [:] and [://]. */
export function refang(raw: string): string {
  return raw
    .trim()
    .replace(/^hxxp(s?)/i, 'http$1')
    .replace(/^fxp/i, 'ftp')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[@\]|\[at\]|\(at\)/gi, '@');
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function ipv4(v: string): Normalised {
  const [address, prefix, extra] = v.split('/');
  if (extra !== undefined) return fail('Not an IPv4 address');
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p)))
    return fail('Not an IPv4 address (four numbers 0–255, without leading zeros)');
  if (prefix === undefined || prefix === '32') return { ok: true, value: address };
  if (!/^(3[0-2]|[12]?\d)$/.test(prefix)) return fail('A network prefix is /0 to /32');
  return { ok: true, value: `${address}/${prefix}` };
}

function ipv6(v: string): Normalised {
  const [address, prefix, extra] = v.replace(/^\[([^\]]*)\]/, '$1').split('/');
  if (extra !== undefined || !address.includes(':')) return fail('Not an IPv6 address');
  let host: string;
  try {
    // The WHATWG URL parser writes an IPv6 host in its one canonical form (RFC 5952: lower case, zeros compressed).
    host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return fail('Not an IPv6 address');
  }
  if (prefix === undefined || prefix === '128') return { ok: true, value: host };
  if (!/^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(prefix)) return fail('A network prefix is /0 to /128');
  return { ok: true, value: `${host}/${prefix}` };
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

function domain(v: string): Normalised {
  const name = v.replace(/\.$/, '');
  if (!name || /[/:@\s]/.test(name)) return fail('Not a domain name');
  let host: string;
  try {
    // Lower case, and an internationalised name in its ASCII (punycode) form.
    host = new URL(`http://${name}/`).hostname;
  } catch {
    return fail('Not a domain name');
  }
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1) ?? ''))
    return fail('Not a domain name (a name with at least one dot, such as example.com)');
  return { ok: true, value: host };
}

function url(v: string): Normalised {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return fail('A URL starts with its scheme, such as https://');
  try {
    const u = new URL(v);
    if (!u.hostname) return fail('A URL names a host');
    return { ok: true, value: u.href };
  } catch {
    return fail('Not a URL');
  }
}

function email(v: string): Normalised {
  const at = v.lastIndexOf('@');
  if (at < 1 || at === v.length - 1) return fail('Not an e-mail address (name@domain)');
  const local = v.slice(0, at);
  if (/[\s<>()[\]\\,;:"]/.test(local)) return fail('Not an e-mail address (name@domain)');
  const host = domain(v.slice(at + 1));
  if (!host.ok) return fail('Not an e-mail address (the part after @ is not a domain name)');
  // Mailboxes are compared without regard to case: no mail system in practice tells User@ from user@.
  return { ok: true, value: `${local.toLowerCase()}@${host.value}` };
}

const HASHES = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' } as const;

function fileHash(v: string): Normalised {
  const hex = v.replace(/\s+/g, '').toLowerCase();
  const algorithm = HASHES[hex.length as keyof typeof HASHES];
  if (!/^[0-9a-f]+$/.test(hex) || !algorithm)
    return fail('Not a file hash (hexadecimal MD5, SHA-1, SHA-256 or SHA-512)');
  return { ok: true, value: hex, hash: algorithm };
}

const BY_KIND: Record<ObservableKind, (v: string) => Normalised> = {
  'ipv4-addr': ipv4,
  'ipv6-addr': ipv6,
  'domain-name': domain,
  url,
  'email-addr': email,
  'file-hash': fileHash,
};

/** The observable in its one written form, or why it is not one of its kind. */
export function normaliseObservable(kind: ObservableKind, raw: string): Normalised {
  const v = refang(raw);
  if (!v) return fail('Required');
  if (v.length > 2048) return fail('At most 2,048 characters');
  return BY_KIND[kind](v);
}

/** The kind a pasted value most likely is, for the form to preselect (the analyst can still change it). */
export function guessObservableKind(raw: string): ObservableKind | null {
  const v = refang(raw);
  if (!v) return null;
  const order: ObservableKind[] = ['url', 'email-addr', 'ipv4-addr', 'ipv6-addr', 'file-hash', 'domain-name'];
  return order.find((k) => BY_KIND[k](v).ok) ?? null;
}

/**
 * The observable kind of a STIX pattern's object path (`ipv4-addr:value`, `file:hashes.'SHA-256'`), with the
 * hash algorithm for a file hash; null for a path that names no observable of these kinds (`process:pid`).
 */
export function kindOfStixPath(path: string): { kind: ObservableKind; hash?: string } | null {
  const [type, property = ''] = path.split(':', 2);
  if (type === 'file') {
    const hash = /^hashes\.(.+)$/.exec(property)?.[1];
    return hash ? { kind: 'file-hash', hash } : null;
  }
  // `file-hash` is Steward's kind, not a STIX type.
  return property === 'value' && type !== 'file-hash' && (observableKinds as readonly string[]).includes(type)
    ? { kind: type as ObservableKind }
    : null;
}

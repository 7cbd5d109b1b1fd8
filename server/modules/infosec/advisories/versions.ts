import semver from 'semver';

/**
 * Whether a system's version falls in an advisory's affected versions. The range is written as node-semver
 * writes it (`1.2.7 || >=1.2.9 <2.0.0`, `~7.1`, `^2`), and checked with `semver` when both sides read as
 * semantic versions. Vendors' versions often do not (Windows builds `10.0.19045.3803`, firmware `V2.9 SP1`):
 * those are compared with the same operators segment by segment, numbers as numbers and letters as text.
 */
export function versionInRange(version: string | null, range: string | null): boolean {
  const r = range?.trim() ?? '';
  // No range, CPE ANY (*) or NA (-): every version is affected.
  if (r === '' || r === '*' || r === '-') return true;
  // A system registered without its version is routed: its site checks it and answers.
  const v = version?.trim() ?? '';
  if (v === '' || v === '*' || v === '-') return true;
  // Strict parsing: loose mode reads the Windows build `10.0.19045.3803` as the prerelease `10.0.1904-5.3803`.
  const asSemver = semver.valid(v);
  if (asSemver && /[<>=~^]|\|\||\s-\s/.test(r) && semver.validRange(r))
    return semver.satisfies(asSemver, r, { includePrerelease: true });
  return r.split('||').some((alternative) => fallbackSatisfies(v, alternative));
}

const COMPARATOR = /^(>=|<=|>|<|=)?\s*(\S+)$/;

function fallbackSatisfies(version: string, alternative: string): boolean {
  // `>= 1.2` is one comparator: the operator is joined to its version before splitting on spaces.
  const comparators = alternative
    .trim()
    .replace(/(>=|<=|>|<|=)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (comparators.length === 0) return true;
  return comparators.every((c) => {
    const m = COMPARATOR.exec(c);
    if (!m) return false;
    const order = compareVersions(version, m[2]);
    switch (m[1]) {
      case '>=':
        return order >= 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '<':
        return order < 0;
      default:
        return order === 0;
    }
  });
}

/** Splits `V2.9a-SP1` into `v`, 2, 9, `a`, `sp`, 1: separators dropped, numbers kept apart from letters. */
function segments(version: string): (number | string)[] {
  return (version.toLowerCase().match(/\d+|[a-z]+/g) ?? []).map((s) => (/^\d/.test(s) ? Number(s) : s));
}

/**
 * Orders two vendor versions: segment by segment, a missing trailing segment counts as 0 (`2.9` = `2.9.0`), a
 * number sorts after letters at the same place (`2.9` > `2.9rc1` is not claimed: only equal kinds compare).
 */
export function compareVersions(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p < q ? -1 : 1;
    if (typeof p === 'number') return 1;
    if (typeof q === 'number') return -1;
    return p < q ? -1 : 1;
  }
  return 0;
}

import { describe, expect, it } from 'vitest';
import { ifMatchVersion } from './preconditions.ts';

// RFC 9110 §8.8.3: an entity tag is a quoted string, optionally prefixed W/ (weak); If-Match compares it.
describe('the version an If-Match names', () => {
  it('reads a strong or weak entity tag of a version', () => {
    expect(ifMatchVersion('"3"')).toBe(3);
    expect(ifMatchVersion(' W/"0" ')).toBe(0);
  });
  it('names none for a tag that is not one of ours, a bare number or a list', () => {
    expect(ifMatchVersion('3')).toBeNull();
    expect(ifMatchVersion('"abc"')).toBeNull();
    expect(ifMatchVersion('"1", "2"')).toBeNull();
    expect(ifMatchVersion('')).toBeNull();
  });
});

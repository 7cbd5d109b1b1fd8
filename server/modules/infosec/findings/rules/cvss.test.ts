import { describe, expect, it } from 'vitest';
import { scoreVector } from './cvss.ts';

describe('scoreVector', () => {
  // FIRST, CVSS v3.1 Examples (https://www.first.org/cvss/v3.1/examples): the published base scores.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'], // CVE-2013-1937, phpMyAdmin XSS
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'], // CVE-2014-0160, Heartbleed
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'], // CVE-2014-6271, Shellshock
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
  ])('scores the v3.1 vector %s as %s (%s)', (vector, score, severity) => {
    expect(scoreVector(vector)).toEqual({ vector, version: '3.1', score, severity });
  });

  // FIRST, CVSS v4.0 Specification Document and calculator (https://www.first.org/cvss/calculator/4.0).
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0, 'none'],
  ])('scores the v4.0 vector %s as %s (%s)', (vector, score, severity) => {
    expect(scoreVector(vector)).toEqual({ vector, version: '4.0', score, severity });
  });

  it('scores nothing for a partial vector, an unknown value or another version', () => {
    expect(scoreVector('CVSS:3.1/AV:N')).toBeNull();
    expect(scoreVector('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
    expect(scoreVector('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cpeParts, isCpe23 } from './cpe.ts';

/** Examples from NIST IR 7695 (CPE 2.3 Naming), §6.2.6 (formatted string bindings), and its error cases. */
describe('CPE 2.3 formatted strings (NIST IR 7695 §6.2)', () => {
  it('accepts the specification examples', () => {
    expect(isCpe23('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*')).toBe(true);
    expect(isCpe23('cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*')).toBe(true);
    expect(isCpe23('cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*')).toBe(true);
    expect(isCpe23('cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:80gb:*')).toBe(true);
    expect(isCpe23('cpe:2.3:o:siemens:simatic_s7-1500_firmware:2.9.2:*:*:*:*:*:*:*')).toBe(true);
  });
  it('refuses strings of the wrong shape', () => {
    expect(isCpe23('cpe:/a:microsoft:internet_explorer:8.0.6001:beta')).toBe(false); // a 2.2 URI
    expect(isCpe23('cpe:2.3:x:microsoft:ie:8:*:*:*:*:*:*:*')).toBe(false); // no part x
    expect(isCpe23('cpe:2.3:a:microsoft:ie:8:*:*:*:*:*:*')).toBe(false); // ten components, not eleven
    expect(isCpe23('cpe:2.3:a:micro soft:ie:8:*:*:*:*:*:*:*')).toBe(false); // an unquoted space
    expect(isCpe23('cpe:2.3:a:microsoft:ie:8:*:*:english:*:*:*:*')).toBe(false); // not a language tag
  });
  it('reads vendor, product and version', () => {
    expect(cpeParts('cpe:2.3:a:fortinet:fortios:7.2.4:*:*:*:*:*:*:*')).toEqual({
      part: 'a',
      vendor: 'fortinet',
      product: 'fortios',
      version: '7.2.4',
    });
  });
});

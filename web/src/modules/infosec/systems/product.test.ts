import { describe, expect, it } from 'vitest';
import { productLabel, readableCpePart } from './product.ts';

describe('a product named from its CPE 2.3 components', () => {
  it('reads underscores as spaces and drops escapes (CPE 2.3 naming, NISTIR 7695 §5.3.2)', () => {
    expect(readableCpePart('windows_server_2022')).toBe('windows server 2022');
    expect(readableCpePart('s\\/4hana')).toBe('s/4hana');
  });

  it('leaves out the logical values NA (-) and ANY (*)', () => {
    expect(productLabel({ vendor: 'microsoft', product: 'windows_server_2022', productVersion: '-' })).toBe(
      'microsoft windows server 2022',
    );
    expect(productLabel({ vendor: 'sap', product: 's\\/4hana', productVersion: '2022' })).toBe(
      'sap s/4hana 2022',
    );
    expect(productLabel({ vendor: null, product: null, productVersion: '*' })).toBe('');
  });
});

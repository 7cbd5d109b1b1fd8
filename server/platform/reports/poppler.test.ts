import { describe, expect, it } from 'vitest';
import { isCi, toolPresent } from './poppler.ts';

describe('tests that need a tool (Chromium, poppler-utils)', () => {
  it('skip outside CI when the tool is missing', () => {
    expect(toolPresent(false, 'pdftotext is missing.', {})).toBe(false);
    expect(toolPresent(false, 'pdftotext is missing.', { CI: 'false' })).toBe(false);
    expect(toolPresent(true, 'pdftotext is missing.', { CI: 'true' })).toBe(true);
  });

  it('fail under CI=true when the tool is missing, instead of skipping', () => {
    expect(() => toolPresent(false, 'pdftotext is missing.', { CI: 'true' })).toThrow(
      /pdftotext is missing\. Under CI a test skipped for a missing tool is a failure/,
    );
    expect(() => toolPresent(false, 'Chromium is missing.', { CI: '1' })).toThrow(/Chromium is missing/);
  });

  it('reads CI as most CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: 'TRUE' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

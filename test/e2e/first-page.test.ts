import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFigures } from '../../bench/suites/web.ts';
import { zhTW } from '../../web/src/platform/i18n/zh-TW.ts';

/**
 * The first page (sign-in, then home) loads what web/dist/index.html references, measured as `npm run bench`
 * measures it. It stays under its budget, and what only some pages or only Chinese readers need loads with
 * them: the Traditional Chinese texts, another program's panels.
 */
describe('the first page of the built web app', () => {
  const figures = bundleFigures(null);
  const scripts = figures.files
    .filter((f) => f.file.endsWith('.js'))
    .map((f) => readFileSync(path.join(import.meta.dirname, '../../web/dist', f.file), 'utf8'));

  it('loads under 250 KB of gzipped JavaScript', () => {
    expect(scripts.length).toBeGreaterThan(5);
    expect(figures.jsGzipKb).toBeLessThan(250);
  });

  it('does not carry the Traditional Chinese texts', () => {
    // A text only the Chinese home page shows; the English texts are in the first page.
    const allClear = zhTW.home.allClear;
    expect(allClear).toMatch(/\p{Script=Han}/u);
    expect(scripts.some((s) => s.includes(allClear))).toBe(false);
  });
});

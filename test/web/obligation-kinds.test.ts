import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredKinds } from '../../server/platform/obligations/kinds.ts';
import { webModules } from '../../web/src/modules/index.ts';
import { installWebModules } from '../../web/src/platform/modules/manifest.ts';

installWebModules(webModules);
/** The kinds the platform's own texts name (web/src/platform/obligations/texts.ts, `kinds`). */
const PLATFORM_KINDS = ['certification.renewal', 'action.due', 'meeting.minutes'];
const root = path.resolve(import.meta.dirname, '../..');

/** Every server file that registers an obligation kind (each registers it when loaded). */
function registeringFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return registeringFiles(full);
    return e.name.endsWith('.ts') &&
      !e.name.endsWith('.test.ts') &&
      readFileSync(full, 'utf8').includes('registerObligationKind({')
      ? [full]
      : [];
  });
}

describe('obligation kinds in the web app', () => {
  it('names every kind the server registers, in both languages (a list never shows a raw code)', async () => {
    const files = registeringFiles(path.join(root, 'server'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) await import(f);
    const kinds = registeredKinds().map((k) => k.kind);
    expect(kinds.length).toBeGreaterThan(15);
    const byModules = new Map(
      webModules.flatMap((m) => (m.obligationKinds ?? []).map((k) => [k.kind, k.name])),
    );
    const unnamed = kinds.filter((kind) => {
      const named = byModules.get(kind);
      return named ? !named.en || !named['zh-TW'] : !PLATFORM_KINDS.includes(kind);
    });
    expect(unnamed).toEqual([]);
  });
});

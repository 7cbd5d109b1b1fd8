import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformMigrations } from './db/migrations/index.ts';
import { programModules } from './modules/index.ts';

/**
 * The module kit's boundaries, checked on the source: the platform never names a program nor imports a
 * module, modules reach each other only through their index and platform data only through platform
 * services, and demo code stays out of the production entry's import graph.
 *
 * The lists of known exceptions below are a ratchet: each entry is a place still to move behind a seam. A new
 * violation fails, and so does an entry that no longer occurs (remove it from the list).
 */
const ROOT = path.resolve(import.meta.dirname, '..');

/** Program keys: the modules' and those of the programs still in preparation, listed with them. */
const PROGRAM_KEYS = programModules.map((m) => m.key);

const KNOWN_PROGRAM_NAMES: Record<string, string> = {};

/** Platform tables a module still reads or writes directly, file by file. */
const KNOWN_PLATFORM_TABLE_READS: Record<string, string[]> = {
  // A data migration that rewrote the health events already stored (and their chains): it runs once, before
  // any service exists.
  'server/modules/ohs/migrations/0015_redact_health_audit.ts': [
    'audit_chains',
    'audit_events',
    'obligations',
  ],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Specifiers of a file's static imports and re-exports (dynamic `import()` is not followed). */
function specifiersOf(file: string): string[] {
  const text = read(file);
  const specifiers: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) specifiers.push(m[1]);
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) specifiers.push(m[1]);
  return specifiers;
}

/** The files a file imports statically, relative or through the `#shared/` alias, as paths from the root. */
function staticImports(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith('.') || s.startsWith('#shared/'))
    .map((s) =>
      s.startsWith('#shared/')
        ? `shared/${s.slice('#shared/'.length)}`
        : path.normalize(path.join(path.dirname(file), s)),
    );
}

/** Program keys named as string literals, outside the translation files. */
function namesAProgram(file: string): boolean {
  if (file.includes('/i18n/')) return false;
  const keys = PROGRAM_KEYS.join('|');
  return new RegExp(`['"\`/](${keys})(['"\`._/-])`).test(read(file));
}

const platformFiles = [
  ...sourceFiles('server/platform'),
  ...sourceFiles('shared/platform'),
  ...sourceFiles('web/src/platform'),
];

describe('module boundaries', () => {
  it('no platform file names a program', () => {
    const naming = platformFiles.filter(namesAProgram).sort();
    expect(naming).toEqual(Object.keys(KNOWN_PROGRAM_NAMES).sort());
  });

  it('platform code imports no module', () => {
    const importing = platformFiles
      .filter((file) =>
        staticImports(file).some((target) => /^(server|shared|web\/src)\/modules\//.test(target)),
      )
      .sort();
    expect(importing).toEqual([]);
  });

  it('a module imports another module only through its index', () => {
    // A module's files are its server folder, its shared contracts and rules, and its web folder.
    const programOf = (file: string) => /^(?:server|shared|web\/src)\/modules\/([^/]+)\//.exec(file)?.[1];
    const isIndex = (file: string) => /^(?:server|web\/src)\/modules\/[^/]+\/index\.tsx?$/.test(file);
    const crossings: string[] = [];
    for (const root of ['server/modules', 'shared/modules', 'web/src/modules']) {
      for (const file of sourceFiles(root)) {
        const own = programOf(file);
        for (const target of staticImports(file)) {
          const other = programOf(target);
          if (own && other && other !== own && !isIndex(target)) crossings.push(`${file} → ${target}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it('a module reads platform tables only through platform services', () => {
    const platformTables = new Set<string>();
    for (const migration of Object.keys(platformMigrations)) {
      const text = read(`server/db/migrations/${migration}.ts`);
      for (const m of text.matchAll(/create table (?:if not exists )?([a-z_]+)/gi)) platformTables.add(m[1]);
    }
    expect(platformTables.has('sites')).toBe(true);
    const reads: Record<string, string[]> = {};
    for (const file of sourceFiles('server/modules')) {
      const tables = new Set<string>();
      for (const m of read(file).matchAll(
        /(?:selectFrom|updateTable|insertInto|deleteFrom|innerJoin|leftJoin)\(['"]([a-z_]+)/g,
      ))
        if (platformTables.has(m[1])) tables.add(m[1]);
      if (tables.size) reads[file] = [...tables].sort();
    }
    expect(reads).toEqual(KNOWN_PLATFORM_TABLE_READS);
  });

  it('keeps every source file outside tests, translations and demo data under 600 lines', () => {
    const long = ['server', 'web/src', 'cli', 'scripts', 'bench']
      .flatMap(sourceFiles)
      .filter((f) => !f.includes('/i18n/') && !f.includes('/demo/'))
      .filter((f) => (read(f).match(/\n/g)?.length ?? 0) > 600)
      .sort();
    expect(long).toEqual([]);
  });

  /** Every file the production entry imports statically, directly or not. */
  function productionGraph() {
    const seen = new Set<string>();
    const pending = ['server/main.ts'];
    while (pending.length) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      pending.push(...staticImports(file).filter((f) => /\.tsx?$/.test(f)));
    }
    expect(seen.size).toBeGreaterThan(50);
    return [...seen];
  }

  it('demo code is not in the import graph of the production entry', () => {
    expect(productionGraph().filter((f) => f.startsWith('reference/demo/') || f.includes('/demo/'))).toEqual(
      [],
    );
  });

  it("test code (the modules' parts of the security suite included) is not in the import graph of the production entry", () => {
    const graph = productionGraph();
    const testCode = graph.filter(
      (f) =>
        f.startsWith('test/') ||
        /\.test\.tsx?$/.test(f) ||
        /^server\/modules\/[^/]+\/security(-[a-z-]+)?\.ts$/.test(f),
    );
    expect(testCode).toEqual([]);
    const testTools = graph.filter((f) => /from\s+'(vitest|fast-check|playwright-core)'/.test(read(f)));
    expect(testTools).toEqual([]);
    // The manifests do reach their rows, lazily: the check above would see them if the import were static.
    expect(read('server/modules/ohs/index.ts')).toContain("import('./security.ts')");
  });

  it('the web app imports only its own code, the shared contracts and rules, and packages', () => {
    const outside = sourceFiles('web/src').flatMap((file) =>
      staticImports(file)
        .filter((target) => !target.startsWith('web/src/') && !target.startsWith('shared/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(outside).toEqual([]);
    // And the shared folder reaches nothing but itself and packages.
    const fromShared = sourceFiles('shared').flatMap((file) =>
      staticImports(file)
        .filter((target) => !target.startsWith('shared/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(fromShared).toEqual([]);
  });

  it("the web app's TypeScript configuration refuses server code", () => {
    // A probe compiled under the web app's options: importing a server file is an error of the configuration
    // itself (a composite project must list every file it compiles), not only of this test's static scan.
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-web-config-'));
    try {
      writeFileSync(
        path.join(dir, 'probe.ts'),
        `import { AppError } from '${path.join(ROOT, 'server/platform/http/errors.ts')}';\nexport const probe = AppError;\n`,
      );
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: path.join(ROOT, 'web/tsconfig.json'),
          compilerOptions: { tsBuildInfoFile: path.join(dir, 'probe.tsbuildinfo') },
          include: [path.join(dir, 'probe.ts')],
        }),
      );
      let output = '';
      try {
        execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(dir, 'tsconfig.json')], {
          encoding: 'utf8',
        });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      expect(output).toMatch(/error TS6307: File '[^']*server\/platform\/http\/errors\.ts' is not listed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The probe shares the web app's options; its own list of files is the app's code and the shared folder.
    const webConfig = JSON.parse(read('web/tsconfig.json').replace(/^\s*\/\/.*$/gm, ''));
    expect(webConfig.compilerOptions.composite).toBe(true);
    expect(webConfig.include).toEqual(['src', '../shared']);
  });
});

/**
 * Proves that the authorization matrix notices a missing scope check: for each mutation below, a copy of
 * the repository (a git worktree of HEAD) loses one scope filter or access check, the matrix runs against
 * it, and the routes that turned red are reported. A mutation that leaves the matrix green is a hole in it.
 *
 *   node test/security/tools/scope-mutations.ts            (uses TEST_DATABASE_URL if set)
 *
 * Not part of `npm test` (each mutation runs the whole matrix); SECURITY.md quotes its last result.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

type Mutation = { name: string; file: string; find: string; replace: string };

export const MUTATIONS: Mutation[] = [
  {
    name: 'employee list without its scope filter (people/repo.ts employeeQuery)',
    file: 'server/platform/people/repo.ts',
    find: ".where((eb) => inScope(eb, 'employees.site_id', scope));",
    replace: ';',
  },
  {
    name: 'contractor worker list without its scope filter (people/repo.ts)',
    file: 'server/platform/people/repo.ts',
    find: ".where((eb) => inScope(eb, 'contractor_workers.site_id', scope));",
    replace: ';',
  },
  {
    name: 'external persons: site rows of every site (people/repo.ts)',
    file: 'server/platform/people/repo.ts',
    find: "inScope(eb, 'external_persons.site_id', scope)",
    replace: "eb('external_persons.site_id', 'is not', null)",
  },
  {
    name: 'hazard list without its scope filter (ohs/hazards/repo.ts)',
    file: 'server/modules/ohs/hazards/repo.ts',
    find: ".where((eb) => inScope(eb, 'h.site_id', f.scope))",
    replace: '',
  },
  {
    name: 'incident list without its scope filter (ohs/incidents/repo.ts)',
    file: 'server/modules/ohs/incidents/repo.ts',
    find: "base = base.where((eb) => inScope(eb, 'i.site_id', scope));",
    replace: '',
  },
  {
    name: 'health screenings without their scope filter (ohs/health/repo.ts)',
    file: 'server/modules/ohs/health/repo.ts',
    find: ".where((eb) => inScope(eb, 'h.site_id', f.scope));",
    replace: ';',
  },
  {
    name: 'training courses: site courses of every site (training/service.ts)',
    file: 'server/platform/training/service.ts',
    find: "inScope(eb, 'training_courses.site_id', scope)",
    replace: "eb('training_courses.site_id', 'is not', null)",
  },
  {
    name: 'one employee by id without its access check (people/employees.ts getEmployee)',
    file: 'server/platform/people/employees.ts',
    find: "access.assert(actor, { permission: 'people.read', siteId: row.site_id, what: 'employee' });",
    replace: '',
  },
  {
    name: 'access.assert answers 403 instead of 404 outside the scope (access/service.ts)',
    file: 'server/platform/access/service.ts',
    find: 'if (siteId !== null && !scopeHas(visibleSites(actor), siteId)) throw new NotFoundError(what);',
    replace: '',
  },
  {
    name: 'program narrowing ignored (access/actor.ts sitesWith)',
    file: 'server/platform/access/actor.ts',
    find: '.filter((a) => program === undefined || a.program === null || a.program === program)',
    replace: '',
  },
];

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function main() {
  const only = process.argv[2];
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-mutation-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, 'HEAD'], { cwd: ROOT, stdio: 'ignore' });
  const results: { name: string; red: string[] }[] = [];
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const vitest = path.join(ROOT, 'node_modules/.bin/vitest');
    for (const m of MUTATIONS) {
      if (only && !m.name.includes(only)) continue;
      run('git', ['checkout', '--', '.'], dir);
      const file = path.join(dir, m.file);
      const source = readFileSync(file, 'utf8');
      if (!source.includes(m.find)) {
        results.push({ name: m.name, red: ['(the code to mutate was not found: update this mutation)'] });
        continue;
      }
      writeFileSync(file, source.replace(m.find, m.replace));
      const out = run(
        vitest,
        ['run', '--project', 'security', 'test/security/authorization-matrix.test.ts'],
        dir,
        {
          ...process.env,
          PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
          NO_COLOR: '1',
        },
      );
      const text = `${out.stdout}\n${out.stderr}`;
      const red = [
        ...new Set(
          [...text.matchAll(/FAIL .*?> ((?:GET|POST|PUT|PATCH|DELETE) \/api\S*)/g)].map((x) => x[1]),
        ),
      ];
      results.push({ name: m.name, red });
      console.log(`${red.length ? 'RED  ' : 'GREEN'} ${m.name}${red.length ? `: ${red.join(', ')}` : ''}`);
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  const holes = results.filter((r) => r.red.length === 0);
  console.log(`\n${results.length - holes.length} of ${results.length} mutations turned the matrix red.`);
  if (holes.length) process.exitCode = 1;
}

main();

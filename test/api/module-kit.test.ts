import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoDataset } from '../../reference/demo/generate.ts';
import { demoTables } from '../../reference/demo/load.ts';
import { generateModuleDemos } from '../../reference/demo/parts.ts';
import { workerJobs } from '../../server/main.ts';
import { programModules } from '../../server/modules/index.ts';
import { policyTable } from '../../server/platform/access/policy.ts';
import { matrixActors, signInMatrix } from '../security/support/actors.ts';
import type { Family } from '../security/support/family-kit.ts';
import { expectedFor, type Permission, type Variant } from '../security/support/policy.ts';
import { Resources } from '../security/support/resources.ts';
import { securitySuite } from '../security/support/suite.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';
import { notesModule } from './module-kit/notes-module.ts';

/** A program plugs in through its manifest alone: the app, the worker and the policy take the module list. */
describe.each(databases())('a program module added to the module list (%s)', (kind) => {
  let t: TestApp;
  const modules = [...programModules, notesModule];
  beforeAll(async () => {
    t = await createTestApp({ kind, modules });
    await sql`insert into notes_entries (site_id, body) values (${FIXTURE.sites.K7.id}, 'K7 note'), (${FIXTURE.sites.TC.id}, 'TC note')`.execute(
      t.db,
    );
  });
  afterAll(() => t?.close());

  it('is migrated and served, scoped to the sites of the caller', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.get('/api/notes');
    expect(res.status).toBe(200);
    expect(res.body.map((n: { body: string }) => n.body)).toEqual(['K7 note']);
    const admin = await t.signInAs('groupAdmin');
    expect((await admin.get('/api/notes')).body).toHaveLength(2);
  });

  it('joins the access policy: its permission is granted as declared and refused otherwise', async () => {
    expect(policyTable().get('notes.read')).toEqual(notesModule.permissions['notes.read']);
    const officer = await t.signInAs('k7Officer');
    expect((await officer.get('/api/auth/session')).body.permissions).toContain('notes.read');
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/auth/session')).body.permissions).not.toContain('notes.read');
    expect((await employee.get('/api/notes')).status).toBe(403);
  });

  it("enforces the route's declared permission in the request hook, even where a handler forgets it", async () => {
    const employee = await t.signInAs('employee');
    const refused = await employee.get('/api/notes/count');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 403, permission: 'notes.read' });
    const officer = await t.signInAs('k7Officer');
    expect((await officer.get('/api/notes/count')).body).toEqual({ count: 2 });
  });

  it('is in the route table with its declared permission, and in the OpenAPI document', async () => {
    expect(t.app.routeTable).toContainEqual({ method: 'GET', url: '/api/notes', access: 'notes.read' });
    const openapi = await t.anonymous().get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toContain('/api/notes');
  });

  it("brings its rows of the security suite's route table, which then covers every route of the app", async () => {
    const table = (await securitySuite(modules)).routes;
    const uncovered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).filter((key) => !table[key]);
    expect(uncovered).toEqual([]);
    expect(table['GET /api/notes']).toMatchObject({ access: 'notes.read' });
    expect(Object.keys((await securitySuite()).routes)).not.toContain('GET /api/notes');
  });

  it("brings its part of the security suite's expected policy, with its own role variants", async () => {
    const { policy } = await securitySuite(modules);
    const read = 'notes.read' as Permission;
    expect(policy.variants).toContain('site_officer:notes');
    expect(policy.holds['site_officer:notes' as Variant]).toContain(read);
    // Every site officer reads the notes, whatever program their role is narrowed to; the others do not.
    expect(policy.holds.site_officer).toContain(read);
    expect(policy.holds['site_officer:ohs']).toContain(read);
    expect(policy.holds.group_admin).toContain(read);
    for (const variant of ['employee', 'auditor', 'board', 'medical', 'program_owner:ohs'] as const)
      expect(policy.holds[variant], variant).not.toContain(read);
    const defaults = (await securitySuite()).policy;
    expect(defaults.variants).not.toContain('site_officer:notes');
    expect(Object.values(defaults.holds).flat()).not.toContain(read);
  });

  it('brings its family of records, seeded at each of its sites and answered to each actor as the expected policy says', async () => {
    const suite = await securitySuite(modules);
    const note = 'note' as Family;
    expect(suite.families[note].locations).toEqual(['K7', 'PG', 'TC']);
    expect(Object.keys((await securitySuite()).families)).not.toContain(note);
    const res = new Resources(t, suite);
    // The route's row checks a note at each location: each actor of one site, an administrator of the group,
    // a user without a role and a signed-out visitor.
    const actors = await signInMatrix(
      t,
      matrixActors(suite.policy).filter(
        (a) => a.kind !== 'role' || a.scope === 'site' || a.variant === 'group_admin',
      ),
    );
    expect(actors.map((a) => a.actor.name)).toContain('site_officer:notes@site');
    const answers: string[] = [];
    const expected: string[] = [];
    for (const loc of suite.families[note].locations) {
      const id = await res.id(note, loc);
      for (const { actor, client } of actors) {
        answers.push(`${actor.name} ${loc} ${(await client.get(`/api/notes/${id}`)).status}`);
        const want = expectedFor(actor, 'notes.read' as Permission, loc);
        expected.push(`${actor.name} ${loc} ${want === 'allow' ? 200 : want}`);
      }
    }
    expect(answers).toEqual(expected);
    expect(expected).toContain('site_officer:notes@site K7 200');
    expect(expected).toContain('site_officer:notes@site TC 404');
    expect(expected).toContain('employee@site K7 403');
  });

  it("brings its part of the demo, loaded after the group's tables and the other modules' parts", async () => {
    const group = generateDemoDataset({ clock: '2026-11-20', scale: 0.01, seed: DEFAULT_SEED });
    const tables = demoTables(group, [], await generateModuleDemos(modules, group)).map((t) => t.table);
    expect(tables.slice(0, 3)).toEqual(['holdings', 'subsidiaries', 'sites']);
    expect(tables).toContain('ohs_incidents');
    expect(tables.at(-1)).toBe('notes_entries');
    const parts = await generateModuleDemos(programModules, group);
    expect(parts.flatMap((p) => p.tables.map((t) => t.table))).not.toContain('notes_entries');
  });

  it('is a program that role assignments name, listed in the OpenAPI enumeration of program keys', async () => {
    const admin = await t.signInAs('groupAdmin');
    const created = await admin.post('/api/users', {
      email: 'notes.owner@steward.test',
      displayName: 'Notes Owner',
      password: 'Notes-Owner-Pass-1',
      assignments: [{ role: 'program_owner', program: 'notes', scopeKind: 'group' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.assignments).toMatchObject([{ role: 'program_owner', program: 'notes' }]);
    const unknown = await admin.post('/api/users', {
      email: 'nobody.owner@steward.test',
      displayName: 'Nobody Owner',
      password: 'Nobody-Owner-Pass-1',
      assignments: [{ role: 'program_owner', program: 'nothing', scopeKind: 'group' }],
    });
    expect(unknown.status).toBe(400);
    const openapi = await t.anonymous().get('/api/openapi.json');
    const create = openapi.body.paths['/api/users'].post.requestBody.content['application/json'].schema;
    const program = JSON.stringify(create.properties.assignments.items.properties.program);
    for (const key of modules.map((m) => m.key)) expect(program).toContain(`"${key}"`);
  });

  it('adds its jobs to the worker and its attention source to the home page', async () => {
    const names = workerJobs(t.db, t.config, modules).map((j) => j.name);
    expect(names).toContain('notes-sweep');
    expect(names).toContain('ohs-permits-expire');
    const officer = await t.signInAs('k7Officer');
    const home = await officer.get('/api/home');
    expect(home.body.attention.map((a: { kind: string }) => a.kind)).toContain('notes-unread');
  });

  it('is absent from an app built with the default module list', () => {
    expect(workerJobs(t.db, t.config).map((j) => j.name)).not.toContain('notes-sweep');
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoDataset } from '../../reference/demo/generate.ts';
import { demoTables } from '../../reference/demo/load.ts';
import { generateModuleDemos } from '../../reference/demo/parts.ts';
import { workerJobs } from '../../server/main.ts';
import { programModules } from '../../server/modules/index.ts';
import { policyTable } from '../../server/platform/access/policy.ts';
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

// biome-ignore-all lint/suspicious/noExplicitAny: schemas and bodies are whatever the API sent.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';
import { actorNamed, signInMatrix } from './support/actors.ts';
import { Resources } from './support/resources.ts';
import { FAMILY_LOCATIONS, ROUTE_CHECKS } from './support/suite.ts';
import { concurrentWriters } from './support/writers.ts';

/**
 * Optimistic locking under real concurrency. Every PATCH route of the route table that takes a version:
 * two administrators send an edit based on the same version at the same moment; exactly one wins and the
 * other gets 409 with the current version, and retrying with it succeeds. Then many writers on one
 * PostgreSQL for a few seconds (200 for 30 seconds under `npm run test:stress`).
 */

const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** Plain text fields a PATCH can change, in order of preference. */
const EDITABLE = [
  'name',
  'title',
  'fullName',
  'displayName',
  'department',
  'summary',
  'statement',
  'charter',
  'treatment',
  'certificateNo',
  'trade',
  'organisation',
  'activity',
  'description',
  'contactPhone',
  'mark',
  'publicationNo',
  'consultancy',
  'vendor',
  'insurer',
];

describe(`two people editing one record (${kind})`, () => {
  let t: TestApp;
  let filesDir: string;
  let first: ApiClient;
  let second: ApiClient;
  let res: Resources;
  let schemas: Map<string, any>;

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-locking-'));
    t = await createTestApp({ kind, config: { filesDir } });
    const actors = await signInMatrix(t);
    first = await t.signInAs('groupAdmin');
    second = actorNamed(actors, 'group_admin@group').client;
    res = new Resources(t);
    await res.init(actorNamed(actors, 'medical@group').client, []);
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    schemas = new Map();
    for (const [p, item] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries(item))
        schemas.set(
          `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`,
          op.requestBody?.content?.['application/json']?.schema,
        );
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('lets exactly one of two concurrent edits on the same version win, on every versioned PATCH route', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.method === 'PATCH' && schemas.get(`PATCH ${r.url}`)?.properties?.version,
    );
    expect(routes.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const route of routes) {
      const key = `PATCH ${route.url}`;
      const check = ROUTE_CHECKS[key]?.checks.find((c) => c.kind === 'record');
      if (check?.kind !== 'record') {
        problems.push(`${key}: no record family in the security suite's route table`);
        continue;
      }
      const loc = FAMILY_LOCATIONS[check.family].includes('K7') ? 'K7' : FAMILY_LOCATIONS[check.family][0];
      const id = await res.id(check.family, loc);
      const url = route.url.replace(':id', id);
      const properties = schemas.get(key).properties;
      const textField = EDITABLE.find(
        (f) =>
          properties[f] &&
          (properties[f].type === 'string' || properties[f].anyOf?.some((a: any) => a.type === 'string')),
      );
      // A route whose only editable fields are links (a finding's system): both clear the same nullable one.
      const nullable = textField
        ? undefined
        : Object.keys(properties).find(
            (f) => f !== 'version' && properties[f].anyOf?.some((a: any) => a.type === 'null'),
          );
      // A route whose only editable fields are numbers (an activity's hours): each sets its own value.
      const numeric =
        textField || nullable
          ? undefined
          : Object.keys(properties).find(
              (f) => f !== 'version' && ['integer', 'number'].includes(properties[f].type),
            );
      const field = textField ?? nullable ?? numeric;
      const base = numeric ? Number(properties[numeric].minimum ?? 0) : 0;
      const numbers: Record<string, number> = { 'Edited by A': 1, 'Edited by B': 2, 'Edited again': 3 };
      const edit = (text: string) => (textField ? text : numeric ? base + numbers[text] : null);
      if (!field) {
        problems.push(
          `${key}: none of ${EDITABLE.join(', ')} nor a nullable field to edit: add the field to EDITABLE`,
        );
        continue;
      }
      // The current version, from the refusal of a stale one.
      const probe = await first.patch(url, { version: 999_999 });
      if (probe.status !== 409 || typeof probe.body.currentVersion !== 'number') {
        problems.push(`${key}: a stale version got ${probe.status} ${probe.text.slice(0, 160)}`);
        continue;
      }
      const version = probe.body.currentVersion;
      const [a, b] = await Promise.all([
        first.patch(url, { [field]: edit('Edited by A'), version }),
        second.patch(url, { [field]: edit('Edited by B'), version }),
      ]);
      const statuses = [a.status, b.status].sort();
      if (statuses[0] !== 200 || statuses[1] !== 409) {
        problems.push(
          `${key}: two edits on version ${version} answered ${a.status} and ${b.status} (${a.text.slice(0, 120)} | ${b.text.slice(0, 120)})`,
        );
        continue;
      }
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      if (loser.body.currentVersion !== version + 1)
        problems.push(`${key}: the 409 says version ${loser.body.currentVersion}, not ${version + 1}`);
      // Routes that answer with the record itself (injuries and root causes answer with their incident or investigation).
      if (winner.body.id === id) {
        if (winner.body.version !== version + 1)
          problems.push(`${key}: the winner made version ${winner.body.version}`);
        if (winner.body[field] !== edit(winner === a ? 'Edited by A' : 'Edited by B'))
          problems.push(`${key}: the winner's ${field} is not stored`);
      }
      // The loser, applying the change again on the current version, succeeds.
      const retry = await (loser === a ? first : second).patch(url, {
        [field]: edit('Edited again'),
        version: loser.body.currentVersion,
      });
      if (retry.status !== 200) problems.push(`${key}: the retry got ${retry.status}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('refuses a write on a version from the future or the past, changing nothing', async () => {
    const id = await res.id('employee', 'K7');
    const current = (await first.get(`/api/people/employees/${id}`)).body;
    for (const version of [current.version + 1, current.version - 1, 1_000_000]) {
      if (version < 1) continue;
      const r = await first.patch(`/api/people/employees/${id}`, { department: 'Should not stick', version });
      expect(r.status).toBe(409);
      expect(r.body.currentVersion).toBe(current.version);
    }
    expect((await first.get(`/api/people/employees/${id}`)).body).toEqual(current);
    expect(SITES.K7.id).toBe(current.siteId);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('many concurrent writers on PostgreSQL', () => {
  it('answers no 5xx, and the final state is exactly the acknowledged writes (50 writers, 5 seconds)', async () => {
    const report = await concurrentWriters({ writers: 50, seconds: 5, records: 5 });
    console.log(
      `Concurrent writers: ${JSON.stringify({ ...report, gaps: report.gaps.length, mismatches: report.mismatches.length })}`,
    );
    expect(report.serverErrors).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(report.conflicts).toBeGreaterThan(0);
    expect(report.gaps).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.auditMismatches).toEqual([]);
    expect(report.auditOk).toBe(true);
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemActor } from '../../server/platform/access/actor.ts';
import { defineSetting } from '../../server/platform/settings/service.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';

/** The seams a module uses instead of reading platform tables: org, actions, documents, settings. */
describe.each(databases())('platform seams for modules (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(() => t?.close());

  it('org: a site to write at, 404 for an unknown one; an area of another site is refused by field', async () => {
    const { org } = t.app.services;
    const site = await org.siteForWriting(FIXTURE.sites.K7.id);
    expect(site).toMatchObject({ id: FIXTURE.sites.K7.id, code: 'K7', timeZone: 'Asia/Taipei' });
    await expect(org.siteForWriting(randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(org.assertAreaOfSite(FIXTURE.areas.K7_B1.id, FIXTURE.sites.K7.id)).resolves.toBeUndefined();
    await expect(org.assertAreaOfSite(FIXTURE.areas.K7_B1.id, FIXTURE.sites.TC.id)).rejects.toMatchObject({
      status: 422,
      extra: { errors: [{ path: 'areaId', message: 'Not an area of the site' }] },
    });
    await expect(
      org.assertAreaOfSite(randomUUID(), FIXTURE.sites.K7.id, t.db, 'where'),
    ).rejects.toMatchObject({
      extra: { errors: [{ path: 'where' }] },
    });
  });

  it('actions: the actions raised from each source record, empty for a source without any', async () => {
    const admin = await t.signInAs('groupAdmin');
    const [a, b] = [randomUUID(), randomUUID()];
    const raise = (sourceId: string, title: string) =>
      admin.post('/api/actions', {
        siteId: FIXTURE.sites.K7.id,
        kind: 'corrective',
        title,
        sourceType: 'seam_test',
        sourceId,
        dueDate: '2027-01-31',
      });
    const first = await raise(a, 'Guard the press');
    const second = await raise(a, 'Train the operators');
    expect([first.status, second.status]).toEqual([201, 201]);
    const linked = await t.app.services.actions.linkedTo('seam_test', [a, b]);
    expect(linked.get(a)).toEqual([first.body.id, second.body.id]);
    expect(linked.get(b)).toEqual([]);
  });

  it('documents: counts per owner record, zero for one without any', async () => {
    const admin = await t.signInAs('groupAdmin');
    const action = await admin.post('/api/actions', {
      siteId: FIXTURE.sites.K7.id,
      kind: 'preventive',
      title: 'Evidence holder',
      dueDate: '2027-02-28',
    });
    const counts = await t.app.services.documents.countsByOwner('action', [action.body.id]);
    expect(counts.get(action.body.id)).toBe(0);
    await t.exec(
      `insert into documents (entity_type, entity_id, site_id, filename, content_type, size_bytes, sha256, storage_key, uploaded_by)
       values ('action', '${action.body.id}', '${FIXTURE.sites.K7.id}', 'photo.png', 'image/png', 4, '${'0'.repeat(64)}', 'k1', null)`,
    );
    expect(
      (await t.app.services.documents.countsByOwner('action', [action.body.id])).get(action.body.id),
    ).toBe(1);
  });

  it('settings: the default until set, then the stored value, with its audit event; a bad value is refused', async () => {
    const { settings } = t.app.services;
    const threshold = defineSetting({
      key: 'seam.threshold',
      schema: z.object({ level: z.number().int().min(1).max(5) }),
      defaultValue: { level: 3 },
      auditAction: 'seam.threshold.updated',
    });
    expect(await settings.get(threshold)).toEqual({ level: 3 });
    const actor = systemActor('test');
    await t.db.transaction().execute((trx) => settings.set(trx, actor, threshold, { level: 4 }));
    expect(await settings.get(threshold)).toEqual({ level: 4 });
    const [event] = (await t.exec(
      `select before, after from audit_events where action = 'seam.threshold.updated'`,
    )) as { before: unknown; after: unknown }[];
    expect(event).toEqual({ before: { level: 3 }, after: { level: 4 } });
    await expect(
      t.db.transaction().execute((trx) => settings.set(trx, actor, threshold, { level: 9 })),
    ).rejects.toMatchObject({ status: 422, extra: { errors: [{ path: 'level' }] } });
    expect(await settings.get(threshold)).toEqual({ level: 4 });
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

/**
 * Information security policies: register, versions, acknowledgement campaigns and the employee's own
 * acknowledgement. A second acknowledgement of the same campaign is refused with 409 (the first one stands).
 */
describe.each(databases())('information security policies (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let spil: ApiClient;
  let employee: ApiClient;
  let policyId: string;
  let campaignId: string;
  let siteCampaignId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    employee = await t.signInAs('employee');
  });
  afterAll(async () => t?.close());

  it('registers a group policy with versions; the current one is the latest in force; stale edits are 409', async () => {
    const created = await admin.post('/api/infosec/policies', {
      code: 'ISP-01',
      title: 'Information Security Policy',
      ownerId: USERS.groupAdmin.id,
      status: 'active',
    });
    expect(created.status).toBe(201);
    policyId = created.body.id;
    expect(created.body).toMatchObject({ siteId: null, currentVersion: null, versions: 0 });
    const v1 = await admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '1.0',
      effectiveOn: '2022-01-01',
      summary: 'First issue',
      approvedBy: USERS.groupAdmin.id,
      approvedOn: '2021-12-15',
    });
    expect(v1.status).toBe(201);
    const v2 = await admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '2.0',
      effectiveOn: '2024-03-01',
    });
    expect(v2.status).toBe(201);
    const future = await admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '3.0',
      effectiveOn: '2099-01-01',
    });
    expect(future.status).toBe(201);
    const again = await admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '2.0',
      effectiveOn: '2025-01-01',
    });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('label');
    const detail = await admin.get(`/api/infosec/policies/${policyId}`);
    expect(detail.body.currentVersion).toBe('2.0');
    expect(detail.body.versionList.map((v: any) => [v.label, v.current])).toEqual([
      ['3.0', false],
      ['2.0', true],
      ['1.0', false],
    ]);
    const renamed = await admin.patch(`/api/infosec/policies/${policyId}`, {
      title: 'Information Security Policy of the group',
      version: created.body.version,
    });
    expect(renamed.status).toBe(200);
    const stale = await admin.patch(`/api/infosec/policies/${policyId}`, {
      title: 'Late',
      version: created.body.version,
    });
    expect(stale.status).toBe(409);
    const bad = await admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '4.0',
      effectiveOn: '2025-02-30',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('effectiveOn');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', policyId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'infosec.policy.created',
      'infosec.policy.version_added',
      'infosec.policy.version_added',
      'infosec.policy.version_added',
      'infosec.policy.updated',
    ]);
  });

  it('opens a campaign over K7 and PG: the employees with an account are asked, a site with nobody asked says so', async () => {
    const detail = await admin.get(`/api/infosec/policies/${policyId}`);
    const current = detail.body.versionList.find((v: any) => v.current);
    const refused = await officer.post(`/api/infosec/policy-versions/${current.id}/campaigns`, {
      siteIds: [SITES.K7.id],
      openedOn: '2026-01-05',
      dueOn: '2026-02-05',
    });
    expect(refused.status).toBe(403);
    const opened = await admin.post(`/api/infosec/policy-versions/${current.id}/campaigns`, {
      siteIds: [SITES.K7.id, SITES.PG.id],
      openedOn: '2026-01-05',
      dueOn: '2026-02-05',
    });
    expect(opened.status).toBe(201);
    campaignId = opened.body.id;
    const asked = await t.db
      .selectFrom('infosec_policy_asked')
      .select(['user_id', 'site_id'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(asked).toEqual([{ user_id: USERS.employee.id, site_id: SITES.K7.id }]);
    const view = await admin.get(`/api/infosec/policy-campaigns/${campaignId}`);
    expect(view.status).toBe(200);
    expect(view.body.sites).toEqual([
      { siteId: SITES.K7.id, siteCode: 'K7', asked: 1, acknowledged: 0, rate: 0 },
      { siteId: SITES.PG.id, siteCode: 'PG', asked: 0, acknowledged: 0, rate: null },
    ]);
    expect(view.body.overdue.map((p: any) => p.userId)).toEqual([USERS.employee.id]);
    const due = await t.db
      .selectFrom('obligations')
      .select(['due_date', 'state'])
      .where('kind', '=', 'infosec.policy_acknowledgement')
      .where('source_id', '=', campaignId)
      .executeTakeFirst();
    expect(due).toEqual({ due_date: '2026-02-05', state: 'open' });
  });

  it('lets the employee acknowledge once; a second time is 409; a user not asked meets 404', async () => {
    const mine = await employee.get('/api/infosec/my/policy-campaigns');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      id: campaignId,
      policyCode: 'ISP-01',
      versionLabel: '2.0',
      acknowledgedAt: null,
    });
    expect((await officer.get('/api/infosec/my/policy-campaigns')).body.items).toEqual([]);
    expect((await officer.post(`/api/infosec/my/policy-campaigns/${campaignId}/acknowledge`)).status).toBe(
      404,
    );
    const reminder = async () =>
      (await employee.get('/api/home')).body.attention.find(
        (a: any) => a.kind === 'infosec-policies-to-acknowledge',
      );
    expect(await reminder()).toMatchObject({ count: 1, link: '/infosec/policies/mine' });
    const ack = await employee.post(`/api/infosec/my/policy-campaigns/${campaignId}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).toEqual(expect.any(String));
    const twice = await employee.post(`/api/infosec/my/policy-campaigns/${campaignId}/acknowledge`);
    expect(twice.status).toBe(409);
    expect(await reminder()).toBeUndefined();
    const rows = await t.db
      .selectFrom('infosec_policy_acknowledgements')
      .select('user_id')
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(rows).toEqual([{ user_id: USERS.employee.id }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', campaignId)
      .where('action', 'like', 'infosec.policy_campaign.%')
      .orderBy('action')
      .execute();
    // The acknowledgement is written on the chain of the employee's site, the campaign on the group's.
    expect(audit).toEqual([
      { action: 'infosec.policy_campaign.acknowledged', actor_id: USERS.employee.id },
      { action: 'infosec.policy_campaign.created', actor_id: USERS.groupAdmin.id },
    ]);
    // Everyone asked has acknowledged: the campaign's obligation is done.
    const due = await t.db
      .selectFrom('obligations')
      .select('state')
      .where('source_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(due.state).toBe('done');
  });

  it('counts the progress from the rows: an acknowledgement removed moves the figure', async () => {
    const k7 = async () =>
      (await admin.get(`/api/infosec/policy-campaigns/${campaignId}`)).body.sites.find(
        (s: any) => s.siteCode === 'K7',
      );
    expect(await k7()).toMatchObject({ asked: 1, acknowledged: 1, rate: 100 });
    expect((await admin.get(`/api/infosec/policy-campaigns/${campaignId}`)).body.overdue).toEqual([]);
    // Past its due date the campaign is closed: the employee's acknowledgement stands.
    const closed = await employee.delete(`/api/infosec/my/policy-campaigns/${campaignId}/acknowledge`);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('campaign-closed');
    await t.db
      .deleteFrom('infosec_policy_acknowledgements')
      .where('campaign_id', '=', campaignId)
      .where('user_id', '=', USERS.employee.id)
      .execute();
    expect(await k7()).toMatchObject({ asked: 1, acknowledged: 0, rate: 0 });
    const detail = await admin.get(`/api/infosec/policies/${policyId}`);
    expect(detail.body.campaigns[0].total).toEqual({ asked: 1, acknowledged: 0, rate: 0 });
  });

  it('keeps a site policy and its campaign at its site: another site’s officer meets 404', async () => {
    const created = await officer.post('/api/infosec/policies', {
      siteId: SITES.K7.id,
      code: 'K7-AUP',
      title: '可接受使用政策',
    });
    expect(created.status).toBe(201);
    const v = await officer.post(`/api/infosec/policies/${created.body.id}/versions`, {
      label: '1.0',
      effectiveOn: '2025-01-01',
    });
    expect(v.status).toBe(201);
    const wide = await officer.post(`/api/infosec/policy-versions/${v.body.id}/campaigns`, {
      siteIds: [SITES.PG.id],
      openedOn: '2026-01-10',
      dueOn: '2026-03-31',
    });
    expect(wide.status).toBe(422);
    expect(JSON.stringify(wide.body)).toContain('siteIds');
    const opened = await officer.post(`/api/infosec/policy-versions/${v.body.id}/campaigns`, {
      openedOn: '2026-01-10',
      dueOn: '2099-03-31',
    });
    expect(opened.status).toBe(201);
    siteCampaignId = opened.body.id;
    expect(opened.body.siteCodes).toEqual(['K7']);
    expect((await spil.get(`/api/infosec/policies/${created.body.id}`)).status).toBe(404);
    expect((await spil.get(`/api/infosec/policy-campaigns/${siteCampaignId}`)).status).toBe(404);
    expect(
      (
        await spil.post(`/api/infosec/policy-versions/${v.body.id}/campaigns`, {
          openedOn: '2026-01-10',
          dueOn: '2026-03-31',
        })
      ).status,
    ).toBe(404);
    expect((await spil.get('/api/infosec/policies')).body.items.map((p: any) => p.code)).toEqual(['ISP-01']);
    // Not yet due: nobody is overdue.
    expect((await officer.get(`/api/infosec/policy-campaigns/${siteCampaignId}`)).body.overdue).toEqual([]);
    const code = await officer.post('/api/infosec/policies', {
      siteId: SITES.K7.id,
      code: 'isp-01',
      title: 'Duplicate',
    });
    expect(code.status).toBe(409);
  });

  it('filters, sorts and exports the register', async () => {
    const site = await admin.get('/api/infosec/policies', { query: { siteId: SITES.K7.id } });
    expect(site.body.items.map((p: any) => p.code)).toEqual(['K7-AUP']);
    const sorted = await admin.get('/api/infosec/policies', { query: { sort: 'code', order: 'desc' } });
    expect(sorted.body.items.map((p: any) => p.code)).toEqual(['K7-AUP', 'ISP-01']);
    const csv = await admin.get('/api/infosec/policies/export.csv', { query: { status: 'active' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('ISP-01');
    expect(csv.text).toContain('in force');
    expect(csv.text).not.toContain('K7-AUP');
  });

  it('edits and removes a version no campaign has asked about; one asked about stays as it was', async () => {
    const versions = async () => (await admin.get(`/api/infosec/policies/${policyId}`)).body.versionList;
    const list = await versions();
    const asked = list.find((v: any) => v.label === '2.0');
    const future = list.find((v: any) => v.label === '3.0');
    const url = `/api/infosec/policy-versions/${future.id}`;
    expect((await officer.patch(url, { summary: 'K7 view', version: future.version })).status).toBe(403);
    expect((await spil.patch(url, { summary: 'SPIL view', version: future.version })).status).toBe(403);
    const taken = await admin.patch(url, { label: '1.0', version: future.version });
    expect(taken.status).toBe(409);
    expect(taken.body.errors.map((e: any) => e.path)).toEqual(['label']);
    const badDay = await admin.patch(url, { effectiveOn: '2099-02-30', version: future.version });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(badDay.body)).toContain('effectiveOn');
    const saved = await admin.patch(url, {
      label: '3.0-rc',
      effectiveOn: '2098-07-01',
      summary: 'Cloud services chapter',
      version: future.version,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      label: '3.0-rc',
      effectiveOn: '2098-07-01',
      summary: 'Cloud services chapter',
      current: false,
      version: future.version + 1,
    });
    expect((await admin.patch(url, { summary: 'Late', version: future.version })).status).toBe(409);

    const keep = await admin.patch(`/api/infosec/policy-versions/${asked.id}`, {
      summary: 'Rewritten',
      version: asked.version,
    });
    expect(keep.status).toBe(409);
    expect(keep.body.code).toBe('version-has-campaign');
    const keepToo = await admin.delete(`/api/infosec/policy-versions/${asked.id}`, {
      query: { version: String(asked.version) },
    });
    expect(keepToo.status).toBe(409);
    expect(keepToo.body.code).toBe('version-has-campaign');

    expect((await admin.delete(url, { query: { version: String(future.version) } })).status).toBe(409);
    expect((await admin.delete(url, { query: { version: String(saved.body.version) } })).status).toBe(204);
    expect((await versions()).map((v: any) => v.label)).toEqual(['2.0', '1.0']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', policyId)
      .where('action', 'in', ['infosec.policy.version_updated', 'infosec.policy.version_removed'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'infosec.policy.version_updated',
      'infosec.policy.version_removed',
    ]);
  });

  it('lets the employee withdraw their own acknowledgement while the campaign is open; the figure moves back', async () => {
    const url = `/api/infosec/my/policy-campaigns/${siteCampaignId}/acknowledge`;
    const k7 = async () =>
      (await officer.get(`/api/infosec/policy-campaigns/${siteCampaignId}`)).body.sites.find(
        (s: any) => s.siteCode === 'K7',
      );
    const none = await employee.delete(url);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('not-acknowledged');
    expect((await employee.post(url)).status).toBe(200);
    expect(await k7()).toMatchObject({ asked: 1, acknowledged: 1, rate: 100 });
    expect((await officer.delete(url)).status).toBe(404);
    const withdrawn = await employee.delete(url);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: siteCampaignId, acknowledgedAt: null });
    expect(await k7()).toMatchObject({ asked: 1, acknowledged: 0, rate: 0 });
    const mine = await employee.get('/api/infosec/my/policy-campaigns');
    expect(mine.body.items.find((c: any) => c.id === siteCampaignId).acknowledgedAt).toBeNull();
    const due = await t.db
      .selectFrom('obligations')
      .select('state')
      .where('source_id', '=', siteCampaignId)
      .executeTakeFirstOrThrow();
    expect(due.state).toBe('open');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', siteCampaignId)
      .where('action', 'like', 'infosec.policy_campaign.ac%')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'infosec.policy_campaign.acknowledged', actor_id: USERS.employee.id },
      { action: 'infosec.policy_campaign.acknowledgement_withdrawn', actor_id: USERS.employee.id },
    ]);
  });
});

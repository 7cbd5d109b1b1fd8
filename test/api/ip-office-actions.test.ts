import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2024 in Taiwan. */
const NOW = new Date('2024-01-15T02:00:00Z');

type Obligation = { sourceId: string; dueDate: string; state: string; title: string };

// Response periods by the office's law: MPEP 710.01(a) (a 3-month period from November 30 ends on the last day
// of February), 35 U.S.C. 133 (six months at most), EPC Rule 126(2) (the ten-day rule, abolished for documents
// dated from 2023-11-01).
describe.each(databases())('IP office actions and the periods to respond (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let us: string;
  let ep: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    officer = await t.signInAs('k7Officer');
    const f = await officer.post('/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'F-OA-1',
      title: 'System in package with office actions',
      technology: 'sip',
    });
    expect(f.status, f.text).toBe(201);
    const matter = async (office: string, applicationNo: string) => {
      const m = await officer.post('/api/ip/matters', {
        familyId: f.body.id,
        office,
        kind: 'invention',
        applicationNo,
        filingDate: '2022-05-02',
        status: 'under_examination',
      });
      expect(m.status, m.text).toBe(201);
      return m.body.id as string;
    };
    us = await matter('US', '17777001');
    ep = await matter('EP', '22170001.1');
  });
  afterAll(async () => t?.close());

  const openObligations = async () =>
    (
      await officer.get('/api/obligations', {
        query: { kind: 'ip.office_action', view: 'scope', calendarState: 'open', pageSize: '50' },
      })
    ).body.items as Obligation[];

  it('computes each period to the day and keeps the response as an obligation of the site', async () => {
    const r = await officer.post(`/api/ip/matters/${us}/office-actions`, {
      kind: 'rejection',
      mailedOn: '2023-11-30',
      periodMonths: 3,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      office: 'US',
      startsOn: '2023-11-30',
      dueDate: '2024-02-29',
      extendedTo: '2024-02-29',
      actBy: '2024-02-29',
      maxExtendedTo: '2024-05-30',
      repliedOn: null,
    });
    const e = await officer.post(`/api/ip/matters/${ep}/office-actions`, {
      kind: 'examination_report',
      mailedOn: '2023-10-20',
      periodMonths: 4,
    });
    expect(e.body).toMatchObject({ startsOn: '2023-10-30', dueDate: '2024-02-29' });
    const mine = (await openObligations()).filter((o) => o.sourceId === r.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ dueDate: '2024-02-29' });
    expect(mine[0]?.title).toContain('rejection');
    const list = await officer.get(`/api/ip/matters/${us}/office-actions`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([r.body.id]);
  });

  it('moves the obligation with a paid extension, refuses one beyond six months, and closes it on the response', async () => {
    const [first] = (await officer.get(`/api/ip/matters/${us}/office-actions`)).body.items;
    const tooLong = await officer.patch(`/api/ip/office-actions/${first.id}`, {
      extensionMonths: 4,
      version: first.version,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0].path).toBe('extensionMonths');
    const extended = await officer.patch(`/api/ip/office-actions/${first.id}`, {
      extensionMonths: 2,
      version: first.version,
    });
    expect(extended.status, extended.text).toBe(200);
    // 30.11.2023 + 5 months = 30.04.2024.
    expect(extended.body).toMatchObject({ extendedTo: '2024-04-30', actBy: '2024-04-30' });
    expect((await openObligations()).find((o) => o.sourceId === first.id)).toMatchObject({
      dueDate: '2024-04-30',
    });
    const stale = await officer.patch(`/api/ip/office-actions/${first.id}`, {
      repliedOn: '2024-01-10',
      version: first.version,
    });
    expect(stale.status).toBe(409);
    const future = await officer.patch(`/api/ip/office-actions/${first.id}`, {
      repliedOn: '2024-02-01',
      version: extended.body.version,
    });
    expect(future.status).toBe(422);
    const replied = await officer.patch(`/api/ip/office-actions/${first.id}`, {
      repliedOn: '2024-01-10',
      version: extended.body.version,
    });
    expect(replied.status, replied.text).toBe(200);
    expect((await openObligations()).find((o) => o.sourceId === first.id)).toBeUndefined();
    const audit = await t.signInAs('groupAdmin');
    const events = await audit.get('/api/audit/events', { query: { entityId: first.id, pageSize: '20' } });
    expect(events.body.items.map((x: { action: string }) => x.action).sort()).toEqual([
      'ip.office_action.created',
      'ip.office_action.updated',
      'ip.office_action.updated',
    ]);
  });

  it('keeps a matter’s office actions to its site: 404 outside, 403 to a reader, nothing written', async () => {
    const outsider = await t.signInAs('spilOfficer');
    expect((await outsider.get(`/api/ip/matters/${us}/office-actions`)).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/ip/matters/${us}/office-actions`)).status).toBe(200);
    const refused = await auditor.post(`/api/ip/matters/${us}/office-actions`, {
      kind: 'other',
      mailedOn: '2024-01-02',
      periodMonths: 2,
    });
    expect(refused.status).toBe(403);
    const bad = await officer.post(`/api/ip/matters/${us}/office-actions`, {
      kind: 'maybe',
      mailedOn: '2024-02-30',
      periodMonths: 9,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.kind',
      'body.mailedOn',
      'body.periodMonths',
    ]);
    expect((await officer.get(`/api/ip/matters/${us}/office-actions`)).body.items).toHaveLength(1);
  });
});

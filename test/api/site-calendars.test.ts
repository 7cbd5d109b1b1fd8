import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/** The app's clock: Monday 1 June 2026 in Taiwan. */
const NOW = new Date('2026-06-01T02:00:00Z');

type Interview = { id: string; employeeId: string; dueDate: string; calendarKnown: boolean; version: number };

async function setLeaveDate(admin: ApiClient, employeeId: string, leaveDate: string | null) {
  const current = await admin.get(`/api/people/employees/${employeeId}`);
  expect(current.status, current.text).toBe(200);
  const res = await admin.patch(`/api/people/employees/${employeeId}`, {
    version: current.body.version,
    leaveDate,
  });
  expect(res.status, res.text).toBe(200);
}

async function interviewOf(client: ApiClient, employeeId: string): Promise<Interview> {
  const list = await client.get('/api/ip/exit-interviews', { query: { pageSize: 100 } });
  expect(list.status, list.text).toBe(200);
  const found = list.body.items.find((i: Interview) => i.employeeId === employeeId);
  expect(found, `no interview of ${employeeId}`).toBeDefined();
  return found;
}

async function obligationDue(client: ApiClient, sourceId: string) {
  const res = await client.get('/api/obligations', {
    query: { view: 'scope', kind: 'ip.exit_interview', pageSize: 100 },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.items
    .filter((o: { sourceId: string; state: string }) => o.sourceId === sourceId && o.state === 'open')
    .map((o: { dueDate: string }) => o.dueDate);
}

describe.each(databases())("sites' working calendars (%s)", (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('moves an exit interview one more day back when the leave date follows a public holiday', async () => {
    // Friday 19 June 2026 is the Dragon Boat Festival in Taiwan (DGPA 2026 calendar).
    const holiday = await admin.post('/api/org/calendar-days', {
      day: '2026-06-19',
      country: 'TW',
      kind: 'public_holiday',
      name: '端午節',
      source: 'DGPA 2026',
    });
    expect(holiday.status, holiday.text).toBe(201);
    expect(holiday.body).toMatchObject({
      day: '2026-06-19',
      country: 'TW',
      siteId: null,
      kind: 'public_holiday',
    });

    const disclosure = await admin.post('/api/ip/disclosures', {
      siteId: SITES.K7.id,
      title: 'Warpage control by staged mould cure',
      description: 'A staged cure keeps strip warpage under 50 µm.',
      inventors: [
        { employeeId: EMPLOYEES['K7-0007'].id, share: 60 },
        { employeeId: EMPLOYEES['K7-0003'].id, share: 40 },
      ],
    });
    expect(disclosure.status, disclosure.text).toBe(201);
    // Leaving Monday 22 June: the last working day is Thursday 18 June (not the holiday), due Wednesday 17th.
    await setLeaveDate(admin, EMPLOYEES['K7-0007'].id, '2026-06-22');
    const scan = await admin.post('/api/ip/exit-interviews/scan', {});
    expect(scan.status, scan.text).toBe(200);
    const interview = await interviewOf(admin, EMPLOYEES['K7-0007'].id);
    expect(interview).toMatchObject({ leaveDate: '2026-06-22', dueDate: '2026-06-17', calendarKnown: true });
    expect(await obligationDue(admin, interview.id)).toEqual(['2026-06-17']);
  });

  it('re-dates an open interview when a day is added to or removed from its site calendar, audited', async () => {
    // Leaving Monday 6 July: last working day Friday 3 July, due Thursday 2 July.
    await setLeaveDate(admin, EMPLOYEES['K7-0003'].id, '2026-07-06');
    await admin.post('/api/ip/exit-interviews/scan', {});
    const before = await interviewOf(admin, EMPLOYEES['K7-0003'].id);
    expect(before.dueDate).toBe('2026-07-02');

    const closure = await admin.post('/api/org/calendar-days', {
      day: '2026-07-02',
      siteId: SITES.K7.id,
      kind: 'closure',
      name: 'Annual maintenance shutdown',
    });
    expect(closure.status, closure.text).toBe(201);
    expect(closure.body).toMatchObject({ siteCode: 'K7', country: null });
    const moved = await interviewOf(admin, EMPLOYEES['K7-0003'].id);
    expect(moved.dueDate).toBe('2026-07-01');
    expect(await obligationDue(admin, moved.id)).toEqual(['2026-07-01']);
    // Another site's closure moves nothing here.
    const elsewhere = await admin.post('/api/org/calendar-days', {
      day: '2026-07-01',
      siteId: SITES.TC.id,
      kind: 'closure',
      name: 'Power works',
    });
    expect(elsewhere.status, elsewhere.text).toBe(201);
    expect((await interviewOf(admin, EMPLOYEES['K7-0003'].id)).dueDate).toBe('2026-07-01');

    const stale = await admin.delete(`/api/org/calendar-days/${closure.body.id}`, {
      query: { version: String(closure.body.version + 1) },
    });
    expect(stale.status, stale.text).toBe(409);
    const removed = await admin.delete(`/api/org/calendar-days/${closure.body.id}`, {
      query: { version: String(closure.body.version) },
    });
    expect(removed.status, removed.text).toBe(204);
    expect((await interviewOf(admin, EMPLOYEES['K7-0003'].id)).dueDate).toBe('2026-07-02');

    const auditor = await t.signInAs('auditor');
    const dayEvents = await auditor.get('/api/audit/events', {
      query: { entityType: 'site_calendar_day', entityId: closure.body.id },
    });
    expect(dayEvents.status, dayEvents.text).toBe(200);
    expect(dayEvents.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'site_calendar_day.added',
      'site_calendar_day.removed',
    ]);
    const interviewEvents = await auditor.get('/api/audit/events', {
      query: { entityType: 'ip_exit_interview', entityId: moved.id },
    });
    expect(
      interviewEvents.body.items.filter((e: { action: string }) => e.action === 'ip.exit_interview.redated'),
    ).toHaveLength(2);
  });

  it('says when the due date falls in a year without a calendar for the site', async () => {
    // 2027 has no Taiwan calendar entered: the date counts weekends only and is flagged.
    await setLeaveDate(admin, EMPLOYEES['K7-0007'].id, '2027-03-01');
    await admin.post('/api/ip/exit-interviews/scan', {});
    expect(await interviewOf(admin, EMPLOYEES['K7-0007'].id)).toMatchObject({
      dueDate: '2027-02-25',
      calendarKnown: false,
    });
    const coverage = await admin.get('/api/org/calendar-days/coverage');
    expect(coverage.status, coverage.text).toBe(200);
    expect(coverage.body.items).toEqual(
      expect.arrayContaining([
        { country: 'TW', years: [2026] },
        { country: 'CN', years: [] },
      ]),
    );
  });

  it("shows countries' days to whoever reads sites, and a site's own days only within their sites", async () => {
    const officer = await t.signInAs('spilOfficer');
    const list = await officer.get('/api/org/calendar-days', { query: { year: '2026' } });
    expect(list.status, list.text).toBe(200);
    const seen = list.body.items.map((d: { name: string }) => d.name);
    expect(seen).toContain('端午節');
    expect(seen).toContain('Power works');
    expect(seen).not.toContain('Annual maintenance shutdown');
    expect(
      list.body.items.every((d: { siteId: string | null }) => d.siteId === null || d.siteId === SITES.TC.id),
    ).toBe(true);
    const csv = await admin.get('/api/org/calendar-days/export.csv', { query: { country: 'TW' } });
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text).toContain('2026-06-19,TW,,public holiday,端午節');
  });

  it('lets only the group admin change the calendars, and names the field of a bad day', async () => {
    const officer = await t.signInAs('k7Officer');
    const body = { day: '2026-08-03', siteId: SITES.K7.id, kind: 'closure', name: 'Shutdown' };
    expect((await officer.post('/api/org/calendar-days', body)).status).toBe(403);
    expect((await (await t.signInAs('auditor')).post('/api/org/calendar-days', body)).status).toBe(403);
    const both = await admin.post('/api/org/calendar-days', { ...body, country: 'TW' });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('country');
    const countryClosure = await admin.post('/api/org/calendar-days', {
      day: '2026-08-03',
      country: 'TW',
      kind: 'closure',
      name: 'x',
    });
    expect(countryClosure.status).toBe(400);
    expect(JSON.stringify(countryClosure.body)).toContain('kind');
    const badDay = await admin.post('/api/org/calendar-days', { ...body, day: '2026-02-30' });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(badDay.body)).toContain('day');
    const twice = await admin.post('/api/org/calendar-days', {
      day: '2026-06-19',
      country: 'TW',
      kind: 'public_holiday',
      name: '端午節',
    });
    expect(twice.status).toBe(409);
    const unknownSite = await admin.post('/api/org/calendar-days', {
      ...body,
      siteId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSite.status).toBe(404);
  });
});

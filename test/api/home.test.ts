import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe('home: what needs the user attention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('counts the user own overdue and due-soon obligations, and open authority notices for OHS managers', async () => {
    const today = localDate(new Date(), 'Asia/Taipei');
    const officer = await t.signInAs('k7Officer');
    await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      kind: 'corrective',
      title: 'Overdue fix',
      ownerId: USERS.employee.id,
      dueDate: addDays(today, -2),
    });
    await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      kind: 'corrective',
      title: 'Fix due soon',
      ownerId: USERS.employee.id,
      dueDate: addDays(today, 10),
    });
    await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      kind: 'corrective',
      title: 'Fix later',
      ownerId: USERS.employee.id,
      dueDate: addDays(today, 90),
    });
    const employee = await t.signInAs('employee');
    const home = await employee.get('/api/home');
    const byKind = Object.fromEntries(
      home.body.attention.map((a: { kind: string; count: number }) => [a.kind, a.count]),
    );
    expect(byKind).toMatchObject({ 'obligations-overdue': 1, 'obligations-due-soon': 1 });
    expect(home.body.sites.map((s: { code: string }) => s.code)).toEqual(['K7']);

    await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: new Date().toISOString(),
      title: 'Fall from a ladder',
      description: 'Taken to hospital',
      injured: 1,
      hospitalised: 1,
    });
    const officerHome = await officer.get('/api/home');
    expect(
      officerHome.body.attention.find((a: { kind: string }) => a.kind === 'ohs-authority-notices')?.count,
    ).toBe(1);
    const spilHome = await (await t.signInAs('spilOfficer')).get('/api/home');
    expect(
      spilHome.body.attention.find((a: { kind: string }) => a.kind === 'ohs-authority-notices'),
    ).toBeUndefined();
  });
});

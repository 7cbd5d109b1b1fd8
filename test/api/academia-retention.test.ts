// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academiaModule } from '../../server/modules/academia/index.ts';
import type { AcademiaModule } from '../../server/modules/academia/module.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The run's day: ten years back (the default) reaches 2016-06-15. */
const NOW = Date.parse('2026-06-15T19:05:00Z');

describe.each(databases())("Students' personal data on its retention schedule (%s)", (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let partnerId: string;
  const retention = () => (t.app.services.modules.academia as AcademiaModule).retention;

  const intern = async (fullName: string, email: string, startedOn: string, endedOn: string) => {
    const res = await officer.post('/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId,
      fullName,
      email,
      dateOfBirth: '1993-11-27',
      program: 'cooperative_education',
      startedOn,
      endedOn,
      hours: 480,
      outcome: 'completed',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const employee = async (employeeNo: string, fullName: string, email: string, hireDate: string) => {
    const res = await admin.post('/api/people/employees', {
      siteId: SITES.K7.id,
      employeeNo,
      fullName,
      email,
      department: 'Assembly engineering',
      hireDate,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const figures = async () => {
    const conversion = await officer.get('/api/academia/conversion', {
      query: { fromYear: '2015', toYear: '2026' },
    });
    expect(conversion.status).toBe(200);
    const year2014 = await officer.get('/api/academia/contribution', { query: { year: '2014' } });
    expect(year2014.status).toBe(200);
    return { conversion: conversion.body, interns2014: year2014.body.internsRecruited };
  };
  const read = async (id: string) => (await officer.get(`/api/academia/interns/${id}`)).body;

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date(NOW) });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    const partner = await admin.post('/api/academia/partners', {
      name: 'Retention Test University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  it('keeps ten years by default; only the group-wide program owner changes it, within 1 to 15', async () => {
    expect((await officer.get('/api/academia/retention-settings')).body).toEqual({
      anonymiseAfterYears: 10,
      mayChange: false,
    });
    expect((await officer.put('/api/academia/retention-settings', { anonymiseAfterYears: 5 })).status).toBe(
      403,
    );
    const bad = await admin.put('/api/academia/retention-settings', { anonymiseAfterYears: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('anonymiseAfterYears');
    const ok = await admin.put('/api/academia/retention-settings', { anonymiseAfterYears: 12 });
    expect(ok.status).toBe(200);
    expect((await officer.get('/api/academia/retention-settings')).body).toEqual({
      anonymiseAfterYears: 12,
      mayChange: false,
    });
    expect((await admin.get('/api/academia/retention-settings')).body.mayChange).toBe(true);
    expect((await admin.put('/api/academia/retention-settings', { anonymiseAfterYears: 10 })).status).toBe(
      200,
    );
  });

  it('erases an old student’s name and contact details, keeps the rest, and the reports add up as before', async () => {
    const hire = await employee('RT-1', 'Wang Shu-Fen', 'wang.shufen@corp.example', '2015-09-01');
    const old = await intern('王 淑芬', 'shufen.wang@rtu.edu.example', '2014-07-01', '2015-06-30');
    const linked = await officer.patch(`/api/academia/interns/${old.id}`, {
      version: old.version,
      hiredEmployeeId: hire.id,
      hiredOn: '2015-09-01',
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    // Another old student, whom an employee record names by e-mail: a proposal waits for a decision.
    const pending = await intern('Chen Chih-Hao', 'chihhao.chen@rtu.edu.example', '2014-09-01', '2015-08-31');
    await employee('RT-2', 'Chen Chih-Hao', 'chihhao.chen@rtu.edu.example', '2024-03-01');
    const scan = await officer.post('/api/academia/hire-matches/scan', { siteId: SITES.K7.id });
    expect(scan.body.proposed).toBe(1);
    // A recent student, and an old period of a student who interned again recently (same e-mail).
    const recent = await intern('Lee Pei-Chun', 'peichun.lee@rtu.edu.example', '2020-07-01', '2021-06-30');
    const again1 = await intern('Hsu Min', 'min.hsu@rtu.edu.example', '2014-07-01', '2015-06-30');
    const again2 = await intern('Hsu Min', 'MIN.HSU@rtu.edu.example', '2022-07-01', '2023-06-30');

    // The old student and the recent one sign in to their internships (the external role).
    const outsider = async (email: string) => {
      const res = await admin.post('/api/users', {
        email,
        displayName: email.split('@')[0],
        password: 'Retention-Schedule-2026x',
        assignments: [],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    for (const [who, email] of [
      [old, 'shufen@alumni.example'],
      [recent, 'peichun@alumni.example'],
    ] as const) {
      const given = await officer.put(`/api/academia/interns/${who.id}/sign-in`, {
        userId: await outsider(email),
      });
      expect(given.status, JSON.stringify(given.body)).toBe(200);
    }

    const before = await figures();
    expect(before.conversion.total.completed).toBeGreaterThanOrEqual(5);
    expect(before.interns2014).toBe(3);

    const run = await retention().run();
    expect(run).toEqual({
      cutoff: '2016-06-15',
      anonymised: 2,
      proposalsDismissed: 1,
      scholarshipsAnonymised: 0,
    });

    const erased = await read(old.id);
    expect(erased).toMatchObject({
      fullName: null,
      email: null,
      dateOfBirth: null,
      anonymisedOn: '2026-06-15',
      partnerId,
      program: 'cooperative_education',
      siteCode: 'K7',
      startedOn: '2014-07-01',
      endedOn: '2015-06-30',
      hours: 480,
      outcome: 'completed',
      hiredEmployeeId: hire.id,
      hiredOn: '2015-09-01',
    });
    expect(await read(pending.id)).toMatchObject({ fullName: null, email: null, anonymisedOn: '2026-06-15' });
    for (const kept of [recent, again1, again2])
      expect(await read(kept.id)).toMatchObject({
        fullName: kept.fullName,
        email: kept.email,
        anonymisedOn: null,
      });

    const after = await figures();
    expect(after).toEqual(before);

    // Nobody signs in as a student whose name is erased; the recent student still does.
    expect((await officer.get(`/api/academia/interns/${old.id}/sign-in`)).body).toEqual({ holder: null });
    expect((await officer.get(`/api/academia/interns/${recent.id}/sign-in`)).body.holder).toMatchObject({
      email: 'peichun@alumni.example',
    });

    // The proposal fell, and the anonymised student is no longer recognised.
    const dismissed = await officer.get('/api/academia/hire-matches', {
      query: { status: 'dismissed', pageSize: '500' },
    });
    expect(dismissed.body.items.filter((m: any) => m.internId === pending.id)).toMatchObject([
      { internName: null, internEmail: null, status: 'dismissed' },
    ]);
    expect(
      (await officer.post('/api/academia/hire-matches/scan', { siteId: SITES.K7.id })).body.proposed,
    ).toBe(0);

    // The audit says what happened, without the erased values.
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'before', 'after', 'summary'])
      .where('actor_label', '=', 'academia.actor.retention')
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual([
      'academia_hire_match.dismissed',
      'academia_intern.anonymised',
      'academia_intern.anonymised',
      'record.grant_revoked',
    ]);
    const text = JSON.stringify(events);
    for (const value of ['淑芬', 'shufen', 'Chen Chih-Hao', 'chihhao', '1993-11-27'])
      expect(text).not.toContain(value);
    expect(events.find((e) => e.entity_id === old.id)?.after).toMatchObject({
      anonymised_on: '2026-06-15',
      erased: ['full_name', 'email', 'date_of_birth'],
    });

    // Erased stays erased; the rest of the record may still be corrected.
    const refill = await officer.patch(`/api/academia/interns/${old.id}`, {
      version: erased.version,
      fullName: '王 淑芬',
    });
    expect(refill.status).toBe(409);
    const hours = await officer.patch(`/api/academia/interns/${old.id}`, {
      version: erased.version,
      hours: 500,
    });
    expect(hours.status, JSON.stringify(hours.body)).toBe(200);
    expect(hours.body).toMatchObject({ hours: 500, fullName: null });

    // A second run changes nothing.
    const count = async () =>
      (
        await t.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const events0 = await count();
    expect(await retention().run()).toEqual({
      cutoff: '2016-06-15',
      anonymised: 0,
      proposalsDismissed: 0,
      scholarshipsAnonymised: 0,
    });
    expect(await count()).toBe(events0);
  });

  it('a shorter schedule reaches the recent student; the database refuses a half-anonymised row', async () => {
    expect((await admin.put('/api/academia/retention-settings', { anonymiseAfterYears: 4 })).status).toBe(
      200,
    );
    const run = await retention().run();
    // Cutoff 2022-06-15: Lee (ended 2021) goes; Hsu's periods stay with the one that ended in 2023.
    expect(run).toMatchObject({ cutoff: '2022-06-15', anonymised: 1 });
    const rows = await t.db
      .selectFrom('academia_interns')
      .select(['full_name', 'anonymised_on'])
      .where('partner_id', '=', partnerId)
      .where('anonymised_on', 'is', null)
      .orderBy('started_on')
      .execute();
    expect(rows.map((r) => r.full_name)).toEqual(['Hsu Min', 'Hsu Min']);
    await expect(
      t.db
        .updateTable('academia_interns')
        .set({ anonymised_on: '2026-06-15' })
        .where('partner_id', '=', partnerId)
        .where('anonymised_on', 'is', null)
        .execute(),
    ).rejects.toThrow(/academia_interns_anonymised_check/);
  });

  it('runs nightly as the manifest registers it, on the worker’s own clock', async () => {
    const job = academiaModule.jobs?.(t.db, {} as never).find((j) => j.name === 'academia-retention');
    if (!job) throw new Error('The manifest registers no academia-retention job');
    expect(job.cron).toBe('5 19 * * *');
    const run = (await job.handler()) as { cutoff: string; anonymised: number };
    expect(run.cutoff).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Whatever it found, a run leaves no row half-anonymised (the table's check) and the next finds nothing.
    expect(((await job.handler()) as { anonymised: number }).anonymised).toBe(0);
  });

  it('keeps the student’s name, e-mail and date of birth out of the audit log of every change', async () => {
    const created = await intern('林 雅婷', 'yating.lin@example.edu.tw', '2025-07-01', '2025-12-31');
    const renamed = await officer.patch(`/api/academia/interns/${created.id}`, {
      version: created.version,
      fullName: '林 雅亭',
      email: 'yating.lin2@example.edu.tw',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['academia_intern.created', 'academia_intern.updated']);
    const text = JSON.stringify(events);
    for (const value of ['雅婷', '雅亭', 'yating', '1993-11-27']) expect(text).not.toContain(value);
    expect(events[0].after).toMatchObject({ personal_data: ['full_name', 'email', 'date_of_birth'] });
  });

  it('erases the recipient’s name of an award given and last paid before the cutoff, and never logs it', async () => {
    expect((await admin.put('/api/academia/retention-settings', { anonymiseAfterYears: 10 })).status).toBe(
      200,
    );
    const award = async (recipientName: string, awardedOn: string, paidOn: string | null) => {
      const res = await officer.post('/api/academia/scholarships', {
        siteId: SITES.K7.id,
        partnerId,
        recipientName,
        program: 'Retention scholarship',
        awardedOn,
        amountMinor: 3_300_000,
        currency: 'USD',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (paidOn) {
        const paid = await officer.post('/api/academia/payments', {
          siteId: SITES.K7.id,
          partnerId,
          category: 'scholarship',
          scholarshipId: res.body.id,
          paidOn,
          amountMinor: 3_300_000,
          currency: 'USD',
        });
        expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      }
      return res.body;
    };
    const paidOut = await award('周 子豪', '2013-09-01', '2015-06-30');
    const paidLater = await award('Tsai Yu-Ting', '2014-09-01', '2017-01-10');
    const recent = await award('Wu Chia-Ling', '2024-09-01', null);

    const run = await retention().run();
    expect(run).toMatchObject({ cutoff: '2016-06-15', anonymised: 0, scholarshipsAnonymised: 1 });
    const listed = await officer.get('/api/academia/scholarships', {
      query: { partnerId, pageSize: '100' },
    });
    const byId = new Map(listed.body.items.map((x: any) => [x.id, x]));
    expect(byId.get(paidOut.id)).toMatchObject({
      recipientName: null,
      anonymisedOn: '2026-06-15',
      awardedOn: '2013-09-01',
      amountMinor: 3_300_000,
    });
    expect(byId.get(paidLater.id)).toMatchObject({ recipientName: 'Tsai Yu-Ting', anonymisedOn: null });
    expect(byId.get(recent.id)).toMatchObject({ recipientName: 'Wu Chia-Ling', anonymisedOn: null });

    // Neither the award nor the erasure writes the name into the audit log.
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_id', '=', paidOut.id)
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'academia_scholarship.awarded',
      'academia_scholarship.anonymised',
    ]);
    expect(JSON.stringify(events)).not.toContain('子豪');
    expect(events[0].after).toMatchObject({ personal_data: ['recipient_name'] });
    expect(events[1].after).toMatchObject({ erased: ['recipient_name'] });

    await expect(
      t.db
        .updateTable('academia_scholarships')
        .set({ anonymised_on: '2026-06-15' })
        .where('id', '=', recent.id)
        .execute(),
    ).rejects.toThrow(/academia_scholarships_anonymised_check/);
    expect((await retention().run()).scholarshipsAnonymised).toBe(0);

    // The award may still be corrected, but its erased name not refilled; a rename is never logged either.
    const erased = (await officer.get(`/api/academia/scholarships/${paidOut.id}`)).body;
    const refill = await officer.patch(`/api/academia/scholarships/${paidOut.id}`, {
      version: erased.version,
      recipientName: '周 子豪',
    });
    expect(refill.status).toBe(409);
    const corrected = await officer.patch(`/api/academia/scholarships/${paidOut.id}`, {
      version: erased.version,
      condition: 'Completes the three-year program',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({
      recipientName: null,
      condition: 'Completes the three-year program',
    });
    const stale = await officer.patch(`/api/academia/scholarships/${paidOut.id}`, {
      version: erased.version,
      condition: 'Another condition',
    });
    expect(stale.status).toBe(409);
    const renamed = await officer.patch(`/api/academia/scholarships/${recent.id}`, {
      version: recent.version,
      recipientName: 'Wu Jia-Ling',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const renames = await t.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', recent.id)
      .execute();
    expect(renames.map((e) => e.action).sort()).toEqual([
      'academia_scholarship.awarded',
      'academia_scholarship.updated',
    ]);
    expect(JSON.stringify(renames)).not.toMatch(/Chia-Ling|Jia-Ling/);
  });
});

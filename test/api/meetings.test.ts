import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const TODAY = '2026-11-22';
let clock = new Date(`${TODAY}T02:00:00Z`);
const now = () => clock;

const GHOST = '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b';

function expectProblem(res: ApiResponse, status: number) {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body.status).toBe(status);
}

describe.each(databases())('committees and meetings (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let secretary: ApiClient;
  let repId: string;
  let committeeId: string;
  let meetingId: string;

  beforeAll(async () => {
    clock = new Date(`${TODAY}T02:00:00Z`);
    t = await createTestApp({ kind, now });
    officer = await t.signInAs('k7Officer');
    secretary = await t.signInAs('employee');
    // A worker of K7 elected as employee representative on the OHS committee.
    const admin = await t.signInAs('groupAdmin');
    const rep = await admin.post('/api/users', {
      email: 'mei-hua.huang@steward.test',
      displayName: 'Huang Mei-Hua',
      password: 'Worker-Voice-Pass-1',
      assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
    });
    expect(rep.status, rep.text).toBe(201);
    repId = rep.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const meeting = async (client: ApiClient = officer) =>
    (await client.get(`/api/meetings/${meetingId}`)).body;

  /** Moves the clock on; sessions from weeks before have expired, so sign in again. */
  async function advanceTo(iso: string) {
    clock = new Date(iso);
    officer = await t.signInAs('k7Officer');
    secretary = await t.signInAs('employee');
  }

  it('sets up an OHS committee at K7 with a chair, a secretary, a member and an employee representative', async () => {
    const res = await officer.post('/api/committees', {
      name: 'K7 Occupational Safety and Health Committee',
      nameZh: 'K7 職業安全衛生委員會',
      program: 'ohs',
      level: 'site',
      siteId: SITES.K7.id,
      charter: 'Reviews injury statistics, contractor safety, emergency response and regulatory updates.',
      frequency: 'quarterly',
      members: [
        { userId: USERS.medical.id, role: 'member', title: 'Occupational physician' },
        { userId: repId, role: 'employee_representative' },
        { userId: USERS.employee.id, role: 'secretary' },
        { userId: USERS.k7Officer.id, role: 'chair', title: 'Site EHS manager' },
      ],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      level: 'site',
      siteCode: 'K7',
      subsidiaryCode: 'ASE',
      program: 'ohs',
      frequency: 'quarterly',
      quorumPercent: 50,
      quorumChairRequired: true,
      lastMeetingOn: null,
      nextPlannedAt: null,
    });
    expect(res.body.members.map((m: { role: string }) => m.role)).toEqual([
      'chair',
      'secretary',
      'member',
      'employee_representative',
    ]);
    // One representative in four seats is less than the third an OHS committee needs.
    expect(res.body.warnings).toEqual([
      {
        code: 'worker-representation',
        message: 'Employee representatives hold 1 of 4 seats; an OHS committee needs at least one third.',
      },
    ]);
    committeeId = res.body.id;
    // In the reader's language, worded by the module that sets the rule.
    expect((await officer.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    expect((await officer.get(`/api/committees/${committeeId}`)).body.warnings[0].message).toBe(
      '勞工代表占 4 席中的 1 席；職業安全衛生委員會的勞工代表應占三分之一以上。',
    );
    expect((await officer.put('/api/auth/preferences', { locale: 'en' })).status).toBe(204);

    const second = await officer.post(`/api/committees/${committeeId}/members`, {
      userId: USERS.board.id,
      role: 'chair',
    });
    expectProblem(second, 409);
    const twice = await officer.post(`/api/committees/${committeeId}/members`, {
      userId: repId,
      role: 'member',
    });
    expectProblem(twice, 409);
  });

  it('keeps group committees as group records: readable by staff, managed by the program owner or a group admin', async () => {
    const admin = await t.signInAs('groupAdmin');
    const res = await admin.post('/api/committees', {
      name: 'Information Security Management Committee',
      program: 'infosec',
      level: 'group',
      frequency: 'quarterly',
      charter:
        'Strategic plans, maturity benchmarks and incident response across all subsidiaries; reports to the Board each year.',
      members: [{ userId: USERS.board.id, role: 'chair', title: 'Vice Chairman' }],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ level: 'group', siteId: null, subsidiaryId: null });
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/committees/${res.body.id}`)).status).toBe(200);
    expectProblem(await officer.patch(`/api/committees/${res.body.id}`, { charter: 'x', version: 1 }), 403);
    expectProblem(
      await officer.post('/api/committees', {
        name: 'K7 cannot set up a group committee',
        program: 'infosec',
        level: 'group',
      }),
      403,
    );
    // The OHS program owner does not manage the information security committee.
    const ohsOwner = await t.signInAs('ohsOwner');
    expectProblem(await ohsOwner.patch(`/api/committees/${res.body.id}`, { charter: 'x', version: 1 }), 403);
  });

  it('schedules a meeting with its agenda; the secretary owes the minutes a week after', async () => {
    const res = await officer.post('/api/meetings', {
      committeeId,
      title: 'Q4 2026 committee meeting',
      scheduledAt: '2026-12-10T14:00:00+08:00',
      durationMinutes: 120,
      location: 'K7 Building 1, room 301',
      agenda: [
        {
          title: 'Injury statistics and investigations of the quarter',
          presenterId: USERS.k7Officer.id,
          durationMinutes: 30,
        },
        {
          title: 'Contractor safety on the scaffolding work',
          presenterName: 'Lee Kuo-Chiang (Kaohsiung Scaffolding Co.)',
        },
      ],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      status: 'planned',
      timeZone: 'Asia/Taipei',
      localStart: '2026-12-10 14:00',
      scheduledAt: '2026-12-10T06:00:00.000Z',
      minutesDueDate: '2026-12-17',
      siteCode: 'K7',
      program: 'ohs',
    });
    expect(
      res.body.agenda.map((a: { position: number; presenterName: string }) => [a.position, a.presenterName]),
    ).toEqual([
      [1, USERS.k7Officer.displayName],
      [2, 'Lee Kuo-Chiang (Kaohsiung Scaffolding Co.)'],
    ]);
    expect(res.body.attendance).toHaveLength(4);
    expect(res.body.attendance.every((a: { status: null }) => a.status === null)).toBe(true);
    expect(res.body.quorum).toMatchObject({ met: false, members: 4, present: 0, required: 3 });
    meetingId = res.body.id;

    const mine = await secretary.get('/api/obligations', { query: { view: 'mine' } });
    const minutes = mine.body.items.filter((o: { kind: string }) => o.kind === 'meeting.minutes');
    expect(minutes).toHaveLength(1);
    expect(minutes[0]).toMatchObject({
      sourceType: 'meeting',
      sourceId: meetingId,
      dueDate: '2026-12-17',
      state: 'open',
      ownerId: USERS.employee.id,
    });

    const committee = (await officer.get(`/api/committees/${committeeId}`)).body;
    expect(committee.nextPlannedAt).toBe('2026-12-10T06:00:00.000Z');
  });

  it('moves the minutes obligation with the meeting, and edits the agenda', async () => {
    const m = await meeting();
    const moved = await officer.patch(`/api/meetings/${meetingId}`, {
      scheduledAt: '2026-12-11T09:30:00+08:00',
      version: m.version,
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ localStart: '2026-12-11 09:30', minutesDueDate: '2026-12-18' });
    const mine = await secretary.get('/api/obligations', {
      query: { view: 'mine', kind: 'meeting.minutes' },
    });
    expect(mine.body.items[0].dueDate).toBe('2026-12-18');

    const agenda = await secretary.put(`/api/meetings/${meetingId}/agenda`, {
      items: [
        { title: 'Regulatory updates', presenterName: 'External expert' },
        ...moved.body.agenda.map(
          (a: { title: string; presenterId: string | null; presenterName: string | null }) => ({
            title: a.title,
            ...(a.presenterId ? { presenterId: a.presenterId } : { presenterName: a.presenterName }),
          }),
        ),
      ],
      version: moved.body.version,
    });
    expect(agenda.status, agenda.text).toBe(200);
    expect(agenda.body.agenda.map((a: { title: string }) => a.title)).toEqual([
      'Regulatory updates',
      'Injury statistics and investigations of the quarter',
      'Contractor safety on the scaffolding work',
    ]);
    expect(agenda.body.version).toBe(moved.body.version + 1);
  });

  it('lets members read their committee and meetings, and hides them from another site (404)', async () => {
    const rep = await t.signIn('mei-hua.huang@steward.test', 'Worker-Voice-Pass-1');
    expect((await rep.get(`/api/meetings/${meetingId}`)).status).toBe(200);
    expect((await rep.get('/api/meetings', { query: { mine: 'true' } })).body.total).toBe(1);
    expect(
      (await rep.get('/api/committees', { query: { mine: 'true' } })).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([committeeId]);
    expectProblem(await rep.get('/api/meetings'), 403);
    // A representative neither schedules nor runs the meeting.
    expectProblem(
      await rep.put(`/api/meetings/${meetingId}/attendance`, {
        entries: [{ userId: repId, status: 'present' }],
        version: (await meeting()).version,
      }),
      403,
    );

    const spil = await t.signInAs('spilOfficer');
    expectProblem(await spil.get(`/api/committees/${committeeId}`), 404);
    expectProblem(await spil.get(`/api/meetings/${meetingId}`), 404);
    expectProblem(await spil.patch(`/api/meetings/${meetingId}`, { title: 'Taken over', version: 1 }), 404);
    expectProblem(
      await spil.post('/api/meetings', {
        committeeId,
        title: 'Elsewhere',
        scheduledAt: '2026-12-20T10:00:00+08:00',
        location: 'TC',
      }),
      404,
    );
    const list = await spil.get('/api/meetings');
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(meetingId);
    const committees = await spil.get('/api/committees');
    expect(committees.body.items.map((c: { id: string }) => c.id)).not.toContain(committeeId);
  });

  it('does not hold a meeting before it starts', async () => {
    const m = await meeting();
    expectProblem(
      await officer.post(`/api/meetings/${meetingId}/transition`, { transition: 'hold', version: m.version }),
      409,
    );
    expectProblem(
      await officer.patch(`/api/meetings/${meetingId}`, { minutes: 'Too early', version: m.version }),
      409,
    );
  });

  it('records attendance and computes the quorum: more than half of the members, the chair present', async () => {
    await advanceTo('2026-12-11T03:00:00Z'); // 11:00 in Kaohsiung, during the meeting
    let m = await meeting();
    const held = await secretary.post(`/api/meetings/${meetingId}/transition`, {
      transition: 'hold',
      version: m.version,
    });
    expect(held.status, held.text).toBe(200);
    expect(held.body.status).toBe('held');

    const set = async (entries: { userId: string; status: string | null; note?: string }[]) => {
      m = await meeting();
      const res = await secretary.put(`/api/meetings/${meetingId}/attendance`, {
        entries,
        version: m.version,
      });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    // Without the chair: no quorum however many others attend.
    let after = await set([
      { userId: USERS.k7Officer.id, status: 'excused', note: 'At the Penang audit' },
      { userId: USERS.employee.id, status: 'present' },
      { userId: USERS.medical.id, status: 'present' },
      { userId: repId, status: 'present' },
    ]);
    expect(after.quorum).toEqual({
      met: false,
      members: 4,
      present: 3,
      required: 3,
      chairPresent: false,
      shortfalls: ['chair-absent'],
    });
    const refused = await secretary.post(`/api/meetings/${meetingId}/decisions`, {
      text: 'Install guard rails on the mezzanine',
      version: after.version,
    });
    expectProblem(refused, 409);
    expect(refused.body.detail).toBe(
      'The meeting cannot take decisions. No quorum: the chair is not present (3 of 4 members present, 3 needed)',
    );

    // The chair and the secretary only: exactly half.
    after = await set([
      { userId: USERS.k7Officer.id, status: 'present' },
      { userId: USERS.medical.id, status: 'excused' },
      { userId: repId, status: 'absent' },
    ]);
    expect(after.quorum).toMatchObject({ met: false, present: 2, chairPresent: true });

    after = await set([{ userId: repId, status: 'present' }]);
    expect(after.quorum).toEqual({
      met: true,
      members: 4,
      present: 3,
      required: 3,
      chairPresent: true,
      shortfalls: [],
    });
    expect(after.attendance.find((a: { userId: string }) => a.userId === USERS.k7Officer.id)).toMatchObject({
      committeeRole: 'chair',
      status: 'present',
    });

    // Only members are recorded.
    const stranger = await secretary.put(`/api/meetings/${meetingId}/attendance`, {
      entries: [{ userId: USERS.auditor.id, status: 'present' }],
      version: after.version,
    });
    expectProblem(stranger, 422);
  });

  it('turns a decision into an action followed up in the tracker, in one transaction', async () => {
    let m = await meeting();
    const res = await officer.post(`/api/meetings/${meetingId}/decisions`, {
      text: 'Install guard rails on the B1 mezzanine before the maintenance shutdown.',
      action: { ownerId: USERS.employee.id, dueDate: '2027-01-15', kind: 'preventive' },
      version: m.version,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.decisions).toHaveLength(1);
    const decision = res.body.decisions[0];
    expect(decision).toMatchObject({
      seq: 1,
      actionStatus: 'open',
      actionOwnerName: USERS.employee.displayName,
      actionDueDate: '2027-01-15',
    });

    const actions = await officer.get('/api/actions', {
      query: { sourceType: 'meeting', sourceId: meetingId },
    });
    expect(actions.body.items).toHaveLength(1);
    expect(actions.body.items[0]).toMatchObject({
      id: decision.actionId,
      kind: 'preventive',
      program: 'ohs',
      siteId: SITES.K7.id,
      ownerId: USERS.employee.id,
      dueDate: '2027-01-15',
      title: 'Install guard rails on the B1 mezzanine before the maintenance shutdown.',
    });
    // The action's owner has it on their obligations, next to the minutes.
    const mine = await secretary.get('/api/obligations', { query: { view: 'mine' } });
    expect(mine.body.items.map((o: { kind: string }) => o.kind).sort()).toEqual([
      'action.due',
      'meeting.minutes',
    ]);

    // A decision without follow-up.
    m = await meeting();
    const plain = await officer.post(`/api/meetings/${meetingId}/decisions`, {
      text: 'The committee adopts the revised emergency response plan.',
      version: m.version,
    });
    expect(plain.status).toBe(201);
    expect(plain.body.decisions[1]).toMatchObject({ seq: 2, actionId: null });

    // An action that cannot be created takes its decision with it.
    const bad = await officer.post(`/api/meetings/${meetingId}/decisions`, {
      text: 'Someone unknown will do it.',
      action: { ownerId: GHOST, dueDate: '2027-01-15' },
      version: plain.body.version,
    });
    expectProblem(bad, 422);
    const unchanged = await meeting();
    expect(unchanged.decisions).toHaveLength(2);
    expect(unchanged.version).toBe(plain.body.version);
    expect(
      (await officer.get('/api/actions', { query: { sourceType: 'meeting', sourceId: meetingId } })).body
        .total,
    ).toBe(1);
  });

  it('refuses a stale edit with 409 and the current version', async () => {
    const m = await meeting();
    const first = await secretary.patch(`/api/meetings/${meetingId}`, {
      minutes: 'Draft minutes.',
      version: m.version,
    });
    expect(first.status).toBe(200);
    const stale = await officer.patch(`/api/meetings/${meetingId}`, {
      minutes: 'Overwrite',
      version: m.version,
    });
    expectProblem(stale, 409);
    expect(stale.body.currentVersion).toBe(first.body.version);
    expect((await meeting()).minutes).toBe('Draft minutes.');
    const staleCommittee = await officer.patch(`/api/committees/${committeeId}`, {
      frequency: 'monthly',
      version: 99,
    });
    expectProblem(staleCommittee, 409);
  });

  it('approves the minutes, which closes the secretary obligation and the meeting for edits', async () => {
    let m = await meeting();
    const withMinutes = await secretary.patch(`/api/meetings/${meetingId}`, {
      minutes:
        'Present: chair, secretary, employee representative. Excused: occupational physician.\n1. Injury statistics reviewed: no disabling injury this quarter.\n2. Guard rails on the B1 mezzanine (action opened).',
      version: m.version,
    });
    expect(withMinutes.status).toBe(200);
    const approved = await officer.post(`/api/meetings/${meetingId}/transition`, {
      transition: 'approve_minutes',
      version: withMinutes.body.version,
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'minutes_approved',
      minutesApprovedByName: USERS.k7Officer.displayName,
    });
    expect(approved.body.minutesApprovedAt).toBe(clock.toISOString());

    const done = await secretary.get('/api/obligations', {
      query: { view: 'mine', kind: 'meeting.minutes' },
    });
    expect(done.body.items[0]).toMatchObject({ state: 'done', sourceId: meetingId });

    m = approved.body;
    expectProblem(
      await secretary.patch(`/api/meetings/${meetingId}`, {
        minutes: 'Changed afterwards',
        version: m.version,
      }),
      409,
    );
    expectProblem(
      await secretary.put(`/api/meetings/${meetingId}/attendance`, {
        entries: [{ userId: repId, status: 'absent' }],
        version: m.version,
      }),
      409,
    );
    expectProblem(
      await officer.post(`/api/meetings/${meetingId}/decisions`, {
        text: 'Late decision',
        version: m.version,
      }),
      409,
    );

    const committee = (await officer.get(`/api/committees/${committeeId}`)).body;
    expect(committee).toMatchObject({
      lastMeetingOn: '2026-12-11',
      nextMeetingDue: '2027-03-11',
      nextPlannedAt: null,
      meetingOverdue: false,
    });
  });

  it('cancels a planned meeting and its obligation; approving minutes needs minutes and full attendance', async () => {
    const next = await officer.post('/api/meetings', {
      committeeId,
      title: 'Q1 2027 committee meeting',
      scheduledAt: '2027-03-04T14:00:00+08:00',
      onlineUrl: 'https://meet.example.com/k7-ohs',
    });
    expect(next.status, next.text).toBe(201);
    const cancelled = await officer.post(`/api/meetings/${next.body.id}/transition`, {
      transition: 'cancel',
      reason: 'Typhoon warning',
      version: next.body.version,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledReason: 'Typhoon warning' });
    const obligations = await secretary.get('/api/obligations', {
      query: { view: 'mine', kind: 'meeting.minutes', calendarState: 'cancelled' },
    });
    expect(obligations.body.items.map((o: { sourceId: string }) => o.sourceId)).toEqual([next.body.id]);

    const third = await officer.post('/api/meetings', {
      committeeId,
      title: 'Extraordinary meeting',
      scheduledAt: '2026-12-11T15:00:00+08:00',
      location: 'K7 room 301',
    });
    await advanceTo('2026-12-11T08:00:00Z');
    const held = await officer.post(`/api/meetings/${third.body.id}/transition`, {
      transition: 'hold',
      version: third.body.version,
    });
    expect(held.status).toBe(200);
    const noMinutes = await officer.post(`/api/meetings/${third.body.id}/transition`, {
      transition: 'approve_minutes',
      version: held.body.version,
    });
    expectProblem(noMinutes, 409);
    expect(noMinutes.body.detail).toBe('Record the minutes before approving them.');
    const minutes = await officer.patch(`/api/meetings/${third.body.id}`, {
      minutes: 'Short meeting.',
      version: held.body.version,
    });
    const partial = await officer.post(`/api/meetings/${third.body.id}/transition`, {
      transition: 'approve_minutes',
      version: minutes.body.version,
    });
    expectProblem(partial, 409);
    expect(partial.body.detail).toContain('attendance of every member');
  });

  it('lists meetings by committee, status and days in the meeting time zone', async () => {
    const list = (query: Record<string, string>) => officer.get('/api/meetings', { query });
    expect((await list({ committeeId })).body.total).toBe(3);
    expect(
      (await list({ committeeId, status: 'minutes_approved' })).body.items.map((m: { id: string }) => m.id),
    ).toEqual([meetingId]);
    expect((await list({ from: '2026-12-11', to: '2026-12-11' })).body.total).toBe(2);
    expect((await list({ from: '2026-12-12' })).body.items.map((m: { title: string }) => m.title)).toEqual([
      'Q1 2027 committee meeting',
    ]);
    expect((await list({ to: '2026-12-10' })).body.total).toBe(0);
    expect((await list({ committeeId, sort: 'scheduledAt', order: 'desc' })).body.items[0].title).toBe(
      'Q1 2027 committee meeting',
    );
    expect((await list({ q: 'extraordinary' })).body.total).toBe(1);
  });

  it('removes a member; the secretary seat moves the open obligations', async () => {
    const c = (await officer.get(`/api/committees/${committeeId}`)).body;
    const planned = await officer.post('/api/meetings', {
      committeeId,
      title: 'Q2 2027 committee meeting',
      scheduledAt: '2027-06-03T14:00:00+08:00',
      location: 'K7 room 301',
    });
    expect(planned.body.attendance).toHaveLength(4);
    const secretarySeat = c.members.find((m: { role: string }) => m.role === 'secretary');
    const removed = await officer.delete(`/api/committee-members/${secretarySeat.id}`);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.warnings.map((w: { code: string }) => w.code)).toContain('no-secretary');
    expect((await meeting()).attendance).toHaveLength(4); // a past meeting keeps its record
    expect((await officer.get(`/api/meetings/${planned.body.id}`)).body.attendance).toHaveLength(3);

    const seated = await officer.post(`/api/committees/${committeeId}/members`, {
      userId: secretarySeat.userId,
      role: 'secretary',
    });
    expect(seated.status, seated.text).toBe(201);
    const obligation = await secretary.get('/api/obligations', {
      query: { view: 'mine', kind: 'meeting.minutes', calendarState: 'upcoming' },
    });
    expect(obligation.body.items.map((o: { sourceId: string }) => o.sourceId)).toEqual([planned.body.id]);
  });

  it('audits every change', async () => {
    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'meeting', entityId: meetingId, order: 'asc' },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'meeting.created',
      'meeting.updated',
      'meeting.agenda_changed',
      'meeting.hold',
      'meeting.attendance_recorded',
      'meeting.attendance_recorded',
      'meeting.attendance_recorded',
      'meeting.decision_added',
      'meeting.decision_added',
      'meeting.updated',
      'meeting.updated',
      'meeting.approve_minutes',
    ]);
    // What the quorum was each time, in the auditor's language.
    expect(
      events.body.items
        .filter((e: { action: string }) => e.action === 'meeting.attendance_recorded')
        .map((e: { summary: string }) => e.summary),
    ).toEqual([
      'No quorum: the chair is not present (3 of 4 members present, 3 needed)',
      'No quorum: 2 of 4 members present, 3 needed',
      'Quorum met: 3 of 4 members present',
    ]);
    const committee = await auditor.get('/api/audit/events', {
      query: { entityType: 'committee', entityId: committeeId, order: 'asc' },
    });
    expect(committee.body.items.map((e: { action: string }) => e.action)).toEqual([
      'committee.created',
      'committee.member_removed',
      'committee.member_added',
    ]);
    const verify = await auditor.get('/api/audit/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('refuses bad input with a 4xx problem document', async () => {
    const base = {
      committeeId,
      title: 'Bad input',
      scheduledAt: '2027-02-01T10:00:00+08:00',
      location: 'K7',
    };
    for (const body of [
      { ...base, scheduledAt: '2027-02-01 10:00' }, // no offset
      { ...base, scheduledAt: '2027-02-30T10:00:00+08:00' },
      { ...base, location: undefined }, // neither place nor link
      { ...base, onlineUrl: 'javascript:alert(1)' },
      { ...base, timeZone: 'Mars/Olympus_Mons' },
      { ...base, agenda: [{ title: '' }] },
      { ...base, surprise: true },
    ]) {
      expectProblem(await officer.post('/api/meetings', body), 400);
    }
    expectProblem(await officer.post('/api/meetings', { ...base, committeeId: GHOST }), 404);
    const committee = { name: 'Bad committee', program: 'ohs', level: 'site', siteId: SITES.K7.id };
    expectProblem(await officer.post('/api/committees', { ...committee, level: 'group' }), 400); // a group committee names no site
    expectProblem(await officer.post('/api/committees', { ...committee, quorumPercent: 100 }), 400);
    expectProblem(await officer.post('/api/committees', { ...committee, program: 'finance' }), 400);
    expectProblem(
      await officer.post('/api/committees', { ...committee, members: [{ userId: GHOST, role: 'member' }] }),
      422,
    );
    expectProblem(
      await officer.post('/api/committees', {
        ...committee,
        members: [
          { userId: USERS.k7Officer.id, role: 'chair' },
          { userId: USERS.medical.id, role: 'chair' },
        ],
      }),
      422,
    );
    expectProblem(
      await officer.post(`/api/committees/${committeeId}/members`, { userId: repId, role: 'boss' }),
      400,
    );
    const m = await meeting();
    expectProblem(
      await officer.put(`/api/meetings/${meetingId}/attendance`, { entries: [], version: m.version }),
      400,
    );
    expectProblem(
      await officer.post(`/api/meetings/${meetingId}/transition`, {
        transition: 'reopen',
        version: m.version,
      }),
      400,
    );
    expectProblem(
      await officer.post(`/api/meetings/${meetingId}/decisions`, {
        text: 'x',
        action: { ownerId: repId, dueDate: '2027-02-30' },
        version: m.version,
      }),
      400,
    );
    expectProblem(await officer.get('/api/meetings', { query: { from: '2026-13-01' } }), 400);
    expectProblem(await officer.get('/api/meetings', { query: { status: 'adjourned' } }), 400);
    expectProblem(await officer.delete(`/api/committee-members/${GHOST}`), 404);
  });
});

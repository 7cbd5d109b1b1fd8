import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

/** The app's clock: Wednesday 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');
const KIND = 'ip.exit_interview';

type Interview = { id: string; employeeId: string; status: string; version: number; dueDate: string };

async function setLeaveDate(admin: ApiClient, employeeId: string, leaveDate: string | null) {
  const current = await admin.get(`/api/people/employees/${employeeId}`);
  expect(current.status, current.text).toBe(200);
  const res = await admin.patch(`/api/people/employees/${employeeId}`, {
    version: current.body.version,
    leaveDate,
  });
  expect(res.status, res.text).toBe(200);
}

/** The signed acknowledgement, as a text file filed with the interview. */
async function file(client: ApiClient, interviewId: string) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new TextEncoder().encode('I acknowledge my duty of confidence.')]),
    'ack.txt',
  );
  const request = new Request('http://local/', { method: 'POST', body: form });
  return client.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query: { entityType: 'ip_exit_interview', entityId: interviewId },
  });
}

async function obligationsOf(client: ApiClient, sourceId: string) {
  const res = await client.get('/api/obligations', { query: { view: 'scope', kind: KIND, pageSize: 100 } });
  expect(res.status, res.text).toBe(200);
  return res.body.items.filter((o: { sourceId: string }) => o.sourceId === sourceId);
}

describe.each(databases())('IP exit interviews (%s)', (kind) => {
  let t: TestApp;
  let filesDir: string;
  let inventorInterview: Interview;
  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-exit-'));
    t = await createTestApp({ kind, now: () => NOW, config: { filesDir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('proposes an interview for an inventor given a leave date, due the working day before the last', async () => {
    const admin = await t.signInAs('groupAdmin');
    const filed = await admin.post('/api/ip/disclosures', {
      siteId: SITES.K7.id,
      title: 'Copper pillar plating with pulse reverse current',
      description: 'Pulse reverse plating keeps the pillar tops flat at 40 µm pitch.',
      // K7-0006 is a co-inventor who left on 30 June 2024: a leave date already past calls for no interview.
      inventors: [
        { employeeId: EMPLOYEES['K7-0007'].id, share: 70 },
        { employeeId: EMPLOYEES['K7-0006'].id, share: 30 },
      ],
    });
    expect(filed.status, filed.text).toBe(201);
    expect(EMPLOYEES['K7-0006'].leaveDate).toBe('2024-06-30');
    // Monday 3 February 2025: due Friday 31 January.
    await setLeaveDate(admin, EMPLOYEES['K7-0007'].id, '2025-02-03');

    const officer = await t.signInAs('k7Officer');
    const scan = await officer.post('/api/ip/exit-interviews/scan', {});
    expect(scan.status, scan.text).toBe(200);
    expect(scan.body).toMatchObject({ proposed: 1, updated: 0, withdrawn: 0 });

    const list = await officer.get('/api/ip/exit-interviews');
    expect(list.status, list.text).toBe(200);
    // K7-0008 leaves on 31 January too, but is neither an inventor nor may access a trade secret; K7-0006 has
    // already left.
    expect(list.body.items.map((i: Interview) => i.employeeId)).toEqual([EMPLOYEES['K7-0007'].id]);
    inventorInterview = list.body.items[0];
    expect(inventorInterview).toMatchObject({
      siteCode: 'K7',
      employeeName: 'Yang Shu-Fen',
      employeeNo: 'K7-0007',
      leaveDate: '2025-02-03',
      dueDate: '2025-01-30',
      inventor: true,
      disclosureIds: [filed.body.id],
      tradeSecrets: [],
      status: 'due',
      documents: 0,
    });
    const due = await obligationsOf(officer, inventorInterview.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ dueDate: '2025-01-30', siteId: SITES.K7.id, state: 'open' });
    expect(due[0].title).toContain('Yang Shu-Fen');
    // The officer's home page says an exit interview is open; an employee's does not.
    const attention = async (client: ApiClient) =>
      (await client.get('/api/home')).body.attention.find(
        (x: { kind: string }) => x.kind === 'ip-exit-interviews',
      );
    expect(await attention(officer)).toMatchObject({ count: 1, link: '/ip/exit-interviews' });
    expect(await attention(await t.signInAs('employee'))).toBeUndefined();

    // A second look changes nothing.
    expect((await officer.post('/api/ip/exit-interviews/scan', {})).body).toMatchObject({
      proposed: 0,
      updated: 0,
    });
  });

  it('names the trade secrets a leaving employee may access, and follows a moved leave date', async () => {
    const admin = await t.signInAs('groupAdmin');
    const secret = await admin.post('/api/ip/trade-secrets', {
      siteId: SITES.K7.id,
      title: 'Wire-bond recipe for fine-pitch copper',
      category: 'technology',
      ownerId: USERS.k7Officer.id,
      accessUserIds: [USERS.employee.id],
      checklist: Object.fromEntries(
        ['access_control', 'marking', 'confidentiality_agreements', 'training', 'infosec_controls'].map(
          (m) => [m, { state: 'yes', note: null }],
        ),
      ),
      lastReviewDate: '2024-12-01',
    });
    expect(secret.status, secret.text).toBe(201);
    // Saturday 1 March 2025: the last working day is Friday 28 February, due Thursday 27 February.
    await setLeaveDate(admin, USERS.employee.employeeId, '2025-03-01');
    const scan = await admin.post('/api/ip/exit-interviews/scan', {});
    expect(scan.body).toMatchObject({ proposed: 1 });
    const list = await admin.get('/api/ip/exit-interviews', { query: { sort: 'dueDate' } });
    const holder = list.body.items.find((i: Interview) => i.employeeId === USERS.employee.employeeId);
    expect(holder).toMatchObject({
      dueDate: '2025-02-27',
      inventor: false,
      tradeSecrets: [{ id: secret.body.id, title: 'Wire-bond recipe for fine-pitch copper' }],
    });

    // Moved later, to Monday 2 June: the interview and its obligation follow.
    await setLeaveDate(admin, USERS.employee.employeeId, '2025-06-02');
    expect((await admin.post('/api/ip/exit-interviews/scan', {})).body).toMatchObject({ updated: 1 });
    const moved = await admin.get(`/api/ip/exit-interviews/${holder.id}`);
    expect(moved.body).toMatchObject({ leaveDate: '2025-06-02', dueDate: '2025-05-29', status: 'due' });
    expect((await obligationsOf(admin, holder.id)).map((o: { dueDate: string }) => o.dueDate)).toEqual([
      '2025-05-29',
    ]);

    // The leave date withdrawn: the interview falls and so does the obligation.
    await setLeaveDate(admin, USERS.employee.employeeId, null);
    expect((await admin.post('/api/ip/exit-interviews/scan', {})).body).toMatchObject({ withdrawn: 1 });
    expect((await admin.get(`/api/ip/exit-interviews/${holder.id}`)).body.status).toBe('withdrawn');
    expect((await obligationsOf(admin, holder.id)).map((o: { state: string }) => o.state)).not.toContain(
      'open',
    );
    const refused = await admin.patch(`/api/ip/exit-interviews/${holder.id}`, {
      version: (await admin.get(`/api/ip/exit-interviews/${holder.id}`)).body.version,
      heldOn: '2025-01-14',
    });
    expect(refused.status, refused.text).toBe(409);
  });

  it('interviews an employee without a sign-in who may access a trade secret', async () => {
    const admin = await t.signInAs('groupAdmin');
    const engineer = EMPLOYEES['K7-0003'];
    const body = {
      siteId: SITES.K7.id,
      title: 'Moulding cure profile of the panel line',
      category: 'technology',
      ownerId: USERS.k7Officer.id,
      checklist: Object.fromEntries(
        ['access_control', 'marking', 'confidentiality_agreements', 'training', 'infosec_controls'].map(
          (m) => [m, { state: 'partial', note: null }],
        ),
      ),
      lastReviewDate: '2024-12-01',
    };
    const unknown = await admin.post('/api/ip/trade-secrets', {
      ...body,
      accessEmployeeIds: [engineer.id, '00000000-0000-4000-8000-000000000999'],
    });
    expect(unknown.status, unknown.text).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'accessEmployeeIds.1', message: 'Unknown employee' }]);
    const secret = await admin.post('/api/ip/trade-secrets', { ...body, accessEmployeeIds: [engineer.id] });
    expect(secret.status, secret.text).toBe(201);
    expect(secret.body.accessEmployees).toEqual([
      { employeeId: engineer.id, name: engineer.fullName, employeeNo: 'K7-0003' },
    ]);
    expect(secret.body.access).toEqual([]);

    // Leaving on Friday 7 March 2025: the last working day is Thursday 6 March, due Wednesday 5 March.
    await setLeaveDate(admin, engineer.id, '2025-03-07');
    expect((await admin.post('/api/ip/exit-interviews/scan', {})).body).toMatchObject({ proposed: 1 });
    const list = await admin.get('/api/ip/exit-interviews', { query: { sort: 'dueDate' } });
    const interview = list.body.items.find((i: Interview) => i.employeeId === engineer.id);
    expect(interview).toMatchObject({
      dueDate: '2025-03-05',
      inventor: false,
      tradeSecrets: [{ id: secret.body.id, title: 'Moulding cure profile of the panel line' }],
    });
    await setLeaveDate(admin, engineer.id, null);
    expect((await admin.post('/api/ip/exit-interviews/scan', {})).body).toMatchObject({ withdrawn: 1 });
  });

  it('closes the obligation once the acknowledgement is signed and filed', async () => {
    const officer = await t.signInAs('k7Officer');
    const id = inventorInterview.id;
    const noHeld = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: inventorInterview.version,
      signedOn: '2025-01-14',
    });
    expect(noHeld.status).toBe(422);
    expect(noHeld.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(noHeld.body)).toContain('heldOn');
    const future = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: inventorInterview.version,
      heldOn: '2025-01-20',
    });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('heldOn');

    const held = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: inventorInterview.version,
      heldOn: '2025-01-14',
    });
    expect(held.status, held.text).toBe(200);
    expect(held.body.status).toBe('held');
    expect((await obligationsOf(officer, id))[0].state).toBe('open');

    const unfiled = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: held.body.version,
      signedOn: '2025-01-14',
    });
    expect(unfiled.status).toBe(422);
    expect(JSON.stringify(unfiled.body)).toContain('signedOn');

    const doc = await file(officer, id);
    expect(doc.status, doc.text).toBe(201);
    const signed = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: held.body.version,
      signedOn: '2025-01-15',
    });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body).toMatchObject({ status: 'acknowledged', signedOn: '2025-01-15', documents: 1 });
    expect((await obligationsOf(officer, id))[0].state).toBe('done');

    const stale = await officer.patch(`/api/ip/exit-interviews/${id}`, {
      version: held.body.version,
      heldOn: '2025-01-13',
    });
    expect(stale.status).toBe(409);

    const audit = await (await t.signInAs('auditor')).get('/api/audit/events', {
      query: { entityType: 'ip_exit_interview', entityId: id },
    });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['ip.exit_interview.proposed', 'ip.exit_interview.recorded']),
    );
  });

  it('keeps interviews to Legal at the employee’s site: 404 elsewhere, 403 for read-only roles', async () => {
    const id = inventorInterview.id;
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/ip/exit-interviews/${id}`)).status).toBe(404);
    expect(
      (await spil.patch(`/api/ip/exit-interviews/${id}`, { version: 1, heldOn: '2025-01-14' })).status,
    ).toBe(404);
    expect((await spil.get('/api/ip/exit-interviews')).body.items).toEqual([]);
    expect((await spil.post('/api/ip/exit-interviews/scan', {})).body.proposed).toBe(0);
    for (const role of ['auditor', 'board', 'employee'] as const) {
      const client = await t.signInAs(role);
      expect((await client.get('/api/ip/exit-interviews')).status, role).toBe(403);
      expect((await client.post('/api/ip/exit-interviews/scan', {})).status, role).toBe(403);
      expect(
        (await client.patch(`/api/ip/exit-interviews/${id}`, { version: 1, heldOn: '2025-01-14' })).status,
        role,
      ).toBe(403);
    }
    const admin = await t.signInAs('groupAdmin');
    const found = await admin.get('/api/ip/exit-interviews', { query: { q: 'shu-fen' } });
    expect(found.body.items.map((i: Interview) => i.id)).toEqual([id]);
    expect((await admin.get('/api/ip/exit-interviews', { query: { q: 'nobody here' } })).body.items).toEqual(
      [],
    );
    const acknowledged = await admin.get('/api/ip/exit-interviews', { query: { status: 'acknowledged' } });
    expect(acknowledged.body.items.map((i: Interview) => i.id)).toEqual([id]);
    const csv = await admin.get('/api/ip/exit-interviews/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('K7-0007');
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';
import { multipart } from '../support/imports.ts';
import { stixBundle } from '../support/stix.ts';

const NOTES = Buffer.from('Mail gateway log: 2026-11-30 09:12 message from billing@invoice-example.net\n');

describe.each(databases())('incident response work (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let spil: ApiClient;
  let employee: ApiClient;
  let auditor: ApiClient;
  let incidentId: string;
  let otherId: string;
  const awareAt = new Date(Date.now() - 6 * 3_600_000).toISOString();
  const report = (client: ApiClient, siteId: string, title: string, extra: object = {}) =>
    client.post('/api/infosec/incidents', {
      siteId,
      title,
      description: 'A look-alike supplier asked for a password.',
      awareAt,
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    employee = await t.signInAs('employee');
    auditor = await t.signInAs('auditor');
    const first = await report(employee, SITES.K7.id, 'Phishing link clicked');
    expect(first.status).toBe(201);
    incidentId = first.body.id;
    const second = await report(admin, SITES.K7.id, 'Second mailbox hit by the same sender');
    expect(second.status).toBe(201);
    otherId = second.body.id;
  });
  afterAll(async () => t?.close());

  const url = (path = '') => `/api/infosec/incidents/${incidentId}${path}`;

  it('keeps tasks by phase with owners; bad input names the field', async () => {
    const added = await officer.post(url('/tasks'), {
      phase: 'containment',
      title: 'Block the sender domain at the mail gateway',
      ownerId: USERS.k7Officer.id,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(added.status).toBe(201);
    expect(added.body.tasks).toEqual([
      expect.objectContaining({
        phase: 'containment',
        title: 'Block the sender domain at the mail gateway',
        ownerName: USERS.k7Officer.displayName,
        status: 'open',
        overdue: false,
        version: 1,
      }),
    ]);
    const badPhase = await officer.post(url('/tasks'), { phase: 'panic', title: 'x' });
    expect(badPhase.status).toBe(400);
    expect(JSON.stringify(badPhase.body)).toContain('phase');
    const badOwner = await officer.post(url('/tasks'), {
      phase: 'analysis',
      title: 'Pull the mail logs',
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.errors[0].path).toBe('ownerId');
    // Read-only roles and other sites change nothing; the reporter reads, but does not manage, the response.
    expect((await auditor.post(url('/tasks'), { phase: 'analysis', title: 'No' })).status).toBe(403);
    expect((await spil.get(url('/response'))).status).toBe(404);
    expect((await spil.post(url('/tasks'), { phase: 'analysis', title: 'No' })).status).toBe(404);
    const mine = await employee.get(url('/response'));
    expect(mine.status).toBe(200);
    expect(mine.body.mayManage).toBe(false);
    expect(mine.body.tasks).toHaveLength(1);
  });

  it('writes observables one way and finds them on other incidents and advisories the reader may see', async () => {
    const added = await officer.post(url('/observables'), {
      kind: 'domain-name',
      value: 'Invoice-Example[.]NET',
      note: 'Sender domain',
    });
    expect(added.status).toBe(201);
    expect(added.body.observables.map((o: any) => o.value)).toEqual(['invoice-example.net']);
    const again = await officer.post(url('/observables'), {
      kind: 'domain-name',
      value: 'invoice-example.net',
    });
    expect(again.status).toBe(409);
    const bad = await officer.post(url('/observables'), { kind: 'ipv4-addr', value: '198.51.100.300' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('value');
    expect(
      (await officer.post(url('/observables'), { kind: 'ipv4-addr', value: '198[.]51[.]100[.]7' })).status,
    ).toBe(201);
    const onOther = await admin.post(`/api/infosec/incidents/${otherId}/observables`, {
      kind: 'domain-name',
      value: 'invoice-example.net',
    });
    expect(onOther.status).toBe(201);
    // An advisory that carries the address, imported by the CISO office and routed to no site.
    const advisory = await admin.post('/api/infosec/advisories/import', {
      source: 'twcert',
      severity: 'high',
      bundle: stixBundle({ indicatorValue: '198.51.100.7', software: [] }),
    });
    expect(advisory.status).toBe(201);

    const seenByAdmin = (await admin.get(url('/response'))).body.observables;
    const domain = seenByAdmin.find((o: any) => o.kind === 'domain-name');
    expect(domain.incidents.map((i: any) => i.id)).toEqual([otherId]);
    const address = seenByAdmin.find((o: any) => o.kind === 'ipv4-addr');
    expect(address.value).toBe('198.51.100.7');
    expect(address.advisories.map((a: any) => a.id)).toEqual([advisory.body.id]);
    // The site officer sees the other K7 incident, but not an advisory routed to none of their sites.
    const seenByOfficer = (await officer.get(url('/response'))).body.observables;
    expect(seenByOfficer.find((o: any) => o.kind === 'ipv4-addr').advisories).toEqual([]);
    expect(seenByOfficer.find((o: any) => o.kind === 'domain-name').incidents).toHaveLength(1);
    // The advisory's indicator is matched to the incident through the recorded observable.
    const matches = await admin.get(url('/indicator-matches'));
    expect(matches.body.items.map((m: any) => m.value)).toContain('198.51.100.7');

    const removed = await officer.delete(`/api/infosec/incident-observables/${address.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.observables).toHaveLength(1);
  });

  it('keeps each evidence file with the SHA-256 taken at upload and its chain of custody', async () => {
    const { body, contentType } = await multipart('mail-gateway.txt', NOTES);
    const uploaded = await employee.post('/api/documents', body, {
      contentType,
      query: { entityType: 'infosec_incident', entityId: incidentId },
    });
    expect(uploaded.status).toBe(201);
    const documentId = uploaded.body.id;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const custody = await officer.post(url('/custody'), {
      documentId,
      event: 'transferred',
      at,
      holder: 'Kai Officer',
      location: 'K7 evidence locker 2',
    });
    expect(custody.status).toBe(201);
    expect(custody.body.evidence).toEqual([
      expect.objectContaining({
        documentId,
        filename: 'mail-gateway.txt',
        sha256: createHash('sha256').update(NOTES).digest('hex'),
        uploadedByName: USERS.employee.displayName,
        custody: [expect.objectContaining({ event: 'transferred', at, holder: 'Kai Officer' })],
      }),
    ]);
    const foreign = await officer.post(url('/custody'), {
      documentId: '00000000-0000-4000-8000-000000000001',
      event: 'examined',
      holder: 'Lab',
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('documentId');
    const future = await officer.post(url('/custody'), {
      documentId,
      event: 'examined',
      holder: 'Lab',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].path).toBe('at');
  });

  it('turns a lesson into an improvement action of the site, and refuses to close while tasks are open', async () => {
    const lesson = await officer.post(url('/lessons'), {
      kind: 'to_improve',
      text: 'Look-alike domains were not flagged by the mail gateway.',
      action: { title: 'Turn on look-alike domain detection', dueDate: '2027-03-31' },
    });
    expect(lesson.status).toBe(201);
    const [recorded] = lesson.body.lessons;
    expect(recorded).toMatchObject({ kind: 'to_improve', action: { kind: 'improvement', status: 'open' } });
    const raised = await officer.get('/api/actions', {
      query: { sourceType: 'infosec_incident', sourceId: incidentId },
    });
    expect(raised.body.items.map((a: any) => [a.id, a.siteId, a.program])).toEqual([
      [recorded.action.id, SITES.K7.id, 'infosec'],
    ]);

    const incident = async () => (await officer.get(url())).body;
    let current = await incident();
    for (const event of ['ciso_reported', 'contained', 'recovered']) {
      const res = await officer.post(url('/events'), { event, version: current.version });
      expect(res.status).toBe(200);
      current = res.body;
    }
    const early = await officer.post(url('/events'), { event: 'closed', version: current.version });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/tasks are still open/);

    const task = (await officer.get(url('/response'))).body.tasks[0];
    expect(
      (await officer.patch(`/api/infosec/incident-tasks/${task.id}`, { status: 'done', version: 9 })).status,
    ).toBe(409);
    const done = await officer.patch(`/api/infosec/incident-tasks/${task.id}`, {
      status: 'done',
      version: task.version,
    });
    expect(done.status).toBe(200);
    expect(done.body.tasks[0]).toMatchObject({ status: 'done', doneByName: USERS.k7Officer.displayName });
    current = await incident();
    const closed = await officer.post(url('/events'), { event: 'closed', version: current.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const kinds = closed.body.timeline.map((e: any) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['task_done', 'lesson_added', 'closed']));
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', incidentId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'infosec.incident.task_added',
        'infosec.incident.observable_added',
        'infosec.incident.observable_removed',
        'infosec.incident.custody_recorded',
        'infosec.incident.lesson_added',
        'infosec.incident.task_done',
      ]),
    );
  });

  it('keeps the words of a sensitive incident out of the audit log and its work with its readers', async () => {
    const created = await admin.post('/api/users', {
      email: 'ciso.response@steward.test',
      displayName: 'Chiu CISO',
      password: 'Chief-Security-Pass-1',
      assignments: [{ role: 'program_owner', program: 'infosec', scopeKind: 'group' }],
    });
    expect(created.status).toBe(201);
    const ciso = await t.signIn('ciso.response@steward.test', 'Chief-Security-Pass-1');
    const hr = await report(employee, SITES.K7.id, 'Colleague copying design files', {
      sensitive: true,
      sensitiveReason: 'insider',
    });
    expect(hr.status).toBe(201);
    const path = `/api/infosec/incidents/${hr.body.id}`;
    expect((await officer.get(`${path}/response`)).status).toBe(404);
    // A task's owner must already be able to read the incident.
    const outsider = await ciso.post(`${path}/tasks`, {
      phase: 'analysis',
      title: 'Review the badge log of Lin',
      ownerId: USERS.k7Officer.id,
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors[0].path).toBe('ownerId');
    const task = await ciso.post(`${path}/tasks`, {
      phase: 'analysis',
      title: 'Review the badge log of Lin',
    });
    expect(task.status).toBe(201);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_id', '=', hr.body.id)
      .where('action', '=', 'infosec.incident.task_added')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].after)).not.toContain('badge log');
  });
});

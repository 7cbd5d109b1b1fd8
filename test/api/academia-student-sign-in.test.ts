// biome-ignore-all lint/suspicious/noExplicitAny: API bodies are whatever the server sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../server/db/errors.ts';
import { insertEvaluation } from '../../server/modules/academia/evaluation-repo.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const STUDENT = { email: 'chen.student@nsysu.edu.example', password: 'Internship-Summer-2026x' };
const OTHER = { email: 'wang.student@nkust.edu.example', password: 'Internship-Summer-2026y' };

/**
 * A student's own sign-in (the platform's external role): the site's program staff give an intern record to a
 * person outside the company, who sees that internship and nothing else and gives the student's evaluation.
 */
describe.each(databases())('a student’s own sign-in (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let auditor: ApiClient;
  let spil: ApiClient;
  let student: ApiClient;
  let studentId: string;
  let otherId: string;
  let internId: string;
  let classmateId: string;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    auditor = await t.signInAs('auditor');
    spil = await t.signInAs('spilOfficer');
    const outsider = async (who: typeof STUDENT, displayName: string) => {
      const res = await admin.post('/api/users', { ...who, displayName, assignments: [] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    studentId = await outsider(STUDENT, 'Chen Yu-Ting');
    otherId = await outsider(OTHER, 'Wang Hsiao-Wei');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Sun Yat-sen University',
      nameZh: '國立中山大學',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status, JSON.stringify(partner.body)).toBe(201);
    const intern = async (fullName: string) => {
      const res = await officer.post('/api/academia/interns', {
        siteId: SITES.K7.id,
        partnerId: partner.body.id,
        fullName,
        program: 'cooperative_education',
        startedOn: '2026-07-01',
        endedOn: '2026-08-31',
        hours: 320,
        outcome: 'completed',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    internId = await intern('Chen Yu-Ting');
    classmateId = await intern('Lin Pei-Shan');
    student = await t.signIn(STUDENT.email, STUDENT.password);
  });
  afterAll(() => t?.close());

  it('names the school in both languages in the staff’s list, for the reader’s language to choose', async () => {
    const list = await officer.get('/api/academia/interns', { query: { pageSize: '100' } });
    const row = list.body.items.find((i: any) => i.id === internId);
    expect([row.partnerName, row.partnerNameZh]).toEqual(['National Sun Yat-sen University', '國立中山大學']);
  });

  it('offers only people outside the company, to a manager of the program', async () => {
    const found = await officer.get('/api/academia/outsiders', { query: { q: 'student' } });
    expect(found.status).toBe(200);
    expect(found.body.items.map((u: any) => u.email).sort()).toEqual([STUDENT.email, OTHER.email].sort());
    expect((await officer.get('/api/academia/outsiders', { query: { q: 'officer' } })).body.items).toEqual(
      [],
    );
    expect((await auditor.get('/api/academia/outsiders')).status).toBe(403);
  });

  it('sees nothing before the staff give the sign-in, and no page of the program', async () => {
    expect((await student.get('/api/academia/my/internships')).body).toEqual({ items: [] });
    const session = await student.get('/api/auth/session');
    expect(session.body.grantedRecords).toEqual([]);
    expect((await student.get(`/api/academia/interns/${internId}`)).status).toBe(404);
  });

  it('refuses the sign-in to staff, to read-only roles and outside the officer’s sites', async () => {
    const staff = await admin.get('/api/users/directory', { query: { q: 'k7' } });
    const staffId = staff.body.items[0]?.id as string;
    expect(staffId).toBeTruthy();
    const toStaff = await officer.put(`/api/academia/interns/${internId}/sign-in`, { userId: staffId });
    expect(toStaff.status).toBe(422);
    expect(toStaff.body.errors).toEqual([{ path: 'userId', message: 'Holds a role at a site' }]);
    expect(
      (await auditor.put(`/api/academia/interns/${internId}/sign-in`, { userId: studentId })).status,
    ).toBe(403);
    expect((await spil.put(`/api/academia/interns/${internId}/sign-in`, { userId: studentId })).status).toBe(
      404,
    );
    expect((await officer.get(`/api/academia/interns/${internId}/sign-in`)).body).toEqual({ holder: null });
  });

  it('gives the sign-in: the student sees the internship, not a classmate’s, and the grant is audited', async () => {
    const given = await officer.put(`/api/academia/interns/${internId}/sign-in`, { userId: studentId });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.holder).toMatchObject({
      userId: studentId,
      name: 'Chen Yu-Ting',
      email: STUDENT.email,
    });
    // A new sign-in reads the grant.
    student = await t.signIn(STUDENT.email, STUDENT.password);
    const session = await student.get('/api/auth/session');
    expect(session.body.grantedRecords).toEqual(['academia_intern']);
    expect(session.body.permissions).toEqual([]);
    const mine = await student.get('/api/academia/my/internships');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      id: internId,
      siteCode: 'K7',
      partnerName: 'National Sun Yat-sen University',
      partnerNameZh: '國立中山大學',
      program: 'cooperative_education',
      startedOn: '2026-07-01',
      endedOn: '2026-08-31',
      hours: 320,
      outcome: 'completed',
      evaluation: null,
    });
    // Only their own internship: the staff's routes and a classmate stay closed.
    expect((await student.get(`/api/academia/interns/${internId}`)).status).toBe(404);
    expect((await student.get('/api/academia/interns')).status).toBe(403);
    const classmate = await student.post(`/api/academia/my/internships/${classmateId}/evaluation`, {
      rating: 5,
      evaluatedOn: '2026-09-01',
    });
    expect(classmate.status).toBe(404);
    const audit = await admin.get('/api/audit/events', { query: { entityId: internId, pageSize: '50' } });
    expect(audit.body.items.map((i: any) => i.action)).toContain('record.granted');
  });

  it('takes the student’s evaluation once, with the field named when it is wrong', async () => {
    const early = await student.post(`/api/academia/my/internships/${internId}/evaluation`, {
      rating: 4,
      evaluatedOn: '2026-06-01',
    });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('evaluatedOn');
    const badRating = await student.post(`/api/academia/my/internships/${internId}/evaluation`, {
      rating: 7,
      evaluatedOn: '2026-09-01',
    });
    expect(badRating.status).toBe(400);
    expect(JSON.stringify(badRating.body)).toContain('rating');
    // The same form sent twice at once (a double click): one evaluation, the other answered 409, never a 500.
    const both = await Promise.all(
      [1, 2].map(() =>
        student.post(`/api/academia/my/internships/${internId}/evaluation`, {
          rating: 4,
          evaluatedOn: '2026-09-01',
          comments: 'Good mentoring; more time on the line next year.',
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const ok = both.find((r) => r.status === 201) ?? both[0];
    expect(ok.body).toMatchObject({ evaluator: 'student', rating: 4 });
    const again = await student.post(`/api/academia/my/internships/${internId}/evaluation`, {
      rating: 5,
      evaluatedOn: '2026-09-02',
    });
    expect(again.status).toBe(409);
    // Two submissions at the same moment both pass the check: the unique index keeps one, and the service
    // answers the second as above.
    const second = insertEvaluation(t.db, {
      site_id: SITES.K7.id,
      intern_id: internId,
      evaluator: 'student',
      rating: 5,
      evaluated_on: '2026-09-02',
      comments: null,
      created_by: studentId,
      given_by_student: true,
    });
    await expect(second).rejects.toSatisfy((error) =>
      isUniqueViolation(error, 'academia_intern_evaluations_student_once'),
    );
    // The staff see it among the internship's evaluations; the student sees it on their page.
    const staffView = await officer.get(`/api/academia/interns/${internId}/evaluations`);
    expect(staffView.body.items.map((e: any) => [e.evaluator, e.rating])).toEqual([['student', 4]]);
    const mine = await student.get('/api/academia/my/internships');
    expect(mine.body.items[0].evaluation).toMatchObject({ evaluator: 'student', rating: 4 });
  });

  it('moves the sign-in to another person and takes it back: the first student loses the internship', async () => {
    const moved = await officer.put(`/api/academia/interns/${internId}/sign-in`, { userId: otherId });
    expect(moved.body.holder).toMatchObject({ userId: otherId });
    student = await t.signIn(STUDENT.email, STUDENT.password);
    expect((await student.get('/api/academia/my/internships')).body.items).toEqual([]);
    const other = await t.signIn(OTHER.email, OTHER.password);
    expect((await other.get('/api/academia/my/internships')).body.items.map((i: any) => i.id)).toEqual([
      internId,
    ]);
    // Two changes at once: one of them holds, never both.
    const both = await Promise.all(
      [studentId, otherId].map((userId) =>
        officer.put(`/api/academia/interns/${internId}/sign-in`, { userId }),
      ),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const holder = (await officer.get(`/api/academia/interns/${internId}/sign-in`)).body.holder;
    expect([studentId, otherId]).toContain(holder.userId);
    const holders = await t.db
      .selectFrom('record_grants')
      .select('user_id')
      .where('record_type', '=', 'academia_intern')
      .where('record_id', '=', internId)
      .execute();
    expect(holders.map((h) => h.user_id)).toEqual([holder.userId]);
    const back = await officer.put(`/api/academia/interns/${internId}/sign-in`, { userId: null });
    expect(back.body).toEqual({ holder: null });
    const again = await t.signIn(OTHER.email, OTHER.password);
    expect((await again.get('/api/academia/my/internships')).body.items).toEqual([]);
    const audit = await admin.get('/api/audit/events', { query: { entityId: internId, pageSize: '50' } });
    expect(
      audit.body.items.filter((i: any) => i.action === 'record.grant_revoked').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('gives a project’s principal investigator a sign-in: the milestones and results, not the money', async () => {
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Cheng Kung University',
      country: 'TW',
      kind: 'university',
    });
    const project = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.body.id,
      title: 'Warpage of thin fan-out packages',
      line: 'packaging',
      principalInvestigator: 'Prof. Wang',
      status: 'active',
      startsOn: '2026-02-01',
      endsOn: '2027-01-31',
      currency: 'TWD',
      budget: [{ year: 2026, budgetMinor: 120_000_000 }],
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = project.body.id as string;
    const milestone = await officer.post(`/api/academia/projects/${projectId}/milestones`, {
      title: 'Interim report',
      dueDate: '2026-07-31',
    });
    expect(milestone.status, JSON.stringify(milestone.body)).toBe(201);
    const other = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.body.id,
      title: 'Another group’s project',
      line: 'automation',
      principalInvestigator: 'Prof. Lee',
      startsOn: '2026-03-01',
      currency: 'TWD',
    });
    expect(other.status).toBe(201);

    expect(
      (await auditor.put(`/api/academia/projects/${projectId}/sign-in`, { userId: otherId })).status,
    ).toBe(403);
    const given = await officer.put(`/api/academia/projects/${projectId}/sign-in`, { userId: otherId });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.holder).toMatchObject({ userId: otherId });
    const professor = await t.signIn(OTHER.email, OTHER.password);
    expect((await professor.get('/api/auth/session')).body.grantedRecords).toEqual(['academia_project']);
    const mine = await professor.get('/api/academia/my/projects');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        id: projectId,
        title: 'Warpage of thin fan-out packages',
        siteCode: 'K7',
        partnerName: 'National Cheng Kung University',
        partnerNameZh: null,
        line: 'packaging',
        status: 'active',
        startsOn: '2026-02-01',
        endsOn: '2027-01-31',
        milestones: [
          {
            id: milestone.body.id,
            title: 'Interim report',
            dueDate: '2026-07-31',
            doneOn: null,
            deliverables: 0,
          },
        ],
        outcomes: [],
      },
    ]);
    // No budget, no payments, no other project; the staff's routes stay closed.
    expect(JSON.stringify(mine.body)).not.toContain('budget');
    expect((await professor.get(`/api/academia/projects/${projectId}`)).status).toBe(404);
    expect((await professor.get(`/api/academia/projects/${other.body.id}`)).status).toBe(404);
    // An intern's student does not see the project, nor the professor an internship.
    expect((await professor.get('/api/academia/my/internships')).body.items).toEqual([]);
    const back = await officer.put(`/api/academia/projects/${projectId}/sign-in`, { userId: null });
    expect(back.body).toEqual({ holder: null });
    const after = await t.signIn(OTHER.email, OTHER.password);
    expect((await after.get('/api/academia/my/projects')).body.items).toEqual([]);
  });

  it('takes the investigator’s deliverables for the project’s milestones until the company marks one done', async () => {
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Tsing Hua University',
      country: 'TW',
      kind: 'university',
    });
    const project = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.body.id,
      title: 'Hybrid bonding voids',
      line: 'packaging',
      principalInvestigator: 'Prof. Wang',
      startsOn: '2026-02-01',
      currency: 'TWD',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = project.body.id as string;
    const milestoneOf = async (id: string, title: string, dueDate: string) => {
      const res = await officer.post(`/api/academia/projects/${id}/milestones`, {
        title,
        dueDate,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; version: number };
    };
    const interim = await milestoneOf(projectId, 'Interim report', '2026-07-31');
    const final = await milestoneOf(projectId, 'Final report', '2026-12-31');
    const other = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.body.id,
      title: 'Not the professor’s project',
      line: 'materials',
      principalInvestigator: 'Prof. Lee',
      startsOn: '2026-03-01',
      currency: 'TWD',
    });
    const elsewhere = await milestoneOf(other.body.id, 'Someone else’s report', '2026-09-30');
    expect(
      (await officer.put(`/api/academia/projects/${projectId}/sign-in`, { userId: otherId })).status,
    ).toBe(200);
    const professor = await t.signIn(OTHER.email, OTHER.password);

    const send = async (client: ApiClient, milestoneId: string, filename: string) => {
      const form = new FormData();
      form.append('file', new Blob([`${filename}: measured warpage by lot`]), filename);
      const request = new Request('http://local/', { method: 'POST', body: form });
      return client.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
        contentType: request.headers.get('content-type') as string,
        query: { entityType: 'academia_milestone', entityId: milestoneId },
      });
    };
    const sent = await send(professor, interim.id, 'interim-report.txt');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // The site's academia officer is told, in their inbox, with a link to the project.
    const inbox = await officer.get('/api/notifications', { query: { pageSize: '50' } });
    expect(
      inbox.body.items
        .filter((n: any) => n.kind === 'academia-deliverable')
        .map((n: any) => [n.title, n.link]),
    ).toEqual([
      [
        `${project.body.principalInvestigator} sent “interim-report.txt” for the milestone Interim report of ${project.body.title}`,
        `/academia/projects/${projectId}`,
      ],
    ]);
    // The professor's own project shows the file's count; the staff's page shows it and the file opens.
    const mine = (await professor.get('/api/academia/my/projects')).body.items[0];
    expect(mine.milestones.map((m: any) => [m.title, m.deliverables])).toEqual([
      ['Interim report', 1],
      ['Final report', 0],
    ]);
    const detail = (await officer.get(`/api/academia/projects/${projectId}`)).body;
    expect(detail.milestones.find((m: any) => m.id === interim.id).deliverables).toBe(1);
    const listed = await auditor.get('/api/documents', {
      query: { entityType: 'academia_milestone', entityId: interim.id },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: any) => [d.filename, d.uploadedByName])).toEqual([
      ['interim-report.txt', 'Wang Hsiao-Wei'],
    ]);
    const download = await officer.get(`/api/documents/${sent.body.id}/download`);
    expect(download.status).toBe(200);
    expect(download.text).toBe('interim-report.txt: measured warpage by lot');
    // The upload is in the audit log, under the project's site.
    const audit = await admin.get('/api/audit/events', { query: { entityId: sent.body.id, pageSize: '50' } });
    expect(audit.body.items.map((e: any) => [e.action, e.siteId])).toEqual([
      ['document.uploaded', SITES.K7.id],
    ]);

    // Another project's milestone, another student, a read-only role, another site: no file goes in.
    expect((await send(professor, elsewhere.id, 'wrong.txt')).status).toBe(404);
    expect((await send(student, interim.id, 'student.txt')).status).toBe(404);
    expect((await send(auditor, interim.id, 'auditor.txt')).status).toBe(403);
    expect((await send(spil, interim.id, 'spil.txt')).status).toBe(404);
    expect(
      (
        await student.get('/api/documents', {
          query: { entityType: 'academia_milestone', entityId: interim.id },
        })
      ).status,
    ).toBe(404);

    // The professor takes back a file of theirs, never one the company attached.
    const staffNote = await send(officer, interim.id, 'staff-note.txt');
    expect(staffNote.status).toBe(201);
    // A file the staff attach themselves is no news to them.
    const unchanged = await officer.get('/api/notifications', { query: { pageSize: '50' } });
    expect(unchanged.body.items.filter((n: any) => n.kind === 'academia-deliverable')).toHaveLength(1);
    const refused = await professor.delete(`/api/documents/${staffNote.body.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('You may remove only the files you attached.');
    const draft = await send(professor, interim.id, 'draft.txt');
    expect((await professor.delete(`/api/documents/${draft.body.id}`)).status).toBe(204);
    expect((await officer.delete(`/api/documents/${staffNote.body.id}`)).status).toBe(204);

    // Never done on a day still to come.
    const ahead = await officer.patch(`/api/academia/milestones/${interim.id}`, {
      version: interim.version,
      doneOn: '2999-01-01',
    });
    expect(ahead.status).toBe(422);
    expect(ahead.body.errors.map((e: any) => e.path)).toEqual(['doneOn']);

    // Marked done on a chosen day: the milestone's deliverables are closed to the professor, not to the staff.
    const done = await officer.patch(`/api/academia/milestones/${interim.id}`, {
      version: interim.version,
      doneOn: '2026-08-14',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const late = await send(professor, interim.id, 'addendum.txt');
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('2026-08-14');
    expect((await send(professor, final.id, 'final-report.txt')).status).toBe(201);
    expect((await send(officer, interim.id, 'acceptance-note.txt')).status).toBe(201);
    const counts = (await professor.get('/api/academia/my/projects')).body.items[0].milestones;
    expect(counts.map((m: any) => [m.title, m.doneOn, m.deliverables])).toEqual([
      ['Interim report', '2026-08-14', 2],
      ['Final report', null, 1],
    ]);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

async function importCsv(client: ApiClient, kind: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'rows.csv');
  const request = new Request('http://local/', { method: 'POST', body: form });
  const created = await client.post('/api/imports', Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query: { kind },
  });
  expect(created.status).toBe(201);
  const settle = async () => {
    for (let i = 0; i < 2400; i++) {
      const job = (await client.get(`/api/imports/${created.body.id}`)).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  };
  let job = (await client.get(`/api/imports/${created.body.id}`)).body;
  const validating = await client.post(`/api/imports/${job.id}/validate`, { version: job.version });
  expect(validating.status, JSON.stringify(validating.body)).toBe(202);
  job = await settle();
  if (job.status !== 'valid') return job;
  await client.post(`/api/imports/${job.id}/commit`, { version: job.version });
  return settle();
}

describe.each(databases())('Industry–academia courses and mentorships (%s)', (kind) => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const admin = await t.signInAs('groupAdmin');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Chung Hsing University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  const course = (o: Record<string, unknown> = {}) => ({
    siteId: SITES.TC.id,
    partnerId,
    program: 'practical_training',
    subject: 'semiconductor',
    title: 'Semiconductor Assembly Materials and Processes',
    lecturerEmployeeIds: [EMPLOYEES['TC-0001'].id, EMPLOYEES['TC-0002'].id],
    startsOn: '2022-02-14',
    endsOn: '2022-06-17',
    hours: 54,
    students: 102,
    ...o,
  });

  it('records a course with its lecturers, lists, filters, sorts and exports it, and audits each change', async () => {
    const spil = await t.signInAs('spilOfficer');
    const created = await spil.post('/api/academia/courses', course({ feedbackScore: 4.6 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      siteCode: 'TC',
      partnerName: 'National Chung Hsing University',
      participationHours: 54 * 102,
      feedbackScore: 4.6,
      lecturers: [
        { employeeId: EMPLOYEES['TC-0001'].id, fullName: 'Chang Hsin-Yi' },
        { employeeId: EMPLOYEES['TC-0002'].id, fullName: 'Kuo Po-Han' },
      ],
    });
    const other = await spil.post(
      '/api/academia/courses',
      course({
        title: 'Career planning with DISC',
        program: 'other',
        subject: 'career',
        hours: 6,
        students: 30,
      }),
    );
    expect(other.status).toBe(201);

    const bySubject = await spil.get('/api/academia/courses', {
      query: { subject: 'semiconductor', year: '2022' },
    });
    expect(bySubject.body.items.map((c: any) => c.id)).toEqual([created.body.id]);
    const sorted = await spil.get('/api/academia/courses', { query: { sort: 'hours', order: 'desc' } });
    expect(sorted.body.items.map((c: any) => c.hours)).toEqual([54, 6]);
    expect((await spil.get('/api/academia/courses', { query: { year: '2021' } })).body.total).toBe(0);
    const csv = await spil.get('/api/academia/courses/export.csv', {
      query: { program: 'practical_training' },
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Semiconductor Assembly Materials and Processes');
    expect(csv.text).toContain('Chang Hsin-Yi, Kuo Po-Han');
    expect(csv.text).not.toContain('Career planning');

    const patched = await spil.patch(`/api/academia/courses/${created.body.id}`, {
      version: created.body.version,
      feedbackComments: 'Wants more line visits',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.feedbackComments).toBe('Wants more line visits');
    const stale = await spil.patch(`/api/academia/courses/${created.body.id}`, {
      version: created.body.version,
      hours: 60,
    });
    expect(stale.status).toBe(409);

    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'academia_course', entityId: created.body.id, order: 'asc' },
    });
    expect(events.body.items.map((e: any) => e.action)).toEqual([
      'academia_course.created',
      'academia_course.updated',
    ]);
  });

  it('refuses bad input naming the field', async () => {
    const spil = await t.signInAs('spilOfficer');
    const backwards = await spil.post('/api/academia/courses', course({ endsOn: '2022-01-01' }));
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe('endsOn');
    // A K7 employee is outside the SPIL officer's sites: not someone they can name as a lecturer.
    const stranger = await spil.post(
      '/api/academia/courses',
      course({ lecturerEmployeeIds: [EMPLOYEES['TC-0001'].id, EMPLOYEES['K7-0001'].id] }),
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0].path).toBe('lecturerEmployeeIds.1');
    const noHours = await spil.post('/api/academia/courses', course({ hours: 0 }));
    expect(noHours.status).toBe(400);
    expect(JSON.stringify(noHours.body)).toContain('hours');
  });

  it('hides another site’s course (404) and lets the auditor change nothing (403)', async () => {
    const spil = await t.signInAs('spilOfficer');
    const created = await spil.post('/api/academia/courses', course({ title: 'Hidden from K7' }));
    const k7 = await t.signInAs('k7Officer');
    expect((await k7.get(`/api/academia/courses/${created.body.id}`)).status).toBe(404);
    expect(
      (await k7.delete(`/api/academia/courses/${created.body.id}`, { query: { version: '1' } })).status,
    ).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/academia/courses/${created.body.id}`)).status).toBe(200);
    expect((await auditor.post('/api/academia/courses', course())).status).toBe(403);
  });

  it('records a mentorship program with activities and adds up their participation hours', async () => {
    const spil = await t.signInAs('spilOfficer');
    const m = await spil.post('/api/academia/mentorships', {
      siteId: SITES.TC.id,
      partnerId,
      title: 'University Corporate Mentors 2022',
      mentorEmployeeIds: [EMPLOYEES['TC-0003'].id],
      startsOn: '2022-03-01',
      endsOn: '2022-12-31',
      students: 40,
    });
    expect(m.status).toBe(201);
    const url = `/api/academia/mentorships/${m.body.id}/activities`;
    const tour = await spil.post(url, { kind: 'line_tour', heldOn: '2022-04-20', hours: 2, students: 40 });
    expect(tour.status).toBe(201);
    expect(tour.body.participationHours).toBe(80);
    expect(
      (await spil.post(url, { kind: 'dinner', heldOn: '2022-05-10', hours: 3, students: 25 })).status,
    ).toBe(201);
    const outside = await spil.post(url, { kind: 'forum', heldOn: '2023-01-05', hours: 2, students: 10 });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].path).toBe('heldOn');
    const crowd = await spil.post(url, { kind: 'forum', heldOn: '2022-06-05', hours: 2, students: 41 });
    expect(crowd.status).toBe(422);
    expect(crowd.body.errors[0].path).toBe('students');

    const detail = await spil.get(`/api/academia/mentorships/${m.body.id}`);
    expect(detail.body).toMatchObject({
      activities: 2,
      participationHours: 80 + 75,
      mentors: [{ fullName: 'Lai Ya-Wen' }],
    });
    expect(detail.body.activityRows.map((a: any) => a.kind)).toEqual(['line_tour', 'dinner']);
    // A shorter term would leave the dinner outside it.
    const shorter = await spil.patch(`/api/academia/mentorships/${m.body.id}`, {
      version: detail.body.version,
      endsOn: '2022-04-30',
    });
    expect(shorter.status).toBe(422);
    expect(shorter.body.errors[0].path).toBe('endsOn');

    const list = await spil.get('/api/academia/mentorships', { query: { year: '2022', q: 'Corporate' } });
    expect(list.body.items.map((x: any) => x.participationHours)).toEqual([155]);
    const csv = await spil.get('/api/academia/mentorships/export.csv');
    expect(csv.text).toContain('University Corporate Mentors 2022');
  });

  it('computes the year’s figures from the rows, and a deleted row moves them', async () => {
    const admin = await t.signInAs('groupAdmin');
    const figures = async () => {
      const res = await admin.get('/api/academia/courses/figures', { query: { year: '2024' } });
      expect(res.status).toBe(200);
      return res.body;
    };
    expect((await figures()).courses.courses).toBe(0);
    const a = await admin.post(
      '/api/academia/courses',
      course({ startsOn: '2024-02-01', endsOn: '2024-06-30' }),
    );
    await admin.post(
      '/api/academia/courses',
      course({
        siteId: SITES.K7.id,
        lecturerEmployeeIds: [],
        startsOn: '2024-09-01',
        endsOn: '2025-01-15',
        hours: 36,
        students: 40,
      }),
    );
    await admin.post(
      '/api/academia/courses',
      course({
        program: 'usi_university',
        subject: 'management',
        partnerId: null,
        lecturerEmployeeIds: [],
        startsOn: '2024-03-01',
        endsOn: '2024-03-02',
        hours: 12,
        students: 35,
      }),
    );
    // Starts the year before: not one of this year's courses.
    await admin.post('/api/academia/courses', course({ startsOn: '2023-09-01', endsOn: '2024-01-15' }));
    const m = await admin.post('/api/academia/mentorships', {
      siteId: SITES.SZ.id,
      partnerId,
      title: 'Mentors 2024',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      students: 20,
    });
    const act = await admin.post(`/api/academia/mentorships/${m.body.id}/activities`, {
      kind: 'competition',
      heldOn: '2024-05-01',
      hours: 4,
      students: 15,
    });

    const f = await figures();
    expect(f.courses).toEqual({
      courses: 3,
      hours: 54 + 36 + 12,
      students: 102 + 40 + 35,
      participationHours: 54 * 102 + 36 * 40 + 12 * 35,
    });
    expect(f.coursesBySubsidiary).toEqual([
      { subsidiaryCode: 'ASE', courses: 1, hours: 36, students: 40, participationHours: 1440 },
      { subsidiaryCode: 'SPIL', courses: 2, hours: 66, students: 137, participationHours: 54 * 102 + 420 },
    ]);
    expect(f.coursesByProgram.find((p: any) => p.program === 'usi_university')).toMatchObject({
      courses: 1,
      hours: 12,
    });
    expect(f.semiconductorStudents).toBe(142);
    expect(f.mentorships).toEqual({ programs: 1, students: 20, activities: 1, participationHours: 60 });

    // The SPIL officer sees SPIL's rows only.
    const spil = await t.signInAs('spilOfficer');
    const theirs = (await spil.get('/api/academia/courses/figures', { query: { year: '2024' } })).body;
    expect(theirs.courses.courses).toBe(2);
    expect(theirs.semiconductorStudents).toBe(102);

    const stale = await admin.delete(`/api/academia/courses/${a.body.id}`, { query: { version: '7' } });
    expect(stale.status).toBe(409);
    expect(
      (await admin.delete(`/api/academia/courses/${a.body.id}`, { query: { version: '1' } })).status,
    ).toBe(204);
    expect(
      (await admin.delete(`/api/academia/mentorship-activities/${act.body.id}`, { query: { version: '1' } }))
        .status,
    ).toBe(204);
    const after = await figures();
    expect(after.courses.courses).toBe(2);
    expect(after.semiconductorStudents).toBe(40);
    expect(after.mentorships).toEqual({ programs: 1, students: 20, activities: 0, participationHours: 0 });
    const events = await admin.get('/api/audit/events', {
      query: { entityType: 'academia_course', entityId: a.body.id, order: 'asc' },
    });
    expect(events.body.items.map((e: any) => e.action)).toEqual([
      'academia_course.created',
      'academia_course.deleted',
    ]);
  });

  it('imports courses and mentorship activities all or nothing, naming each bad row and column', async () => {
    const spil = await t.signInAs('spilOfficer');
    const header =
      'Site code,School,Program,Subject,Course title,Starts,Ends,Hours,Students,Feedback score\n';
    const bad = await importCsv(
      spil,
      'academia_courses',
      `${header}TC,National Chung Hsing University,practical_training,semiconductor,Imported course A,2025-02-10,2025-06-13,54,80,4.5
K7,,usi_university,career,Outside the officer's sites,2025-03-01,2025-03-02,6,20,
TC,Nowhere University,practical_training,semiconductor,Imported course B,2025-02-10,2025-01-13,0,80,7
`,
    );
    expect(bad.status).toBe('invalid');
    expect(bad.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '3:site_code',
      '4:school',
      '4:ends_on',
      '4:hours',
      '4:feedback_score',
    ]);
    const none = await spil.get('/api/academia/courses', { query: { q: 'Imported course' } });
    expect(none.body.total).toBe(0);
    const good = await importCsv(
      spil,
      'academia_courses',
      `${header}TC,National Chung Hsing University,practical_training,semiconductor,Imported course A,2025-02-10,2025-06-13,54,80,4.5
SZ,,usi_university,career,Imported course C,2025-03-01,2025-03-02,6,20,
`,
    );
    expect(good).toMatchObject({ status: 'done', rowsInserted: 2 });
    const figures = (await spil.get('/api/academia/courses/figures', { query: { year: '2025' } })).body;
    expect(figures.courses).toEqual({
      courses: 2,
      hours: 60,
      students: 100,
      participationHours: 54 * 80 + 120,
    });

    const m = await spil.post('/api/academia/mentorships', {
      siteId: SITES.TC.id,
      partnerId,
      title: 'Mentors 2025',
      startsOn: '2025-03-01',
      endsOn: '2025-12-31',
      students: 50,
    });
    expect(m.status).toBe(201);
    const activities = 'Site code,Mentorship program,Activity,Held on,Hours,Students taking part\n';
    const refused = await importCsv(
      spil,
      'academia_mentorship_activities',
      `${activities}TC,Mentors 2025,forum,2025-04-01,3,40
TC,Mentors 2025,dinner,2026-01-10,2,30
TC,Mentors 2025,line_tour,2025-05-01,2,51
TC,Mentors 2025,party,2025-05-02,2,10
`,
    );
    expect(refused.status).toBe('invalid');
    expect(refused.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '3:program',
      '4:students',
      '5:kind',
    ]);
    expect((await spil.get(`/api/academia/mentorships/${m.body.id}`)).body.activities).toBe(0);
    const done = await importCsv(
      spil,
      'academia_mentorship_activities',
      `${activities}TC,mentors 2025,forum,2025-04-01,3,40
TC,Mentors 2025,line_tour,2025-05-01,2,50
`,
    );
    expect(done).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect((await spil.get(`/api/academia/mentorships/${m.body.id}`)).body).toMatchObject({
      activities: 2,
      participationHours: 120 + 100,
    });
  });

  it('runs a mentorship program under a program record, counted on the program’s page', async () => {
    const spil = await t.signInAs('spilOfficer');
    const body = {
      siteId: SITES.TC.id,
      partnerId,
      title: 'University Corporate Mentors',
      startsOn: '2022-03-01',
      endsOn: '2022-12-31',
      students: 20,
    };
    const unknown = await spil.post('/api/academia/mentorships', { ...body, program: 'no_such_program' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('program');
    const created = await spil.post('/api/academia/mentorships', {
      ...body,
      program: 'cooperative_education',
    });
    expect(created.status).toBe(201);
    expect(created.body.program).toBe('cooperative_education');
    const listed = await spil.get('/api/academia/mentorships', {
      query: { program: 'cooperative_education' },
    });
    expect(listed.body.items.map((m: any) => m.id)).toEqual([created.body.id]);
    const owner = await t.signInAs('groupAdmin');
    const programs = await owner.get('/api/academia/programs', { query: { pageSize: '100' } });
    const coop = programs.body.items.find((p: any) => p.code === 'cooperative_education');
    const detail = async () => (await owner.get(`/api/academia/programs/${coop.id}`)).body.counts.mentorships;
    expect(await detail()).toBe(1);
    const cleared = await spil.patch(`/api/academia/mentorships/${created.body.id}`, {
      version: created.body.version,
      program: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.program).toBeNull();
    expect(await detail()).toBe(0);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcademiaModule } from '../../server/modules/academia/module.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const NOW = Date.parse('2026-06-15T19:05:00Z');

describe.each(databases())('Evaluations of an internship by the mentor and the student (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let partnerId: string;
  const retention = () => (t.app.services.modules.academia as AcademiaModule).retention;

  const intern = async (fullName: string, startedOn: string, endedOn: string) => {
    const res = await officer.post('/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId,
      fullName,
      program: 'cooperative_education',
      startedOn,
      endedOn,
      outcome: 'completed',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date(NOW) });
    officer = await t.signInAs('k7Officer');
    const admin = await t.signInAs('groupAdmin');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Formosa University',
      country: 'TW',
      kind: 'university',
    });
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  it('records the mentor’s and the student’s evaluations, names a bad field, and keeps other sites out', async () => {
    const i = await intern('Wang Yu-Chen', '2025-07-01', '2025-08-31');
    const path = `/api/academia/interns/${i.id}/evaluations`;
    const mentor = await officer.post(path, {
      evaluator: 'mentor',
      rating: 5,
      evaluatedOn: '2025-08-29',
      comments: 'Would hire.',
    });
    expect(mentor.status, JSON.stringify(mentor.body)).toBe(201);
    const student = await officer.post(path, { evaluator: 'student', rating: 4, evaluatedOn: '2025-08-30' });
    expect(student.status).toBe(201);
    const list = await officer.get(path);
    expect(list.body.items.map((e: any) => [e.evaluator, e.rating, e.comments])).toEqual([
      ['mentor', 5, 'Would hire.'],
      ['student', 4, null],
    ]);

    const tooHigh = await officer.post(path, { evaluator: 'mentor', rating: 6, evaluatedOn: '2025-08-29' });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.errors[0].path).toBe('body.rating');
    const early = await officer.post(path, { evaluator: 'mentor', rating: 3, evaluatedOn: '2025-06-01' });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].path).toBe('evaluatedOn');

    const elsewhere = await t.signInAs('spilOfficer');
    expect((await elsewhere.get(path)).status).toBe(404);
    expect(
      (await elsewhere.post(path, { evaluator: 'mentor', rating: 1, evaluatedOn: '2025-08-29' })).status,
    ).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect(
      (await auditor.post(path, { evaluator: 'mentor', rating: 1, evaluatedOn: '2025-08-29' })).status,
    ).toBe(403);
    expect((await officer.get(path)).body.items).toHaveLength(2);
  });

  it('erases the comments with the name when the retention schedule anonymises the student', async () => {
    const old = await intern('Lin Hsin-Yi', '2012-07-01', '2013-06-30');
    const path = `/api/academia/interns/${old.id}/evaluations`;
    expect(
      (
        await officer.post(path, {
          evaluator: 'mentor',
          rating: 4,
          evaluatedOn: '2013-06-28',
          comments: 'Diligent.',
        })
      ).status,
    ).toBe(201);
    const run = await retention().run();
    expect(run.anonymised).toBeGreaterThanOrEqual(1);
    const after = await officer.get(path);
    expect(after.body.items).toEqual([
      expect.objectContaining({ evaluator: 'mentor', rating: 4, evaluatedOn: '2013-06-28', comments: null }),
    ]);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academiaModule } from '../../server/modules/academia/index.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

describe.each(databases())('Former interns hired: proposed matches and the conversion (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let partnerId: string;
  let n = 0;

  const intern = async (fullName: string, email: string | null, startedOn = '2023-07-01') => {
    const res = await officer.post('/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId,
      fullName,
      email,
      dateOfBirth: '2002-03-04',
      program: 'cooperative_education',
      startedOn,
      endedOn: '2023-08-31',
      hours: 320,
      outcome: 'completed',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const employee = async (fullName: string, email: string, hireDate: string, siteId = SITES.K7.id) => {
    n++;
    const res = await admin.post('/api/people/employees', {
      siteId,
      employeeNo: `HM-${kind}-${n}`,
      fullName,
      email,
      department: 'Assembly engineering',
      hireDate,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const proposals = async (client: ApiClient, status = 'proposed') => {
    const res = await client.get('/api/academia/hire-matches', { query: { status, pageSize: '500' } });
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const conversion2023 = async () => {
    const res = await officer.get('/api/academia/conversion', {
      query: { fromYear: '2023', toYear: '2023' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    const partner = await admin.post('/api/academia/partners', {
      name: 'Hire Match University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  it('proposes an employee who arrives later with the intern’s e-mail; confirming links the hire and counts it', async () => {
    const before = await conversion2023();
    const a = await intern('林 美玲', 'Mei-Ling.Lin@hmu.edu.example');
    // Looked at before any such employee exists: nothing proposed.
    const first = await officer.post('/api/academia/hire-matches/scan', { siteId: SITES.K7.id });
    expect(first.status).toBe(200);
    expect(first.body.interns).toBeGreaterThanOrEqual(1);
    expect((await proposals(officer)).filter((p) => p.internId === a.id)).toEqual([]);

    const e = await employee('Lin Mei-Ling', ' mei-ling.lin@HMU.edu.example', '2024-09-02');
    const scan = await officer.post('/api/academia/hire-matches/scan', {});
    expect(scan.status).toBe(200);
    expect(scan.body.proposed).toBe(1);
    const [p] = (await proposals(officer)).filter((x) => x.internId === a.id);
    expect(p).toMatchObject({
      employeeId: e.id,
      employeeName: 'Lin Mei-Ling',
      employeeSiteCode: 'K7',
      hireDate: '2024-09-02',
      reason: 'email',
      status: 'proposed',
      siteCode: 'K7',
      partnerName: 'Hire Match University',
    });
    // Looking again proposes nothing twice.
    expect((await officer.post('/api/academia/hire-matches/scan', {})).body.proposed).toBe(0);

    const stale = await officer.post(`/api/academia/hire-matches/${p.id}/confirm`, {
      version: p.version + 7,
    });
    expect(stale.status).toBe(409);

    const confirmed = await officer.post(`/api/academia/hire-matches/${p.id}/confirm`, {
      version: p.version,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', version: p.version + 1 });
    expect(confirmed.body.decidedAt).not.toBeNull();
    const linked = await officer.get(`/api/academia/interns/${a.id}`);
    expect(linked.body).toMatchObject({ hiredEmployeeId: e.id, hiredOn: '2024-09-02' });

    // Decided once: a second decision on the current version is a conflict.
    const again = await officer.post(`/api/academia/hire-matches/${p.id}/dismiss`, {
      version: confirmed.body.version,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(409);

    const after = await conversion2023();
    expect(after.total.completed).toBe(before.total.completed + 1);
    expect(after.total.hired).toBe(before.total.hired + 1);
    const row = after.rows.find(
      (r: any) => r.partnerId === partnerId && r.program === 'cooperative_education',
    );
    expect(row).toMatchObject({ year: 2023, siteCode: 'K7', completed: 1, hired: 1, ratePercent: '100.0' });
    // Every school of the rows is named once, and no school without a row.
    const named = after.partners.map((x: any) => x.id);
    expect(new Set(named).size).toBe(named.length);
    expect(new Set(named)).toEqual(new Set(after.rows.map((r: any) => r.partnerId)));
    expect(after.partners.find((x: any) => x.id === partnerId)).toEqual({
      id: partnerId,
      name: 'Hire Match University',
      nameZh: null,
    });

    const audit = async (entityId: string) => {
      const res = await admin.get('/api/audit/events', { query: { entityId, pageSize: '50' } });
      expect(res.status).toBe(200);
      return res.body.items.map((i: any) => i.action);
    };
    expect(await audit(p.id)).toEqual(
      expect.arrayContaining(['academia_hire_match.proposed', 'academia_hire_match.confirmed']),
    );
    expect(await audit(a.id)).toContain('academia_intern.hired');
    // The hire's event keeps the intern without the student's name and e-mail, as every intern event.
    const events = await admin.get('/api/audit/events', { query: { entityId: a.id, pageSize: '50' } });
    const hired = events.body.items.find((i: any) => i.action === 'academia_intern.hired');
    expect(hired.after).toMatchObject({
      hired_employee_id: e.id,
      personal_data: expect.arrayContaining(['full_name', 'email']),
    });
    expect(hired.after).not.toHaveProperty('full_name');
    expect(JSON.stringify(events.body.items)).not.toMatch(/林 美玲|hmu\.edu/i);
  });

  it('never proposes a dismissed pair again, nor an employee hired before the internship began', async () => {
    const b = await intern('Chang Wei', 'wei.chang@hmu.edu.example');
    await employee('Chang Wei', 'wei.chang@hmu.edu.example', '2023-06-30');
    const c = await intern('Huang Yu', 'yu.huang@hmu.edu.example');
    await employee('Huang Yu', 'yu.huang@hmu.edu.example', '2025-01-06');
    await officer.post('/api/academia/hire-matches/scan', {});
    const open = await proposals(officer);
    expect(open.filter((p) => p.internId === b.id)).toEqual([]);
    const [p] = open.filter((x) => x.internId === c.id);
    expect(p.reason).toBe('email');

    const dismissed = await officer.post(`/api/academia/hire-matches/${p.id}/dismiss`, {
      version: p.version,
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.status).toBe('dismissed');
    expect((await officer.get(`/api/academia/interns/${c.id}`)).body.hiredEmployeeId).toBeNull();

    expect((await officer.post('/api/academia/hire-matches/scan', {})).body.proposed).toBe(0);
    // The nightly job, as the manifest registers it, respects the dismissal too.
    const job = academiaModule.jobs?.(t.db, {} as never).find((j) => j.name === 'academia-hire-matches');
    expect(job).toBeDefined();
    await job?.handler();
    expect((await proposals(officer)).filter((x) => x.internId === c.id)).toEqual([]);
    expect((await proposals(officer, 'dismissed')).map((x) => x.id)).toContain(p.id);
  });

  it('hides another site’s proposals: listed to no one outside, 404 on a decision, 403 to a reader', async () => {
    const d = await intern('Tsai Ming', 'ming.tsai@hmu.edu.example');
    await employee('Tsai Ming', 'ming.tsai@hmu.edu.example', '2024-10-01');
    const job = academiaModule.jobs?.(t.db, {} as never).find((j) => j.name === 'academia-hire-matches');
    const ran = (await job?.handler()) as { proposed: number };
    expect(ran.proposed).toBeGreaterThanOrEqual(1);
    const [p] = (await proposals(officer)).filter((x) => x.internId === d.id);
    expect(p).toBeDefined();

    const spil = await t.signInAs('spilOfficer');
    expect((await proposals(spil)).filter((x) => x.siteId === SITES.K7.id)).toEqual([]);
    expect(
      (await spil.post(`/api/academia/hire-matches/${p.id}/confirm`, { version: p.version })).status,
    ).toBe(404);
    expect(
      (await spil.post(`/api/academia/hire-matches/${p.id}/dismiss`, { version: p.version })).status,
    ).toBe(404);
    expect((await spil.post('/api/academia/hire-matches/scan', { siteId: SITES.K7.id })).status).toBe(404);

    const auditor = await t.signInAs('auditor');
    expect((await proposals(auditor)).map((x) => x.id)).toContain(p.id);
    expect(
      (await auditor.post(`/api/academia/hire-matches/${p.id}/confirm`, { version: p.version })).status,
    ).toBe(403);
    expect((await officer.get(`/api/academia/interns/${d.id}`)).body.hiredEmployeeId).toBeNull();
  });

  it('shows a proposal that names another site’s employee only to staff who see that site too', async () => {
    const d = await intern('Kao Wen', 'wen.kao@hmu.edu.example');
    const hired = await employee('Kao Wen', 'wen.kao@hmu.edu.example', '2024-11-01', SITES.PG.id);
    const scan = await admin.post('/api/academia/hire-matches/scan', {});
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    const [p] = (await proposals(admin)).filter((x) => x.internId === d.id);
    expect(p).toMatchObject({ employeeId: hired.id, siteId: SITES.K7.id });
    // The intern's site officer does not see the other site's employee: not listed, 404 on a decision.
    expect((await proposals(officer)).filter((x) => x.internId === d.id)).toEqual([]);
    expect(
      (await officer.post(`/api/academia/hire-matches/${p.id}/confirm`, { version: p.version })).status,
    ).toBe(404);
    const confirmed = await admin.post(`/api/academia/hire-matches/${p.id}/confirm`, { version: p.version });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await admin.get(`/api/academia/interns/${d.id}`)).body.hiredEmployeeId).toBe(hired.id);
  });

  it('refuses a conversion report whose last year comes before its first, naming the field', async () => {
    const res = await officer.get('/api/academia/conversion', {
      query: { fromYear: '2024', toYear: '2023' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('toYear');
  });
});

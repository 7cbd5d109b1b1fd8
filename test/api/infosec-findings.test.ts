// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAcceptanceLapse } from '../../server/modules/infosec/findings/acceptance-lapse.ts';
import { infosecModule } from '../../server/modules/infosec/index.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

/** A SARIF 2.1.0 log of one run of a scanner, with these results. */
function sarif(results: any[]) {
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ScanTool',
            rules: [
              { id: 'SQLI', properties: { 'security-severity': '9.1' } },
              { id: 'TLS-OLD', defaultConfiguration: { level: 'warning' } },
              { id: 'HEARTBLEED', properties: { cvssV3_1: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' } },
            ],
          },
        },
        results,
      },
    ],
  });
}

const sqli = {
  ruleId: 'SQLI',
  ruleIndex: 0,
  level: 'error',
  message: { text: 'SQL injection in the login form' },
  locations: [{ physicalLocation: { artifactLocation: { uri: 'https://mes.k7/login' } } }],
  partialFingerprints: { primaryLocationLineHash: 'abc123' },
};
const tls = {
  ruleId: 'TLS-OLD',
  ruleIndex: 1,
  message: { text: 'TLS 1.0 enabled' },
  locations: [{ physicalLocation: { artifactLocation: { uri: '10.7.0.5:443' } } }],
};
const heartbleed = {
  ruleId: 'HEARTBLEED',
  ruleIndex: 2,
  level: 'error',
  message: { text: 'OpenSSL heartbeat read overrun' },
  locations: [{ physicalLocation: { artifactLocation: { uri: '10.7.0.9:443' } } }],
  fingerprints: { 'scantool/v1': 'hb-10.7.0.9' },
};

async function multipart(client: ApiClient, url: string, filename: string, text: string, query = {}) {
  const form = new FormData();
  form.append('file', new Blob([text]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return client.post(url, Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query,
  });
}

async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await client.get(`/api/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/** Validates and commits an uploaded import; answers the finished job. */
async function commit(client: ApiClient, uploaded: { status: number; body: any }) {
  expect(uploaded.status).toBe(201);
  let job = uploaded.body;
  await client.post(`/api/imports/${job.id}/validate`, { version: job.version });
  job = await settle(client, job.id);
  expect(job.errors).toEqual([]);
  expect(job.status).toBe('valid');
  await client.post(`/api/imports/${job.id}/commit`, { version: job.version });
  return settle(client, job.id);
}

describe.each(databases())('engagements and findings (%s)', (kind) => {
  let t: TestApp;
  let k7: ApiClient;
  let spil: ApiClient;
  let auditor: ApiClient;
  let engagement: any;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    k7 = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    auditor = await t.signInAs('auditor');
  });
  afterAll(async () => t?.close());

  const findings = async (query: Record<string, string> = {}) =>
    (await k7.get('/api/infosec/findings', { query: { pageSize: '100', ...query } })).body.items as any[];

  it('records an engagement, audited, and refuses one ending before it starts naming the field', async () => {
    const res = await k7.post('/api/infosec/engagements', {
      siteId: SITES.K7.id,
      reference: 'K7-VS-2026-Q1',
      kind: 'vulnerability_scan',
      vendor: 'Acme Security',
      scope: 'K7 office network 10.7.0.0/16',
      startsOn: '2026-01-05',
    });
    expect(res.status).toBe(201);
    engagement = res.body;
    expect(engagement).toMatchObject({ siteCode: 'K7', openFindings: 0, version: 1 });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', engagement.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.engagement.created']);
    const bad = await k7.post('/api/infosec/engagements', {
      siteId: SITES.K7.id,
      reference: 'K7-PT-BAD',
      kind: 'penetration_test',
      scope: 'MES',
      startsOn: '2026-02-05',
      endsOn: '2026-02-01',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('endsOn');
    const stale = await k7.patch(`/api/infosec/engagements/${engagement.id}`, { version: 99, vendor: 'X' });
    expect(stale.status).toBe(409);
  });

  it('imports a SARIF log: severity from CVSS, security-severity or level, due dates by the policy', async () => {
    const job = await commit(
      k7,
      await multipart(
        k7,
        `/api/infosec/engagements/${engagement.id}/sarif`,
        'scan-1.sarif',
        sarif([sqli, tls, heartbleed]),
      ),
    );
    expect(job).toMatchObject({ status: 'done', rowsInserted: 3 });
    const items = await findings({ sort: 'severity', order: 'desc' });
    expect(items.map((f) => [f.ruleId, f.severity, f.severitySource, f.cvssScore])).toEqual([
      ['SQLI', 'critical', 'security_severity', null],
      ['HEARTBLEED', 'high', 'cvss', 7.5],
      ['TLS-OLD', 'medium', 'level', null],
    ]);
    const sql = items[0];
    // CISA BOD 19-02 by default: a critical finding is due 15 days after it opened.
    const due = new Date(`${sql.openedOn}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 15);
    expect(sql.dueOn).toBe(due.toISOString().slice(0, 10));
    expect(sql.identity).toBe('pfp:primaryLocationLineHash=abc123');
    expect(items[2].identity).toBe('rule:TLS-OLD@10.7.0.5:443');
    expect((await k7.get(`/api/infosec/engagements/${engagement.id}`)).body.openFindings).toBe(3);
  });

  it('imports the same SARIF twice without duplicates, then closes the fixed finding and reopens a returning one', async () => {
    const again = await commit(
      k7,
      await multipart(
        k7,
        `/api/infosec/engagements/${engagement.id}/sarif`,
        'scan-1.sarif',
        sarif([sqli, tls, heartbleed]),
      ),
    );
    expect(again).toMatchObject({ status: 'done', rowsInserted: 0 });
    expect(await findings()).toHaveLength(3);
    expect((await findings()).every((f) => f.status === 'open')).toBe(true);

    // The TLS finding was fixed: the rescan of the same scope by the same tool no longer reports it.
    const rescan = await commit(
      k7,
      await multipart(
        k7,
        `/api/infosec/engagements/${engagement.id}/sarif`,
        'scan-2.sarif',
        sarif([sqli, heartbleed]),
      ),
    );
    expect(rescan).toMatchObject({ status: 'done', rowsInserted: 0 });
    const afterRescan = await findings();
    expect(afterRescan).toHaveLength(3);
    const fixed = afterRescan.find((f) => f.ruleId === 'TLS-OLD');
    expect(fixed).toMatchObject({ status: 'closed', closedReason: 'not_reported' });
    expect(
      afterRescan
        .filter((f) => f.status === 'open')
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['HEARTBLEED', 'SQLI']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('after')
      .where('entity_id', '=', rescan.id)
      .where('action', '=', 'import.committed')
      .executeTakeFirst();
    expect(JSON.stringify(audit?.after)).toContain('"closed":1');

    // It comes back: the same finding is reopened, not duplicated.
    await commit(
      k7,
      await multipart(
        k7,
        `/api/infosec/engagements/${engagement.id}/sarif`,
        'scan-3.sarif',
        sarif([sqli, tls, heartbleed]),
      ),
    );
    const back = (await findings()).find((f) => f.ruleId === 'TLS-OLD');
    expect(back).toMatchObject({ id: fixed.id, status: 'open', reopenedCount: 1, closedReason: null });
    expect(await findings()).toHaveLength(3);
  });

  it('refuses a file that is not SARIF 2.1.0 naming the file', async () => {
    const res = await multipart(
      k7,
      `/api/infosec/engagements/${engagement.id}/sarif`,
      'x.sarif',
      '{"version":"2.0.0","runs":[]}',
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('file');
  });

  it('filters, sorts and exports the findings; the open ones by site, severity and age', async () => {
    expect((await findings({ severity: 'critical' })).map((f) => f.ruleId)).toEqual(['SQLI']);
    expect((await findings({ q: 'heartbeat' })).map((f) => f.ruleId)).toEqual(['HEARTBLEED']);
    expect((await findings({ sort: 'title' })).map((f) => f.ruleId)).toEqual([
      'HEARTBLEED',
      'SQLI',
      'TLS-OLD',
    ]);
    const csv = await k7.get('/api/infosec/findings/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('SQL injection in the login form');
    const ageing = (await k7.get('/api/infosec/findings/ageing')).body;
    expect(ageing.rows).toEqual([
      {
        siteId: SITES.K7.id,
        siteCode: 'K7',
        severity: 'critical',
        counts: { '0-30': 1, '31-90': 0, '91-180': 0, '181+': 0 },
        overdue: 0,
      },
      {
        siteId: SITES.K7.id,
        siteCode: 'K7',
        severity: 'high',
        counts: { '0-30': 1, '31-90': 0, '91-180': 0, '181+': 0 },
        overdue: 0,
      },
      {
        siteId: SITES.K7.id,
        siteCode: 'K7',
        severity: 'medium',
        counts: { '0-30': 1, '31-90': 0, '91-180': 0, '181+': 0 },
        overdue: 0,
      },
    ]);
  });

  it('accepts a risk with an approver and expiry, and closes a finding a retest verified', async () => {
    const [sqlFinding] = await findings({ severity: 'critical' });
    const past = await k7.put(`/api/infosec/findings/${sqlFinding.id}/acceptance`, {
      approverId: USERS.groupAdmin.id,
      expiresOn: '2020-01-01',
      reason: 'Compensating WAF rule',
      version: sqlFinding.version,
    });
    expect(past.status).toBe(422);
    const accepted = await k7.put(`/api/infosec/findings/${sqlFinding.id}/acceptance`, {
      approverId: USERS.groupAdmin.id,
      expiresOn: '2099-12-31',
      reason: 'Compensating WAF rule',
      version: sqlFinding.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      acceptedBy: USERS.groupAdmin.id,
      acceptedByName: USERS.groupAdmin.displayName,
      acceptedUntil: '2099-12-31',
    });
    const [tlsFinding] = await findings({ q: 'TLS' });
    const verified = await k7.post(`/api/infosec/findings/${tlsFinding.id}/verification`, {
      evidence: 'Retest 2026-02-01: TLS 1.0 refused',
      version: tlsFinding.version,
    });
    expect(verified.body).toMatchObject({ status: 'closed', closedReason: 'verified' });
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [sqlFinding.id, tlsFinding.id])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'infosec.finding.risk_accepted',
      'infosec.finding.verified',
    ]);
  });

  it('reopens a finding on the day after its accepted risk expires, keeping the acceptance as history', async () => {
    const [finding] = await findings({ status: 'open' });
    const accepted = await k7.put(`/api/infosec/findings/${finding.id}/acceptance`, {
      approverId: USERS.groupAdmin.id,
      expiresOn: '2098-06-30',
      reason: 'Replaced within the year',
      version: finding.version,
    });
    expect(accepted.status).toBe(200);
    const job = infosecModule.jobs?.(t.db, {} as never).find((j) => j.name === 'infosec-acceptance-lapse');
    expect(job?.cron).toBe('15 0 * * *');
    // The expiry day itself is still covered, to its end.
    const onTheDay = createAcceptanceLapse(t.db, () => new Date('2098-06-30T23:59:00Z'));
    await onTheDay.reopenLapsed();
    expect((await k7.get(`/api/infosec/findings/${finding.id}`)).body.status).toBe('accepted');
    const dayAfter = createAcceptanceLapse(t.db, () => new Date('2098-07-01T00:15:00Z'));
    expect((await dayAfter.reopenLapsed()).reopened).toBeGreaterThanOrEqual(1);
    const reopened = (await k7.get(`/api/infosec/findings/${finding.id}`)).body;
    expect(reopened).toMatchObject({
      status: 'open',
      acceptedUntil: '2098-06-30',
      version: accepted.body.version + 1,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', finding.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'infosec.finding.risk_accepted',
      'infosec.finding.acceptance_lapsed',
    ]);
    // Run again: nothing more to reopen.
    expect((await dayAfter.reopenLapsed()).reopened).toBe(0);
  });

  it('links a finding to a system of its site only', async () => {
    const system = await k7.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'MES web',
      domain: 'it',
      criticality: 'high',
    });
    const [f] = await findings({ q: 'heartbeat' });
    const linked = await k7.patch(`/api/infosec/findings/${f.id}`, {
      systemId: system.body.id,
      version: f.version,
    });
    expect(linked.body).toMatchObject({ systemId: system.body.id, systemName: 'MES web' });
    expect((await findings({ systemId: system.body.id })).map((x) => x.id)).toEqual([f.id]);
  });

  it('hides the findings outside the reader’s sites (404) and lets the auditor change nothing (403)', async () => {
    const [f] = await findings();
    expect((await spil.get(`/api/infosec/findings/${f.id}`)).status).toBe(404);
    expect((await spil.get(`/api/infosec/engagements/${engagement.id}`)).status).toBe(404);
    expect((await spil.get('/api/infosec/findings')).body.items).toEqual([]);
    expect(
      (await multipart(spil, `/api/infosec/engagements/${engagement.id}/sarif`, 's.sarif', sarif([sqli])))
        .status,
    ).toBe(404);
    expect((await auditor.get(`/api/infosec/findings/${f.id}`)).status).toBe(200);
    expect(
      (await auditor.patch(`/api/infosec/findings/${f.id}`, { systemId: null, version: f.version })).status,
    ).toBe(403);
  });

  it('imports a mapped CSV of a scanner’s export, merging on rule and location, and measures SLA compliance', async () => {
    const csv = [
      'Engagement,Scanner,Plugin ID,Name,Risk,CVSS,Host',
      `${engagement.reference},Nessus,19506,Outdated SMB,High,,10.7.0.5`,
      `${engagement.reference},Nessus,10107,HTTP banner,Low,,10.7.0.6`,
      `${engagement.reference},Nessus,99999,Weak TLS,,CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N,10.7.0.7`,
    ].join('\n');
    const uploaded = await multipart(k7, '/api/imports', 'nessus.csv', csv, { kind: 'infosec_findings' });
    expect(uploaded.status).toBe(201);
    let job = uploaded.body;
    const mapping = {
      engagement: 'Engagement',
      tool: 'Scanner',
      rule: 'Plugin ID',
      title: 'Name',
      severity: 'Risk',
      cvss_vector: 'CVSS',
      location: 'Host',
    };
    job = (await k7.put(`/api/imports/${job.id}/mapping`, { mapping, version: job.version })).body;
    expect(await commit(k7, { status: 201, body: job })).toMatchObject({ status: 'done', rowsInserted: 3 });
    const nessus = await findings({ tool: 'Nessus', sort: 'severity', order: 'desc' });
    expect(nessus.map((f) => [f.ruleId, f.severity, f.severitySource])).toEqual([
      ['99999', 'critical', 'cvss'],
      ['19506', 'high', 'tool'],
      ['10107', 'low', 'tool'],
    ]);
    expect(nessus[1].identity).toBe('rule:19506@10.7.0.5');
    // Last month: the retested TLS finding closed on the 5th, due on the 10th (met); an open one due then (breached).
    const d = new Date();
    const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const [tlsFinding] = await findings({ q: 'TLS 1.0', status: 'closed' });
    await t.db
      .updateTable('infosec_findings')
      .set({ due_on: `${month}-10`, closed_at: new Date(`${month}-05T08:00:00Z`) })
      .where('id', '=', tlsFinding.id)
      .execute();
    await t.db
      .updateTable('infosec_findings')
      .set({ due_on: `${month}-10` })
      .where('id', '=', nessus[2].id)
      .execute();
    const sla = await k7.get('/api/infosec/findings/sla');
    expect(sla.body.months).toEqual([{ month, met: 1, breached: 1, compliance: 0.5 }]);
    expect((await spil.get('/api/infosec/findings/sla')).body.months).toEqual([]);
  });

  it('remediates a finding through a platform action whose source names the finding in scope only', async () => {
    const [f] = await findings({ q: 'heartbeat' });
    const action = await k7.post('/api/actions', {
      siteId: f.siteId,
      program: 'infosec',
      kind: 'corrective',
      title: 'Patch OpenSSL on the VPN gateway',
      sourceType: 'infosec_finding',
      sourceId: f.id,
      dueDate: f.dueOn,
    });
    expect(action.status).toBe(201);
    const linked = await k7.get('/api/actions', { query: { sourceType: 'infosec_finding', sourceId: f.id } });
    expect(linked.body.items.map((a: any) => a.id)).toEqual([action.body.id]);
    const source = await k7.get(`/api/sources/infosec_finding/${f.id}`);
    expect(source.body).toMatchObject({ label: f.title });
    expect((await spil.get(`/api/sources/infosec_finding/${f.id}`)).status).toBe(404);
  });

  it('keeps the due-date policy as a group setting', async () => {
    expect((await k7.get('/api/infosec/finding-due-policy')).body).toEqual({
      critical: 15,
      high: 30,
      medium: 90,
      low: 180,
    });
    const admin = await t.signInAs('groupAdmin');
    const changed = await admin.put('/api/infosec/finding-due-policy', {
      critical: 7,
      high: 30,
      medium: 90,
      low: 180,
    });
    expect(changed.body.critical).toBe(7);
    expect(
      (await k7.put('/api/infosec/finding-due-policy', { critical: 1, high: 30, medium: 90, low: 180 }))
        .status,
    ).toBe(403);
  });
});

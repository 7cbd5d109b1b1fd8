// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';
import { stixBundle, TLP_RED_V1, uuid } from '../support/stix.ts';

describe.each(databases())('cybersecurity advisories (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let k7: ApiClient;
  let spil: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    k7 = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    const systems = [
      {
        siteId: SITES.K7.id,
        name: 'Wire bonder PLC',
        domain: 'ot',
        criticality: 'critical',
        cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:2.9.2:*:*:*:*:*:*:*',
      },
      {
        siteId: SITES.TC.id,
        name: 'Supplier portal',
        domain: 'it',
        criticality: 'high',
        vendor: 'Apache',
        product: 'HTTP Server',
        productVersion: '2.4.57',
      },
      {
        siteId: SITES.PG.id,
        name: 'Intranet',
        domain: 'it',
        criticality: 'medium',
        vendor: 'Apache',
        product: 'HTTP Server',
        productVersion: '2.4.58',
      },
    ];
    for (const s of systems) expect((await admin.post('/api/infosec/systems', s)).status).toBe(201);
  });
  afterAll(async () => t?.close());

  let advisoryId: string;
  it('imports a STIX bundle and routes it to the sites whose systems run the affected versions', async () => {
    const res = await admin.post('/api/infosec/advisories/import', {
      source: 'twcert',
      severity: 'high',
      bundle: stixBundle(),
    });
    expect(res.status).toBe(201);
    advisoryId = res.body.id;
    expect(res.body).toMatchObject({
      tlp: 'green',
      severity: 'high',
      siteCount: 2,
      openCount: 2,
      objectCount: 6,
    });
    expect(res.body.reference).toMatch(/^ADV-\d{4}-0001$/);
    expect(res.body.sites.map((s: any) => [s.siteCode, s.systems.map((y: any) => y.name)])).toEqual([
      ['K7', ['Wire bonder PLC']],
      ['TC', ['Supplier portal']],
    ]);
    // High: 14 days from the day of routing in Taiwan (the group setting's default).
    const routedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(
      new Date(res.body.routedAt),
    );
    const due = new Date(Date.parse(`${routedOn}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(res.body.sites.map((s: any) => s.dueOn)).toEqual([due, due]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', advisoryId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.advisory.imported']);
  });

  it('refuses a malformed bundle naming the object and field, and writes nothing', async () => {
    const before = await t.db
      .selectFrom('infosec_advisories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bundle = stixBundle();
    const at = bundle.objects.findIndex((o) => o.type === 'indicator');
    delete (bundle.objects[at] as any).valid_from;
    const res = await admin.post('/api/infosec/advisories/import', {
      source: 'first',
      severity: 'low',
      bundle,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        path: `bundle.objects[${at}].valid_from`,
        message: `${bundle.objects[at].id}: valid_from is required`,
      },
    ]);
    const after = await t.db
      .selectFrom('infosec_advisories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('shows each site only its own response; another site’s officer gets 404 for an advisory not routed there', async () => {
    const mine = await k7.get(`/api/infosec/advisories/${advisoryId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.sites.map((s: any) => s.siteCode)).toEqual(['K7']);
    const tcOnly = await admin.post('/api/infosec/advisories/import', {
      source: 'vendor',
      severity: 'critical',
      bundle: stixBundle({
        software: [
          {
            type: 'software',
            id: `software--${uuid()}`,
            name: 'HTTP Server',
            vendor: 'Apache',
            version: '2.4.57',
          },
        ],
      }),
    });
    expect(tcOnly.body.sites.map((s: any) => s.siteCode)).toEqual(['TC']);
    expect((await k7.get(`/api/infosec/advisories/${tcOnly.body.id}`)).status).toBe(404);
    expect((await spil.get(`/api/infosec/advisories/${tcOnly.body.id}`)).status).toBe(200);
    const listed = await k7.get('/api/infosec/advisories');
    expect(listed.body.items.map((a: any) => a.id)).toEqual([advisoryId]);
  });

  it('keeps a TLP:RED advisory with its named recipients only', async () => {
    const red = await admin.post('/api/infosec/advisories/import', {
      source: 'first',
      severity: 'medium',
      recipientIds: [USERS.k7Officer.id],
      bundle: stixBundle({ marking: TLP_RED_V1, indicatorValue: '203.0.113.9' }),
    });
    expect(red.status).toBe(201);
    expect(red.body.tlp).toBe('red');
    expect(red.body.recipients.map((r: any) => r.id).sort()).toEqual(
      [USERS.groupAdmin.id, USERS.k7Officer.id].sort(),
    );
    expect((await k7.get(`/api/infosec/advisories/${red.body.id}`)).status).toBe(200);
    // Routed to TC too, but its officer is not named.
    expect((await spil.get(`/api/infosec/advisories/${red.body.id}`)).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/infosec/advisories/${red.body.id}`)).status).toBe(404);
    const search = await spil.get('/api/infosec/advisory-indicators', { query: { q: '203.0.113.9' } });
    expect(search.body.items).toEqual([]);
    const mine = await k7.get('/api/infosec/advisory-indicators', { query: { q: '203.0.113.9' } });
    expect(mine.body.items.map((i: any) => [i.kind, i.value])).toEqual([['ipv4-addr:value', '203.0.113.9']]);
  });

  it('records a site’s response, refusing another site’s and a stale one', async () => {
    const res = await k7.put(`/api/infosec/advisories/${advisoryId}/response`, {
      siteId: SITES.K7.id,
      status: 'patched',
      note: 'Firmware 3.0.1 installed',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.sites[0]).toMatchObject({
      status: 'patched',
      respondedByName: USERS.k7Officer.displayName,
      version: 2,
    });
    const stale = await k7.put(`/api/infosec/advisories/${advisoryId}/response`, {
      siteId: SITES.K7.id,
      status: 'mitigated',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const other = await k7.put(`/api/infosec/advisories/${advisoryId}/response`, {
      siteId: SITES.TC.id,
      status: 'accepted',
      version: 1,
    });
    expect(other.status).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', advisoryId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toContain('infosec.advisory.responded');
  });

  it('lets only group-wide managers import, and routes an advisory entered by hand', async () => {
    const refused = await k7.post('/api/infosec/advisories/import', {
      source: 'twcert',
      severity: 'high',
      bundle: stixBundle(),
    });
    expect(refused.status).toBe(403);
    const manual = await admin.post('/api/infosec/advisories', {
      title: 'Vendor notice: HTTP Server request smuggling',
      source: 'vendor',
      severity: 'low',
      tlp: 'clear',
      software: [{ name: 'HTTP Server', vendor: 'Apache', version: '<=2.4.58' }],
    });
    expect(manual.status).toBe(201);
    expect(manual.body.sites.map((s: any) => s.siteCode)).toEqual(['PG', 'TC']);
    const badCpe = await admin.post('/api/infosec/advisories', {
      ...manual.body,
      software: [{ name: 'x', cpe: 'cpe:/a:x' }],
    });
    expect(badCpe.status).toBe(400);
  });

  it('matches indicators against what an incident records', async () => {
    const incident = await k7.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Outbound connections from the PLC network',
      description: 'The firewall logged sessions to 198.51.100.7 on port 443 from the wire bonder PLC.',
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(incident.status).toBe(201);
    const matches = await k7.get(`/api/infosec/incidents/${incident.body.id}/indicator-matches`);
    expect(matches.status).toBe(200);
    // The GREEN advisories' indicator matches; the RED one's value (203.0.113.9) is not in the record.
    expect(new Set(matches.body.items.map((i: any) => i.value))).toEqual(new Set(['198.51.100.7']));
    expect(matches.body.items.every((i: any) => i.tlp === 'green')).toBe(true);
    expect((await spil.get(`/api/infosec/incidents/${incident.body.id}/indicator-matches`)).status).toBe(404);
  });

  it('filters, sorts, pages and exports the list', async () => {
    const critical = await admin.get('/api/infosec/advisories', { query: { severity: 'critical' } });
    expect(critical.body.items.map((a: any) => a.severity)).toEqual(['critical']);
    const bySeverity = await admin.get('/api/infosec/advisories', {
      query: { sort: 'severity', order: 'desc', pageSize: '2', count: 'true' },
    });
    expect(bySeverity.body.total).toBe(4);
    expect(bySeverity.body.items.map((a: any) => a.severity)).toEqual(['critical', 'high']);
    const tc = await admin.get('/api/infosec/advisories', { query: { siteId: SITES.K7.id, open: 'true' } });
    expect(tc.body.items.map((a: any) => a.id)).not.toContain(advisoryId);
    const csv = await admin.get('/api/infosec/advisories/export.csv', { query: { q: 'CVE-2026-21001' } });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('TVN-202611-001');
    const indicators = await admin.get('/api/infosec/advisory-indicators/export.csv');
    expect(String(indicators.body)).toContain('198.51.100.7');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/**
 * An action or obligation names the record it comes from by its human name, linked to its page, and only to
 * readers who may read that record.
 */
describe.each(databases())('sources of actions and obligations (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(() => t?.close());

  it('names an incident by its reference and title, for readers of its site only', async () => {
    const employee = await t.signInAs('employee');
    const incident = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'near_miss',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Forklift reversed without a spotter',
      description: 'Nearly hit a person at the dock.',
    });
    expect(incident.status).toBe(201);

    const officer = await t.signInAs('k7Officer');
    const named = await officer.get(`/api/sources/ohs_incident/${incident.body.id}`);
    expect(named.status).toBe(200);
    expect(named.body).toEqual({
      type: 'ohs_incident',
      id: incident.body.id,
      label: `${incident.body.reference} · Forklift reversed without a spotter`,
      page: { type: 'ohs_incident', id: incident.body.id },
    });

    // Another site's officer learns nothing, not even that it exists.
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/sources/ohs_incident/${incident.body.id}`)).status).toBe(404);
  });

  it('names a certificate by its standard and site', async () => {
    const officer = await t.signInAs('k7Officer');
    const cert = await officer.post('/api/certifications', {
      standard: 'ISO 14001',
      siteId: SITES.K7.id,
      certificateNo: 'TW-14001-0007',
      issuer: 'SGS',
      issuedOn: '2024-03-01',
      validUntil: '2027-02-28',
    });
    expect(cert.status).toBe(201);
    const named = await officer.get(`/api/sources/certification/${cert.body.id}`);
    expect(named.status).toBe(200);
    expect(named.body.label).toBe(`ISO 14001 · ${SITES.K7.code}`);
  });

  it('answers 404 for an unknown type or record, and 400 naming the field for a malformed one', async () => {
    const officer = await t.signInAs('k7Officer');
    const unknownId = '5b500000-0000-4000-8000-00000000beef';
    expect((await officer.get(`/api/sources/no_such_type/${unknownId}`)).status).toBe(404);
    expect((await officer.get(`/api/sources/ohs_incident/${unknownId}`)).status).toBe(404);
    const bad = await officer.get('/api/sources/Not-A-Type/1');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/type|id/);
  });
});

// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import type { OpenStream } from '../support/event-stream.ts';
import { SITES } from '../support/fixture.ts';
import { setUpSensors } from '../support/smart.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const LIVE = '/api/smart/alarms/live';

describe.each(databases())('alarms live (%s)', (kind) => {
  let t: TestApp;
  let k7Officer: ApiClient;
  let spilOfficer: ApiClient;
  let k7Gateway: ApiClient;
  let tcGateway: ApiClient;
  let gasId: string;
  let tcSensorId: string;
  const open: OpenStream[] = [];
  const t0 = Date.now() - 10 * 60_000;

  async function stream(client: ApiClient, query?: Record<string, string>) {
    const s = await client.openStream(LIVE, query);
    open.push(s);
    expect(s.status).toBe(200);
    expect(String(s.headers['content-type'])).toMatch(/^text\/event-stream/);
    // With a data line, or a browser's EventSource would drop it.
    expect(await s.next()).toEqual({ event: 'ready', data: null });
    return s;
  }

  beforeAll(async () => {
    t = await createTestApp({ kind });
    let token: string;
    ({ officer: k7Officer, gasId, tcSensorId, token } = await setUpSensors(t, 'K7 live gateway'));
    k7Gateway = t.withToken(token);
    spilOfficer = await t.signInAs('spilOfficer');
    const tcToken = await spilOfficer.post('/api/auth/tokens', { name: 'TC live gateway' });
    expect(tcToken.status).toBe(201);
    tcGateway = t.withToken(tcToken.body.token);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t?.close();
  });

  it('sends each officer the alarms of their own sites only, as they are raised and acknowledged', async () => {
    const k7 = await stream(k7Officer);
    const spil = await stream(spilOfficer);

    // Arsine over its high limit for longer than the 10 s on-delay: one alarm at K7.
    const raised = await k7Gateway.post('/api/smart/readings', {
      gateway: 'k7-live',
      readings: [
        { sensorId: gasId, at: iso(t0), value: 30 },
        { sensorId: gasId, at: iso(t0 + 12_000), value: 31 },
      ],
    });
    expect(raised.body.alarmsRaised).toBe(1);
    const [alarm] = (await k7Officer.get('/api/smart/alarms', { query: { sensorId: gasId } })).body.items;
    expect(await k7.next()).toEqual({
      event: 'alarm',
      data: { id: alarm.id, siteId: SITES.K7.id, change: 'raised' },
    });

    // Oxygen below its low limit at TC: the SPIL officer's first event is that alarm, not K7's.
    const low = await tcGateway.post('/api/smart/readings', {
      gateway: 'tc-live',
      readings: [{ sensorId: tcSensorId, at: iso(t0), value: 18 }],
    });
    expect(low.body.alarmsRaised).toBe(1);
    const [tcAlarm] = (await spilOfficer.get('/api/smart/alarms', { query: { sensorId: tcSensorId } })).body
      .items;
    expect(await spil.next()).toEqual({
      event: 'alarm',
      data: { id: tcAlarm.id, siteId: SITES.TC.id, change: 'raised' },
    });

    // The K7 officer's next event is the acknowledgement of their alarm: the TC alarm never reached them.
    const acked = await k7Officer.post(`/api/smart/alarms/${alarm.id}/acknowledge`, {
      version: alarm.version,
    });
    expect(acked.status).toBe(200);
    expect(await k7.next()).toEqual({
      event: 'alarm',
      data: { id: alarm.id, siteId: SITES.K7.id, change: 'changed' },
    });
  });

  it('sends only the site asked for', async () => {
    const group = await t.signInAs('groupAdmin');
    const tcOnly = await stream(group, { siteId: SITES.TC.id });
    const k7 = await stream(k7Officer);
    const [alarm] = (await k7Officer.get('/api/smart/alarms', { query: { sensorId: gasId, status: 'all' } }))
      .body.items;
    // Back to normal past the deadband for longer than the off-delay: the acknowledged alarm clears.
    await k7Gateway.post('/api/smart/readings', {
      gateway: 'k7-live',
      readings: [
        { sensorId: gasId, at: iso(t0 + 60_000), value: 1 },
        { sensorId: gasId, at: iso(t0 + 72_000), value: 1 },
      ],
    });
    expect((await k7.next()).data).toMatchObject({ id: alarm.id, siteId: SITES.K7.id });
    const [tcAlarm] = (await spilOfficer.get('/api/smart/alarms', { query: { sensorId: tcSensorId } })).body
      .items;
    await spilOfficer.post(`/api/smart/alarms/${tcAlarm.id}/acknowledge`, { version: tcAlarm.version });
    // The group admin's stream of TC skipped the K7 change before it.
    expect(await tcOnly.next()).toEqual({
      event: 'alarm',
      data: { id: tcAlarm.id, siteId: SITES.TC.id, change: 'changed' },
    });
  });

  it('refuses a reader without smart.read with a problem document, not a stream', async () => {
    const employee = await t.signInAs('employee');
    const refused = await employee.openStream(LIVE);
    expect(refused.status).toBe(403);
    expect(String(refused.headers['content-type'])).toContain('application/problem+json');
    expect((refused.body as any).status).toBe(403);
  });

  it('stops delivering to a stream whose reader went away', async () => {
    const before = t.app.eventStreams.size;
    const s = await stream(k7Officer);
    expect(t.app.eventStreams.size).toBe(before + 1);
    s.close();
    await expect(s.next()).rejects.toThrow('ended');
    expect(t.app.eventStreams.size).toBe(before);
  });
});

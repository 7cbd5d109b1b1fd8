// Shop-floor monitoring ingestion on PostgreSQL: gateways publish batches of readings over MQTT to the worker's
// embedded broker, each acknowledged once stored, rolled up and judged; beside it, in the same run, the same
// kind of readings copied bare into the same table (COPY) and inserted one statement per reading. Meanwhile a
// browser's live alarm stream (server-sent events from a separate web process) is timed from a probe reading's
// publication to its alarm's event.
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { signIn, waitReady } from '../lib/http.ts';
import { memoryOf, round, sleep, startServer } from '../lib/proc.ts';
import type { Target } from '../report.ts';
import { USERS } from './reads.ts';

export type SmartFigures = {
  sensors: number;
  /** Sensors with alarm limits (the others, one in ten, have none: the learned detector's series). */
  limitSensors: number;
  gateways: number;
  batchReadings: number;
  ingestSlots: number;
  /** Whether the ingestion runs the learned anomaly detector on the series without limits. */
  learnedDetectorInIngest: boolean;
  pipeline: {
    seconds: number;
    batches: number;
    /** Readings acknowledged within the window (acknowledged = stored, rolled up and judged). */
    acknowledged: number;
    readingsPerSecond: number;
    /** Checked in the database after the run, over every reading the load sent. */
    sent: number;
    stored: number;
    rolledUp: number;
    judgedSensors: number;
    late: number;
    peakWorkerRssMb: number;
  };
  copy: { readings: number; seconds: number; readingsPerSecond: number };
  insert: { readings: number; seconds: number; readingsPerSecond: number };
  latency: { probes: number; heard: number; p50Ms: number; p99Ms: number; maxMs: number };
  ratioToCopy: number;
  ratioToInsert: number;
};

const env = process.env;
const SECONDS = Number(env.BENCH_SMART_SECONDS ?? 20);
const WARM_UP_SECONDS = 2;
const SENSORS = Number(env.BENCH_SMART_SENSORS ?? 1200);
const GATEWAYS = Number(env.BENCH_SMART_GATEWAYS ?? 6);
const STEPS_PER_BATCH = Number(env.BENCH_SMART_STEPS ?? 5);
/** Publishes of one gateway awaiting their acknowledgement at once. */
const IN_FLIGHT = 2;
const INGEST_SLOTS = Number(env.BENCH_SMART_SLOTS ?? 4);
const INSERT_SECONDS = 5;
const PROBE_EVERY_MS = 400;
const PROBE_GIVE_UP_MS = 10_000;
/** Each sensor reads ten times a second: a batch of a gateway holds STEPS_PER_BATCH readings of each of its sensors. */
const STEP_MS = 100;
const TAG = 'BENCH-';
const ROOT_TOPIC = 'steward';

type Sensor = { id: string; limits: boolean };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : Number.NaN;

/** Bench sensors at one site: `count` load sensors (nine in ten with limits never crossed) and probe sensors. */
async function setUpSensors(client: pg.Client, count: number, probes: number) {
  const site = (
    await client.query<{ id: string; code: string }>('select id, code from sites order by code limit 1')
  ).rows[0];
  if (!site) throw new Error('the bench database has no site');
  const old = `(select id from smart_sensors where tag like '${TAG}%')`;
  for (const table of [
    'smart_readings',
    'smart_rollups_minute',
    'smart_rollups_hour',
    'smart_sensor_states',
    'smart_alarms',
  ])
    await client.query(`delete from ${table} where sensor_id in ${old}`);
  await client.query(`delete from smart_sensors where tag like '${TAG}%'`);
  const load = await client.query<{ id: string; limits: boolean }>(
    `insert into smart_sensors (site_id, tag, name, kind, unit, limit_h, limit_l)
     select $1, '${TAG}' || lpad(i::text, 5, '0'), 'Bench sensor ' || i, 'temperature', '°C',
       case when i % 10 = 0 then null else 1000 end, case when i % 10 = 0 then null else -1000 end
     from generate_series(1, $2) as i
     returning id, limit_h is not null as limits`,
    [site.id, count],
  );
  const probe = await client.query<{ id: string }>(
    `insert into smart_sensors (site_id, tag, name, kind, unit, limit_h)
     select $1, '${TAG}P' || lpad(i::text, 4, '0'), 'Bench probe ' || i, 'toxic_gas', 'ppb', 50
     from generate_series(1, $2) as i returning id`,
    [site.id, probes],
  );
  return {
    site,
    load: load.rows.map((r) => ({ id: r.id, limits: r.limits })) as Sensor[],
    probes: probe.rows.map((r) => r.id),
  };
}

/** A reading's value: a slow wave and some noise, well inside the limits. */
const valueAt = (sensor: number, step: number) =>
  Math.round(
    (20 + 5 * Math.sin((step + sensor) / 50) + ((sensor * 7919 + step * 104729) % 100) / 100) * 100,
  ) / 100;

async function connectGateway(url: string, name: string, token: string): Promise<MqttClient> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await mqtt.connectAsync(url, {
        clientId: `${name}-${process.pid}`,
        username: name,
        password: token,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
      });
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(200);
    }
  }
}

/** Alarm events of the live stream, as a browser's EventSource hears them. */
async function openAlarmStream(base: string, cookie: string, siteId: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/smart/alarms/live?siteId=${siteId}`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`the live alarm stream answered ${res.status}`);
  const listeners = new Set<(event: string, data: unknown) => void>();
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event) continue;
        if (event === 'ready') ready();
        for (const l of listeners) l(event, data ? JSON.parse(data) : null);
      }
    }
  })().catch(() => {});
  await isReady;
  return {
    on: (l: (event: string, data: unknown) => void) => listeners.add(l),
    close: () => controller.abort(),
  };
}

export async function runSmartIngest(o: {
  databaseUrl: string;
  tmp: string;
  logs: string;
  log: (line: string) => void;
}): Promise<SmartFigures> {
  const { log } = o;
  const db = new pg.Client({ connectionString: o.databaseUrl });
  await db.connect();
  const probeCount = Math.ceil((SECONDS * 1000) / PROBE_EVERY_MS) + 5;
  const { site, load, probes } = await setUpSensors(db, SENSORS, probeCount);
  const port = await freePort();
  const common = {
    DATABASE_URL: o.databaseUrl,
    STEWARD_DEMO: '0',
    STEWARD_FILES_DIR: path.join(o.tmp, 'smart-files'),
    MQTT_URL: undefined as unknown as string,
  };
  const worker = startServer({
    logFile: path.join(o.logs, 'server-smart-worker.log'),
    env: {
      ...common,
      STEWARD_ROLE: 'worker',
      STEWARD_MQTT_PORT: String(port),
      STEWARD_MQTT_HOST: '127.0.0.1',
      STEWARD_MQTT_INGEST_SLOTS: String(INGEST_SLOTS),
      LOG_LEVEL: 'warn',
    },
  });
  const web = startServer({
    logFile: path.join(o.logs, 'server-smart-web.log'),
    env: { ...common, STEWARD_ROLE: 'web' },
  });
  const clients: MqttClient[] = [];
  let stream: Awaited<ReturnType<typeof openAlarmStream>> | undefined;
  try {
    await waitReady(web.base, 120_000, () => web.child.exitCode === null);
    const admin = await signIn(web.base, USERS.admin, DEMO_PASSWORD);
    if (!admin) throw new Error('the demo administrator could not sign in');
    const issued = await fetch(`${web.base}/api/auth/tokens`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench gateways' }),
    });
    if (issued.status !== 201) throw new Error(`the gateway token was refused (${issued.status})`);
    const token = ((await issued.json()) as { token: string }).token;
    const url = `mqtt://127.0.0.1:${port}`;
    for (let g = 0; g < GATEWAYS; g++) clients.push(await connectGateway(url, `bench-gw-${g}`, token));
    const probeClient = await connectGateway(url, 'bench-probe', token);
    clients.push(probeClient);
    stream = await openAlarmStream(web.base, admin.cookie, site.id);

    // The readings start five minutes ago at ten a second per sensor: every one inside the late horizon.
    const t0 = Date.now() - 5 * 60_000;
    const perGateway = Array.from({ length: GATEWAYS }, (_, g) =>
      load.map((s, i) => ({ ...s, index: i })).filter((_, i) => i % GATEWAYS === g),
    );
    const batchReadings = Math.round((load.length / GATEWAYS) * STEPS_PER_BATCH);
    let measuring = false;
    let stopping = false;
    let acknowledged = 0;
    let batches = 0;
    let sent = 0;
    let lastStep = 0;
    const publishers = perGateway.map(async (sensors, g) => {
      const client = clients[g];
      const topic = `${ROOT_TOPIC}/${site.code}/bench-area-${g}/readings`;
      let step = 0;
      const inFlight = new Set<Promise<void>>();
      while (!stopping) {
        const readings: { sensorId: string; at: string; value: number }[] = [];
        for (let k = 0; k < STEPS_PER_BATCH; k++, step++) {
          const at = new Date(t0 + step * STEP_MS).toISOString();
          for (const s of sensors) readings.push({ sensorId: s.id, at, value: valueAt(s.index, step) });
        }
        lastStep = Math.max(lastStep, step);
        sent += readings.length;
        const counted = measuring;
        const p = client
          .publishAsync(topic, JSON.stringify({ gateway: `bench-gw-${g}`, readings }), { qos: 1 })
          .then(() => {
            if (counted && measuring) {
              acknowledged += readings.length;
              batches++;
            }
          });
        inFlight.add(p);
        p.finally(() => inFlight.delete(p));
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    });

    // Latency: one probe reading over the high limit at a time, timed to its alarm's 'raised' event on the
    // browser's stream (the learned detector may raise other alarms meanwhile: the probe's is found by its id).
    const latencies: number[] = [];
    const heardAt = new Map<string, number>();
    stream.on((event, data) => {
      const alarm = data as { id?: string; change?: string } | null;
      if (event === 'alarm' && alarm?.change === 'raised' && alarm.id)
        heardAt.set(alarm.id, performance.now());
    });
    const probing = (async () => {
      for (let i = 0; i < probes.length && !stopping; i++) {
        await sleep(PROBE_EVERY_MS);
        if (!measuring) {
          i--;
          continue;
        }
        const start = performance.now();
        await probeClient.publishAsync(
          `${ROOT_TOPIC}/${site.code}/bench-probe/readings`,
          JSON.stringify({ readings: [{ sensorId: probes[i], at: new Date().toISOString(), value: 100 }] }),
          { qos: 1 },
        );
        // Acknowledged means stored and judged: the probe's alarm is in the table by now.
        const raised = await db.query<{ id: string }>('select id from smart_alarms where sensor_id = $1', [
          probes[i],
        ]);
        const id = raised.rows[0]?.id;
        while (id && !heardAt.has(id) && performance.now() - start < PROBE_GIVE_UP_MS) await sleep(5);
        const at = id ? heardAt.get(id) : undefined;
        latencies.push(at === undefined ? PROBE_GIVE_UP_MS : round(at - start, 1));
      }
    })();

    await sleep(WARM_UP_SECONDS * 1000);
    measuring = true;
    const began = performance.now();
    let peakWorkerRssMb = 0;
    while (performance.now() - began < SECONDS * 1000) {
      await sleep(1000);
      peakWorkerRssMb = Math.max(peakWorkerRssMb, memoryOf(worker.pid()).hwmMb);
    }
    measuring = false;
    const seconds = (performance.now() - began) / 1000;
    const measured = acknowledged;
    stopping = true;
    await Promise.all([...publishers, probing]);
    const rate = Math.round(measured / seconds);
    log(
      `  MQTT, ${GATEWAYS} gateways, batches of ${batchReadings} readings, ${load.length} sensors (${load.filter((s) => s.limits).length} with limits): ${measured.toLocaleString('en-US')} readings acknowledged in ${round(seconds, 1)} s = ${rate.toLocaleString('en-US')} readings/s`,
    );

    // What the load sent is stored once, rolled up and judged: checked in the database.
    const loadIds = load.map((s) => s.id);
    const check = (
      await db.query<{ stored: string; late: string; rolled: string; judged: string }>(
        `select (select count(*) from smart_readings where sensor_id = any($1)) as stored,
                (select count(*) from smart_readings where sensor_id = any($1) and late) as late,
                (select coalesce(sum(count), 0) from smart_rollups_minute where sensor_id = any($1)) as rolled,
                (select count(*) from smart_sensor_states where sensor_id = any($1) and judged_at is not null) as judged`,
        [loadIds],
      )
    ).rows[0];
    const pipelineFigures = {
      seconds: round(seconds, 1),
      batches,
      acknowledged: measured,
      readingsPerSecond: rate,
      sent,
      stored: Number(check.stored),
      rolledUp: Number(check.rolled),
      judgedSensors: Number(check.judged),
      late: Number(check.late),
      peakWorkerRssMb,
    };
    log(
      `  in the database: ${pipelineFigures.stored.toLocaleString('en-US')} of ${sent.toLocaleString('en-US')} sent stored, ${pipelineFigures.rolledUp.toLocaleString('en-US')} in the minute roll-ups, ${pipelineFigures.judgedSensors} sensors judged, ${pipelineFigures.late} late; worker peak RSS ${peakWorkerRssMb} MB`,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const latency = {
      probes: latencies.length,
      heard: latencies.filter((l) => l < PROBE_GIVE_UP_MS).length,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    };
    log(
      `  alarm latency, probe reading published → browser's event (${latency.heard} of ${latency.probes} heard): p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`,
    );
    for (const c of clients.splice(0)) await c.endAsync().catch(() => {});
    stream.close();
    stream = undefined;
    await Promise.all([worker.stop(), web.stop()]);

    // The same number of readings, the same sensors, an hour earlier: bare COPY into the same table.
    const copyCount = Math.max(measured, 100_000);
    const copyStart = t0 - 3_600_000;
    const copy = await copyReadings(db, load, site.id, copyStart, copyCount);
    log(
      `  COPY of ${copyCount.toLocaleString('en-US')} readings into smart_readings: ${copy.seconds} s = ${copy.readingsPerSecond.toLocaleString('en-US')} readings/s`,
    );
    const insert = await insertOneByOne(db, load, site.id, t0 - 2 * 3_600_000);
    log(
      `  one INSERT per reading (one connection, each its own transaction): ${insert.readings.toLocaleString('en-US')} in ${insert.seconds} s = ${insert.readingsPerSecond.toLocaleString('en-US')} readings/s`,
    );
    return {
      sensors: load.length,
      limitSensors: load.filter((s) => s.limits).length,
      gateways: GATEWAYS,
      batchReadings,
      ingestSlots: INGEST_SLOTS,
      learnedDetectorInIngest: true,
      pipeline: pipelineFigures,
      copy,
      insert,
      latency,
      ratioToCopy: round(rate / copy.readingsPerSecond, 3),
      ratioToInsert: round(rate / insert.readingsPerSecond, 2),
    };
  } finally {
    stream?.close();
    for (const c of clients) await c.endAsync(true).catch(() => {});
    await Promise.all([worker.stop(), web.stop()]);
    await db.end();
  }
}

async function copyReadings(db: pg.Client, load: Sensor[], siteId: string, start: number, count: number) {
  function* lines() {
    let n = 0;
    for (let step = 0; n < count; step++) {
      const at = new Date(start + step * STEP_MS).toISOString();
      let chunk = '';
      for (let i = 0; i < load.length && n < count; i++, n++)
        chunk += `${load[i].id}\t${siteId}\t${at}\t${valueAt(i, step)}\tf\n`;
      yield chunk;
    }
  }
  const began = performance.now();
  await pipeline(
    Readable.from(lines()),
    db.query(copyStreams.from('copy smart_readings (sensor_id, site_id, at, value, late) from stdin')),
  );
  const seconds = (performance.now() - began) / 1000;
  return { readings: count, seconds: round(seconds, 2), readingsPerSecond: Math.round(count / seconds) };
}

async function insertOneByOne(db: pg.Client, load: Sensor[], siteId: string, start: number) {
  const began = performance.now();
  let n = 0;
  for (let step = 0; performance.now() - began < INSERT_SECONDS * 1000; step++) {
    const at = new Date(start + step * STEP_MS);
    for (let i = 0; i < load.length && performance.now() - began < INSERT_SECONDS * 1000; i++, n++)
      await db.query({
        name: 'bench-smart-insert',
        text: 'insert into smart_readings (sensor_id, site_id, at, value, late) values ($1, $2, $3, $4, false)',
        values: [load[i].id, siteId, at, valueAt(i, step)],
      });
  }
  const seconds = (performance.now() - began) / 1000;
  return { readings: n, seconds: round(seconds, 2), readingsPerSecond: Math.round(n / seconds) };
}

const num = (v: number) => v.toLocaleString('en-US');
const TARGET_RATE = 100_000;

export function smartTargets(f: SmartFigures | undefined): Target[] {
  if (!f) return [];
  const p = f.pipeline;
  const rateMet = p.readingsPerSecond >= TARGET_RATE;
  const copyMet = f.ratioToCopy >= 0.5;
  const insertMet = f.ratioToInsert >= 5;
  const latencyMet = f.latency.heard === f.latency.probes && f.latency.p99Ms < 1000;
  const judged = f.learnedDetectorInIngest
    ? 'limits on the nine series in ten that have them, the learned detector on the tenth'
    : 'limits on nine series in ten; the learned detector not run by the ingestion';
  return [
    {
      id: 'smart.ingest.rate',
      figure: `readings over MQTT received, stored, rolled up and judged (${judged}), batches of ${num(f.batchReadings)}`,
      value: `${num(p.readingsPerSecond)}/s`,
      limit: `COPY ${num(f.copy.readingsPerSecond)}/s`,
      target: `≥ ${num(TARGET_RATE)}/s`,
      met: rateMet,
      missedBy: rateMet
        ? undefined
        : `${Math.round((p.readingsPerSecond / TARGET_RATE) * 100)}% of the target`,
    },
    {
      id: 'smart.ingest.copy',
      figure: 'readings ingested end to end against bare COPY of the same readings into the same table',
      value: `${Math.round(f.ratioToCopy * 100)}%`,
      limit: `COPY ${num(f.copy.readingsPerSecond)}/s`,
      target: '≥ 50% of COPY',
      met: copyMet,
      missedBy: copyMet ? undefined : `${Math.round((0.5 - f.ratioToCopy) * 100)} points short`,
    },
    {
      id: 'smart.ingest.insert',
      figure: 'readings ingested end to end against one INSERT per reading',
      value: `${f.ratioToInsert}×`,
      limit: `INSERT ${num(f.insert.readingsPerSecond)}/s`,
      target: '≥ 5× one INSERT per reading',
      met: insertMet,
      missedBy: insertMet ? undefined : `${f.ratioToInsert}× of 5×`,
    },
    {
      id: 'smart.alarm.latency',
      figure: `alarm latency under that load: reading published → browser's live event (${f.latency.probes} probes)`,
      value: `p99 ${f.latency.p99Ms} ms`,
      limit: `p50 ${f.latency.p50Ms} ms`,
      target: '< 1 s',
      met: latencyMet,
      missedBy: latencyMet
        ? undefined
        : f.latency.heard < f.latency.probes
          ? `${f.latency.probes - f.latency.heard} probes not heard within ${PROBE_GIVE_UP_MS / 1000} s`
          : `${Math.round(f.latency.p99Ms - 1000)} ms over`,
    },
  ];
}

/** The part's section of bench/results/latest.md. */
export function smartSection(f: SmartFigures): string[] {
  const p = f.pipeline;
  return [
    '## Shop-floor monitoring: readings ingested end to end (PostgreSQL, MQTT)',
    '',
    `${f.gateways} gateways publish batches of ${num(f.batchReadings)} readings (QoS 1) to the worker's embedded broker, each acknowledged once its readings are stored (time-partitioned table), added to the per-minute and per-hour roll-ups and judged, ${f.ingestSlots} batches stored at once; ${num(f.sensors)} sensors reading ten times a second, ${num(f.limitSensors)} with high and low limits (checked on every reading), the others without limits${f.learnedDetectorInIngest ? ' (judged by the learned detector, which the ingestion runs on series without limits only)' : ' (the ingestion does not run the learned detector on them: it runs limits, rate of change and stuck checks only; the detector alone costs what the NAB part measures)'}. Measured for ${p.seconds} s after a ${WARM_UP_SECONDS} s warm-up; a web process streams the site's alarms to a browser's event stream meanwhile.`,
    '',
    '| path | readings | time | readings/s |',
    '|---|--:|--:|--:|',
    `| Steward: MQTT batches, stored, rolled up, judged | ${num(p.acknowledged)} | ${p.seconds} s | ${num(p.readingsPerSecond)} |`,
    `| PostgreSQL: bare COPY into smart_readings (no roll-ups, no judging) | ${num(f.copy.readings)} | ${f.copy.seconds} s | ${num(f.copy.readingsPerSecond)} |`,
    `| PostgreSQL: one INSERT per reading, one connection | ${num(f.insert.readings)} | ${f.insert.seconds} s | ${num(f.insert.readingsPerSecond)} |`,
    '',
    `After the run the database holds ${num(p.stored)} of the ${num(p.sent)} readings the gateways sent (each once), ${num(p.rolledUp)} counted in the minute roll-ups, ${p.judgedSensors} sensors judged, ${p.late} late. Worker peak resident memory ${p.peakWorkerRssMb} MB.`,
    '',
    `Alarm latency: every ${PROBE_EVERY_MS} ms during the load a probe reading over a high limit is published by another gateway, timed to the alarm's 'raised' event on the browser's stream (GET /api/smart/alarms/live on the web process, signalled through the database): ${f.latency.heard} of ${f.latency.probes} heard, p50 ${f.latency.p50Ms} ms, p99 ${f.latency.p99Ms} ms, max ${f.latency.maxMs} ms.`,
    '',
  ];
}

import mqtt, { type MqttClient } from 'mqtt';
import { ingestAnswer, mqttReadingBatch } from '#shared/modules/smart/contract.ts';
import { answerTopic } from '../mqtt/topics.ts';
import {
  type FaultSpec,
  type PlannedReading,
  plannedCount,
  planReadings,
  type SimulatedSensor,
} from './signals.ts';

/**
 * `steward simulate`: publishes a plan of simulated readings to the site's MQTT topics as a gateway would, in
 * the batch format of the ingestion (`mqttReadingBatch`), QoS 1, one batch per area and batch window. On the
 * embedded broker a PUBACK means stored and judged; on an external broker, received by the broker. Steward
 * answers each batch on the gateway's answers topic with the readings it refused and why (unknown sensor,
 * outside the site, malformed): those count as refused, by reason, rather than acknowledged.
 */

export type SimulationOptions = {
  brokerUrl: string;
  /** The gateway's API token: the CONNECT password, and in each batch too for an external broker. */
  token: string;
  tokenInBatch: boolean;
  topicRoot: string;
  siteCode: string;
  sensors: readonly SimulatedSensor[];
  rate: number;
  count?: number;
  durationSeconds?: number;
  seed: number;
  faults: readonly FaultSpec[];
  /** The simulated clock's start (epoch ms; now by default). */
  startMs?: number;
  /** Simulated seconds per second of the wall clock (1: real time). */
  speed?: number;
  /** Readings of one area within this many simulated seconds go in one batch. */
  batchSeconds?: number;
  /** Names the gateway in the batches and as the MQTT user name. */
  gateway?: string;
  onProgress?: (progress: SimulationProgress) => void;
  /** Stops the simulation early (Ctrl-C): what is in flight is still awaited. */
  signal?: AbortSignal;
};

export type SimulationProgress = {
  /** Readings published (in batches), acknowledged by the broker, refused (with the reason). */
  sent: number;
  acknowledged: number;
  refused: number;
  /** Readings left out by a dropout fault. */
  droppedOut: number;
  batches: number;
  planned: number;
  elapsedSeconds: number;
};

export type SimulationSummary = SimulationProgress & {
  /** By reason: a refusal code of Steward's answer (`unknown_sensor`, `outside_site`, `malformed: …`) or a sentence. */
  refusals: { reason: string; readings: number; batches: number }[];
  /** Batches acknowledged whose answer never came (a broker that refused the answers topic, or answers lost). */
  unanswered: number;
  /** When the run ended early: the broker closed the connection, or it was stopped. */
  stoppedBy: string | null;
};

/** The levels below the site of an area's topic: its name with the characters a topic level cannot hold replaced. */
export function areaTopicLevel(areaName: string | null): string {
  if (!areaName) return 'site';
  return areaName.trim().replace(/[/+#\s]+/g, '-') || 'site';
}

/** Readings per batch at most: well under the ingestion's 10,000, so that one batch is stored quickly. */
const MAX_BATCH = 1000;

/** How long, once every batch is acknowledged, the answers still missing are waited for. */
const ANSWER_WAIT_MS = 5_000;

const CONNECTION_CLOSED =
  "the broker closed the connection before acknowledging (a topic outside the token's sites, a revoked token, or the batch not stored)";

export async function runSimulation(o: SimulationOptions): Promise<SimulationSummary> {
  const speed = o.speed ?? 1;
  const batchMs = (o.batchSeconds ?? 1) * 1000;
  if (!(speed > 0)) throw new Error('The speed must be more than 0.');
  if (!(batchMs > 0)) throw new Error('The batch window must be more than 0 seconds.');
  const startMs = o.startMs ?? Date.now();
  const planned = plannedCount(o);
  // Checked before connecting: an unknown fault target or an empty plan is refused with nothing sent.
  const readings = planReadings({ ...o, startMs });
  const first = readings.next();
  const gateway = (o.gateway ?? `simulator-${o.siteCode}`).slice(0, 100);

  const client = await connect(o.brokerUrl, gateway, o.token);
  // Subscribed before anything is published, so that no answer is missed; a broker may refuse it (SUBACK 128).
  const granted = await client
    .subscribeAsync(answerTopic(o.topicRoot, o.siteCode, gateway), { qos: 0 })
    .catch(() => []);
  const answersHeard = granted.some((g) => g.qos !== 128);
  const wallStart = Date.now();
  const progress: SimulationProgress = {
    sent: 0,
    acknowledged: 0,
    refused: 0,
    droppedOut: 0,
    batches: 0,
    planned,
    elapsedSeconds: 0,
  };
  const refusals = new Map<string, { readings: number; batches: number }>();
  const refuse = (reason: string, count: number) => {
    const r = refusals.get(reason) ?? { readings: 0, batches: 0 };
    r.readings += count;
    r.batches += 1;
    refusals.set(reason, r);
    progress.refused += count;
  };
  // Each batch by its id, until both its PUBACK and Steward's answer are in: a refused reading moves from
  // acknowledged to refused, whichever of the two comes first.
  const batches = new Map<
    string,
    { size: number; refusedByAnswer: number; settled: 'acknowledged' | 'closed' | null; answered: boolean }
  >();
  client.on('message', (_topic, payload) => {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString());
    } catch {
      return;
    }
    const parsed = ingestAnswer.safeParse(json);
    const batch = parsed.success && parsed.data.batchId ? batches.get(parsed.data.batchId) : undefined;
    if (!parsed.success || !batch || batch.answered) return;
    batch.answered = true;
    const byReason = new Map<string, number>();
    if (parsed.data.problem) byReason.set(`malformed: ${parsed.data.problem}`, batch.size);
    for (const r of parsed.data.refused) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    for (const [reason, count] of byReason) {
      const n = Math.min(count, batch.size - batch.refusedByAnswer);
      if (n <= 0) continue;
      batch.refusedByAnswer += n;
      refuse(reason, n);
      if (batch.settled === 'acknowledged') progress.acknowledged -= n;
    }
  });
  let stoppedBy: string | null = null;
  let ending = false;
  // Batches awaiting their PUBACK, each settled once: by the PUBACK, or as refused when the connection closes
  // (MQTT.js keeps a QoS 1 message of a closed connection for a reconnection that will not come).
  const inFlight = new Map<Promise<void>, (acknowledged: boolean) => void>();
  client.on('close', () => {
    if (ending) return;
    stoppedBy ??= 'the broker closed the connection';
    for (const settle of inFlight.values()) settle(false);
  });
  const report = () => {
    progress.elapsedSeconds = (Date.now() - wallStart) / 1000;
    o.onProgress?.({ ...progress });
  };

  function publish(area: string, batch: PlannedReading[]) {
    const payload = {
      gateway,
      batchId: String(progress.batches + 1),
      ...(o.tokenInBatch ? { token: o.token } : {}),
      readings: batch.map((r) => ({
        sensorId: r.sensor.id,
        at: new Date(r.at).toISOString(),
        value: r.value,
      })),
    };
    // The ingestion's own contract: a batch it would find malformed is not sent.
    const checked = mqttReadingBatch.safeParse(payload);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return refuse(`malformed: ${issue.path.join('.')}: ${issue.message}`, batch.length);
    }
    const topic = `${o.topicRoot}/${o.siteCode}/${area}/readings`;
    const record = { size: batch.length, refusedByAnswer: 0, settled: null, answered: false } as {
      size: number;
      refusedByAnswer: number;
      settled: 'acknowledged' | 'closed' | null;
      answered: boolean;
    };
    batches.set(checked.data.batchId as string, record);
    progress.sent += batch.length;
    progress.batches += 1;
    let settle: (acknowledged: boolean) => void = () => {};
    const settled = new Promise<void>((resolve) => {
      let done = false;
      settle = (acknowledged) => {
        if (done) return;
        done = true;
        record.settled = acknowledged ? 'acknowledged' : 'closed';
        const left = record.size - record.refusedByAnswer;
        if (acknowledged) progress.acknowledged += left;
        else if (left > 0) refuse(CONNECTION_CLOSED, left);
        inFlight.delete(settled);
        resolve();
      };
    });
    inFlight.set(settled, settle);
    client.publishAsync(topic, JSON.stringify(checked.data), { qos: 1 }).then(
      () => settle(true),
      () => settle(false),
    );
  }

  let next = first;
  try {
    while (!next.done && !stoppedBy) {
      const windowStart = next.value.at;
      const windowEnd = windowStart + batchMs;
      const byArea = new Map<string, PlannedReading[]>();
      for (; !next.done && next.value.at < windowEnd; next = readings.next()) {
        const r = next.value;
        if (r.value === null) {
          progress.droppedOut++;
          continue;
        }
        const area = areaTopicLevel(r.sensor.areaName);
        const list = byArea.get(area) ?? [];
        list.push(r);
        byArea.set(area, list);
      }
      // A batch goes when its window has passed on the simulated clock.
      await sleepUntil(wallStart + (windowEnd - startMs) / speed, o.signal);
      if (o.signal?.aborted) stoppedBy = 'interrupted';
      if (stoppedBy) break;
      for (const [area, list] of byArea)
        for (let i = 0; i < list.length; i += MAX_BATCH) publish(area, list.slice(i, i + MAX_BATCH));
      report();
    }
    await Promise.all(inFlight.keys());
    if (answersHeard) {
      const until = Date.now() + ANSWER_WAIT_MS;
      while (
        Date.now() < until &&
        [...batches.values()].some((b) => b.settled === 'acknowledged' && !b.answered)
      )
        await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    ending = true;
    await client.endAsync(!!stoppedBy).catch(() => {});
    // Anything still unanswered when the connection ended counts as refused.
    for (const settle of inFlight.values()) settle(false);
  }
  report();
  const unanswered = [...batches.values()].filter((b) => b.settled === 'acknowledged' && !b.answered).length;
  return {
    ...progress,
    refusals: [...refusals].map(([reason, r]) => ({ reason, ...r })),
    unanswered,
    stoppedBy,
  };
}

async function connect(url: string, gateway: string, token: string): Promise<MqttClient> {
  try {
    return await mqtt.connectAsync(url, {
      clientId: `${gateway}-${process.pid}-${Date.now().toString(36)}`.slice(0, 100),
      username: gateway,
      password: token,
      // A broker that refuses a publish closes the connection: sending again would be refused again.
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    });
  } catch (error) {
    throw new Error(`The MQTT broker at ${url} did not accept the gateway: ${(error as Error).message}`);
  }
}

function sleepUntil(wallMs: number, signal?: AbortSignal): Promise<void> {
  const wait = wallMs - Date.now();
  if (wait <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, wait);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

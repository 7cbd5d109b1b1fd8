import { type IngestAnswer, type IngestResult, mqttReadingBatch } from '#shared/modules/smart/contract.ts';
import type { MqttConfig } from '../../../config.ts';
import { type Actor, holdsAnywhere, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import type { IdentityService } from '../../../platform/auth/identity.ts';
import type { BackgroundLog } from '../../../platform/modules/manifest.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { IngestService } from '../ingest.ts';
import { createIngestQueue } from './ingest-queue.ts';
import { answerTopic, siteCodeOfTopic } from './topics.ts';

export type MqttBatch = ReturnType<typeof mqttReadingBatch.parse>;

/** What a batch came to: stored (with its refused readings), or unreadable. */
export type BatchOutcome = IngestResult | { problem: string };

/** The gateway and batch id a payload names, to address and label its answer. */
export type BatchNames = { gateway?: string; batchId?: string };

/** The names a payload's JSON gives, read leniently: a malformed batch is answered too. */
function namesOf(json: unknown): BatchNames {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const { gateway, batchId } = json as Record<string, unknown>;
  return {
    gateway: typeof gateway === 'string' ? gateway.slice(0, 100) : undefined,
    batchId: typeof batchId === 'string' ? batchId.slice(0, 100) : undefined,
  };
}

/**
 * What both MQTT paths (the embedded broker and an external one) share: a gateway known by its API token,
 * the site of a topic it may publish to, its payload read with the HTTP batch's contract, and its batch stored
 * through the ingest queue, by the same service as over HTTP.
 */
export function createMqttGateways(deps: {
  ingest: IngestService;
  identity: Pick<IdentityService, 'apiToken'>;
  org: Pick<OrgService, 'siteIdByCode'>;
  config: MqttConfig;
  log: BackgroundLog;
}) {
  const queue = createIngestQueue(deps.config.ingestSlots);
  /** Each gateway's last batch in hand, which its next one waits for. */
  const inOrder = new Map<string, Promise<unknown>>();
  return {
    queue,
    log: deps.log,
    config: deps.config,

    /** The user behind a live API token, when it may send readings at some site; null otherwise. */
    async gateway(token: string | undefined): Promise<Actor | null> {
      if (!token) return null;
      const actor = await deps.identity.apiToken(token);
      return actor && holdsAnywhere(actor, 'smart.ingest', 'smart') ? actor : null;
    },

    /** The id of the site a topic names, when the gateway may send readings there; null otherwise. */
    async siteOf(actor: Actor, topic: string): Promise<string | null> {
      const code = siteCodeOfTopic(topic, deps.config.topicRoot);
      if (!code) return null;
      const siteId = await deps.org.siteIdByCode(code);
      return siteId && scopeHas(sitesWith(actor, 'smart.ingest', 'smart'), siteId) ? siteId : null;
    },

    /** A payload read as a batch (JSON, the HTTP batch's shape), or why it cannot be; with its names. */
    parse(payload: Buffer | string): ({ batch: MqttBatch } | { problem: string }) & { names: BatchNames } {
      let json: unknown;
      try {
        json = JSON.parse(payload.toString());
      } catch {
        return { problem: 'the payload is not JSON', names: {} };
      }
      const names = namesOf(json);
      // A bare array of readings, as over HTTP.
      const parsed = mqttReadingBatch.safeParse(Array.isArray(json) ? { readings: json } : json);
      if (!parsed.success)
        return {
          problem: parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; '),
          names,
        };
      return { batch: parsed.data, names };
    },

    /**
     * The answer to a batch published on `topic` (a readings topic of a site the gateway may send for): where it
     * goes and what it says. `gateway` names the gateway when the batch does not.
     */
    answer(
      topic: string,
      names: BatchNames,
      gateway: string,
      outcome: BatchOutcome,
    ): { topic: string; payload: string } | null {
      const site = siteCodeOfTopic(topic, deps.config.topicRoot);
      if (!site) return null;
      const answer: IngestAnswer =
        'problem' in outcome
          ? {
              batchId: names.batchId ?? null,
              received: 0,
              stored: 0,
              duplicates: 0,
              late: 0,
              refused: [],
              problem: outcome.problem,
            }
          : {
              batchId: names.batchId ?? null,
              received: outcome.received,
              stored: outcome.stored,
              duplicates: outcome.duplicates,
              late: outcome.late,
              refused: outcome.refused,
              problem: null,
            };
      return {
        topic: answerTopic(deps.config.topicRoot, site, names.gateway ?? gateway),
        payload: JSON.stringify(answer),
      };
    },
    /**
     * Stores the batch at the topic's site, once a slot of the ingest queue is free, after the gateway's
     * earlier batches: a gateway's readings are judged in the order it sent them, not as slots free up.
     */
    store(actor: Actor, batch: MqttBatch, siteId: string, gateway: string): Promise<IngestResult> {
      const readings = { gateway: (batch.gateway ?? gateway).slice(0, 100), readings: batch.readings };
      const previous = inOrder.get(gateway) ?? Promise.resolve();
      const stored = previous
        .catch(() => undefined)
        .then(() => queue.run(() => deps.ingest.ingest(actor, readings, { siteId })));
      inOrder.set(gateway, stored);
      const forget = () => {
        if (inOrder.get(gateway) === stored) inOrder.delete(gateway);
      };
      stored.then(forget, forget);
      return stored;
    },
  };
}

export type MqttGateways = ReturnType<typeof createMqttGateways>;

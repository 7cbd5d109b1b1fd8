import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { BackgroundService } from '../../../platform/modules/manifest.ts';
import type { MqttGateways } from './gateways.ts';
import { isAnswerTopic, sharedSubscription } from './topics.ts';

/** How long the external broker keeps the worker's session (and the batches it queues) while it is away. */
const SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;
const RETRY_MAX_MS = 30_000;

/**
 * Steward on an external broker (MQTT_URL): the worker subscribes with QoS 1 in a persistent session (MQTT 5,
 * a shared subscription so that several workers split the batches), and acknowledges a batch only once it is
 * stored; while it cannot be stored (the database away, the ingest queue full) the acknowledgement waits and
 * the broker holds the rest. The broker does not know Steward's tokens: the gateway puts its API token in the
 * batch (`token`), checked like the embedded broker's CONNECT password. A batch refused (no valid token, a topic
 * outside the token's sites, a malformed payload) is acknowledged, logged, and not stored.
 */
export function externalSubscriber(gateways: MqttGateways): BackgroundService {
  const { config, log } = gateways;
  let client: MqttClient | undefined;
  let stopping = false;

  async function storeOnce(packet: IPublishPacket) {
    // The worker's own answers come back through the subscription: nothing to store.
    if (isAnswerTopic(packet.topic, config.topicRoot)) return;
    const read = gateways.parse(packet.payload);
    if ('problem' in read) {
      log.warn({ topic: packet.topic, problem: read.problem }, 'MQTT batch refused: malformed');
      return;
    }
    const actor = await gateways.gateway(read.batch.token);
    if (!actor) {
      log.warn({ topic: packet.topic }, 'MQTT batch refused: no valid API token in the batch');
      return;
    }
    const siteId = await gateways.siteOf(actor, packet.topic);
    if (!siteId) {
      log.warn(
        { topic: packet.topic, gateway: actor.label },
        "MQTT batch refused: not one of the token's sites",
      );
      return;
    }
    const result = await gateways.store(actor, read.batch, siteId, actor.label);
    if (result.refused.length)
      log.warn({ topic: packet.topic, refused: result.refused.length }, 'MQTT readings refused');
    const reply = gateways.answer(packet.topic, read.names, actor.label, result);
    // An answer lost (the broker away) is not a reason to store the batch again.
    if (reply) await client?.publishAsync(reply.topic, reply.payload, { qos: 0 }).catch(() => {});
  }

  /** Stores the batch, trying again while the database cannot; the acknowledgement waits meanwhile. */
  async function store(packet: IPublishPacket) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await storeOnce(packet);
      } catch (error) {
        if (stopping) throw error;
        log.error({ err: error, topic: packet.topic, attempt }, 'MQTT batch not stored yet: trying again');
        await new Promise((r) => setTimeout(r, Math.min(RETRY_MAX_MS, 500 * 2 ** attempt)));
      }
    }
  }

  return {
    name: 'smart.mqtt-subscriber',
    async start() {
      stopping = false;
      const url = config.url as string;
      const connected = mqtt.connect(url, {
        clientId: config.clientId,
        clean: false,
        protocolVersion: 5,
        properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
        reconnectPeriod: 2000,
      });
      client = connected;
      // MQTT.js sends the PUBACK when this calls back, and reads the next message only then.
      connected.handleMessage = (packet, done) => {
        store(packet as IPublishPacket).then(
          () => done(),
          (error: Error) => done(error),
        );
      };
      let subscribed: () => void = () => {};
      const firstSubscription = new Promise<void>((resolve) => {
        subscribed = resolve;
      });
      // Subscribed again on every connection: harmless when the session kept the subscription.
      connected.on('connect', () => {
        connected.subscribe(sharedSubscription(config.topicRoot), { qos: 1 }, (error) => {
          if (error) log.error({ err: error }, 'MQTT subscription refused by the broker');
          else subscribed();
        });
      });
      connected.on('error', (error) => log.error({ err: error }, 'MQTT broker connection error'));
      // Waits for the first subscription, but not forever: the client goes on trying in the background.
      let timer: NodeJS.Timeout | undefined;
      const reached = await Promise.race([
        firstSubscription.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), 10_000);
        }),
      ]);
      clearTimeout(timer);
      if (!reached) log.warn({ url: redacted(url) }, 'MQTT broker not reached yet: still trying');
      log.info({ url: redacted(url), clientId: config.clientId }, 'MQTT subscriber started');
    },
    async stop() {
      stopping = true;
      await client?.endAsync();
      client = undefined;
    },
  };
}

/** The broker's URL without its password, for the log. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

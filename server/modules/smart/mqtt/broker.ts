import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { BackgroundService } from '../../../platform/modules/manifest.ts';
import type { BatchNames, BatchOutcome, MqttGateways } from './gateways.ts';
import { isAnswerTopic, siteCodeOfFilter } from './topics.ts';

/** A refusal the gateway's connection is closed for (MQTT 3.1.1 has no reason code to send instead). */
class Refused extends Error {}

/** CONNACK return codes (MQTT 3.1.1, 3.2.2.3). */
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

function connectRefusal(message: string, code: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: code as AuthenticateError['returnCode'] });
}

/**
 * The embedded MQTT broker (aedes), for a worker with no external broker. A gateway connects with its API
 * token as the password (the user name is free: it names the gateway when the batch does not); each publish
 * is authorized by its topic's site and stored before its QoS 1 PUBACK is sent: aedes sends the PUBACK only
 * once `authorizePublish` answers, so the batch is stored there. A publish outside the token's sites closes
 * the connection, nothing stored.
 */
export function embeddedBroker(gateways: MqttGateways): BackgroundService & { port(): number } {
  const { config, log } = gateways;
  const tokens = new WeakMap<Client, string>();
  /** Each connection's last publish in hand, which its next one waits for. */
  const arrivals = new WeakMap<Client, Promise<unknown>>();
  let broker: Aedes | undefined;
  let server: net.Server | undefined;

  async function authorizeAndStore(client: Client | null, topic: string, payload: Buffer | string) {
    const token = client && tokens.get(client);
    if (!client || !token) throw new Refused('only a connected gateway publishes');
    // The token is checked again on each publish: a revoked one stops the gateway at its next batch.
    const actor = await gateways.gateway(token);
    if (!actor) throw new Refused('the API token is no longer valid');
    if (isAnswerTopic(topic, config.topicRoot)) throw new Refused(`only Steward publishes answers: ${topic}`);
    const siteId = await gateways.siteOf(actor, topic);
    if (!siteId) throw new Refused(`not one of the token's sites' topics: ${topic}`);
    const read = gateways.parse(payload);
    // A malformed batch is acknowledged and dropped: sent again, it would be just as malformed.
    if ('problem' in read) {
      log.warn({ gateway: client.id, topic, problem: read.problem }, 'MQTT batch refused: malformed');
      return answer(topic, read.names, client.id, read);
    }
    const result = await gateways.store(actor, read.batch, siteId, client.id);
    if (result.refused.length)
      log.warn({ gateway: client.id, topic, refused: result.refused.length }, 'MQTT readings refused');
    await answer(topic, read.names, client.id, result);
  }

  /** Publishes the answer before the PUBACK is written: the gateway hears why before it hears done. */
  function answer(topic: string, names: BatchNames, gateway: string, outcome: BatchOutcome) {
    const reply = gateways.answer(topic, names, gateway, outcome);
    const target = broker;
    if (!reply || !target) return;
    return new Promise<void>((resolve) => {
      target.publish(
        {
          cmd: 'publish',
          topic: reply.topic,
          payload: Buffer.from(reply.payload),
          qos: 0,
          retain: false,
          dup: false,
        } as Parameters<Aedes['publish']>[0],
        () => resolve(),
      );
    });
  }

  return {
    name: 'smart.mqtt-broker',
    port() {
      const address = server?.address();
      return address && typeof address === 'object' ? address.port : 0;
    },
    async start() {
      const created = await Aedes.createBroker({ drainTimeout: 30_000 });
      broker = created;
      created.authenticate = (client, _username, password, done) => {
        const token = password?.toString('utf8');
        gateways.gateway(token).then(
          (actor) => {
            if (!actor)
              return done(
                connectRefusal(
                  'The API token is not valid, expired or revoked, or may not send readings.',
                  token ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD,
                ),
                false,
              );
            tokens.set(client, token as string);
            done(null, true);
          },
          (error) => done(connectRefusal(String(error), 3), false),
        );
      };
      created.authorizePublish = (client, packet, done) => {
        // A connection's publishes are handled one after the other from their arrival: checked in parallel,
        // a later batch whose token check finished first would be stored, and judged, before an earlier one.
        const previous = (client && arrivals.get(client)) || Promise.resolve();
        const handled = previous.then(() => authorizeAndStore(client, packet.topic, packet.payload));
        if (client)
          arrivals.set(
            client,
            handled.catch(() => undefined),
          );
        handled.then(
          () => done(null),
          (error: Error) => {
            if (error instanceof Refused)
              log.warn(
                { gateway: client?.id, topic: packet.topic, reason: error.message },
                'MQTT publish refused',
              );
            else
              log.error(
                { err: error, gateway: client?.id },
                'MQTT batch not stored: the gateway sends it again',
              );
            done(error);
          },
        );
      };
      // A gateway may hear its own sites' topics, no one else's.
      created.authorizeSubscribe = (client, subscription, done) => {
        const token = tokens.get(client);
        const code = siteCodeOfFilter(subscription.topic, config.topicRoot);
        if (!token || !code) return done(null, null);
        gateways
          .gateway(token)
          .then((actor) => (actor ? gateways.siteOf(actor, `${config.topicRoot}/${code}/any`) : null))
          .then(
            (siteId) => done(null, siteId ? subscription : null),
            (error: Error) => done(error),
          );
      };
      const listening = net.createServer(created.handle);
      server = listening;
      try {
        await new Promise<void>((resolve, reject) => {
          listening.once('error', reject);
          listening.listen(config.port, config.host, () => {
            listening.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        await this.stop();
        throw error;
      }
      log.info({ host: config.host, port: this.port() }, 'MQTT broker listening');
    },
    async stop() {
      await new Promise<void>((resolve) => (broker ? broker.close(() => resolve()) : resolve()));
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      broker = undefined;
      server = undefined;
    },
  };
}

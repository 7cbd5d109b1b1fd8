import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/connect.ts';
import type { SmartModule } from '../server/modules/smart/module.ts';
import type { SimulationProgress } from '../server/modules/smart/simulator/publisher.ts';
import type { SimulatedSensor } from '../server/modules/smart/simulator/signals.ts';

/** `steward simulate`: a gateway publishing simulated readings, with faults, over MQTT. */

export type SimulateOptions = {
  site: string;
  area: string[];
  broker?: string;
  api?: string;
  token?: string;
  tokenFor?: string;
  tokenInBatch?: boolean;
  rate: string;
  duration?: string;
  count?: string;
  seed: string;
  fault: string[];
  speed: string;
  batch: string;
  gateway?: string;
};

type WithDatabase = <T>(fn: (database: Database) => Promise<T>) => Promise<T>;

function positive(name: string, text: string | undefined, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0) || (integer && !Number.isInteger(n)))
    throw new Error(`--${name} must be a ${integer ? 'whole ' : ''}number greater than 0.`);
  return n;
}

/** The embedded broker's address as a client on this machine reaches it. */
function embeddedBrokerUrl(config: Config): string {
  if (config.mqtt.port === 0)
    throw new Error('No MQTT broker is configured (STEWARD_MQTT_PORT=0 and no MQTT_URL): pass --broker.');
  const host = ['0.0.0.0', '::', ''].includes(config.mqtt.host) ? '127.0.0.1' : config.mqtt.host;
  return `mqtt://${host.includes(':') ? `[${host}]` : host}:${config.mqtt.port}`;
}

/**
 * A new API token of the user with this email, who must hold `smart.ingest` at the site, and the site's sensors
 * as that user reads them: from the configured database (the platform's own token service, audited as created).
 */
async function tokenFromDatabase(
  withDatabase: WithDatabase,
  config: Config,
  email: string,
  siteCode: string,
  areas: string[],
): Promise<{ token: string; sensors: SimulatedSensor[] }> {
  const { createServices } = await import('../server/services.ts');
  const { systemActor, scopeHas, sitesWith } = await import('../server/platform/access/actor.ts');
  const { sensorListQuery } = await import('#shared/modules/smart/contract.ts');
  const { siteSensors } = await import('../server/modules/smart/simulator/site-sensors.ts');
  return withDatabase(async (database) => {
    const services = createServices(database, config);
    const found = await services.users.list(systemActor(), {
      q: email,
      page: 1,
      pageSize: 50,
      sort: 'email',
      order: 'asc',
    });
    const user = found.items.find((u) => u.email.toLowerCase() === email.toLowerCase() && u.active);
    if (!user) throw new Error(`There is no active user ${email}.`);
    const actor = await services.users.actorFor({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      locale: user.locale,
    });
    const siteId = await services.org.siteIdByCode(siteCode);
    if (!siteId) throw new Error(`There is no site ${siteCode}.`);
    if (!scopeHas(sitesWith(actor, 'smart.ingest', 'smart'), siteId))
      throw new Error(`${email} may not send readings for ${siteCode}.`);
    const smart = services.modules.smart as SmartModule;
    const sensors = await siteSensors(
      ({ page, pageSize }) =>
        smart.sensors.list(actor, sensorListQuery.parse({ page, pageSize, inService: 'true', sort: 'tag' })),
      siteCode,
      areas,
    );
    // A short-lived token: one a run of the simulator needs, not a standing credential.
    const created = await services.auth.createApiToken(actor, `Simulator ${siteCode}`, 1);
    console.log(`Created API token ${created.prefix}… for ${email} (expires in 1 day).`);
    return { token: created.token, sensors };
  });
}

/** The site's sensors through the running Steward's API, read with the gateway's token. */
async function sensorsFromApi(api: string, token: string, siteCode: string, areas: string[]) {
  const { apiSensorLister, siteSensors } = await import('../server/modules/smart/simulator/site-sensors.ts');
  const get = async (path: string) => {
    let res: Response;
    try {
      res = await fetch(new URL(path, api), { headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      throw new Error(
        `The Steward API at ${api} is not reachable (${(error as Error).message}): start Steward, or pass --api.`,
      );
    }
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  return siteSensors(apiSensorLister(get), siteCode, areas);
}

/** The ingestion's refusal codes, said for the operator at the terminal. */
const REFUSAL_WORDS: Record<string, string> = {
  unknown_sensor: 'no sensor with that id is registered',
  outside_site: "the sensor is at another site than the topic's",
};

function progressLine(p: SimulationProgress): string {
  return (
    `${p.sent}/${p.planned} readings sent in ${p.batches} batches, ${p.acknowledged} acknowledged, ` +
    `${p.refused} refused, ${p.droppedOut} left out (${p.elapsedSeconds.toFixed(0)} s)`
  );
}

export async function simulate(o: SimulateOptions, config: Config, withDatabase: WithDatabase) {
  const { parseFault } = await import('../server/modules/smart/simulator/signals.ts');
  const { runSimulation } = await import('../server/modules/smart/simulator/publisher.ts');
  const rate = positive('rate', o.rate) as number;
  const count = positive('count', o.count, true);
  const durationSeconds =
    count === undefined ? (positive('duration', o.duration ?? '60') as number) : undefined;
  const seed = Number(o.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number.');
  const speed = positive('speed', o.speed) as number;
  const batchSeconds = positive('batch', o.batch) as number;
  const faults = o.fault.map(parseFault);
  const siteCode = o.site.trim();

  let token = o.token ?? process.env.STEWARD_GATEWAY_TOKEN;
  let sensors: SimulatedSensor[];
  if (o.tokenFor) {
    if (token) throw new Error('Pass --token or --token-for, not both.');
    ({ token, sensors } = await tokenFromDatabase(withDatabase, config, o.tokenFor, siteCode, o.area));
  } else {
    if (!token)
      throw new Error(
        'A gateway API token is needed: --token (or STEWARD_GATEWAY_TOKEN), or --token-for <email> to create one in the database.',
      );
    sensors = await sensorsFromApi(o.api ?? config.publicUrl, token, siteCode, o.area);
  }
  const brokerUrl = o.broker ?? config.mqtt.url ?? embeddedBrokerUrl(config);
  // An external broker does not know Steward's tokens: the batch carries it (ARCHITECTURE.md, MQTT ingestion).
  const tokenInBatch = o.tokenInBatch ?? (!!config.mqtt.url && brokerUrl === config.mqtt.url);
  console.log(
    `Simulating ${sensors.length} sensor(s) at ${siteCode} on ${brokerUrl}: ${rate} readings/s, seed ${seed}` +
      (faults.length ? `, faults ${o.fault.join(', ')}` : ''),
  );

  // Faster than real time, the simulated clock starts in the past so that its last reading is about now.
  const spanMs = ((durationSeconds ?? (count as number) / rate) * 1000) as number;
  const startMs = Date.now() - (speed > 1 ? spanMs * (1 - 1 / speed) : 0);
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  try {
    const summary = await runSimulation({
      brokerUrl,
      token,
      tokenInBatch,
      topicRoot: config.mqtt.topicRoot,
      siteCode,
      sensors,
      rate,
      count,
      durationSeconds,
      seed,
      faults,
      startMs,
      speed,
      batchSeconds,
      gateway: o.gateway,
      signal: stop.signal,
      onProgress: (p) => {
        const at = Date.now();
        if (tty) process.stdout.write(`\r${progressLine(p)}`);
        else if (at - lastLine >= 10_000) console.log(progressLine(p));
        else return;
        lastLine = at;
      },
    });
    if (tty) process.stdout.write('\n');
    console.log(`Done: ${progressLine(summary)}.`);
    for (const r of summary.refusals)
      console.log(
        `Refused: ${r.readings} reading(s) in ${r.batches} batch(es): ${r.reason}${REFUSAL_WORDS[r.reason] ? ` (${REFUSAL_WORDS[r.reason]})` : ''}`,
      );
    if (summary.unanswered)
      console.log(
        `${summary.unanswered} batch(es) acknowledged without Steward's answer: readings refused in them are not counted.`,
      );
    if (summary.stoppedBy) console.log(`Stopped early: ${summary.stoppedBy}.`);
    if (summary.refused || (summary.stoppedBy && summary.stoppedBy !== 'interrupted')) process.exitCode = 1;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

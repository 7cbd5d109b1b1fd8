import type { BackgroundContext, BackgroundService } from '../../../platform/modules/manifest.ts';
import type { PlatformServices } from '../../../platform/modules/platform-services.ts';
import type { SmartModule } from '../module.ts';
import { embeddedBroker } from './broker.ts';
import { createMqttGateways } from './gateways.ts';
import { externalSubscriber } from './subscriber.ts';

/**
 * MQTT ingestion, a background service of the worker role: a subscriber on the external broker when MQTT_URL
 * is set, otherwise the embedded broker on STEWARD_MQTT_PORT (none when it is 0).
 */
export function mqttIngestion(
  smart: SmartModule,
  platform: Pick<PlatformServices, 'identity' | 'org'>,
  { config, log }: BackgroundContext,
): BackgroundService[] {
  const mqtt = config.mqtt;
  if (!mqtt.url && mqtt.port === 0) return [];
  const gateways = createMqttGateways({
    ingest: smart.ingest,
    identity: platform.identity,
    org: platform.org,
    config: mqtt,
    log,
  });
  return [mqtt.url ? externalSubscriber(gateways) : embeddedBroker(gateways)];
}

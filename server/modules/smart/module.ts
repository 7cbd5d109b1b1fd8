import type { RetentionSettings } from '#shared/modules/smart/contract.ts';
import type { DetectorMemoryConfig } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import type { NoticesService } from '../../platform/notify/notices.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { SignalsService } from '../../platform/signals/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import type { InfosecIncidentCounts } from '../infosec/index.ts';
import type { OhsDailyCounts, OhsIncidentReporter } from '../ohs/index.ts';
import { createAlarmKpisService } from './alarm-kpis.ts';
import { createAlarmLiveService } from './alarm-live.ts';
import { createAlarmsService } from './alarms.ts';
import { createIngestService } from './ingest.ts';
import { createReadingsService } from './readings.ts';
import { createRespondersService } from './responders.ts';
import { createRetentionService } from './retention.ts';
import { createSensorTrendsService } from './sensor-trends.ts';
import { createSensorsService } from './sensors.ts';
import {
  alarmEscalationSettings,
  type EscalationSettings,
  type IngestSettings,
  ingestSettings,
  retentionSettings,
} from './settings.ts';
import { createTrendsService } from './trends.ts';

const PROGRAM = 'smart' as const;

/** The shop-floor monitoring program, built on the platform services (and OHS's incident reporting). */
export function createSmartModule(deps: {
  db: Db;
  org: OrgService;
  documents: DocumentsService;
  settings: SettingsService;
  users: UsersService;
  notices: NoticesService;
  signals: Pick<SignalsService, 'subscribe'>;
  nearMisses: OhsIncidentReporter;
  ohsCounts: OhsDailyCounts;
  securityCounts: InfosecIncidentCounts;
  /** How many sensors' learned detectors the ingestion keeps in memory, and for how long unused. */
  detectors: DetectorMemoryConfig;
  now: () => Date;
}) {
  const { db, now } = deps;
  const sensors = createSensorsService(db, deps.org);
  const responders = createRespondersService({
    db,
    org: deps.org,
    users: deps.users,
    notices: deps.notices,
    settings: deps.settings,
    now,
  });
  const settings = {
    async get(actor: Actor) {
      access.listScope(actor, 'smart.read', PROGRAM);
      return deps.settings.get(ingestSettings);
    },
    /** The horizon applies to every site: only whoever runs the program group-wide changes it. */
    async set(actor: Actor, value: IngestSettings) {
      access.assertGroupWide(actor, 'smart.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, ingestSettings, value));
    },
    async getEscalation(actor: Actor) {
      access.listScope(actor, 'smart.read', PROGRAM);
      return deps.settings.get(alarmEscalationSettings);
    },
    /** The minutes before escalation apply to every site: set group-wide. */
    async setEscalation(actor: Actor, value: EscalationSettings) {
      access.assertGroupWide(actor, 'smart.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, alarmEscalationSettings, value));
    },
    async getRetention(actor: Actor) {
      access.listScope(actor, 'smart.read', PROGRAM);
      return deps.settings.get(retentionSettings);
    },
    /** How long readings are kept applies to every site: set group-wide. */
    async setRetention(actor: Actor, value: RetentionSettings) {
      access.assertGroupWide(actor, 'smart.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, retentionSettings, value));
    },
  };
  return {
    sensors,
    readings: createReadingsService(db, sensors, now),
    ingest: createIngestService({
      db,
      settings: deps.settings,
      onRaised: (trx, alarmId) => responders.notifyRaised(trx, alarmId),
      detectors: deps.detectors,
      now,
    }),
    alarms: createAlarmsService({
      db,
      org: deps.org,
      users: deps.users,
      documents: deps.documents,
      nearMisses: deps.nearMisses,
      now,
    }),
    live: createAlarmLiveService({ signals: deps.signals }),
    retention: createRetentionService({ db, settings: deps.settings, now }),
    settings,
    responders,
    kpis: createAlarmKpisService({ db, org: deps.org, settings: deps.settings, now }),
    trends: createTrendsService({
      db,
      org: deps.org,
      ohs: deps.ohsCounts,
      security: deps.securityCounts,
      now,
    }),
    sensorTrends: createSensorTrendsService({ db, sensors, now }),
  };
}

export type SmartModule = ReturnType<typeof createSmartModule>;

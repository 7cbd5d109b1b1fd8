import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { OhsIncidentReporter } from '../ohs/index.ts';
import { createAlarmKpisService } from './alarm-kpis.ts';
import { createAlarmsService } from './alarms.ts';
import { createIngestService } from './ingest.ts';
import { createReadingsService } from './readings.ts';
import { createSensorsService } from './sensors.ts';
import { type IngestSettings, ingestSettings } from './settings.ts';

const PROGRAM = 'smart' as const;

/** The shop-floor monitoring program, built on the platform services (and OHS's incident reporting). */
export function createSmartModule(deps: {
  db: Db;
  org: OrgService;
  documents: DocumentsService;
  settings: SettingsService;
  nearMisses: OhsIncidentReporter;
  now: () => Date;
}) {
  const { db, now } = deps;
  const sensors = createSensorsService(db, deps.org);
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
  };
  return {
    sensors,
    readings: createReadingsService(db, sensors, now),
    ingest: createIngestService({ db, settings: deps.settings, now }),
    alarms: createAlarmsService({
      db,
      org: deps.org,
      documents: deps.documents,
      nearMisses: deps.nearMisses,
      now,
    }),
    settings,
    kpis: createAlarmKpisService({ db, org: deps.org, settings: deps.settings, now }),
  };
}

export type SmartModule = ReturnType<typeof createSmartModule>;

import type { Db } from '../../db/types.ts';
import { holdsAnywhere } from '../../platform/access/actor.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { createNotices } from '../../platform/notify/notices.ts';
import { createOrgService } from '../../platform/org/service.ts';
import { createSettingsService } from '../../platform/settings/service.ts';
import { createUsersService } from '../../platform/users/service.ts';
import { createInfosecIncidentCounts } from '../infosec/index.ts';
import { createOhsDailyCounts, createOhsIncidentReporter } from '../ohs/index.ts';
import { ALARM_SOURCE } from './alarms.ts';
import { smartMessages } from './messages.ts';
import { smartMigrations } from './migrations/index.ts';
import { createSmartModule } from './module.ts';
import { mqttIngestion } from './mqtt/index.ts';
import { smartPermissions } from './permissions.ts';
import { createRespondersService } from './responders.ts';
import { createRetentionService } from './retention.ts';
import { registerSmartRoutes } from './routes.ts';
import '#shared/modules/smart/program.ts';

export type { SmartTables } from './tables.ts';

/** The escalation of unacknowledged alarms, as the worker's job runs it on the root database handle. */
function alarmEscalation(db: Db) {
  const org = createOrgService(db);
  return createRespondersService({
    db,
    org,
    users: createUsersService(db, org),
    notices: createNotices(db),
    settings: createSettingsService(db),
    now: () => new Date(),
  });
}

/** The shop-floor monitoring program: its manifest. */
export const smartModule = defineModule({
  key: 'smart',
  permissions: smartPermissions,
  migrations: smartMigrations,
  messages: smartMessages,
  demo: () => import('../../../reference/demo/smart-part.ts').then((m) => m.smartDemo),
  securityChecks: () => import('./security.ts').then((m) => m.smartSecurity),
  createServices: (platform, { db, config, now }) => {
    platform.sources.register(ALARM_SOURCE, async (handle, id) => {
      const r = await handle
        .selectFrom('smart_alarms as a')
        .innerJoin('smart_sensors as s', 's.id', 'a.sensor_id')
        .select(['a.site_id', 'a.condition', 's.tag', 's.name'])
        .where('a.id', '=', id)
        .executeTakeFirst();
      return (
        r && {
          label: `${r.tag} ${r.name} · ${r.condition}`,
          siteId: r.site_id,
          permission: 'smart.read',
          program: 'smart',
        }
      );
    });
    return createSmartModule({
      db,
      org: platform.org,
      documents: platform.documents,
      settings: platform.settings,
      users: platform.users,
      notices: platform.notices,
      signals: platform.signals,
      nearMisses: createOhsIncidentReporter(platform, { db, now }),
      ohsCounts: createOhsDailyCounts(db),
      securityCounts: createInfosecIncidentCounts(db),
      detectors: config.detectors,
      now,
    });
  },
  registerRoutes(app, smart) {
    registerSmartRoutes(app, smart);
  },
  jobs(db) {
    const escalation = alarmEscalation(db);
    const retention = createRetentionService({
      db,
      settings: createSettingsService(db),
      now: () => new Date(),
    });
    return [
      { name: 'smart-alarm-escalation', cron: '* * * * *', handler: () => escalation.escalateDue() },
      // Nightly, at a quiet hour for the group's sites (UTC 19:40 is 03:40 in Taiwan).
      { name: 'smart-retention', cron: '40 19 * * *', handler: () => retention.run() },
    ];
  },
  background: (smart, platform, context) => mqttIngestion(smart, platform, context),
  async homeAttention(actor, smart) {
    if (!holdsAnywhere(actor, 'smart.manage', 'smart')) return [];
    const count = await smart.alarms.countUnacknowledged(actor);
    if (count === 0) return [];
    return [
      {
        kind: 'smart-unacknowledged-alarms',
        severity: 'critical',
        count,
        messageKey: 'smart:attention.unacknowledgedAlarms',
        link: '/smart/alarms',
      },
    ];
  },
});

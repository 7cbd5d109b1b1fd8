import { holdsAnywhere } from '../../platform/access/actor.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { CLOCK_KINDS } from './clocks.ts';
import { infosecMessages } from './messages.ts';
import { infosecMigrations } from './migrations/index.ts';
import { createInfosecModule } from './module.ts';
import { infosecPermissions } from './permissions.ts';
import { registerInfosecRoutes } from './routes.ts';

export type { InfosecTables } from './tables.ts';

/** The information security program: its manifest. */
export const infosecModule = defineModule({
  key: 'infosec',
  permissions: infosecPermissions,
  migrations: infosecMigrations,
  messages: infosecMessages,
  createServices: (platform, { db, now }) =>
    createInfosecModule({
      db,
      obligations: platform.obligations,
      actions: platform.actions,
      documents: platform.documents,
      settings: platform.settings,
      org: platform.org,
      users: platform.users,
      now,
    }),
  registerRoutes(app, infosec) {
    registerInfosecRoutes(app, infosec);
  },
  async homeAttention(actor, _infosec, platform) {
    if (!holdsAnywhere(actor, 'infosec.manage', 'infosec')) return [];
    const open = await platform.obligations.countOpen(actor, CLOCK_KINDS.report, 'infosec.manage', 'infosec');
    if (open === 0) return [];
    return [
      {
        kind: 'infosec-unreported-incidents',
        severity: 'critical',
        count: open,
        messageKey: 'infosec:attention.unreportedIncidents',
        link: '/infosec/incidents',
      },
    ];
  },
});

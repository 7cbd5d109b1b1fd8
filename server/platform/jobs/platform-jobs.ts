import type { Config } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import { createMailer } from '../notify/mailer.ts';
import { createReminderEngine } from '../notify/reminders.ts';
import { purgeExpiredSessions } from '../operations/housekeeping.ts';
import type { JobDefinition } from './boss.ts';

/** The platform's own jobs; modules add theirs next to these. */
export function platformJobs(db: Db, config: Config): JobDefinition[] {
  const engine = createReminderEngine(db, createMailer(config.smtpUrl, config.mailFrom), config.publicUrl);
  return [
    {
      name: 'reminders-run',
      cron: '*/15 * * * *',
      runOnStart: true,
      handler: async () => ({ ...(await engine.scan()), ...(await engine.deliver()) }),
    },
    {
      name: 'notifications-digest',
      cron: '0 0 * * *',
      handler: async () => ({ digests: await engine.sendDigests() }),
    },
    {
      name: 'sessions-purge',
      cron: '7 * * * *',
      handler: async () => ({ purged: await purgeExpiredSessions(db) }),
    },
  ];
}

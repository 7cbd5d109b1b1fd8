import type { Config } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import type { SignalsService } from '../signals/service.ts';
import { createMailer } from './mailer.ts';
import { NOTICE_MAIL_CHANNEL } from './notices.ts';
import { createReminderEngine } from './reminders.ts';

type Log = { error(facts: object, message: string): void };

/**
 * The worker sends a notice's email as soon as the transaction that queued it commits: it hears the outbox's
 * signal and delivers the notices' email, one delivery at a time (a signal during a delivery runs one more).
 * When signals are lost and come back it delivers once, and the reminders' quarter-hourly run sends whatever
 * a lost signal left behind.
 */
export async function startNoticeMail(
  db: Db,
  signals: SignalsService,
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
  log: Log,
): Promise<() => Promise<void>> {
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const engine = createReminderEngine(db, mailer, config.publicUrl);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await engine.deliver(50, { noticesOnly: true });
        } catch (error) {
          log.error({ err: error }, 'notice email delivery failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const unsubscribe = await signals.subscribe(NOTICE_MAIL_CHANNEL, {
    message: run,
    state: (live) => {
      if (live) run();
    },
  });
  return async () => {
    stopped = true;
    unsubscribe();
    await running;
    mailer?.close();
  };
}

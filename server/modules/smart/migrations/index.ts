import type { Migration } from 'kysely/migration';
import * as m0026 from './0026_smart.ts';
import * as m0031 from './0031_smart_responders.ts';
import * as m0033 from './0033_smart_alarm_signals.ts';
import * as m0061 from './0061_smart_alarm_raises.ts';

/** The shop-floor monitoring program's migrations, keyed by the name recorded in `steward_migrations`. */
export const smartMigrations: Record<string, Migration> = {
  '0026_smart': m0026,
  '0031_smart_responders': m0031,
  '0033_smart_alarm_signals': m0033,
  '0061_smart_alarm_raises': m0061,
};

import type { Migration } from 'kysely/migration';
import * as m0006 from './0006_ohs_incidents.ts';
import * as m0007 from './0007_ohs_risk_permits.ts';
import * as m0008 from './0008_ohs_health_goals.ts';
import * as m0014 from './0014_ohs_injury_recovery.ts';
import * as m0015 from './0015_redact_health_audit.ts';
import * as m0020 from './0020_ohs_message_keys.ts';
import * as m0034 from './0034_ohs_injury_summary.ts';
import * as m0077 from './0077_ohs_statistics_version.ts';

/**
 * The OHS program's migrations, keyed by the name recorded in `steward_migrations`. Names carry the one
 * sequence shared with the platform's, so that every database applies them in the order it always has.
 */
export const ohsMigrations: Record<string, Migration> = {
  '0006_ohs_incidents': m0006,
  '0007_ohs_risk_permits': m0007,
  '0008_ohs_health_goals': m0008,
  '0014_ohs_injury_recovery': m0014,
  '0015_redact_health_audit': m0015,
  '0020_ohs_message_keys': m0020,
  '0034_ohs_injury_summary': m0034,
  '0077_ohs_statistics_version': m0077,
};

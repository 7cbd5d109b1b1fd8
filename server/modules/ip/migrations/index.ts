import type { Migration } from 'kysely/migration';
import * as m0022 from './0022_ip_portfolio.ts';
import * as m0028 from './0028_ip_status_events.ts';
import * as m0032 from './0032_ip_trade_secrets.ts';
import * as m0039 from './0039_ip_inventions.ts';
import * as m0044 from './0044_ip_licences.ts';
import * as m0049 from './0049_ip_keep_or_drop.ts';
import * as m0057 from './0057_ip_entity_size.ts';
import * as m0062 from './0062_ip_exit_interviews.ts';
import * as m0065 from './0065_ip_matter_classes.ts';
import * as m0069 from './0069_ip_secret_employee_access.ts';
import * as m0070 from './0070_ip_review_campaigns.ts';
import * as m0072 from './0072_ip_validation_states.ts';
import * as m0073 from './0073_ip_office_actions.ts';

/** The IP program's migrations, keyed by the name recorded in `steward_migrations` (one shared sequence). */
export const ipMigrations: Record<string, Migration> = {
  '0022_ip_portfolio': m0022,
  '0028_ip_status_events': m0028,
  '0032_ip_trade_secrets': m0032,
  '0039_ip_inventions': m0039,
  '0044_ip_licences': m0044,
  '0049_ip_keep_or_drop': m0049,
  '0057_ip_entity_size': m0057,
  '0062_ip_exit_interviews': m0062,
  '0065_ip_matter_classes': m0065,
  '0069_ip_secret_employee_access': m0069,
  '0070_ip_review_campaigns': m0070,
  '0072_ip_validation_states': m0072,
  '0073_ip_office_actions': m0073,
};

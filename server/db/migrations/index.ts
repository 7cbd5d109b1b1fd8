import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_obligations.ts';
import * as m0003 from './0003_actions_documents.ts';
import * as m0004 from './0004_training_imports.ts';
import * as m0005 from './0005_meetings.ts';
import * as m0009 from './0009_actions_status_idx.ts';
import * as m0010 from './0010_employees_sort_idx.ts';
import * as m0011 from './0011_training_year_summary.ts';
import * as m0012 from './0012_people_search_grams.ts';
import * as m0013 from './0013_read_path_indexes.ts';
import * as m0016 from './0016_record_grants.ts';
import * as m0017 from './0017_training_summary_delta_table.ts';
import * as m0018 from './0018_message_keys.ts';
import * as m0019 from './0019_identity_signals.ts';
import * as m0024 from './0024_notification_facts.ts';
import * as m0025 from './0025_program_keys.ts';
import * as m0029 from './0029_audit_messages.ts';
import * as m0030 from './0030_training_domain_words.ts';
import * as m0035 from './0035_training_course_latest.ts';
import * as m0036 from './0036_site_headcounts.ts';
import * as m0046 from './0046_notice_mail.ts';
import * as m0050 from './0050_employee_email_lookup.ts';
import * as m0053 from './0053_exchange_rates.ts';
import * as m0058 from './0058_setting_versions.ts';
import * as m0063 from './0063_site_calendars.ts';
import * as m0064 from './0064_obligation_counts.ts';
import * as m0068 from './0068_people_number_lookup.ts';
import * as m0071 from './0071_employees_site_sort_indexes.ts';
import * as m0074 from './0074_obligation_counts_due_idx.ts';
import * as m0075 from './0075_data_versions.ts';
import * as m0076 from './0076_training_campaign_version.ts';

/**
 * The platform's migrations; the key is the name recorded in the database. Append only. Program modules
 * declare theirs in their manifests; `server/db/migrate.ts` runs all of them in name order.
 */
export const platformMigrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_obligations': m0002,
  '0003_actions_documents': m0003,
  '0004_training_imports': m0004,
  '0005_meetings': m0005,
  '0009_actions_status_idx': m0009,
  '0010_employees_sort_idx': m0010,
  '0011_training_year_summary': m0011,
  '0012_people_search_grams': m0012,
  '0013_read_path_indexes': m0013,
  '0016_record_grants': m0016,
  '0017_training_summary_delta_table': m0017,
  '0018_message_keys': m0018,
  '0019_identity_signals': m0019,
  '0024_notification_facts': m0024,
  '0025_program_keys': m0025,
  '0029_audit_messages': m0029,
  '0030_training_domain_words': m0030,
  '0035_training_course_latest': m0035,
  '0036_site_headcounts': m0036,
  '0046_notice_mail': m0046,
  '0050_employee_email_lookup': m0050,
  '0053_exchange_rates': m0053,
  '0058_setting_versions': m0058,
  '0063_site_calendars': m0063,
  '0064_obligation_counts': m0064,
  '0068_people_number_lookup': m0068,
  '0071_employees_site_sort_indexes': m0071,
  '0074_obligation_counts_due_idx': m0074,
  '0075_data_versions': m0075,
  '0076_training_campaign_version': m0076,
};

import type { Migration } from 'kysely/migration';
import * as m0021 from './0021_infosec.ts';
import * as m0027 from './0027_csf.ts';
import * as m0037 from './0037_infosec_findings.ts';
import * as m0038 from './0038_infosec_advisories.ts';
import * as m0040 from './0040_infosec_drills.ts';
import * as m0041 from './0041_infosec_suppliers.ts';
import * as m0042 from './0042_infosec_governance.ts';
import * as m0043 from './0043_infosec_material.ts';
import * as m0048 from './0048_infosec_policies.ts';
import * as m0055 from './0055_infosec_incident_response.ts';

/** The information security program's migrations, keyed by the name recorded in `steward_migrations`. */
export const infosecMigrations: Record<string, Migration> = {
  '0021_infosec': m0021,
  '0027_csf': m0027,
  '0037_infosec_findings': m0037,
  '0038_infosec_advisories': m0038,
  '0040_infosec_drills': m0040,
  '0041_infosec_suppliers': m0041,
  '0043_infosec_material': m0043,
  '0042_infosec_governance': m0042,
  '0048_infosec_policies': m0048,
  '0055_infosec_incident_response': m0055,
};

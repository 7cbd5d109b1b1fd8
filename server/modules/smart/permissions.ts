import type { Grant } from '../../platform/access/policy.ts';

/** The shop-floor monitoring program's permissions and the roles that receive them (merged into the policy table). */
export const smartPermissions = {
  /** Reading sensors, readings and alarms: the smart manufacturing office, each site's officers, auditors and the Board. */
  'smart.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'smart' },
    { role: 'site_officer', program: 'smart' },
    { role: 'auditor' },
    { role: 'board' },
  ],
  /** Running the program: the sensor registry and answering alarms (acknowledge, shelve, report a near miss). */
  'smart.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'smart' },
    { role: 'site_officer', program: 'smart' },
  ],
  /**
   * Sending readings: a gateway signs in with an API token of a user who runs the program at its site; its
   * readings count only for the sensors of the sites where that user holds this permission.
   */
  'smart.ingest': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'smart' },
    { role: 'site_officer', program: 'smart' },
  ],
} satisfies Record<string, Grant[]>;

import type { Grant } from '../../platform/access/policy.ts';

/** The IP program's permissions and the roles that receive them (merged into the policy table). */
export const ipPermissions = {
  /** The portfolio, its deadlines and the office calendars: the IP office, site officers, auditors, the Board. */
  'ip.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ip' },
    { role: 'site_officer', program: 'ip' },
    { role: 'auditor' },
    { role: 'board' },
  ],
  /** Recording matters and trademarks; group-wide holders also keep the office calendars. */
  'ip.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ip' },
    { role: 'site_officer', program: 'ip' },
  ],
  /** Filing an invention disclosure: every employee, and those who run the program. */
  'ip.disclose': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ip' },
    { role: 'site_officer', program: 'ip' },
    { role: 'employee' },
  ],
  /**
   * Holding the exit interviews of leaving inventors and trade-secret holders, and filing their signed
   * acknowledgements (Legal: the IP office and its site officers). The interviews name people who are leaving,
   * so reading them takes this permission too.
   */
  'ip.exit_interviews.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ip' },
    { role: 'site_officer', program: 'ip' },
  ],
} satisfies Record<string, Grant[]>;

import type { Grant } from '../../platform/access/policy.ts';

/** The information security program's permissions and the roles that receive them (merged into the policy table). */
export const infosecPermissions = {
  /**
   * Reporting a suspected security incident: everyone who works at a site (employees, site officers, medical
   * staff), the CISO office (the program owner) and the group administrator. Auditors, Board members and the
   * other programs' owners report nothing: they change nothing in this program.
   */
  'infosec.report': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'infosec' },
    { role: 'site_officer' },
    { role: 'employee' },
    { role: 'medical' },
  ],
  /** Reading the program: the CISO office, each site's security team, auditors and the Board. */
  'infosec.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'infosec' },
    { role: 'site_officer', program: 'infosec' },
    { role: 'auditor' },
    { role: 'board' },
  ],
  /** Running the program: triage, classification, response work, the systems register. */
  'infosec.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'infosec' },
    { role: 'site_officer', program: 'infosec' },
  ],
  /**
   * Deciding whether a security incident is material (the count the Board report gives): the security team
   * of the incident's site and the CISO office, no one else (not the group administrator).
   */
  'infosec.disclose': [
    { role: 'program_owner', program: 'infosec' },
    { role: 'site_officer', program: 'infosec' },
  ],
} satisfies Record<string, Grant[]>;

import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { generateInfosecDataset, infosecTables } from './infosec.ts';
import { advisoryTables } from './infosec-advisories.ts';
import { generateBoardRows } from './infosec-board.ts';
import { drillTables } from './infosec-drills.ts';
import { findingTables } from './infosec-findings.ts';
import { governanceTables } from './infosec-governance.ts';
import { policyTables } from './infosec-policies.ts';
import { supplierTables } from './infosec-suppliers.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The information security program's part of the demo: each site's systems register, past incidents and the
 * NIST CSF maturity assessments of every year since 2019, the advisories of the last weeks with the sites' responses,
 * each site's scans, audits and assessments of the last year with their findings, the recovery and incident-response
 * drills since 2019 and two phishing drills a year at every site; what the yearly Board report counts (the
 * security committee's meetings, the 2023 cybersecurity courses, the program's certificates, the material-incident
 * decisions and the years the report was presented).
 */
export const infosecDemo: ModuleDemo = {
  generate(group) {
    const infosec = generateInfosecDataset(group);
    const owner = group.users.find((u) => u.email.startsWith('infosec.owner@'));
    const tables = [
      ...infosecTables(infosec),
      ...advisoryTables(group, infosec.systems, owner?.id ?? null),
      ...findingTables(group, infosec.systems, owner?.id ?? null),
      ...drillTables(group, infosec.systems, owner?.id ?? null),
      ...supplierTables(group, owner?.id ?? null),
      ...generateBoardRows(group, infosec.incidents, owner?.id ?? null),
      ...governanceTables(group, infosec.systems, owner?.id ?? null),
      ...policyTables(group, owner?.id ?? null),
    ];
    const { campaigns, assessments, answers } = infosec.csf;
    return {
      tables,
      // Several parts write obligations: a table's count is the sum of its parts.
      counts: tables.reduce<Record<string, number>>(
        (n, t) => Object.assign(n, { [t.table]: (n[t.table] ?? 0) + t.rows.length }),
        {},
      ),
      history: [],
      summary: `Information security history loaded (${infosec.systems.length} systems, ${infosec.incidents.length} incidents, ${campaigns.length} NIST CSF campaigns with ${assessments.length} site assessments and ${fmt(answers.length)} answers)`,
    };
  },
};

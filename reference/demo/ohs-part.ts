import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { ohsAuditHistory } from './audit-history.ts';
import { generateOhsDataset } from './ohs.ts';
import { ohsCounts, ohsTables } from './ohs-tables.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The OHS program's part of the demo: the records that reproduce the OHS seed's figures (ohs.ts). */
export const ohsDemo: ModuleDemo = {
  generate(group) {
    const ohs = generateOhsDataset(group);
    return {
      tables: ohsTables(ohs),
      // The OHS history adds the people who worked at the sites in its years and have left since.
      counts: {
        ...ohsCounts(ohs),
        employees: ohs.formerEmployees.length,
        leavers: ohs.formerEmployees.length,
      },
      history: ohsAuditHistory(group, ohs),
      summary: `OHS history loaded (${fmt(ohs.hours.length)} site-months of hours, ${fmt(ohs.incidents.length)} incidents, ${fmt(ohs.injuries.length)} people hurt, ${fmt(ohs.screenings.length)} health screenings, ${ohs.certifications.length} ISO 45001 certificates, ${ohs.hazards.length} hazards, ${ohs.permits.length} permits to work)`,
    };
  },
};

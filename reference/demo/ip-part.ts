import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { generateIpDataset, ipTables } from './ip.ts';

/** The IP program's part of the demo: patent families with their matters in each office, and trademarks. */
export const ipDemo: ModuleDemo = {
  generate(group) {
    const tables = ipTables(generateIpDataset(group));
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

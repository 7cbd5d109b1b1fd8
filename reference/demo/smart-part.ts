import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { generateSmartDataset, smartTables } from './smart.ts';

/** Shop-floor monitoring's part of the demo: sensors in areas of two sites, their readings and past alarms. */
export const smartDemo: ModuleDemo = {
  generate(group) {
    const tables = smartTables(generateSmartDataset(group));
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

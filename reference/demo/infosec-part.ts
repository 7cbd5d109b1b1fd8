import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { generateInfosecDataset, infosecTables } from './infosec.ts';

/** The information security program's part of the demo: each site's systems register and past incidents. */
export const infosecDemo: ModuleDemo = {
  generate(group) {
    const tables = infosecTables(generateInfosecDataset(group));
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

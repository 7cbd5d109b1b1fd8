import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { academiaTables, generateAcademiaDataset } from './academia.ts';

/** The industry–academia program's part of the demo: the partners of the seed, agreements, projects, interns. */
export const academiaDemo: ModuleDemo = {
  generate(group) {
    const tables = academiaTables(generateAcademiaDataset(group));
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { academiaTables, generateAcademiaDataset } from './academia.ts';
import { generateAcademiaPrograms } from './academia-programs.ts';

/** The industry–academia program's part of the demo: the partners of the seed, agreements, projects, interns. */
export const academiaDemo: ModuleDemo = {
  generate(group) {
    const tables = [
      ...generateAcademiaPrograms(group, {
        created_at: '2022-01-03T01:00:00.000Z',
        updated_at: '2022-01-03T01:00:00.000Z',
      }),
      ...academiaTables(generateAcademiaDataset(group)),
    ];
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

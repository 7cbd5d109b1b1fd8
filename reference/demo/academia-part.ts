import type { ModuleDemo } from '../../server/platform/modules/manifest.ts';
import { academiaTables, generateAcademiaDataset } from './academia.ts';
import { generateEvaluations } from './academia-evaluations.ts';
import { guestGrants } from './academia-guests.ts';
import { generateAcademiaPrograms } from './academia-programs.ts';

/** The industry–academia program's part of the demo: the partners of the seed, agreements, projects, interns. */
export const academiaDemo: ModuleDemo = {
  generate(group) {
    const dataset = generateAcademiaDataset(group);
    // Before the tables copy the interns: the student's internship takes her name.
    const grants = guestGrants(group, dataset);
    const tables = [
      ...generateAcademiaPrograms(group, {
        created_at: '2022-01-03T01:00:00.000Z',
        updated_at: '2022-01-03T01:00:00.000Z',
      }),
      ...academiaTables(dataset),
      {
        table: 'academia_intern_evaluations',
        rows: generateEvaluations(
          group,
          dataset,
          grants.find((g) => g.record_type === 'academia_intern')?.record_id,
        ),
      },
      { table: 'record_grants', rows: grants },
    ];
    return {
      tables,
      counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
      history: [],
    };
  },
};

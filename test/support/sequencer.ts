import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run for minutes whatever their size. Vitest starts the largest files first when it has no timings
 * of an earlier run (a fresh clone has none), and these are small: started last, one would end the run alone
 * while the other worker sits idle (the browser walk; the security suite's matrix and fuzzing, which vitest
 * would otherwise start after every API file; a backup moved between databases).
 */
const LONG_RUNNING = [
  'test/e2e/walk.test.ts',
  'test/security/authorization-matrix.test.ts',
  'test/security/fuzz.test.ts',
  'test/api/restore-move.test.ts',
];

const isLong = (spec: TestSpecification) => LONG_RUNNING.some((file) => spec.moduleId.endsWith(file));

/**
 * Vitest's order, with the long-running files of each group of projects that run together (`groupOrder`: the
 * unit, API and security suites first, then the browser tests) moved to the front of that group's files.
 */
export class LongRunningFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const groupOf = (spec: TestSpecification) => spec.project.config.sequence.groupOrder ?? 0;
    const groups = [...new Set(sorted.map(groupOf))].sort((a, b) => a - b);
    return groups.flatMap((group) => {
      const members = sorted.filter((spec) => groupOf(spec) === group);
      return [...members.filter(isLong), ...members.filter((spec) => !isLong(spec))];
    });
  }
}

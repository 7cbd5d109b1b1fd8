import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run for minutes whatever their size. Vitest starts the largest files first when it has no timings
 * of an earlier run (a fresh clone has none), and these are small: started last, one would end the run alone
 * while the other worker sits idle.
 */
const LONG_RUNNING = ['test/e2e/walk.test.ts'];

const isLong = (spec: TestSpecification) => LONG_RUNNING.some((file) => spec.moduleId.endsWith(file));

/** Vitest's order, with the long-running files of each project moved to the front of that project's files. */
export class LongRunningFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const out: TestSpecification[] = [];
    let start = 0;
    while (start < sorted.length) {
      let end = start;
      while (end < sorted.length && sorted[end].project.name === sorted[start].project.name) end++;
      const segment = sorted.slice(start, end);
      out.push(...segment.filter(isLong), ...segment.filter((s) => !isLong(s)));
      start = end;
    }
    return out;
  }
}

import type { BenchResults } from '../report.ts';

/** The run's targets as a plain-text table for the terminal: each figure beside its limit and target. */
export function consoleTable(r: BenchResults): string {
  const rows = r.targets.map((t) => [
    t.met === null ? ' ' : t.met ? '✓' : '✗',
    t.figure,
    t.value,
    t.limit,
    t.target,
  ]);
  const widths = [1, 0, 0, 0, 0].map((w, i) =>
    Math.max(
      w,
      ...rows.map((row) => String(row[i]).length),
      ['', 'figure', 'measured', 'limit (same run)', 'target'][i].length,
    ),
  );
  const line = (cells: string[]) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [
    line(['', 'figure', 'measured', 'limit (same run)', 'target']),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(row.map(String))),
  ].join('\n');
}

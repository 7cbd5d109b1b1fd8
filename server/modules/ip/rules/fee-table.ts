import { expect } from 'vitest';

/** What a row expects: the fields an answer must have, or the value itself. */
type Expected<Out> = Out extends object ? { [K in keyof Out]?: Out[K] } : Out;

/**
 * The fee tests' worked examples as a table: each row the arguments of `compute` and what it must give (an
 * object: the fields the answer must have; a number or text: that value exactly). A failing row names itself,
 * and an empty table fails.
 */
export function expectRows<Args extends readonly unknown[], Out>(
  compute: (...args: Args) => Out,
  rows: readonly (readonly [NoInfer<Args>, Expected<Out>])[],
) {
  expect(rows.length).toBeGreaterThan(0);
  for (const [args, expected] of rows) {
    const row = `(${args.map((a) => JSON.stringify(a)).join(', ')})`;
    if (typeof expected === 'object' && expected !== null)
      expect(compute(...args), row).toMatchObject(expected);
    else expect(compute(...args), row).toBe(expected);
  }
}

import { Decimal } from 'decimal.js';

/** Whether an actual figure meets a goal's target ("at most 0 fatalities", "at least 95% screened"). */
export function goalMet(
  actual: string | null,
  comparison: 'at_most' | 'at_least',
  target: string,
): boolean | null {
  if (actual === null) return null;
  const a = new Decimal(actual);
  return comparison === 'at_most' ? a.lte(target) : a.gte(target);
}

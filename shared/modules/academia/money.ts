/**
 * A decimal amount as a person types it ("1,500,000.50", "33000") as minor units (cents), or null when it
 * is not a number with at most two decimals: the forms and the payments import read amounts alike.
 */
export function toMinor(text: string): number | null {
  const clean = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, fraction = ''] = clean.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

import { Decimal } from 'decimal.js';

/**
 * Invention disclosures: their states, the review committee's decisions, and the inventors' rewards, split by
 * share. Shared by the contract, the server and the forms.
 */

export const disclosureStatuses = [
  'submitted',
  'to_file',
  'filed',
  'trade_secret',
  'defensive_publication',
  'dropped',
] as const;
export type DisclosureStatus = (typeof disclosureStatuses)[number];

export const decisions = ['file', 'trade_secret', 'defensive_publication', 'drop'] as const;
export type Decision = (typeof decisions)[number];

/** The state each decision leaves the disclosure in; "file" waits for the application to be filed. */
export const statusAfter: Record<Decision, DisclosureStatus> = {
  file: 'to_file',
  trade_secret: 'trade_secret',
  defensive_publication: 'defensive_publication',
  drop: 'dropped',
};

export const rewardEvents = ['filing', 'grant'] as const;
export type RewardEvent = (typeof rewardEvents)[number];

/** Shares of an invention in whole per cent: each inventor once, adding up to 100. */
export function sharesProblem(shares: readonly number[]): string | null {
  if (shares.length === 0) return 'At least one inventor';
  const total = shares.reduce((n, s) => n + s, 0);
  return total === 100 ? null : `The shares add up to ${total}%, not 100%`;
}

/**
 * A reward of `amount` whole NT dollars split by shares (per cent, adding up to 100), in whole dollars that
 * add up to the amount: each gets the floor of its part, and the dollars left go one each to the largest
 * fractions (ties to the earlier inventor) — Hamilton's largest-remainder method.
 */
export function splitByShares(amount: string, shares: readonly number[]): string[] {
  const total = new Decimal(amount);
  const parts = shares.map((s) => total.times(s).dividedBy(100));
  const floors = parts.map((p) => p.floor());
  let left = total.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = parts
    .map((p, i) => ({ i, fraction: p.minus(floors[i]) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left -= 1;
  }
  return floors.map((d) => d.toFixed(0));
}

import { addYears } from './dates.ts';

/**
 * A trade secret's measures are reviewed yearly: the next review falls due a year after the last, on the same
 * day of the month, or the month's last day when it has none (a review of 29 February is due on 28 February
 * of a common year).
 */
export function nextReviewDue(lastReview: string): string {
  return addYears(lastReview, 1);
}

import { ohsMessage } from '../messages.ts';

/** Small counts of health data could point at a person: under this threshold a count is shown as "<5". */
export const SMALL_COUNT_THRESHOLD = 5;

export type SuppressedCount = number | '<5';

export function suppressSmall(count: number): SuppressedCount {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? '<5' : count;
}

/**
 * The title of a health record's follow-up in the calendar, reminders and notifications: it says nothing of
 * the result that called for it.
 */
export const HEALTH_REVIEW_TITLE = ohsMessage('ohs.obligation.healthReview');

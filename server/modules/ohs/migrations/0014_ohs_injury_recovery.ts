import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * GRI 403-9 counts an injury as high-consequence when the worker cannot, does not, or is not expected to
 * recover fully within six months. Injuries now record that outcome (`recovery`), and the count is read from
 * it, never from the days off counted up to today. Existing injuries get it from what was recorded (the same
 * rule as `backfilledRecovery` in shared/modules/ohs/rules/injury.ts): a permanent disability is not expected
 * to recover fully; more than six months off (183 days or more between the injury and the return, neither
 * counted) did not recover within six months; everything else, first aid and fatalities included, gets the
 * default, expected to recover fully within six months.
 */
/** The backfill, apart so that a test can hold it to `backfilledRecovery`. */
export const backfillRecovery = `
    update ohs_injuries set recovery = case
        when classification in ('permanent_total_disability', 'permanent_partial_disability') then 'not_expected_full_recovery'
        else 'not_recovered_within_six_months'
      end
      where classification in ('permanent_total_disability', 'permanent_partial_disability')
        or (classification in ('temporary_total_disability', 'medical_treatment')
          and return_date is not null and return_date - injury_date - 1 > 182);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ohs_injuries add column recovery text not null default 'expected_full_recovery'
      check (recovery in ('expected_full_recovery', 'not_expected_full_recovery', 'recovered_fully', 'not_recovered_within_six_months'));
    ${backfillRecovery}
  `,
  );
}

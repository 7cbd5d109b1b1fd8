import {
  type InternRetentionRun,
  type InternRetentionSettings,
  internRetentionSettings,
} from '#shared/modules/academia/retention-contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, sitesWith, systemActor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { GrantsService } from '../../platform/grants/service.ts';
import { defineSetting, type SettingsService } from '../../platform/settings/service.ts';
import { PROGRAM } from './deps.ts';
import { eraseComments } from './evaluation-repo.ts';
import * as repo from './retention-repo.ts';
import {
  DEFAULT_RETENTION_YEARS,
  dueForAnonymising,
  retentionCutoff,
  scholarshipsDueForAnonymising,
} from './rules/retention.ts';
import { INTERN_RECORD } from './student-sign-in.ts';

export const internRetention = defineSetting<InternRetentionSettings>({
  key: 'academia.retention',
  schema: internRetentionSettings,
  defaultValue: { anonymiseAfterYears: DEFAULT_RETENTION_YEARS },
  auditAction: 'academia.retention_settings.updated',
});

/** The personal fields the job erases; the audit event names them, never their values. */
const ERASED = ['full_name', 'email', 'date_of_birth'] as const;
/** Rows changed per statement. */
const BATCH = 500;

/**
 * Students' personal data on its retention schedule (rules/retention.ts), the worker's nightly job: the name,
 * e-mail and date of birth of each student whose last period ended before the cutoff are erased and the row
 * marked anonymised with the day; school, program, site, dates, hours, outcome and hire link stay. Proposed
 * hires of those interns are dismissed, and the student's own sign-in to the internship is taken back. Scholarship awards given and last paid before the cutoff lose their
 * recipient's name the same way. One transaction; a second run finds nothing to do.
 */
export function createInternRetention(deps: {
  db: Db;
  settings: Pick<SettingsService, 'get'>;
  grants: Pick<GrantsService, 'holders' | 'revoke'>;
  now: () => Date;
}) {
  return {
    async run(): Promise<InternRetentionRun> {
      const { anonymiseAfterYears } = await deps.settings.get(internRetention);
      const at = deps.now();
      // The run's day in UTC (the job runs at 18:50 UTC): a day either way does not matter over years.
      const today = at.toISOString().slice(0, 10);
      const cutoff = retentionCutoff(today, anonymiseAfterYears);
      const actor = systemActor('academia.actor.retention');
      return deps.db.transaction().execute(async (trx) => {
        const held = await repo.heldPeriods(trx);
        const due = dueForAnonymising(
          held.map((r) => ({
            id: r.id,
            fullName: r.full_name,
            email: r.email,
            dateOfBirth: r.date_of_birth,
            startedOn: r.started_on,
            endedOn: r.ended_on,
            outcome: r.outcome,
          })),
          cutoff,
        );
        let anonymised = 0;
        let proposalsDismissed = 0;
        for (let n = 0; n < due.length; n += BATCH) {
          const ids = due.slice(n, n + BATCH);
          await eraseComments(trx, ids);
          for (const r of await repo.anonymise(trx, ids, today)) {
            anonymised += 1;
            // Before and after without the erased values: a hash of a name or a birth date would still say it.
            await recordAudit(trx, actor, {
              action: 'academia_intern.anonymised',
              entityType: 'academia_intern',
              entityId: r.id,
              siteId: r.site_id,
              before: { anonymised_on: null, version: r.version - 1 },
              after: { anonymised_on: r.anonymised_on, version: r.version, erased: ERASED, cutoff },
            });
            // Nobody signs in as a student whose name is erased.
            for (const h of await deps.grants.holders(INTERN_RECORD, r.id, trx))
              await deps.grants.revoke(trx, actor, {
                userId: h.userId,
                recordType: INTERN_RECORD,
                recordId: r.id,
              });
          }
          for (const m of await repo.dismissProposals(trx, ids, at)) {
            proposalsDismissed += 1;
            await recordAudit(trx, actor, {
              action: 'academia_hire_match.dismissed',
              entityType: 'academia_hire_match',
              entityId: m.id,
              siteId: m.site_id,
              after: m,
            });
          }
        }
        let scholarshipsAnonymised = 0;
        const awards = scholarshipsDueForAnonymising(await repo.heldScholarships(trx), cutoff);
        for (let n = 0; n < awards.length; n += BATCH) {
          for (const r of await repo.anonymiseScholarships(trx, awards.slice(n, n + BATCH), today)) {
            scholarshipsAnonymised += 1;
            await recordAudit(trx, actor, {
              action: 'academia_scholarship.anonymised',
              entityType: 'academia_scholarship',
              entityId: r.id,
              siteId: r.site_id,
              before: { anonymised_on: null, version: r.version - 1 },
              after: {
                anonymised_on: r.anonymised_on,
                version: r.version,
                erased: ['recipient_name'],
                cutoff,
              },
            });
          }
        }
        return { cutoff, anonymised, proposalsDismissed, scholarshipsAnonymised };
      });
    },
  };
}

/** The retention setting as the program's staff read it and its owner changes it. */
export function createRetentionSettingsService(deps: { db: Db; settings: SettingsService }) {
  return {
    async get(actor: Actor) {
      access.listScope(actor, 'academia.read', PROGRAM);
      const value = await deps.settings.get(internRetention);
      return { ...value, mayChange: sitesWith(actor, 'academia.manage', PROGRAM) === 'all' };
    },
    /** The schedule applies to every site's students: the program owner sets it group-wide. */
    async set(actor: Actor, value: InternRetentionSettings) {
      access.assertGroupWide(actor, 'academia.manage', PROGRAM);
      const stored = await deps.db
        .transaction()
        .execute((trx) => deps.settings.set(trx, actor, internRetention, value));
      return { ...stored, mayChange: true };
    },
  };
}

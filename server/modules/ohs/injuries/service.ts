import type { z } from 'zod';
import type { injuryInput, injuryPatch } from '#shared/modules/ohs/injuries/contract.ts';
import {
  type Classification,
  defaultRecovery,
  type RecoveryOutcome,
  recoveryFits,
} from '#shared/modules/ohs/rules/injury.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { IncidentViews } from '../incidents/views.ts';
import * as injuriesRepo from './repo.ts';

const PROGRAM = 'ohs' as const;

/** The people injured in an incident: each change answers with the incident, its head counts and notice kept. */
export function createInjuriesService({
  db,
  people,
  views,
}: {
  db: Db;
  people: Pick<PeopleService, 'personSite'>;
  views: Pick<IncidentViews, 'rowOrNotFound' | 'viewOf' | 'syncCountsAndNotice'>;
}) {
  const { rowOrNotFound, viewOf, syncCountsAndNotice } = views;

  async function checkPerson(
    trx: Db,
    input: { personType: 'employee' | 'contractor_worker'; personId: string },
  ) {
    const person = await people.personSite(input.personType, input.personId, trx);
    if (!person)
      throw new ValidationError('The injured person does not exist.', [
        { path: 'personId', message: 'Unknown person' },
      ]);
    return person;
  }

  /**
   * The recovery outcome to store: the one entered if it fits the classification (422 naming the field if not),
   * else the one kept (when it still fits), else the classification's default.
   */
  function recoveryFor(
    classification: Classification,
    entered: RecoveryOutcome | undefined,
    kept: RecoveryOutcome | null,
  ): RecoveryOutcome {
    if (entered !== undefined) {
      if (!recoveryFits(classification, entered))
        throw new ValidationError('The recovery outcome does not fit the classification.', [
          {
            path: 'recovery',
            message:
              classification === 'permanent_total_disability' ||
              classification === 'permanent_partial_disability'
                ? 'A permanent disability is not a full recovery'
                : 'Only a recordable injury other than a fatality has a recovery outcome',
          },
        ]);
      return entered;
    }
    if (kept !== null && recoveryFits(classification, kept)) return kept;
    return defaultRecovery(classification);
  }

  async function insertInjury(
    trx: Db,
    actor: Actor,
    incident: { id: string; site_id: string; occurred_on: string },
    input: z.infer<typeof injuryInput>,
  ) {
    await checkPerson(trx, input);
    if (input.returnDate && input.returnDate < incident.occurred_on)
      throw new ValidationError('The return date is before the injury.', [
        { path: 'returnDate', message: 'Before the injury' },
      ]);
    const row = await injuriesRepo.insertInjury(trx, {
      incident_id: incident.id,
      site_id: incident.site_id,
      person_type: input.personType,
      person_id: input.personId,
      injury_type: input.injuryType,
      body_part: input.bodyPart,
      treatment: input.treatment ?? null,
      classification: input.classification,
      injury_date: incident.occurred_on,
      return_date: input.returnDate ?? null,
      charged_days: input.chargedDays ?? null,
      charged_days_key: input.chargedDaysKey ?? null,
      restricted_days: input.restrictedDays ?? 0,
      hospitalised: input.hospitalised ?? false,
      recovery: recoveryFor(input.classification, input.recovery, null),
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'ohs.injury.recorded',
      entityType: 'ohs_injury',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return row;
  }

  return {
    /** Records an injured person in the transaction of the incident's report or change. */
    insert: insertInjury,

    async add(actor: Actor, incidentId: string, input: z.infer<typeof injuryInput>) {
      const incident = await rowOrNotFound(db, incidentId);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: incident.site_id,
        what: 'incident',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        await insertInjury(trx, actor, incident, input);
        await syncCountsAndNotice(trx, actor, incidentId);
        return viewOf(trx, incidentId);
      });
    },

    async update(actor: Actor, injuryId: string, patch: z.infer<typeof injuryPatch>) {
      const before = await injuriesRepo.injuryById(db, injuryId);
      if (!before) throw new NotFoundError('injury');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'injury',
        program: PROGRAM,
      });
      if (patch.returnDate && patch.returnDate < before.injury_date)
        throw new ValidationError('The return date is before the injury.', [
          { path: 'returnDate', message: 'Before the injury' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_injuries',
          injuryId,
          patch.version,
          definedOnly({
            injury_type: patch.injuryType,
            body_part: patch.bodyPart,
            treatment: patch.treatment,
            classification: patch.classification,
            return_date: patch.returnDate,
            charged_days: patch.chargedDays,
            charged_days_key: patch.chargedDaysKey,
            restricted_days: patch.restrictedDays,
            hospitalised: patch.hospitalised,
            recovery:
              patch.recovery !== undefined || patch.classification !== undefined
                ? recoveryFor(patch.classification ?? before.classification, patch.recovery, before.recovery)
                : undefined,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.injury.updated',
          entityType: 'ohs_injury',
          entityId: injuryId,
          siteId: before.site_id,
          before,
          after,
        });
        await syncCountsAndNotice(trx, actor, before.incident_id);
        return viewOf(trx, before.incident_id);
      });
    },

    async remove(actor: Actor, injuryId: string) {
      const before = await injuriesRepo.injuryById(db, injuryId);
      if (!before) throw new NotFoundError('injury');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'injury',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        await injuriesRepo.deleteInjury(trx, injuryId);
        await recordAudit(trx, actor, {
          action: 'ohs.injury.removed',
          entityType: 'ohs_injury',
          entityId: injuryId,
          siteId: before.site_id,
          before,
        });
        await syncCountsAndNotice(trx, actor, before.incident_id);
        return viewOf(trx, before.incident_id);
      });
    },
  };
}

export type InjuriesService = ReturnType<typeof createInjuriesService>;

import type { IncidentView } from '#shared/modules/ohs/incidents/contract.ts';
import type { InjuryView } from '#shared/modules/ohs/injuries/contract.ts';
import {
  AUTHORITY_NOTICE_HOURS,
  daysLost,
  isDisabling,
  isHighConsequence,
  requiresAuthorityNotice,
} from '#shared/modules/ohs/rules/injury.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import * as injuriesRepo from '../injuries/repo.ts';
import { ohsMessage, ohsWord } from '../messages.ts';
import type { createIncidentNames, IncidentRow, InjuryRow } from './names.ts';
import * as repo from './repo.ts';

/** The owner type of an incident's photos and files in the documents service. */
export const INCIDENT_DOCUMENTS = 'ohs_incident';

export const AUTHORITY_NOTICE = 'ohs.authority_notice';
registerObligationKind({
  kind: AUTHORITY_NOTICE,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', AUTHORITY_NOTICE.slice('ohs.'.length)),
  schedule: { daysBefore: [1], overdueEveryDays: 1 },
});

const PROGRAM = 'ohs' as const;

/**
 * An incident as it is answered (with its injured, its notice and its photo count), and the head counts and
 * authority notice kept in step with its injuries: shared by the incidents' and the injuries' services.
 */
export function createIncidentViews({
  obligations,
  documents,
  named,
  now,
}: {
  obligations: ObligationsService;
  documents: DocumentsService;
  named: ReturnType<typeof createIncidentNames>;
  now: () => Date;
}) {
  function toInjuryView(j: InjuryRow, asOf: string): InjuryView {
    const facts = {
      classification: j.classification,
      injuryDate: j.injury_date,
      returnDate: j.return_date,
      chargedDays: j.charged_days,
    };
    return {
      id: j.id,
      personType: j.person_type,
      personId: j.person_id,
      personName: j.person_name,
      personNo: j.person_no,
      injuryType: j.injury_type,
      bodyPart: j.body_part,
      treatment: j.treatment,
      classification: j.classification,
      injuryDate: j.injury_date,
      returnDate: j.return_date,
      chargedDays: j.charged_days,
      chargedDaysKey: j.charged_days_key,
      restrictedDays: j.restricted_days,
      hospitalised: j.hospitalised,
      recovery: j.recovery,
      daysLost: daysLost(facts, asOf),
      disabling: isDisabling(facts, asOf),
      highConsequence: isHighConsequence({ classification: j.classification, recovery: j.recovery }),
      version: j.version,
    };
  }

  function toView(i: IncidentRow, injuries: InjuryRow[], photoCount: number): IncidentView {
    const required = requiresAuthorityNotice(i);
    const dueAt = required ? new Date(i.occurred_at.getTime() + AUTHORITY_NOTICE_HOURS * 3_600_000) : null;
    const asOf = localDate(now(), i.time_zone);
    return {
      id: i.id,
      reference: i.reference,
      siteId: i.site_id,
      siteCode: i.site_code,
      timeZone: i.time_zone,
      areaId: i.area_id,
      areaName: i.area_name,
      kind: i.kind,
      occurredAt: i.occurred_at.toISOString(),
      occurredOn: i.occurred_on,
      reportedByName: i.anonymous ? null : i.reported_by_name,
      anonymous: i.anonymous,
      title: i.title,
      description: i.description,
      immediateActions: i.immediate_actions,
      commuting: i.commuting,
      fatalities: i.fatalities,
      injured: i.injured,
      hospitalised: i.hospitalised,
      notice: {
        required,
        dueAt: dueAt?.toISOString() ?? null,
        notifiedAt: i.authority_notified_at?.toISOString() ?? null,
        reference: i.authority_reference,
        overdue: required && !i.authority_notified_at && !!dueAt && dueAt < now(),
      },
      injuries: injuries.map((j) => toInjuryView(j, asOf)),
      investigationId: i.investigation_id,
      investigationStatus: i.investigation_status,
      photoCount,
      version: i.version,
    };
  }

  async function rowOrNotFound(trx: Db, id: string) {
    const row = await repo.incidentById(trx, id);
    if (!row) throw new NotFoundError('incident');
    return (await named.incidents([row], trx))[0];
  }

  async function viewOf(trx: Db, id: string) {
    const row = await rowOrNotFound(trx, id);
    const injuries = await named.injuries(await injuriesRepo.injuriesOf(trx, id), trx);
    const photos = await documents.countsByOwner(INCIDENT_DOCUMENTS, [id], trx);
    return toView(row, injuries, photos.get(id) ?? 0);
  }

  /** Head counts follow the named injured once there are any; the 8-hour notice follows the counts. */
  async function syncCountsAndNotice(trx: Db, actor: Actor, incidentId: string) {
    const injuries = await injuriesRepo.injuryFacts(trx, incidentId);
    if (injuries.length > 0) {
      await repo.setHeadCounts(trx, incidentId, {
        fatalities: injuries.filter((j) => j.classification === 'fatality').length,
        injured: injuries.length,
        hospitalised: injuries.filter((j) => j.hospitalised).length,
      });
    }
    const i = await rowOrNotFound(trx, incidentId);
    if (requiresAuthorityNotice(i) && !i.authority_notified_at) {
      await obligations.upsertForSource(trx, actor, {
        kind: AUTHORITY_NOTICE,
        sourceType: 'ohs_incident',
        sourceId: i.id,
        siteId: i.site_id,
        program: PROGRAM,
        ownerId: null,
        title: ohsMessage('ohs.obligation.authorityNotice', {
          reference: i.reference,
          hours: AUTHORITY_NOTICE_HOURS,
        }),
        dueDate: i.occurred_on,
        dueAt: new Date(i.occurred_at.getTime() + AUTHORITY_NOTICE_HOURS * 3_600_000),
      });
    } else {
      await obligations.closeForSource(
        trx,
        actor,
        AUTHORITY_NOTICE,
        'ohs_incident',
        i.id,
        i.authority_notified_at ? 'done' : 'cancelled',
      );
    }
  }

  return { toView, rowOrNotFound, viewOf, syncCountsAndNotice };
}

export type IncidentViews = ReturnType<typeof createIncidentViews>;

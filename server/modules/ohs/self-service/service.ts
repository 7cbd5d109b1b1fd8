import type { z } from 'zod';
import type {
  myQualifications,
  myReportsPage,
  myReportsQuery,
} from '#shared/modules/ohs/self-service/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { NotFoundError, UnauthenticatedError } from '../../../platform/http/errors.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { createIncidentNames, type NameLookups } from '../incidents/names.ts';
import * as incidentsRepo from '../incidents/repo.ts';
import { ROOT_CAUSE_SOURCE } from '../investigations/service.ts';
import { qualificationState, reportStatus } from '../rules/self-service.ts';
import * as repo from './repo.ts';

type MyQualifications = z.infer<typeof myQualifications>;

/**
 * What employees and contractor workers see of their own OHS records: the reports they filed with where each
 * stands and what was done about it, and a contractor worker's own qualifications. Everything is read by the
 * actor's own identity (reported_by, the account's contractor worker), never by role: no role sees more here.
 */
export function createOhsSelfService(
  db: Db,
  actions: ActionsService,
  people: Pick<PeopleService, 'personOf'> & NameLookups['people'],
  names: Omit<NameLookups, 'people'>,
  now: () => Date,
) {
  const named = createIncidentNames({ ...names, people });
  async function qualificationsOf(actor: Actor): Promise<MyQualifications> {
    const person = await people.personOf(actor);
    if (person?.kind !== 'contractor_worker') return { worker: null, items: [] };
    const rows = await repo.qualificationsOfWorker(db, person.id);
    // A worker's qualifications are recorded at the worker's site: its calendar says what "today" is.
    const today = localDate(now(), person.timeZone);
    return {
      worker: {
        id: person.id,
        fullName: person.fullName,
        companyName: person.companyName,
        trade: person.trade,
      },
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        certificateNo: r.certificate_no,
        issuedOn: r.issued_on,
        validUntil: r.valid_until,
        ...qualificationState(r.valid_until, today),
      })),
    };
  }

  return {
    /** The incidents and hazards the actor reported under their name, with status and follow-up actions. */
    async myReports(actor: Actor, q: z.infer<typeof myReportsQuery>): Promise<z.infer<typeof myReportsPage>> {
      if (!actor.userId) throw new UnauthenticatedError();
      const page = await incidentsRepo.incidentPage(db, {
        reportedBy: actor.userId,
        kind: q.kind,
        q: q.q,
        sortColumn: { occurredAt: 'i.occurred_at', reference: 'i.reference' }[q.sort],
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        cursor: q.cursor,
        count: q.count,
      });
      const { items: _rows, ...paging } = page;
      const items = await named.incidents(page.items);
      const investigationIds = items.flatMap((i) => (i.investigation_id ? [i.investigation_id] : []));
      const causes = await repo.rootCausesOf(db, investigationIds);
      const followUp = await actions.summariesFor(
        ROOT_CAUSE_SOURCE,
        causes.map((c) => c.id),
        actor.locale,
      );
      return {
        items: items.map((i) => ({
          id: i.id,
          reference: i.reference,
          siteCode: i.site_code,
          timeZone: i.time_zone,
          areaName: i.area_name,
          kind: i.kind,
          title: i.title,
          occurredAt: i.occurred_at.toISOString(),
          status: reportStatus(i.investigation_status),
          immediateActions: i.immediate_actions,
          actions: causes
            .filter((c) => c.investigation_id === i.investigation_id)
            .flatMap((c) => followUp.get(c.id) ?? []),
        })),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** A contractor worker's own qualifications with their expiry; nothing for anyone else's account. */
    myQualifications: qualificationsOf,

    /** One of the actor's own qualifications: any other, whoever holds it, is not found here. */
    async myQualification(actor: Actor, id: string) {
      const found = (await qualificationsOf(actor)).items.find((i) => i.id === id);
      if (!found) throw new NotFoundError('qualification');
      return found;
    },
  };
}

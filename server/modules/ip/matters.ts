import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { matterInput, matterListQuery, matterPatch } from '#shared/modules/ip/contract.ts';
import { dateOrderProblems } from '#shared/modules/ip/rules/date-order.ts';
import {
  deadStatuses,
  type EntitySize,
  type EpState,
  type Office,
  UNITARY_PATENT_START,
  type ValidationProblem,
  validationProblems,
} from '#shared/modules/ip/rules/offices.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { CalendarsService } from './calendars.ts';
import { ipMessages } from './messages.ts';
import * as repo from './repo.ts';
import type { OfficeCalendar } from './rules/calendar.ts';
import {
  computeSchedule,
  type Deadline,
  type DeadlineKind,
  nextOfKind,
  type Schedule,
} from './rules/deadlines.ts';
import { deadlineFee } from './rules/fees.ts';
import { defaultEffectiveDay, effectiveDayProblem, historyOf, type StatusEvent } from './rules/lifecycle.ts';
import type { SitesLookup } from './sites.ts';
import type { IpMattersTable } from './tables.ts';

const DATE_ORDER_MESSAGES = {
  afterFiling: 'After the filing date',
  beforeFiling: 'Before the filing date',
} as const;

const PROGRAM = 'ip' as const;
export const MATTER = 'ip_matter';

/** The obligation kind of each deadline to act on; the term's end is shown, not acted on. */
export const DEADLINE_KINDS: Record<Exclude<DeadlineKind, 'term_end'>, string> = {
  priority: 'ip.priority',
  national_phase: 'ip.national_phase',
  annuity: 'ip.annuity',
};
registerObligationKind({
  kind: DEADLINE_KINDS.priority,
  name: word('ip.obligationKind', DEADLINE_KINDS.priority.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [60, 30, 14, 7, 1], overdueEveryDays: 1 },
});
registerObligationKind({
  kind: DEADLINE_KINDS.national_phase,
  name: word('ip.obligationKind', DEADLINE_KINDS.national_phase.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [90, 30, 14, 7, 1], overdueEveryDays: 1 },
});
registerObligationKind({
  kind: DEADLINE_KINDS.annuity,
  name: word('ip.obligationKind', DEADLINE_KINDS.annuity.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [90, 30, 7], overdueEveryDays: 7 },
});

type Calendars = (office: Office) => OfficeCalendar;

/** What else follows a matter's deadlines (the keep-or-drop decision before its next fee), in the same transaction. */
export type ScheduleListener = (
  trx: Db,
  actor: Actor,
  row: repo.MatterRow,
  schedule: Schedule,
  today: string,
) => Promise<void>;

function schedule(r: repo.MatterRow, calendars: Calendars): Schedule {
  return computeSchedule(
    {
      office: r.office,
      kind: r.kind,
      route: r.route,
      status: r.status,
      filingDate: r.filing_date,
      priorityDate: r.priority_date,
      grantDate: r.grant_date,
      termAdjustmentDays: r.term_adjustment_days,
      termFrom: r.term_from,
      validationStates: r.validation_states,
      unitaryEffect: r.unitary_effect,
    },
    calendars,
  );
}

const VALIDATION_MESSAGES: Record<ValidationProblem['problem'], (states: readonly string[]) => string> = {
  epOnly: () => 'Only a European patent is validated in states or has unitary effect',
  afterGrant: () => 'Unitary effect is registered after the grant: give the grant date',
  beforeStart: () => `The Unitary Patent exists for grants from ${UNITARY_PATENT_START}`,
  coveredByUnitary: (states) => `Covered by the unitary effect, with no national fee: ${states.join(', ')}`,
};

/** The amount of an annuity, renewal or maintenance fee at the schedule in force on its due date. */
function feeOf(d: Deadline, r: repo.MatterRow) {
  if (d.kind !== 'annuity' || d.year === null) return null;
  const price = deadlineFee(
    { ...d, year: d.year },
    { kind: r.kind, entity: r.entity_size, claims: r.claims },
  );
  return price.state === 'priced'
    ? { currency: price.currency, amountMinor: price.amountMinor, missing: null }
    : { currency: null, amountMinor: null, missing: price.reason };
}

/** The first deadline still to act on, from `today`. */
export function nextDeadline(deadlines: Deadline[], today: string): Deadline | null {
  return deadlines.find((d) => d.kind !== 'term_end' && !d.atGrant && d.actBy >= today) ?? null;
}

/** The matters of each family in each office: application, publication, grant, status, and their deadlines. */
export function createMattersService(
  db: Db,
  obligations: ObligationsService,
  calendarsService: CalendarsService,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  const listeners: ScheduleListener[] = [];

  function assertEffectiveDay(day: string, latest: string | null, today: string) {
    const problem = effectiveDayProblem(day, latest, today);
    if (problem) throw new ValidationError(problem, [{ path: 'statusOn', message: problem }]);
  }

  function toView(r: repo.MatterRow, calendars: Calendars, site: { code: string; timeZone: string }) {
    const s = schedule(r, calendars);
    const today = localDate(now(), site.timeZone);
    return {
      id: r.id,
      familyId: r.family_id,
      familyReference: r.family_reference,
      familyTitle: r.family_title,
      technology: r.technology,
      green: r.green,
      siteId: r.site_id,
      siteCode: site.code,
      office: r.office,
      kind: r.kind,
      route: r.route,
      applicationNo: r.application_no,
      filingDate: r.filing_date,
      priorityDate: r.priority_date,
      publicationNo: r.publication_no,
      publicationDate: r.publication_date,
      grantDate: r.grant_date,
      patentNo: r.patent_no,
      status: r.status,
      termAdjustmentDays: r.term_adjustment_days,
      termFrom: r.term_from,
      entitySize: r.entity_size,
      claims: r.claims,
      ipcClasses: r.ipc_classes,
      cpcClasses: r.cpc_classes,
      validationStates: r.validation_states,
      unitaryEffect: r.unitary_effect,
      termEnd: s.termEnd,
      nextDeadline: nextDeadline(s.deadlines, today),
      problems: s.problems,
      version: r.version,
      deadlines: s.deadlines.map((d) => ({ ...d, fee: feeOf(d, r) })),
    };
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.matterRows(handle).where('m.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('matter');
    return r;
  }

  /** Dates must follow each other (priority ≤ filing ≤ publication, filing ≤ grant); EP and WO know inventions only. */
  function checkDates(v: {
    filing_date: string;
    priority_date: string | null;
    publication_date: string | null;
    grant_date: string | null;
    term_from?: string | null;
    office: Office;
    kind: string;
    entity_size: EntitySize;
    validation_states: readonly EpState[];
    unitary_effect: boolean;
  }) {
    const errors: { path: string; message: string }[] = dateOrderProblems({
      filingDate: v.filing_date,
      priorityDate: v.priority_date,
      termFrom: v.term_from,
      publicationDate: v.publication_date,
      grantDate: v.grant_date,
    }).map((p) => ({ path: p.field, message: DATE_ORDER_MESSAGES[p.problem] }));
    if ((v.office === 'EP' || v.office === 'WO') && v.kind !== 'invention')
      errors.push({ path: 'kind', message: 'The EPO and the PCT know inventions only' });
    // Entity sizes are the USPTO's: no other office reduces its fees by them.
    if (v.office !== 'US' && v.entity_size !== 'large')
      errors.push({ path: 'entitySize', message: 'Small and micro entities are USPTO sizes only' });
    // Validation and unitary effect follow the grant of a European patent (EPC art. 141; Reg. 1257/2012).
    for (const p of validationProblems({
      office: v.office,
      grantDate: v.grant_date,
      validationStates: v.validation_states,
      unitaryEffect: v.unitary_effect,
    }))
      errors.push({ path: p.field, message: VALIDATION_MESSAGES[p.problem](p.states ?? []) });
    if (errors.length) throw new ValidationError('The matter’s dates or kind do not fit.', errors);
  }

  /** One open obligation per kind of deadline: the next one to act on; none left, the obligation is closed. */
  async function syncObligations(trx: Db, actor: Actor, r: repo.MatterRow, calendars: Calendars) {
    const s = schedule(r, calendars);
    const site = await sites.forWriting(r.site_id, trx);
    const today = localDate(now(), site.timeZone);
    for (const [kind, obligationKind] of Object.entries(DEADLINE_KINDS)) {
      const found = nextOfKind(s.deadlines, kind as DeadlineKind, today);
      if (found) {
        // Several states' fees of one day are one obligation, named for the EPO, due by the first of their days.
        const { next, sameDay } = found;
        const open = sameDay.filter((d) => d.actBy >= today).map((d) => d.actBy);
        await obligations.upsertForSource(trx, actor, {
          kind: obligationKind,
          sourceType: MATTER,
          sourceId: r.id,
          siteId: r.site_id,
          program: PROGRAM,
          ownerId: null,
          title: ipMessages.deadlineTitle(
            sameDay.length > 1 ? { ...next, state: null } : next,
            r.application_no,
            r.family_reference,
          ),
          dueDate: open.sort()[0] ?? next.actBy,
        });
      } else await obligations.closeForSource(trx, actor, obligationKind, MATTER, r.id, 'cancelled');
    }
    for (const listener of listeners) await listener(trx, actor, r, s, today);
  }

  async function uniqueNumber(trx: Db, office: Office, applicationNo: string, except?: string) {
    let q = trx
      .selectFrom('ip_matters')
      .select('id')
      .where('office', '=', office)
      .where('application_no', '=', applicationNo);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError(`${office} ${applicationNo} is already in the portfolio.`, {
        errors: [{ path: 'applicationNo', message: 'Already in the portfolio' }],
      });
  }

  /**
   * After a change of an office's closure days: the open deadlines of its live matters again (PCT applications
   * too, whose national phase may be kept at that office). Inside the change's transaction.
   */
  async function resyncOffice(trx: Db, actor: Actor, office: Office) {
    const rows = await repo
      .matterRows(trx)
      .where((eb) => eb.or([eb('m.office', '=', office), eb('m.office', '=', 'WO')]))
      .where('m.status', 'not in', [...deadStatuses])
      .execute();
    const calendars = await calendarsService.load(trx);
    for (const r of rows) await syncObligations(trx, actor, r, calendars);
  }
  calendarsService.onChanged(resyncOffice);

  type PreparedMatter = {
    values: Omit<Insertable<IpMattersTable>, 'created_by' | 'updated_by'>;
    history: StatusEvent[];
  };

  function prepareMatter(
    family: { id: string; site_id: string },
    input: Omit<z.output<typeof matterInput>, 'familyId'> & { backwardCitations?: number | null },
    today: string,
  ): PreparedMatter {
    const values = {
      family_id: family.id,
      site_id: family.site_id,
      office: input.office,
      kind: input.kind,
      route: input.route,
      application_no: input.applicationNo,
      filing_date: input.filingDate,
      priority_date: input.priorityDate ?? null,
      publication_no: input.publicationNo ?? null,
      publication_date: input.publicationDate ?? null,
      grant_date: input.grantDate ?? null,
      patent_no: input.patentNo ?? null,
      status: input.status,
      term_adjustment_days: input.termAdjustmentDays,
      entity_size: input.entitySize,
      claims: input.claims ?? null,
      ipc_classes: input.ipcClasses ?? [],
      cpc_classes: input.cpcClasses ?? [],
      term_from: input.termFrom ?? null,
      validation_states: input.validationStates ?? [],
      unitary_effect: input.unitaryEffect ?? false,
      ...(input.backwardCitations === undefined ? {} : { backward_citations: input.backwardCitations }),
    };
    checkDates(values);
    const dates = {
      status: input.status,
      filingDate: input.filingDate,
      publicationDate: input.publicationDate ?? null,
      grantDate: input.grantDate ?? null,
    };
    const history = historyOf(dates, input.statusOn ?? defaultEffectiveDay(dates, today));
    const beforeLast = history.at(-2)?.effectiveOn ?? null;
    assertEffectiveDay(history.at(-1)?.effectiveOn ?? today, beforeLast, today);
    return { values, history };
  }

  async function insertMatter(trx: Db, actor: Actor, prepared: PreparedMatter, calendars: Calendars) {
    const row = await trx
      .insertInto('ip_matters')
      .values({ ...prepared.values, created_by: actor.userId, updated_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertEvents(trx, row.id, prepared.history, actor.userId);
    await recordAudit(trx, actor, {
      action: 'ip.matter.created',
      entityType: MATTER,
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    const full = await rowOrNotFound(trx, row.id);
    await syncObligations(trx, actor, full, calendars);
    return full;
  }

  return {
    onScheduled(listener: ScheduleListener) {
      listeners.push(listener);
    },

    /** A matter's schedule of deadlines, as the rules compute it. */
    schedule,

    async list(actor: Actor, q: z.infer<typeof matterListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.matterRows(db).where((eb) => inScope(eb, 'm.site_id', scope));
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.familyId) base = base.where('m.family_id', '=', q.familyId);
      if (q.office) base = base.where('m.office', '=', q.office);
      if (q.kind) base = base.where('m.kind', '=', q.kind);
      if (q.status) base = base.where('m.status', '=', q.status);
      if (q.technology) base = base.where('f.technology', '=', q.technology);
      if (q.green) base = base.where('f.green', '=', q.green === 'true');
      if (q.q) base = base.where(repo.matterMatches(q.q));
      const sortColumn = {
        filingDate: 'm.filing_date',
        applicationNo: 'm.application_no',
        office: 'm.office',
        status: 'm.status',
        grantDate: 'm.grant_date',
      }[q.sort];
      const { items, ...paging } = await paginate<repo.MatterRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'm.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const calendars = await calendarsService.load();
      const siteMap = await sites.visible(actor);
      return {
        items: items.map((r) => {
          const { deadlines: _d, ...view } = toView(r, calendars, sites.of(siteMap, r.site_id));
          return view;
        }),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'matter', program: PROGRAM });
      const siteMap = await sites.visible(actor);
      return toView(r, await calendarsService.load(), sites.of(siteMap, r.site_id));
    },

    /** The family's matters, for its page (the caller has checked the family). */
    async ofFamily(actor: Actor, familyId: string) {
      const rows = await repo
        .matterRows(db)
        .where('m.family_id', '=', familyId)
        .orderBy('m.filing_date')
        .orderBy('m.office')
        .execute();
      const calendars = await calendarsService.load();
      const siteMap = await sites.visible(actor);
      return rows.map((r) => {
        const { deadlines: _d, ...view } = toView(r, calendars, sites.of(siteMap, r.site_id));
        return view;
      });
    },

    async create(actor: Actor, input: z.infer<typeof matterInput>) {
      const family = await db
        .selectFrom('ip_families')
        .select(['id', 'site_id'])
        .where('id', '=', input.familyId)
        .executeTakeFirst();
      if (!family) throw new NotFoundError('family');
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: family.site_id,
        what: 'family',
        program: PROGRAM,
      });
      const site = await sites.forWriting(family.site_id);
      const today = localDate(now(), site.timeZone);
      const prepared = prepareMatter(family, input, today);
      return db.transaction().execute(async (trx) => {
        await uniqueNumber(trx, input.office, input.applicationNo);
        const calendars = await calendarsService.load(trx);
        const full = await insertMatter(trx, actor, prepared, calendars);
        return toView(full, calendars, await sites.forWriting(full.site_id, trx));
      });
    },

    /**
     * Checks a new matter of a family as `create` does (dates, kind, the day of its status) and gives what
     * `insertMatter` writes; throws a ValidationError naming the field. For a bulk import, row by row.
     */
    prepareMatter,

    /**
     * Writes a prepared matter in the caller's transaction exactly as `create` does: its dated statuses, its
     * audit event and the obligations of its deadlines (and what listens to them). The caller has checked the
     * actor's right on the family's site and that the office and application number are new.
     */
    insertMatter,

    async update(actor: Actor, id: string, patch: z.infer<typeof matterPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'matter',
        program: PROGRAM,
      });
      const changes = definedOnly({
        kind: patch.kind,
        route: patch.route,
        application_no: patch.applicationNo,
        filing_date: patch.filingDate,
        priority_date: patch.priorityDate,
        publication_no: patch.publicationNo,
        publication_date: patch.publicationDate,
        grant_date: patch.grantDate,
        patent_no: patch.patentNo,
        status: patch.status,
        term_adjustment_days: patch.termAdjustmentDays,
        entity_size: patch.entitySize,
        claims: patch.claims,
        ipc_classes: patch.ipcClasses,
        cpc_classes: patch.cpcClasses,
        term_from: patch.termFrom,
        validation_states: patch.validationStates,
        unitary_effect: patch.unitaryEffect,
      });
      checkDates({
        office: before.office,
        kind: changes.kind ?? before.kind,
        filing_date: changes.filing_date ?? before.filing_date,
        priority_date: changes.priority_date === undefined ? before.priority_date : changes.priority_date,
        publication_date:
          changes.publication_date === undefined ? before.publication_date : changes.publication_date,
        grant_date: changes.grant_date === undefined ? before.grant_date : changes.grant_date,
        term_from: changes.term_from === undefined ? before.term_from : changes.term_from,
        entity_size: changes.entity_size ?? before.entity_size,
        validation_states: changes.validation_states ?? before.validation_states,
        unitary_effect: changes.unitary_effect ?? before.unitary_effect,
      });
      if (patch.statusOn && (!patch.status || patch.status === before.status))
        throw new ValidationError('A day is given with a change of status.', [
          { path: 'statusOn', message: 'Give the day with the new status' },
        ]);
      const site = await sites.forWriting(before.site_id);
      const today = localDate(now(), site.timeZone);
      return db.transaction().execute(async (trx) => {
        if (changes.application_no) await uniqueNumber(trx, before.office, changes.application_no, id);
        const after = await updateVersioned(trx, 'ip_matters', id, patch.version, changes, actor.userId);
        if (changes.status && changes.status !== before.status) {
          // A change of status is one more dated event, not before the latest one.
          const events = await repo.eventsOf(trx, id);
          const day =
            patch.statusOn ??
            defaultEffectiveDay(
              {
                status: after.status,
                filingDate: after.filing_date,
                publicationDate: after.publication_date,
                grantDate: after.grant_date,
              },
              today,
            );
          assertEffectiveDay(day, events.at(-1)?.effective_on ?? null, today);
          await repo.insertEvents(trx, id, [{ status: after.status, effectiveOn: day }], actor.userId);
        }
        await recordAudit(trx, actor, {
          action: 'ip.matter.updated',
          entityType: MATTER,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        const full = await rowOrNotFound(trx, id);
        const calendars = await calendarsService.load(trx);
        await syncObligations(trx, actor, full, calendars);
        return toView(full, calendars, await sites.forWriting(full.site_id, trx));
      });
    },
  };
}

export type MattersService = ReturnType<typeof createMattersService>;

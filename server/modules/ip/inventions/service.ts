import type { z } from 'zod';
import type {
  DisclosureDetail,
  DisclosureView,
  decisionInput,
  disclosureInput,
  disclosureListQuery,
  filingInput,
  RewardSchedule,
  rewardPayment,
} from '#shared/modules/ip/inventions/contract.ts';
import {
  type RewardEvent,
  sharesProblem,
  splitByShares,
  statusAfter,
} from '#shared/modules/ip/inventions/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, visibleSites } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import {
  ConflictError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import type { ResearchProjectLookup } from '../../academia/index.ts';
import type { FamiliesService } from '../families.ts';
import type { MattersService } from '../matters.ts';
import type { SecretsService } from '../secrets.ts';
import type { SitesLookup } from '../sites.ts';
import * as repo from './repo.ts';
import { rewardScheduleSetting } from './settings.ts';

const PROGRAM = 'ip' as const;
export const DISCLOSURE = 'ip_disclosure';
const REWARD = 'ip_invention_reward';

export type InventionsDeps = {
  db: Db;
  people: Pick<PeopleService, 'employeeEssentials' | 'employeesNamed' | 'personOf'>;
  users: Pick<UsersService, 'displayNames'>;
  settings: SettingsService;
  projects: ResearchProjectLookup;
  families: FamiliesService;
  matters: MattersService;
  secrets: SecretsService;
  sites: SitesLookup;
  now: () => Date;
};

/**
 * Invention disclosures: an employee files one (inventors with their shares, the research project it came
 * out of, a joint-development partner); the review committee decides to file it, keep it as a trade secret,
 * publish it defensively or drop it; filing creates the patent family and its first matter; the inventors'
 * rewards follow the company's schedule, on filing and on grant. Inventors and the submitter see their own;
 * the IP office sees those of its sites.
 */
export function createInventionsService(deps: InventionsDeps) {
  const { db, people, users, sites, projects, now } = deps;

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.disclosureRows(handle).where('d.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('invention disclosure');
    return r;
  }

  /** The actor's own employee record, if any: an inventor sees the disclosures that name them. */
  async function ownEmployee(actor: Actor) {
    const person = await people.personOf(actor);
    return person?.kind === 'employee' ? person.id : null;
  }

  async function isOwn(actor: Actor, r: repo.DisclosureRow, inventors: repo.Inventor[]) {
    if (actor.userId && r.submitted_by === actor.userId) return true;
    const employeeId = await ownEmployee(actor);
    return employeeId !== null && inventors.some((i) => i.employeeId === employeeId);
  }

  async function assertRead(actor: Actor, r: repo.DisclosureRow, inventors: repo.Inventor[]) {
    if (await isOwn(actor, r, inventors)) return;
    access.assert(actor, {
      permission: 'ip.read',
      siteId: r.site_id,
      what: 'invention disclosure',
      program: PROGRAM,
    });
  }

  function assertManage(actor: Actor, r: { site_id: string }) {
    access.assert(actor, {
      permission: 'ip.manage',
      siteId: r.site_id,
      what: 'invention disclosure',
      program: PROGRAM,
    });
  }

  async function toViews(rows: repo.DisclosureRow[], handle: Db = db): Promise<DisclosureView[]> {
    const ids = rows.map((r) => r.id);
    const [inventors, names, labels] = await Promise.all([
      repo.inventorsOf(handle, ids),
      users.displayNames(
        rows.map((r) => r.submitted_by),
        handle,
      ),
      projects.labels(
        rows.flatMap((r) => (r.research_project_id ? [r.research_project_id] : [])),
        handle,
      ),
    ]);
    const codes = new Map<string, string>();
    for (const siteId of new Set(rows.map((r) => r.site_id)))
      codes.set(siteId, (await sites.forWriting(siteId, handle)).code);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: codes.get(r.site_id) ?? '',
      reference: r.reference,
      title: r.title,
      submittedBy: r.submitted_by,
      submittedByName: names.get(r.submitted_by) ?? null,
      submittedAt: r.created_at.toISOString(),
      inventors: inventors.get(r.id) ?? [],
      researchProjectId: r.research_project_id,
      researchProjectTitle: r.research_project_id ? (labels.get(r.research_project_id)?.title ?? null) : null,
      partnerName: r.partner_name,
      status: r.status,
      decision: r.decision,
      decisionOffice: r.decision_office,
      decisionKind: r.decision_kind,
      decidedAt: r.decided_at?.toISOString() ?? null,
      familyId: r.family_id,
      familyReference: r.family_reference,
      version: r.version,
    }));
  }

  async function detail(id: string, handle: Db = db): Promise<DisclosureDetail> {
    const r = await rowOrNotFound(handle, id);
    const [view] = await toViews([r], handle);
    const rewards = await repo.rewardsOf(handle, id);
    const decider = r.decided_by ? await users.displayNames([r.decided_by], handle) : new Map();
    const granted = r.family_id ? await repo.familyGranted(handle, r.family_id) : false;
    return {
      ...view,
      description: r.description,
      decisionReason: r.decision_reason,
      decidedByName: r.decided_by ? (decider.get(r.decided_by) ?? null) : null,
      tradeSecretId: r.trade_secret_id,
      rewards: rewards.map((w) => ({
        id: w.id,
        employeeId: w.employee_id,
        name: w.name,
        event: w.event,
        share: Number(w.share),
        amount: String(w.amount),
        paidOn: w.paid_on,
        version: w.version,
      })),
      grantRewardsDue: granted && !rewards.some((w) => w.event === 'grant'),
    };
  }

  /**
   * Inventors are current employees at sites the actor sees, each once, with shares adding up to 100%. The
   * name is kept as disclosed. Errors name the field (`inventors.1.employeeId`, `inventors`).
   */
  async function resolveInventors(actor: Actor, input: { employeeId: string; share: number }[]) {
    const errors: { path: string; message: string }[] = [];
    const found = await people.employeeEssentials(input.map((i) => i.employeeId));
    const seen = new Set<string>();
    const out: repo.Inventor[] = [];
    const scope = visibleSites(actor);
    for (const [i, inv] of input.entries()) {
      const e = found.get(inv.employeeId);
      if (seen.has(inv.employeeId))
        errors.push({ path: `inventors.${i}.employeeId`, message: 'Named twice' });
      else if (!e || (scope !== 'all' && !scope.has(e.siteId)))
        errors.push({ path: `inventors.${i}.employeeId`, message: 'Unknown employee' });
      else out.push({ employeeId: e.id, name: e.fullName, share: inv.share });
      seen.add(inv.employeeId);
    }
    const problem = sharesProblem(input.map((i) => i.share));
    if (problem) errors.push({ path: 'inventors', message: problem });
    if (errors.length) throw new ValidationError('The inventors are not right.', errors);
    return out;
  }

  /** The employee ids of a disclosure's inventors at the sites the actor sees. */
  async function inventorsSeenBy(actor: Actor, id: string) {
    const inventors = (await repo.inventorsOf(db, [id])).get(id) ?? [];
    const found = await people.employeeEssentials(inventors.map((i) => i.employeeId));
    const scope = visibleSites(actor);
    return [...found.values()].filter((e) => scope === 'all' || scope.has(e.siteId)).map((e) => e.id);
  }

  /** Reward rows of one event, the schedule's amount split by the inventors' shares. */
  async function insertRewards(
    trx: Db,
    actor: Actor,
    r: repo.DisclosureRow,
    event: RewardEvent,
    schedule: RewardSchedule,
  ) {
    const inventors = (await repo.inventorsOf(trx, [r.id])).get(r.id) ?? [];
    const amounts = splitByShares(
      schedule[event],
      inventors.map((i) => i.share),
    );
    const rows = inventors.map((i, n) => ({
      disclosure_id: r.id,
      site_id: r.site_id,
      employee_id: i.employeeId,
      name: i.name,
      event,
      share: i.share,
      amount: amounts[n],
      created_by: actor.userId,
      updated_by: actor.userId,
    }));
    if (rows.length) await trx.insertInto('ip_invention_rewards').values(rows).execute();
    await recordAudit(trx, actor, {
      action: `ip.invention_reward.${event}`,
      entityType: DISCLOSURE,
      entityId: r.id,
      siteId: r.site_id,
      after: { event, schedule: schedule[event], rewards: rows },
    });
  }

  return {
    detail,

    async list(actor: Actor, q: z.infer<typeof disclosureListQuery>) {
      let base = repo.disclosureRows(db);
      if (q.mine === 'true') {
        const employeeId = await ownEmployee(actor);
        base = base.where((eb) =>
          eb.or([
            eb('d.submitted_by', '=', actor.userId ?? '00000000-0000-0000-0000-000000000000'),
            ...(employeeId
              ? [
                  eb.exists(
                    eb
                      .selectFrom('ip_disclosure_inventors as i')
                      .select('i.employee_id')
                      .whereRef('i.disclosure_id', '=', 'd.id')
                      .where('i.employee_id', '=', employeeId),
                  ),
                ]
              : []),
          ]),
        );
      } else {
        const scope = access.listScope(actor, 'ip.read', PROGRAM);
        base = base.where((eb) => inScope(eb, 'd.site_id', scope));
      }
      if (q.siteId) base = base.where('d.site_id', '=', q.siteId);
      if (q.status) base = base.where('d.status', '=', q.status);
      if (q.researchProjectId) base = base.where('d.research_project_id', '=', q.researchProjectId);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('d.reference', 'ilike', p), eb('d.title', 'ilike', p)]));
      }
      const sortColumn = {
        submittedAt: 'd.created_at',
        reference: 'd.reference',
        title: 'd.title',
        status: 'd.status',
      }[q.sort];
      const { items, ...paging } = await paginate<repo.DisclosureRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'd.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: await toViews(items), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      await assertRead(actor, r, (await repo.inventorsOf(db, [id])).get(id) ?? []);
      return detail(id);
    },

    /** The site of a disclosure, for its documents: its people add and read them, the IP office too. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const r = await rowOrNotFound(db, id);
      const inventors = (await repo.inventorsOf(db, [id])).get(id) ?? [];
      if (intent === 'read') await assertRead(actor, r, inventors);
      else if (!(await isOwn(actor, r, inventors))) assertManage(actor, r);
      return r.site_id;
    },

    /** Colleagues the actor may name as co-inventors: current employees at the sites they see. */
    async colleagues(actor: Actor, q: string | undefined) {
      const rows = await people.employeesNamed(visibleSites(actor), q ?? '', 20);
      return { items: rows };
    },

    async projectChoices(actor: Actor, q: string | undefined) {
      const rows = await projects.choices(actor, q);
      return { items: rows.map(({ id, title, partnerName }) => ({ id, title, partnerName })) };
    },

    /** The disclosures that came out of a research project, for the project's readers. */
    async ofProject(actor: Actor, projectId: string) {
      await projects.readable(actor, projectId);
      const rows = await repo
        .disclosureRows(db)
        .where('d.research_project_id', '=', projectId)
        .orderBy('d.created_at')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          title: r.title,
          status: r.status,
          submittedAt: r.created_at.toISOString(),
          familyReference: r.family_reference,
        })),
      };
    },

    async create(actor: Actor, input: z.infer<typeof disclosureInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.disclose', siteId: site.id, what: 'site' });
      const inventors = await resolveInventors(actor, input.inventors);
      if (input.researchProjectId) {
        try {
          await projects.visible(actor, input.researchProjectId);
        } catch {
          throw new ValidationError('No such research project.', [
            { path: 'researchProjectId', message: 'Unknown research project' },
          ]);
        }
      }
      const year = Number(localDate(now(), site.timeZone).slice(0, 4));
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_disclosures')
          .values({
            site_id: site.id,
            reference: await repo.nextReference(trx, year),
            title: input.title,
            description: input.description,
            submitted_by: actor.userId as string,
            research_project_id: input.researchProjectId ?? null,
            partner_name: input.partnerName ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.insertInventors(trx, row.id, inventors);
        await recordAudit(trx, actor, {
          action: 'ip.disclosure.created',
          entityType: DISCLOSURE,
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, inventors },
        });
        return detail(row.id, trx);
      });
    },

    /** The review committee's decision, recorded with who, when and why; a trade secret joins the register. */
    async decide(actor: Actor, id: string, input: z.infer<typeof decisionInput>) {
      const before = await rowOrNotFound(db, id);
      assertManage(actor, before);
      if (before.status !== 'submitted')
        throw new ConflictError('The committee has already decided on this disclosure.', {
          errors: [{ path: 'decision', message: 'Already decided' }],
        });
      const errors: { path: string; message: string }[] = [];
      if (input.decision === 'file') {
        if (!input.office) errors.push({ path: 'office', message: 'Required to file' });
        if (!input.kind) errors.push({ path: 'kind', message: 'Required to file' });
        if ((input.office === 'EP' || input.office === 'WO') && input.kind && input.kind !== 'invention')
          errors.push({ path: 'kind', message: 'The EPO and the PCT know inventions only' });
      }
      if (input.decision === 'trade_secret' && !input.secretCategory)
        errors.push({ path: 'secretCategory', message: 'Required to keep it as a trade secret' });
      if (errors.length) throw new ValidationError('The decision is not complete.', errors);
      if (before.version !== input.version) throw new StaleVersionError(before.version);
      const site = await sites.forWriting(before.site_id);
      // The register's entry first, with its own audit event: a description of the secret, owned by the
      // person who recorded the decision, its measures still to be put in place.
      const secret =
        input.decision === 'trade_secret'
          ? await deps.secrets.create(actor, {
              siteId: before.site_id,
              title: before.title,
              category: input.secretCategory ?? 'technology',
              ownerId: actor.userId as string,
              accessUserIds: [],
              // The inventors know it: each leaving one is interviewed (those at sites the decider sees).
              accessEmployeeIds: await inventorsSeenBy(actor, id),
              checklist: {
                access_control: { state: 'no', note: null },
                marking: { state: 'no', note: null },
                confidentiality_agreements: { state: 'no', note: null },
                training: { state: 'no', note: null },
                infosec_controls: { state: 'no', note: null },
              },
              lastReviewDate: localDate(now(), site.timeZone),
            })
          : null;
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ip_disclosures',
          id,
          input.version,
          {
            status: statusAfter[input.decision],
            decision: input.decision,
            decision_office: input.decision === 'file' ? input.office : null,
            decision_kind: input.decision === 'file' ? input.kind : null,
            decision_reason: input.reason,
            decided_by: actor.userId,
            decided_at: now(),
            trade_secret_id: secret?.id ?? null,
          },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.disclosure.decided',
          entityType: DISCLOSURE,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return detail(id, trx);
      });
    },

    /**
     * The application filed as decided: the patent family (its inventors as disclosed) and its first matter,
     * then the filing rewards per the schedule. The numbers are checked first, so that a refusal leaves
     * nothing behind.
     */
    async file(actor: Actor, id: string, input: z.infer<typeof filingInput>) {
      const before = await rowOrNotFound(db, id);
      assertManage(actor, before);
      if (before.status !== 'to_file' || !before.decision_office || !before.decision_kind)
        throw new ConflictError('The committee has not decided to file this disclosure.', {
          errors: [{ path: 'status', message: 'Not decided to file' }],
        });
      if (before.version !== input.version) throw new StaleVersionError(before.version);
      const site = await sites.forWriting(before.site_id);
      const errors: { path: string; message: string }[] = [];
      if (input.filingDate > localDate(now(), site.timeZone))
        errors.push({ path: 'filingDate', message: 'After today' });
      if (await repo.familyReferenceTaken(db, input.familyReference))
        errors.push({ path: 'familyReference', message: 'Taken' });
      if (await repo.applicationTaken(db, before.decision_office, input.applicationNo))
        errors.push({ path: 'applicationNo', message: 'Already in the portfolio' });
      if (errors.length) throw new ValidationError('The filing is not right.', errors);
      const schedule = await deps.settings.get(rewardScheduleSetting);
      const family = await deps.families.create(actor, {
        siteId: before.site_id,
        reference: input.familyReference,
        title: before.title,
        technology: input.technology,
        green: input.green,
        inventors: [],
      });
      await deps.matters.create(actor, {
        familyId: family.id,
        office: before.decision_office,
        kind: before.decision_kind,
        route: 'direct',
        applicationNo: input.applicationNo,
        filingDate: input.filingDate,
        status: 'filed',
        termAdjustmentDays: 0,
        entitySize: 'large',
      });
      return db.transaction().execute(async (trx) => {
        const inventors = (await repo.inventorsOf(trx, [id])).get(id) ?? [];
        await trx
          .insertInto('ip_inventors')
          .values(
            inventors.map((i) => ({
              family_id: family.id,
              employee_id: i.employeeId,
              name: i.name,
              share: i.share,
            })),
          )
          .execute();
        const after = await updateVersioned(
          trx,
          'ip_disclosures',
          id,
          input.version,
          { status: 'filed', family_id: family.id },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.disclosure.filed',
          entityType: DISCLOSURE,
          entityId: id,
          siteId: before.site_id,
          before,
          after: { ...after, inventors },
        });
        await insertRewards(trx, actor, await rowOrNotFound(trx, id), 'filing', schedule);
        return detail(id, trx);
      });
    },

    /** The grant rewards, once a matter of the family is granted. */
    async grantRewards(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      assertManage(actor, r);
      if (!r.family_id || !(await repo.familyGranted(db, r.family_id)))
        throw new ConflictError('No patent of this invention is granted yet.', {
          errors: [{ path: 'familyId', message: 'Not granted' }],
        });
      const schedule = await deps.settings.get(rewardScheduleSetting);
      return db.transaction().execute(async (trx) => {
        const existing = await repo.rewardsOf(trx, id);
        if (existing.some((w) => w.event === 'grant'))
          throw new ConflictError('The grant rewards are already recorded.');
        await insertRewards(trx, actor, r, 'grant', schedule);
        return detail(id, trx);
      });
    },

    /** A reward paid: the day it was paid, by whom (the actor). */
    async payReward(actor: Actor, rewardId: string, input: z.infer<typeof rewardPayment>) {
      const before = await repo.rewardRow(db, rewardId);
      if (!before) throw new NotFoundError('invention reward');
      assertManage(actor, before);
      const site = await sites.forWriting(before.site_id);
      if (input.paidOn > localDate(now(), site.timeZone))
        throw new ValidationError('The payment is after today.', [
          { path: 'paidOn', message: 'After today' },
        ]);
      if (before.paid_on)
        throw new ConflictError('This reward is already paid.', {
          errors: [{ path: 'paidOn', message: 'Already paid' }],
        });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ip_invention_rewards',
          rewardId,
          input.version,
          { paid_on: input.paidOn, paid_by: actor.userId },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.invention_reward.paid',
          entityType: REWARD,
          entityId: rewardId,
          siteId: before.site_id,
          before,
          after,
        });
        return detail(before.disclosure_id, trx);
      });
    },

    async schedule() {
      return deps.settings.get(rewardScheduleSetting);
    },

    /** The company's schedule is one for the group: only group-wide IP managers change it. */
    async setSchedule(actor: Actor, value: RewardSchedule) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, rewardScheduleSetting, value));
    },
  };
}

export type InventionsService = ReturnType<typeof createInventionsService>;

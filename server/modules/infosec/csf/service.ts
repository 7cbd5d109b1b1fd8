import type { z } from 'zod';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, type SiteScope, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { GrantsService } from '../../../platform/grants/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import {
  type CatalogueStore,
  type LoadedCatalogue,
  localized,
  SHARED_FUNCTIONS,
  subcategoriesToAssess,
  unassessedFunctions,
} from './catalogue.ts';
import type {
  AssessmentSummary,
  AssessmentView,
  answersInput,
  assessmentListQuery,
  assessorInput,
  benchmarkInput,
  campaignInput,
  correctionInput,
  gapsQuery,
  HeatMapView,
  heatMapQuery,
  Scale,
  stepInput,
  TrendView,
  trendQuery,
} from './contract.ts';
import { type OscalExportInput, oscalFileName, toOscalAssessmentResults } from './oscal.ts';
import * as repo from './repo.ts';
import { csfBoardReport, csfSiteReport } from './report.ts';
import {
  addTally,
  EMPTY_TALLY,
  exactMean,
  exactMeanOfSites,
  exactSiteScore,
  meanScore,
  type RollUpRule,
  rollUp,
  roundScore,
  type Tally,
} from './rules/maturity.ts';
import { mayAnswer, missingAnswers, type Party, STEPS, stepsFor } from './rules/workflow.ts';
import { scaleSetting } from './settings.ts';

const PROGRAM = 'infosec' as const;
/** The record type of an assessment, for audit entries, grants to outside assessors and evidence. */
export const ASSESSMENT_RECORD = 'infosec_csf_assessment';
const CAMPAIGN_RECORD = 'infosec_csf_campaign';

type Deps = {
  db: Db;
  actions: ActionsService;
  settings: SettingsService;
  org: OrgService;
  users: UsersService;
  grants: GrantsService;
  catalogues: CatalogueStore;
  now: () => Date;
};

/** The maturity levels' names in the OSCAL document, which is written in English. */
const OSCAL_LEVEL_LABELS: Record<number, string> = {
  0: 'Not performed',
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimising',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The NIST CSF maturity assessment: campaigns, assessments and their answers, roll-ups and comparisons. */
export function createCsfService({ db, actions, settings, org, users, grants, catalogues, now }: Deps) {
  /** The roll-up rule as the group set it (function weights), read once per call. */
  async function ruleOf(handle: Db = db): Promise<RollUpRule> {
    const scale = await settings.get(scaleSetting, handle);
    return { functionWeights: scale.functionWeights };
  }

  /**
   * The parties the actor is for an assessment: its assessor, the assessed site's team, the program owner.
   * Without a named assessor (a consultancy's report entered on its behalf) the site's team is the assessor.
   */
  function partiesOf(actor: Actor, row: repo.AssessmentRow): Set<Party> {
    const parties = new Set<Party>();
    const site = access.can(actor, 'infosec.manage', row.site_id, PROGRAM);
    const isAssessor =
      (row.assessor_id !== null && actor.userId === row.assessor_id) ||
      access.granted(actor, ASSESSMENT_RECORD, row.id) ||
      (row.assessor_id === null && site);
    if (isAssessor) parties.add('assessor');
    if (site) parties.add('site');
    if (sitesWith(actor, 'infosec.manage', PROGRAM) === 'all') parties.add('owner');
    return parties;
  }

  const stepsOf = (actor: Actor, row: repo.AssessmentRow) =>
    stepsFor(row.status, partiesOf(actor, row), row.assessor_id !== null);

  /** Readers: `infosec.read` at the site, or its assessor (404 to everyone else). */
  function assertMayRead(actor: Actor, row: repo.AssessmentRow) {
    if (row.assessor_id !== null && partiesOf(actor, row).has('assessor')) return;
    if (access.granted(actor, ASSESSMENT_RECORD, row.id)) return;
    access.assert(actor, {
      permission: 'infosec.read',
      siteId: row.site_id,
      what: 'assessment',
      program: PROGRAM,
    });
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.assessmentRows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('assessment');
    return row;
  }

  /** `known`: scores already computed (one assessment's page computes its own from the answers it reads). */
  async function summaries(
    rows: repo.AssessmentRow[],
    handle: Db = db,
    known?: Map<string, number | null>,
  ): Promise<AssessmentSummary[]> {
    const [sites, names, scores] = await Promise.all([
      org.sitesWithSubsidiary(
        rows.map((r) => r.site_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.assessor_id),
        handle,
      ),
      known ?? siteScores(rows, handle),
    ]);
    const site = new Map(sites.map((s) => [s.id, s]));
    const toAnswerBy = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.catalogue_id}:${r.basis}`;
      if (!toAnswerBy.has(key))
        toAnswerBy.set(
          key,
          subcategoriesToAssess(await catalogues.get(r.catalogue_id, handle), r.basis).length,
        );
    }
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      year: r.year,
      basis: r.basis,
      siteId: r.site_id,
      siteCode: site.get(r.site_id)?.code ?? '',
      siteName: site.get(r.site_id)?.name ?? '',
      domain: r.domain,
      revision: r.revision,
      status: r.status,
      assessorId: r.assessor_id,
      assessorName: r.assessor_id ? (names.get(r.assessor_id) ?? null) : null,
      consultancy: r.consultancy,
      answered: Number(r.answered ?? 0),
      toAnswer: toAnswerBy.get(`${r.catalogue_id}:${r.basis}`) ?? 0,
      score: scores.get(r.id) ?? null,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    }));
  }

  /** Each assessment's site score from its answers (one query for a page). */
  async function siteScores(rows: repo.AssessmentRow[], handle: Db) {
    const out = new Map<string, number | null>();
    if (rows.length === 0) return out;
    const answers = await handle
      .selectFrom('csf_answers')
      .select(['assessment_id', 'subcategory', 'current_level', 'not_applicable'])
      .where(
        'assessment_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const rule = await ruleOf(handle);
    const byAssessment = new Map<string, typeof answers>();
    for (const a of answers)
      byAssessment.set(a.assessment_id, [...(byAssessment.get(a.assessment_id) ?? []), a]);
    for (const r of rows) {
      const c = await catalogues.get(r.catalogue_id, handle);
      const rolled = rollUp(
        (byAssessment.get(r.id) ?? []).map((a) => ({
          subcategory: a.subcategory,
          level: a.current_level,
          notApplicable: a.not_applicable,
        })),
        c.hierarchy,
        rule,
      );
      out.set(r.id, roundScore(rolled.site));
    }
    return out;
  }

  /** IT beside OT at the same site and year, for readers of the site (an outside assessor sees only theirs). */
  async function otherDomainOf(
    actor: Actor,
    row: repo.AssessmentRow,
    rule: RollUpRule,
    c: LoadedCatalogue,
    handle: Db,
  ): Promise<AssessmentView['otherDomain']> {
    if (!access.can(actor, 'infosec.read', row.site_id, PROGRAM)) return null;
    const domain = row.domain === 'it' ? 'ot' : 'it';
    const tallies = await repo.approvedTallies(handle, 'all', {
      domain,
      year: row.year,
      siteId: row.site_id,
    });
    const entry = scoreSites(tallies).get(row.site_id);
    if (!entry) return null;
    return {
      assessmentId: entry.assessmentId,
      domain,
      score: roundScore(exactSiteScore(entry.functions, rule)),
      functions: fnScores(
        entry.functions,
        c.functions.map((f) => f.identifier),
      ),
    };
  }

  async function view(actor: Actor, row: repo.AssessmentRow, handle: Db = db): Promise<AssessmentView> {
    const c = await catalogues.get(row.catalogue_id, handle);
    const [answers, revisions, recommendations, rule] = await Promise.all([
      repo.answersOf(handle, row.id),
      repo.revisionsOf(handle, row.campaign_id, row.site_id, row.domain),
      actions.summariesFor(ASSESSMENT_RECORD, [row.id], actor.locale, handle),
      ruleOf(handle),
    ]);
    const rolled = rollUp(
      answers.map((a) => ({
        subcategory: a.subcategory,
        level: a.current_level,
        notApplicable: a.not_applicable,
      })),
      c.hierarchy,
      rule,
    );
    const [[summary], names] = await Promise.all([
      summaries([row], handle, new Map([[row.id, roundScore(rolled.site)]])),
      users.displayNames(
        [...answers.map((a) => a.assessed_by), row.reviewed_by, row.signed_off_by, row.approved_by],
        handle,
      ),
    ]);
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const otherDomain = await otherDomainOf(actor, row, rule, c, handle);
    // Target profile: the mean of the targets set on applicable subcategories, beside the current score.
    const targets: Record<string, Tally> = {};
    for (const a of answers) {
      if (a.not_applicable || a.target_level === null) continue;
      const category = c.hierarchy.categoryOf.get(a.subcategory) ?? '';
      const fn = c.hierarchy.functionOf.get(category) ?? '';
      const t = { sum: a.target_level, count: 1, notApplicable: 0 };
      targets[category] = addTally(targets[category] ?? EMPTY_TALLY, t);
      targets[fn] = addTally(targets[fn] ?? EMPTY_TALLY, t);
    }
    const scored = (identifier: string, t: Tally | undefined) => ({
      identifier,
      score: meanScore(t ?? EMPTY_TALLY),
      target: meanScore(targets[identifier] ?? EMPTY_TALLY),
      counted: t?.count ?? 0,
      notApplicable: t?.notApplicable ?? 0,
    });
    const parties = partiesOf(actor, row);
    return {
      ...summary!,
      catalogueId: row.catalogue_id,
      correctionOf: row.correction_of,
      correctionReason: row.correction_reason,
      submittedAt: iso(row.submitted_at),
      reviewedAt: iso(row.reviewed_at),
      reviewedByName: name(row.reviewed_by),
      signedOffAt: iso(row.signed_off_at),
      signedOffByName: name(row.signed_off_by),
      approvedAt: iso(row.approved_at),
      approvedByName: name(row.approved_by),
      unassessedFunctions: unassessedFunctions(row.basis),
      answers: answers.map((a) => ({
        subcategory: a.subcategory,
        level: a.current_level,
        notApplicable: a.not_applicable,
        target: a.target_level,
        notes: a.notes,
        assessedByName: name(a.assessed_by),
        assessedAt: a.assessed_at.toISOString(),
      })),
      functions: c.functions.map((f) => scored(f.identifier, rolled.functions[f.identifier])),
      categories: c.items
        .filter((i) => i.kind === 'category')
        .map((i) => scored(i.identifier, rolled.categories[i.identifier])),
      rule,
      steps: stepsOf(actor, row),
      mayAnswer: mayAnswer(row.status, parties),
      mayCorrect:
        row.status === 'approved' &&
        parties.has('owner') &&
        !revisions.some((r) => r.revision > row.revision),
      otherDomain,
      recommendations: recommendations.get(row.id) ?? [],
      revisions: revisions.map((r) => ({ id: r.id, revision: r.revision, status: r.status })),
    };
  }

  /** Site scores by function for a set of tallies (one domain, one year). */
  function scoreSites(tallies: Awaited<ReturnType<typeof repo.approvedTallies>>) {
    const bySite = new Map<string, { assessmentId: string; functions: Record<string, Tally> }>();
    for (const t of tallies) {
      const entry = bySite.get(t.site_id) ?? { assessmentId: t.assessment_id, functions: {} };
      entry.functions[t.function] = addTally(entry.functions[t.function] ?? EMPTY_TALLY, {
        sum: t.sum,
        count: t.count,
        notApplicable: t.not_applicable,
      });
      bySite.set(t.site_id, entry);
    }
    return bySite;
  }

  const fnScores = (functions: Record<string, Tally>, ids: readonly string[]) =>
    Object.fromEntries(ids.map((id) => [id, meanScore(functions[id] ?? EMPTY_TALLY)]));

  /** Mean over sites of each function's exact score, and of the sites' scores. */
  function meanOverSites(
    entries: { functions: Record<string, Tally> }[],
    ids: readonly string[],
    rule: RollUpRule,
  ) {
    return {
      score: roundScore(exactMeanOfSites(entries.map((e) => exactSiteScore(e.functions, rule)))),
      functions: Object.fromEntries(
        ids.map((id) => [
          id,
          roundScore(exactMeanOfSites(entries.map((e) => exactMean(e.functions[id] ?? EMPTY_TALLY)))),
        ]),
      ),
    };
  }

  async function benchmarkByYear() {
    const out = new Map<number, Record<string, number>>();
    for (const b of await repo.benchmarks(db)) {
      const year = out.get(b.year) ?? {};
      year[b.function] = Number(b.score);
      out.set(b.year, year);
    }
    return out;
  }

  return {
    ASSESSMENT_RECORD,

    async catalogue(actor: Actor, id: string) {
      return catalogues.view(await catalogues.get(id), actor.locale);
    },

    async campaigns(actor: Actor) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const rows = await repo.campaignRows(db, scope);
      return {
        items: rows.map((r) => ({
          id: r.id,
          year: r.year,
          name: r.name,
          basis: r.basis,
          catalogueVersion: r.catalogue_version,
          dueOn: r.due_on,
          status: r.status,
          assessments: Number(r.assessments),
          approved: Number(r.approved),
          version: r.version,
        })),
        mayOpen: sitesWith(actor, 'infosec.manage', PROGRAM) === 'all',
      };
    },

    /** A campaign and its first revisions, one per site and domain in scope; only the program owner opens one. */
    async createCampaign(actor: Actor, input: z.infer<typeof campaignInput>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const catalogueId = await catalogues.latestId();
      const seen = new Set<string>();
      input.scope.forEach((s, i) => {
        const key = `${s.siteId}:${s.domain}`;
        if (seen.has(key))
          throw new ValidationError('A site is named twice for the same domain.', [
            { path: `scope.${i}`, message: 'Named twice' },
          ]);
        seen.add(key);
      });
      return db.transaction().execute(async (trx) => {
        for (const [i, s] of input.scope.entries())
          await org.siteForWriting(s.siteId, trx).catch(() => {
            throw new ValidationError('Not an active site.', [
              { path: `scope.${i}.siteId`, message: 'Unknown or inactive site' },
            ]);
          });
        const clash = await trx
          .selectFrom('csf_campaigns')
          .select('id')
          .where('year', '=', input.year)
          .executeTakeFirst();
        if (clash) throw new ConflictError(`A campaign for ${input.year} already exists.`);
        const campaign = await trx
          .insertInto('csf_campaigns')
          .values({
            year: input.year,
            name: input.name,
            catalogue_id: catalogueId,
            basis: input.basis,
            due_on: input.dueOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('csf_assessments')
          .values(
            input.scope.map((s) => ({
              campaign_id: campaign.id,
              site_id: s.siteId,
              domain: s.domain,
              created_by: actor.userId,
              updated_by: actor.userId,
            })),
          )
          .execute();
        await recordAudit(trx, actor, {
          action: 'infosec.csf_campaign.created',
          entityType: CAMPAIGN_RECORD,
          entityId: campaign.id,
          siteId: null,
          after: { year: input.year, name: input.name, basis: input.basis, scope: input.scope },
        });
        return campaign.id;
      });
    },

    /** Assessments the actor reads: those of the sites in their scope, and those they assess. */
    async list(actor: Actor, q: z.infer<typeof assessmentListQuery>) {
      const scope: SiteScope = sitesWith(actor, 'infosec.read', PROGRAM);
      const granted = [...(actor.grants?.get(ASSESSMENT_RECORD) ?? [])];
      // Without the program's read permission anywhere, only one's own assessments are listed, and only when asked.
      if (scope !== 'all' && scope.size === 0 && !q.mine && granted.length === 0)
        throw new ForbiddenError('infosec.read');
      const me = actor.userId;
      let base = repo.assessmentRows(db).where((eb) => {
        const mine = [
          ...(me ? [eb('a.assessor_id', '=', me)] : []),
          ...(granted.length ? [eb('a.id', 'in', granted)] : []),
        ];
        return q.mine
          ? mine.length
            ? eb.or(mine)
            : eb.val(false)
          : eb.or([inScope(eb, 'a.site_id', scope), ...mine]);
      });
      if (q.campaignId) base = base.where('a.campaign_id', '=', q.campaignId);
      if (q.year) base = base.where('c.year', '=', q.year);
      if (q.siteId) base = base.where('a.site_id', '=', q.siteId);
      if (q.domain) base = base.where('a.domain', '=', q.domain);
      if (q.status) base = base.where('a.status', '=', q.status);
      else base = base.where((eb) => repo.latestRevisionOnly(eb));
      const sortColumn = { year: 'c.year', status: 'a.status', updatedAt: 'a.updated_at' }[q.sort];
      const page = await listPage<repo.AssessmentRow, repo.AssessmentRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'a.id',
        toView: (r) => r,
      });
      return { ...page, items: await summaries(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      return view(actor, row);
    },

    /**
     * Evidence files on an assessment: read by its readers, added or removed by whoever may answer it
     * while it is a draft (the assessor, or the site's team when none is named).
     */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      if (intent === 'write') {
        const parties = partiesOf(actor, row);
        if (!parties.has('assessor')) throw new ForbiddenError('infosec.manage');
        if (!mayAnswer(row.status, parties))
          throw new ConflictError('Evidence is added while the assessment is a draft.');
      }
      return row.site_id;
    },

    /** Names the assessor: a member of staff, or a person outside the company who is granted this record. */
    async setAssessor(actor: Actor, id: string, input: z.infer<typeof assessorInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        access.assert(actor, {
          permission: 'infosec.manage',
          siteId: row.site_id,
          what: 'assessment',
          program: PROGRAM,
        });
        if (row.status === 'approved' || row.status === 'superseded')
          throw new ConflictError('An approved assessment is locked: correct it as a new revision.');
        if (input.assessorId) await users.assertActiveUser(input.assessorId, 'assessorId', trx);
        if (
          row.assessor_id &&
          row.assessor_id !== input.assessorId &&
          (await grants.isOutsider(row.assessor_id, trx))
        )
          await grants
            .revoke(trx, actor, { userId: row.assessor_id, recordType: ASSESSMENT_RECORD, recordId: id })
            .catch(() => {});
        if (input.assessorId && (await grants.isOutsider(input.assessorId, trx)))
          await grants.grant(trx, actor, {
            userId: input.assessorId,
            recordType: ASSESSMENT_RECORD,
            recordId: id,
            siteId: row.site_id,
          });
        await updateVersioned(
          trx,
          'csf_assessments',
          id,
          input.version,
          {
            assessor_id: input.assessorId,
            ...(input.consultancy !== undefined ? { consultancy: input.consultancy } : {}),
          },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.assessor_set',
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          before: { assessorId: row.assessor_id, consultancy: row.consultancy },
          after: { assessorId: input.assessorId, consultancy: input.consultancy ?? row.consultancy },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    /** The assessor's answers, saved together (a draft only). */
    async saveAnswers(actor: Actor, id: string, input: z.infer<typeof answersInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        if (!mayAnswer(row.status, partiesOf(actor, row))) {
          if (!partiesOf(actor, row).has('assessor')) throw new ForbiddenError('infosec.csf.answer');
          throw new ConflictError('Only a draft takes answers: this assessment has been submitted.');
        }
        const c = await catalogues.get(row.catalogue_id, trx);
        const allowed = new Set(subcategoriesToAssess(c, row.basis).map((s) => s.identifier));
        const errors = input.answers.flatMap((a, i) =>
          allowed.has(a.subcategory)
            ? []
            : [
                {
                  path: `answers.${i}.subcategory`,
                  message: c.byId.has(a.subcategory)
                    ? 'Not assessed in this campaign (Govern is not assessed on CSF 1.1)'
                    : 'Not a subcategory of the catalogue',
                },
              ],
        );
        if (errors.length) throw new ValidationError('Some answers name no subcategory to assess.', errors);
        await updateVersioned(trx, 'csf_assessments', id, input.version, {}, actor.userId);
        const at = now();
        for (const a of input.answers) {
          const values = {
            current_level: a.notApplicable ? null : a.level,
            not_applicable: a.notApplicable,
            ...(a.target !== undefined ? { target_level: a.target } : {}),
            ...(a.notes !== undefined ? { notes: a.notes || null } : {}),
            assessed_by: actor.userId,
            assessed_at: at,
          };
          await trx
            .insertInto('csf_answers')
            .values({ assessment_id: id, site_id: row.site_id, subcategory: a.subcategory, ...values })
            .onConflict((oc) => oc.columns(['assessment_id', 'subcategory']).doUpdateSet(values))
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.answered',
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          after: {
            answers: input.answers.map((a) => ({
              subcategory: a.subcategory,
              level: a.level,
              notApplicable: a.notApplicable,
              target: a.target,
            })),
          },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    async step(actor: Actor, id: string, input: z.infer<typeof stepInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        const step = STEPS[input.step];
        if (row.version !== input.version) throw new StaleVersionError(row.version);
        if (row.status !== step.from)
          throw new ConflictError(
            `This assessment is ${row.status.replace('_', ' ')}: it cannot take that step now.`,
          );
        if (!stepsOf(actor, row).includes(input.step)) throw new ForbiddenError('infosec.csf.' + input.step);
        if (input.step === 'return' && !input.comment)
          throw new ValidationError('Say what the assessor should look at again.', [
            { path: 'comment', message: 'Required when returning an assessment' },
          ]);
        if (input.step === 'submit') {
          const c = await catalogues.get(row.catalogue_id, trx);
          const answered = new Set(
            (await repo.answersOf(trx, id))
              .filter((a) => a.not_applicable || a.current_level !== null)
              .map((a) => a.subcategory),
          );
          const missing = missingAnswers(
            subcategoriesToAssess(c, row.basis).map((s) => s.identifier),
            answered,
          );
          if (missing.length)
            throw new ValidationError(
              `${missing.length} subcategories have no level yet: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`,
              missing.map((s) => ({
                path: `answers.${s}`,
                message: 'No level and not marked not applicable',
              })),
            );
        }
        const at = now();
        const stamps: Record<string, unknown> = { status: step.to };
        if (input.step === 'submit') stamps.submitted_at = at;
        if (input.step === 'review') Object.assign(stamps, { reviewed_at: at, reviewed_by: actor.userId });
        if (input.step === 'sign_off')
          Object.assign(stamps, { signed_off_at: at, signed_off_by: actor.userId });
        if (input.step === 'approve') Object.assign(stamps, { approved_at: at, approved_by: actor.userId });
        await updateVersioned(trx, 'csf_assessments', id, input.version, stamps, actor.userId);
        if (input.step === 'approve' && row.correction_of)
          await trx
            .updateTable('csf_assessments')
            .set({
              status: 'superseded',
              updated_at: at,
              updated_by: actor.userId,
              version: (eb) => eb('version', '+', 1),
            })
            .where('campaign_id', '=', row.campaign_id)
            .where('site_id', '=', row.site_id)
            .where('domain', '=', row.domain)
            .where('status', '=', 'approved')
            .where('id', '<>', id)
            .execute();
        await recordAudit(trx, actor, {
          action: `infosec.csf_assessment.${input.step}`,
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          before: { status: row.status },
          after: { status: step.to, ...(input.comment ? { comment: input.comment } : {}) },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    /**
     * A correction of an approved assessment: a new revision with the same answers and its reason, opened by
     * the site's team or the program owner; it runs the whole course again, the owner's approval included.
     */
    async correct(actor: Actor, id: string, input: z.infer<typeof correctionInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        if (!partiesOf(actor, row).has('site')) throw new ForbiddenError('infosec.manage');
        if (row.status !== 'approved')
          throw new ConflictError('Only an approved assessment is corrected by a new revision.');
        const newer = (await repo.revisionsOf(trx, row.campaign_id, row.site_id, row.domain)).find(
          (r) => r.revision > row.revision,
        );
        if (newer) throw new ConflictError(`Revision ${newer.revision} already corrects this assessment.`);
        // Touch the approved revision so that a stale correction (an old version) is refused.
        await updateVersioned(trx, 'csf_assessments', id, input.version, {}, actor.userId);
        const created = await trx
          .insertInto('csf_assessments')
          .values({
            campaign_id: row.campaign_id,
            site_id: row.site_id,
            domain: row.domain,
            revision: row.revision + 1,
            assessor_id: row.assessor_id,
            consultancy: row.consultancy,
            correction_of: row.id,
            correction_reason: input.reason,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const answers = await repo.answersOf(trx, id);
        if (answers.length)
          await trx
            .insertInto('csf_answers')
            .values(answers.map((a) => ({ ...a, assessment_id: created.id })))
            .execute();
        if (row.assessor_id && (await grants.isOutsider(row.assessor_id, trx)))
          await grants.grant(trx, actor, {
            userId: row.assessor_id,
            recordType: ASSESSMENT_RECORD,
            recordId: created.id,
            siteId: row.site_id,
          });
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.corrected',
          entityType: ASSESSMENT_RECORD,
          entityId: created.id,
          siteId: row.site_id,
          after: { correctionOf: row.id, revision: row.revision + 1, reason: input.reason },
        });
        return view(actor, await rowOrNotFound(trx, created.id), trx);
      });
    },

    /** The assessment as an OSCAL 1.0.4 assessment-results document, with its file name. */
    async oscal(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      const c = await catalogues.get(row.catalogue_id);
      const [answers, sites] = await Promise.all([
        repo.answersOf(db, id),
        org.sitesWithSubsidiary([row.site_id]),
      ]);
      const names = await users.displayNames([row.assessor_id, ...answers.map((a) => a.assessed_by)]);
      const name = (uid: string | null) => (uid ? (names.get(uid) ?? null) : null);
      const assessor = name(row.assessor_id);
      const input: OscalExportInput = {
        assessment: {
          id: row.id,
          revision: row.revision,
          status: row.status,
          domain: row.domain,
          site: { id: row.site_id, code: sites[0]?.code ?? '', name: sites[0]?.name ?? '' },
          campaign: { id: row.campaign_id, year: row.year, name: row.campaign_name, basis: row.basis },
          assessor:
            assessor || row.consultancy
              ? { name: assessor ?? row.consultancy ?? '', consultancy: row.consultancy }
              : null,
          approvedAt: iso(row.approved_at),
          updatedAt: row.updated_at.toISOString(),
          correctionReason: row.correction_reason,
        },
        catalogue: {
          id: c.id,
          name: c.name,
          version: c.version,
          frameworkVersion: c.frameworkVersion,
          source: c.source,
        },
        answers: answers
          .filter((a) => a.not_applicable || a.current_level !== null)
          .map((a) => ({
            subcategory: a.subcategory,
            statement: c.byId.get(a.subcategory)?.statement ?? '',
            level: a.current_level,
            notApplicable: a.not_applicable,
            target: a.target_level,
            notes: a.notes,
            assessedAt: a.assessed_at.toISOString(),
            assessedBy: name(a.assessed_by),
          })),
        levelLabels: OSCAL_LEVEL_LABELS,
        generatedAt: now().toISOString(),
      };
      return { fileName: oscalFileName(input), document: toOscalAssessmentResults(input) };
    },

    /** Sites × functions for one year and domain, with subsidiary and group means and the benchmark. */
    async heatMap(actor: Actor, q: z.infer<typeof heatMapQuery>): Promise<HeatMapView> {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const years = (await db.selectFrom('csf_campaigns').select('year').orderBy('year').execute()).map(
        (r) => r.year,
      );
      const campaign = await db
        .selectFrom('csf_campaigns')
        .selectAll()
        .$if(q.year !== undefined, (qb) => qb.where('year', '=', q.year!))
        .$if(q.year === undefined, (qb) =>
          qb.where((eb) =>
            eb.exists(
              eb
                .selectFrom('csf_assessments')
                .select('id')
                .whereRef('campaign_id', '=', 'csf_campaigns.id')
                .where('status', '=', 'approved'),
            ),
          ),
        )
        .orderBy('year', 'desc')
        .executeTakeFirst();
      const c = await catalogues.get(campaign?.catalogue_id ?? (await catalogues.latestId()));
      const rule = await ruleOf();
      const functions = c.functions.map((f) => ({
        identifier: f.identifier,
        title: localized(f, actor.locale).title,
      }));
      const fnIds = functions.map((f) => f.identifier);
      const empty: HeatMapView = {
        year: campaign?.year ?? q.year ?? null,
        domain: q.domain,
        basis: campaign?.basis ?? null,
        functions,
        unassessedFunctions: campaign ? unassessedFunctions(campaign.basis) : [],
        sites: [],
        subsidiaries: [],
        group: { score: null, functions: Object.fromEntries(fnIds.map((f) => [f, null])) },
        benchmark: {},
        rule,
        years,
        mayEnterBenchmark: sitesWith(actor, 'infosec.manage', PROGRAM) === 'all',
      };
      if (!campaign) return empty;
      const bySite = scoreSites(
        await repo.approvedTallies(db, scope, { domain: q.domain, year: campaign.year }),
      );
      let sites = await org.sitesWithSubsidiary([...bySite.keys()]);
      if (q.subsidiaryId) sites = sites.filter((s) => s.subsidiaryId === q.subsidiaryId);
      if (q.country) sites = sites.filter((s) => s.country === q.country);
      const siteViews = sites.map((s) => {
        const e = bySite.get(s.id)!;
        return {
          siteId: s.id,
          siteCode: s.code,
          siteName: actor.locale === 'zh-TW' && s.nameZh ? s.nameZh : s.name,
          subsidiaryId: s.subsidiaryId,
          subsidiaryName: s.subsidiaryName,
          country: s.country,
          assessmentId: e.assessmentId,
          score: roundScore(exactSiteScore(e.functions, rule)),
          functions: fnScores(e.functions, fnIds),
        };
      });
      const subsidiaries = [...new Set(sites.map((s) => s.subsidiaryId))].map((sid) => {
        const members = sites.filter((s) => s.subsidiaryId === sid);
        return {
          subsidiaryId: sid,
          subsidiaryName: members[0]!.subsidiaryName,
          ...meanOverSites(
            members.map((s) => bySite.get(s.id)!),
            fnIds,
            rule,
          ),
        };
      });
      const benchmark = (await benchmarkByYear()).get(campaign.year) ?? {};
      return {
        ...empty,
        sites: siteViews,
        subsidiaries,
        group: meanOverSites(
          sites.map((s) => bySite.get(s.id)!),
          fnIds,
          rule,
        ),
        benchmark,
      };
    },

    /** Year over year, for the group (the mean of its sites) or one site, with the benchmark. */
    async trend(actor: Actor, q: z.infer<typeof trendQuery>): Promise<TrendView> {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      if (q.siteId && !scopeHas(scope, q.siteId)) throw new NotFoundError('site');
      const tallies = await repo.approvedTallies(db, scope, {
        domain: q.domain,
        ...(q.siteId ? { siteId: q.siteId } : {}),
      });
      const latest = await catalogues.get(await catalogues.latestId());
      const functions = latest.functions.map((f) => ({
        identifier: f.identifier,
        title: localized(f, actor.locale).title,
      }));
      const fnIds = functions.map((f) => f.identifier);
      const benchmarks = await benchmarkByYear();
      const rule = await ruleOf();
      const years = [...new Set(tallies.map((t) => t.year))].sort((a, b) => a - b);
      const out: TrendView['years'] = [];
      for (const year of years) {
        const ofYear = tallies.filter((t) => t.year === year);
        const entries = [...scoreSites(ofYear).values()];
        const basis = ofYear[0]!.basis;
        const shared = entries.map((e) => ({
          functions: Object.fromEntries(SHARED_FUNCTIONS.map((f) => [f, e.functions[f] ?? EMPTY_TALLY])),
        }));
        const all = meanOverSites(entries, fnIds, rule);
        out.push({
          year,
          basis,
          sites: entries.length,
          score: all.score,
          sharedScore: meanOverSites(shared, SHARED_FUNCTIONS, rule).score,
          functions: all.functions,
          benchmark: benchmarks.get(year) ?? {},
        });
      }
      return {
        domain: q.domain,
        siteId: q.siteId ?? null,
        functions,
        sharedFunctions: [...SHARED_FUNCTIONS],
        years: out,
      };
    },

    /** The subcategories furthest below target across the group in a year, largest mean gap first. */
    async gaps(actor: Actor, q: z.infer<typeof gapsQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const campaign = await db
        .selectFrom('csf_campaigns')
        .select(['year', 'catalogue_id'])
        .$if(q.year !== undefined, (qb) => qb.where('year', '=', q.year!))
        .orderBy('year', 'desc')
        .executeTakeFirst();
      if (!campaign) return { year: q.year ?? null, items: [] };
      const c = await catalogues.get(campaign.catalogue_id);
      const rows = await repo.gapRows(db, scope, campaign.year, q.domain);
      const items = rows
        .filter((r) => r.below > 0)
        .map((r) => ({
          subcategory: r.subcategory,
          statement: localized(c.byId.get(r.subcategory)!, actor.locale).statement,
          meanGap: meanScore({ sum: r.gap_sum, count: r.below, notApplicable: 0 }) ?? 0,
          sitesBelowTarget: r.below,
          sitesAssessed: r.assessed,
        }))
        .sort(
          (a, b) =>
            b.sitesBelowTarget * b.meanGap - a.sitesBelowTarget * a.meanGap ||
            a.subcategory.localeCompare(b.subcategory),
        )
        .slice(0, q.limit);
      return { year: campaign.year, items };
    },

    /** One site's assessment as PDF or XLSX, in the asked language. */
    async siteReport(actor: Actor, id: string, format: ReportFormat, locale: ReportLocale) {
      const reader = { ...actor, locale };
      const row = await rowOrNotFound(db, id);
      assertMayRead(reader, row);
      const assessment = await view(reader, row);
      const def = csfSiteReport(
        {
          assessment,
          catalogue: catalogues.view(await catalogues.get(row.catalogue_id), locale),
          scale: await settings.get(scaleSetting),
          recommendations: assessment.recommendations,
          generatedAt: now(),
        },
        locale,
      );
      return render(def, `csf-${assessment.siteCode}-${row.year}-${row.domain}-r${row.revision}`, format);
    },

    /** The group's year for the Board, in the reader's scope. */
    async boardReport(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale) {
      const reader = { ...actor, locale };
      const [it, ot, trend, gaps] = await Promise.all([
        this.heatMap(reader, { year, domain: 'it' }),
        this.heatMap(reader, { year, domain: 'ot' }),
        this.trend(reader, { domain: 'it' }),
        this.gaps(reader, { year, domain: 'it', limit: 15 }),
      ]);
      const def = csfBoardReport({ year, it, ot, trend, gaps: gaps.items, generatedAt: now() }, locale);
      return render(def, `csf-board-${year}`, format);
    },

    /** The maturity scale's labels and the roll-up weights. */
    async scale(actor: Actor) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      return settings.get(scaleSetting);
    },

    /** Only whoever manages the program group-wide renames the levels or reweighs the functions. */
    async setScale(actor: Actor, value: Scale) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const c = await catalogues.get(await catalogues.latestId());
      const functions = new Set(c.functions.map((f) => f.identifier));
      const errors = Object.keys(value.functionWeights)
        .filter((f) => !functions.has(f))
        .map((f) => ({ path: `functionWeights.${f}`, message: 'Not a function of the catalogue' }));
      if (errors.length) throw new ValidationError('Weights are given per function.', errors);
      return db.transaction().execute((trx) => settings.set(trx, actor, scaleSetting, value));
    },

    /** The industry benchmark per function for a year: only the program owner enters it. */
    async setBenchmark(actor: Actor, input: z.infer<typeof benchmarkInput>) {
      const { year } = input;
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const c = await catalogues.get(await catalogues.latestId());
      const functions = new Set(c.functions.map((f) => f.identifier));
      const errors = Object.keys(input.scores)
        .filter((f) => !functions.has(f))
        .map((f) => ({ path: `scores.${f}`, message: 'Not a function of the catalogue' }));
      if (errors.length) throw new ValidationError('Benchmarks are entered per function.', errors);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('csf_benchmarks').where('year', '=', year).execute();
        const rows = Object.entries(input.scores).map(([fn, score]) => ({
          year,
          function: fn,
          score,
          source: input.source ?? null,
          updated_by: actor.userId,
        }));
        if (rows.length) await trx.insertInto('csf_benchmarks').values(rows).execute();
        await recordAudit(trx, actor, {
          action: 'infosec.csf_benchmark.set',
          entityType: 'infosec_csf_benchmark',
          entityId: String(year),
          siteId: null,
          after: { year, scores: input.scores, source: input.source ?? null },
        });
      });
      return { year, scores: input.scores };
    },
  };
}

export type CsfService = ReturnType<typeof createCsfService>;

import type { AssessmentSummary, AssessmentView } from '#shared/modules/infosec/csf/contract.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import {
  type CatalogueStore,
  type LoadedCatalogue,
  subcategoriesToAssess,
  unassessedFunctions,
} from './catalogue.ts';
import { ASSESSMENT_RECORD, partiesOf, stepsOf } from './parties.ts';
import * as repo from './repo.ts';
import {
  addTally,
  EMPTY_TALLY,
  exactSiteScore,
  meanScore,
  type RollUpRule,
  rollUp,
  roundScore,
  type Tally,
} from './rules/maturity.ts';
import { mayAnswer } from './rules/workflow.ts';
import { fnScores, scoreSites } from './scores.ts';
import { rollUpRule, ruleOfScale, scaleSetting } from './settings.ts';

const PROGRAM = 'infosec' as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Deps = {
  db: Db;
  actions: ActionsService;
  org: OrgService;
  users: UsersService;
  catalogues: CatalogueStore;
  settings: SettingsService;
};

/** What readers see of assessments: a list's summaries, and one assessment with its scores and course. */
export function createAssessmentViews({ db, actions, org, users, catalogues, settings }: Deps) {
  const ruleOf = (handle: Db = db) => rollUpRule(settings, handle);

  /**
   * `known`: scores and names already read (one assessment's page computes its score from the answers it
   * reads, and names its assessor with the other people it shows).
   */
  async function summaries(
    rows: repo.AssessmentRow[],
    handle: Db = db,
    known?: { scores: Map<string, number | null>; names: Map<string, string> },
  ): Promise<AssessmentSummary[]> {
    const [sites, names, scores] = await Promise.all([
      org.sitesWithSubsidiary(
        rows.map((r) => r.site_id),
        handle,
      ),
      known?.names ??
        users.displayNames(
          rows.map((r) => r.assessor_id),
          handle,
        ),
      known?.scores ?? siteScores(rows, handle),
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
        rule,
      ),
    };
  }

  async function view(actor: Actor, row: repo.AssessmentRow, handle: Db = db): Promise<AssessmentView> {
    const c = await catalogues.get(row.catalogue_id, handle);
    const [answers, revisions, recommendations, scale] = await Promise.all([
      repo.answersOf(handle, row.id),
      repo.revisionsOf(handle, row.campaign_id, row.site_id, row.domain),
      actions.summariesFor(ASSESSMENT_RECORD, [row.id], actor.locale, handle),
      settings.get(scaleSetting, handle),
    ]);
    const rule = ruleOfScale(scale);
    const rolled = rollUp(
      answers.map((a) => ({
        subcategory: a.subcategory,
        level: a.current_level,
        notApplicable: a.not_applicable,
      })),
      c.hierarchy,
      rule,
    );
    const [names, otherDomain] = await Promise.all([
      users.displayNames(
        [
          ...answers.map((a) => a.assessed_by),
          row.assessor_id,
          row.reviewed_by,
          row.signed_off_by,
          row.approved_by,
        ],
        handle,
      ),
      otherDomainOf(actor, row, rule, c, handle),
    ]);
    const [summary] = await summaries([row], handle, {
      scores: new Map([[row.id, roundScore(rolled.site)]]),
      names,
    });
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
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
      levels: scale.labels.map((l) => l[actor.locale]),
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

  return { summaries, view };
}

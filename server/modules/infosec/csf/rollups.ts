import type { z } from 'zod';
import type {
  benchmarkInput,
  gapsQuery,
  HeatMapView,
  heatMapQuery,
  Scale,
  TrendView,
  trendQuery,
} from '#shared/modules/infosec/csf/contract.ts';
import type { Db } from '../../../db/types.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import { type CatalogueStore, localized, SHARED_FUNCTIONS, unassessedFunctions } from './catalogue.ts';
import * as repo from './repo.ts';
import { csfBoardReport } from './report.ts';
import { EMPTY_TALLY, meanScore, roundScore } from './rules/maturity.ts';
import { exactOf, fnScores, meanOverSites, scoreSites } from './scores.ts';
import { rollUpRule, scaleSetting } from './settings.ts';

const PROGRAM = 'infosec' as const;

type Deps = {
  db: Db;
  org: OrgService;
  settings: SettingsService;
  catalogues: CatalogueStore;
  now: () => Date;
};

/**
 * The group's view of the assessments: the heat map of sites × functions, the trend year over year, the
 * largest gaps, the industry benchmark, the scale and weights of the roll-up, and the Board report.
 */
export function createCsfRollups({ db, org, settings, catalogues, now }: Deps) {
  const ruleOf = () => rollUpRule(settings, db);

  /** Refuses keys that are not functions of the newest catalogue, naming each under `path`. */
  async function assertFunctions(keys: string[], path: string, title: string) {
    const c = await catalogues.get(await catalogues.latestId());
    const functions = new Set(c.functions.map((f) => f.identifier));
    const errors = keys
      .filter((f) => !functions.has(f))
      .map((f) => ({ path: `${path}.${f}`, message: 'Not a function of the catalogue' }));
    if (errors.length) throw new ValidationError(title, errors);
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
    /** Sites × functions for one year and domain, with subsidiary and group means and the benchmark. */
    async heatMap(actor: Actor, q: z.infer<typeof heatMapQuery>): Promise<HeatMapView> {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      // Every campaign in one read: the years to choose from, and the one shown (the year asked for, or the
      // newest with an approved assessment).
      const campaigns = await db
        .selectFrom('csf_campaigns')
        .selectAll()
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('csf_assessments')
                .select('id')
                .whereRef('campaign_id', '=', 'csf_campaigns.id')
                .where('status', '=', 'approved'),
            )
            .as('has_approved'),
        )
        .orderBy('year')
        .execute();
      const years = campaigns.map((r) => r.year);
      const campaign =
        q.year !== undefined
          ? campaigns.find((r) => r.year === q.year)
          : campaigns.filter((r) => r.has_approved).at(-1);
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
          score: roundScore(exactOf(e.functions, rule).site),
          functions: fnScores(e.functions, fnIds, rule),
        };
      });
      const subsidiaries = [...new Set(sites.map((s) => s.subsidiaryId))].map((sid) => {
        const members = sites.filter((s) => s.subsidiaryId === sid);
        return {
          subsidiaryId: sid,
          subsidiaryName: members[0]?.subsidiaryName,
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
        const basis = ofYear[0]?.basis;
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
      await assertFunctions(
        Object.keys(value.functionWeights),
        'functionWeights',
        'Weights are given per function.',
      );
      return db.transaction().execute((trx) => settings.set(trx, actor, scaleSetting, value));
    },

    /** The industry benchmark per function for a year: only the program owner enters it. */
    async setBenchmark(actor: Actor, input: z.infer<typeof benchmarkInput>) {
      const { year } = input;
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      await assertFunctions(Object.keys(input.scores), 'scores', 'Benchmarks are entered per function.');
      await db.transaction().execute(async (trx) => {
        // The year's figures become exactly these: others are removed, these written over (two owners
        // saving at once both succeed, the later one standing).
        const functions = Object.keys(input.scores);
        let stale = trx.deleteFrom('csf_benchmarks').where('year', '=', year);
        if (functions.length) stale = stale.where('function', 'not in', functions);
        await stale.execute();
        for (const [fn, score] of Object.entries(input.scores)) {
          const values = {
            score,
            source: input.source ?? null,
            updated_by: actor.userId,
            updated_at: new Date(),
          };
          await trx
            .insertInto('csf_benchmarks')
            .values({ year, function: fn, ...values })
            .onConflict((oc) => oc.columns(['year', 'function']).doUpdateSet(values))
            .execute();
        }
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

export type CsfRollups = ReturnType<typeof createCsfRollups>;

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import {
  DEFAULT_ROLL_UP,
  exactMeanOfSites,
  type Hierarchy,
  rollUp,
  type Score,
} from '../../server/modules/infosec/csf/rules/maturity.ts';
import { generateDemoDataset } from './generate.ts';
import { generateInfosecDataset, infosecTables } from './infosec.ts';
import { CSF_CATALOGUE, CSF_SUBCATEGORIES, generateCsfHistory } from './infosec-csf.ts';
import { CSF_ACTION_DUE_DAYS, CSF_ACTION_SOURCE } from './infosec-csf-actions.ts';
import type { CsfAnswerRow, CsfHistory } from './infosec-csf-rows.ts';
import { RECOMMENDATIONS } from './infosec-csf-text.ts';

const CLOCK = '2026-03-15';
const small = (clock = CLOCK, seed?: string) => {
  const base = generateDemoDataset({ clock, scale: 0.01, seed });
  return { base, csf: generateCsfHistory(base) };
};
const { base, csf } = small();
const digest = (h: CsfHistory) => createHash('sha256').update(JSON.stringify(h)).digest('hex');

const hierarchy: Hierarchy = {
  categoryOf: new Map(
    CSF_CATALOGUE.items
      .filter((i) => i.kind === 'subcategory')
      .map((i) => [i.identifier, i.parent as string]),
  ),
  functionOf: new Map(
    CSF_CATALOGUE.items.filter((i) => i.kind === 'category').map((i) => [i.identifier, i.parent as string]),
  ),
};
const campaignOf = (h: CsfHistory, year: number) => {
  const c = h.campaigns.find((x) => x.year === year);
  if (!c) throw new Error(`No campaign for ${year}`);
  return c;
};
const assessmentsOf = (h: CsfHistory, year: number, domain: 'it' | 'ot') =>
  h.assessments.filter((a) => a.campaign_id === campaignOf(h, year).id && a.domain === domain);
const answersBy = (h: CsfHistory) => {
  const map = new Map<string, CsfAnswerRow[]>();
  for (const a of h.answers) {
    const list = map.get(a.assessment_id) ?? [];
    list.push(a);
    map.set(a.assessment_id, list);
  }
  return map;
};
const byAssessment = answersBy(csf);

/** The group's IT score of a year under the product's roll-up: the mean of the approved sites' scores. */
function groupScore(h: CsfHistory, year: number, sites?: ReadonlySet<string>): number {
  const scores: (Score | null)[] = assessmentsOf(h, year, 'it')
    .filter((a) => a.status === 'approved' && (!sites || sites.has(a.site_id)))
    .map(
      (a) =>
        rollUp(
          (byAssessment.get(a.id) ?? []).map((x) => ({
            subcategory: x.subcategory,
            level: x.current_level,
            notApplicable: x.not_applicable,
          })),
          hierarchy,
          DEFAULT_ROLL_UP,
        ).site,
    );
  return (exactMeanOfSites(scores) as Score).approx;
}

describe('the demo NIST CSF history', () => {
  it('is deterministic and quick: the same dataset gives the same rows, ids included', () => {
    const started = performance.now();
    const again = generateCsfHistory(base);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(digest(again)).toBe(digest(csf));
    expect(small(CLOCK, 'another-seed').csf.assessments[0].id).not.toBe(csf.assessments[0].id);
  });

  it('has a campaign a year from 2019 to the demo year: CSF 1.1 before 2024, open only this year', () => {
    expect(csf.campaigns.map((c) => c.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const c of csf.campaigns) {
      expect(c.name).toBe(`NIST CSF maturity assessment ${c.year}`);
      expect(c.catalogue_id).toBe(CSF_2_0_CATALOGUE_ID);
      expect(c.basis).toBe(c.year < 2024 ? '1.1' : '2.0');
      expect(c.status).toBe(c.year === 2026 ? 'open' : 'closed');
      expect(c.due_on.slice(0, 7)).toBe(`${c.year}-11`);
    }
    // The demo year follows the clock.
    expect(small('2027-06-01').csf.campaigns.at(-1)).toMatchObject({ year: 2027, status: 'open' });
  });

  it('reproduces the seed: 25 sites approved for IT and 4 OT assessments in 2023', () => {
    const it2023 = assessmentsOf(csf, 2023, 'it');
    expect(it2023).toHaveLength(25);
    expect(it2023.every((a) => a.status === 'approved')).toBe(true);
    expect(new Set(it2023.map((a) => a.site_id)).size).toBe(25);
    expect(assessmentsOf(csf, 2023, 'ot')).toHaveLength(4);
    expect(assessmentsOf(csf, 2022, 'ot')).toHaveLength(0);
    expect([2024, 2025, 2026].map((y) => assessmentsOf(csf, y, 'ot').length)).toEqual([6, 8, 10]);
  });

  it('assesses the same sites for IT every year, and OT at manufacturing sites whose scope only grows', () => {
    const sites = (year: number, domain: 'it' | 'ot') =>
      assessmentsOf(csf, year, domain)
        .map((a) => a.site_id)
        .sort();
    for (let year = 2020; year <= 2026; year++) expect(sites(year, 'it')).toEqual(sites(2019, 'it'));
    const kind = new Map(base.sites.map((s) => [s.id, s.kind]));
    for (let year = 2024; year <= 2026; year++) {
      expect(sites(year, 'ot').every((id) => kind.get(id) === 'manufacturing')).toBe(true);
      expect(sites(year, 'ot')).toEqual(expect.arrayContaining(sites(year - 1, 'ot')));
    }
  });

  it('has one assessment per campaign, site and domain, and answers at the site of their assessment', () => {
    const keys = csf.assessments.map((a) => `${a.campaign_id}/${a.site_id}/${a.domain}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(csf.assessments.every((a) => a.revision === 1 && a.correction_of === null)).toBe(true);
    const site = new Map(csf.assessments.map((a) => [a.id, a.site_id]));
    expect(csf.answers.every((x) => site.get(x.assessment_id) === x.site_id)).toBe(true);
    const pairs = csf.answers.map((x) => `${x.assessment_id}/${x.subcategory}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('leaves Govern unassessed on CSF 1.1 and answers every subcategory otherwise, drafts excepted', () => {
    const year = new Map(csf.campaigns.map((c) => [c.id, c.year]));
    const yearOf = new Map(csf.assessments.map((a) => [a.id, year.get(a.campaign_id) as number]));
    const gv = csf.answers.filter((x) => x.subcategory.startsWith('GV.'));
    expect(gv.length).toBeGreaterThan(0);
    expect(gv.filter((x) => (yearOf.get(x.assessment_id) as number) < 2024)).toEqual([]);
    for (const a of csf.assessments) {
      const n = byAssessment.get(a.id)?.length ?? 0;
      const expected = (yearOf.get(a.id) as number) < 2024 ? 75 : 106;
      if (a.status === 'draft') {
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThan(expected);
      } else expect(n).toBe(expected);
    }
  });

  it('has levels from 0 to 5, none where not applicable, targets of 3 or 4', () => {
    const wrong = csf.answers.filter((x) =>
      x.not_applicable
        ? x.current_level !== null || x.target_level !== null
        : !Number.isInteger(x.current_level) ||
          (x.current_level as number) < 0 ||
          (x.current_level as number) > 5 ||
          (x.target_level !== 3 && x.target_level !== 4),
    );
    expect(wrong).toEqual([]);
    const levels = new Set(csf.answers.map((x) => x.current_level));
    for (const level of [1, 2, 3, 4, 5]) expect(levels.has(level)).toBe(true);
    // Critical categories aim higher.
    const target = (prefix: string) =>
      csf.answers.filter((x) => x.subcategory.startsWith(prefix) && !x.not_applicable);
    expect(target('PR.AA').every((x) => x.target_level === 4 || x.target_level === 3)).toBe(true);
    expect(target('PR.AA').filter((x) => x.target_level === 4).length).toBeGreaterThan(
      target('PR.AA').length / 2,
    );
  });

  it('marks only OT subcategories not applicable, 5 to 15 in each OT assessment', () => {
    const domain = new Map(csf.assessments.map((a) => [a.id, a.domain]));
    const na = csf.answers.filter((x) => x.not_applicable);
    expect(na.every((x) => domain.get(x.assessment_id) === 'ot')).toBe(true);
    for (const a of csf.assessments.filter((a) => a.domain === 'ot' && a.status !== 'draft')) {
      const n = (byAssessment.get(a.id) ?? []).filter((x) => x.not_applicable).length;
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(15);
    }
  });

  it('shows the group improving from about 2.2 in 2019 to about 3.4, with OT below IT', () => {
    const s2019 = groupScore(csf, 2019);
    const s2023 = groupScore(csf, 2023);
    const s2025 = groupScore(csf, 2025);
    expect(s2019).toBeLessThan(s2023);
    expect(s2023).toBeLessThan(s2025);
    expect(s2019).toBeCloseTo(2.2, 0);
    expect(groupScore(csf, 2026)).toBeCloseTo(3.4, 0);
    const ot = (year: number) => {
      const levels = assessmentsOf(csf, year, 'ot').flatMap((a) =>
        (byAssessment.get(a.id) ?? []).filter((x) => x.current_level !== null),
      );
      return levels.reduce((s, x) => s + (x.current_level as number), 0) / levels.length;
    };
    for (const year of [2023, 2024, 2025]) expect(ot(year)).toBeLessThan(groupScore(csf, year) - 0.3);
  });

  it('has ASE ahead of the group and SPIL behind it every year', () => {
    const subsidiary = (code: string) => {
      const id = base.subsidiaries.find((s) => s.code === code)?.id;
      return new Set(base.sites.filter((s) => s.subsidiary_id === id).map((s) => s.id));
    };
    for (let year = 2019; year <= 2025; year++) {
      const group = groupScore(csf, year);
      expect(groupScore(csf, year, subsidiary('ASE'))).toBeGreaterThan(group + 0.15);
      expect(groupScore(csf, year, subsidiary('SPIL'))).toBeLessThan(group - 0.15);
    }
  });

  it('runs past years to approval in order within the year, approved by the CISO office', () => {
    const owner = base.users.find((u) => u.email.startsWith('infosec.owner@'))?.id;
    const year = new Map(csf.campaigns.map((c) => [c.id, c.year]));
    for (const a of csf.assessments.filter((a) => (year.get(a.campaign_id) as number) < 2026)) {
      expect(a.status).toBe('approved');
      expect(a.approved_by).toBe(owner);
      expect(a.assessor_id).toBeNull();
      expect(a.consultancy).toBeTruthy();
      const steps = [a.created_at, a.submitted_at, a.reviewed_at, a.signed_off_at, a.approved_at].map((d) =>
        (d as Date).getTime(),
      );
      expect(steps).toEqual([...steps].sort((x, y) => x - y));
      expect((a.approved_at as Date).toISOString().slice(0, 4)).toBe(String(year.get(a.campaign_id)));
      for (const x of byAssessment.get(a.id) ?? []) {
        expect(x.assessed_at.getTime()).toBeLessThanOrEqual(steps[1]);
        expect(x.assessed_at.getTime()).toBeGreaterThanOrEqual(steps[0]);
      }
    }
  });

  it('has this year under way: mostly approved, some drafts, some in review, one signed off, none in the future', () => {
    const statuses = assessmentsOf(csf, 2026, 'it').map((a) => a.status);
    const count = (s: string) => statuses.filter((x) => x === s).length;
    expect(count('approved')).toBeGreaterThan(statuses.length / 2);
    expect(count('draft')).toBeGreaterThan(0);
    expect(count('in_review')).toBeGreaterThan(0);
    expect(count('signed_off')).toBe(1);
    for (const a of assessmentsOf(csf, 2026, 'it')) {
      expect(a.approved_at === null).toBe(a.status !== 'approved');
      expect(a.submitted_at === null).toBe(a.status === 'draft');
    }
    const today = Date.parse(`${CLOCK}T00:00:00+08:00`);
    const moments = [
      ...csf.answers.map((x) => x.assessed_at),
      ...csf.assessments.flatMap((a) => [a.created_at, a.updated_at, a.approved_at]),
      ...csf.benchmarks.map((b) => b.updated_at),
    ].filter((d): d is Date => d !== null);
    expect(moments.filter((d) => d.getTime() > today)).toEqual([]);
  });

  it('writes notes in Chinese at the Taiwanese and Chinese sites, in English elsewhere', () => {
    const country = new Map(base.sites.map((s) => [s.id, s.country]));
    const noted = csf.answers.filter((x) => x.notes);
    expect(noted.length).toBeGreaterThan(500);
    const cjk = /[\u4e00-\u9fff]/;
    for (const x of noted)
      expect(cjk.test(x.notes as string), x.notes as string).toBe(
        ['TW', 'CN'].includes(country.get(x.site_id) ?? ''),
      );
  });

  it('benchmarks each assessed function every year, Govern from 2024, to one decimal', () => {
    for (let year = 2019; year <= 2026; year++) {
      const fns = csf.benchmarks.filter((b) => b.year === year).map((b) => b.function);
      expect(fns.sort()).toEqual(
        (year < 2024 ? ['DE', 'ID', 'PR', 'RC', 'RS'] : ['DE', 'GV', 'ID', 'PR', 'RC', 'RS']).sort(),
      );
    }
    for (const b of csf.benchmarks) {
      expect(b.score).toBeGreaterThanOrEqual(0);
      expect(b.score).toBeLessThanOrEqual(5);
      expect(Math.round(b.score * 10) / 10).toBe(b.score);
    }
    const mean = (year: number) => {
      const xs = csf.benchmarks.filter((b) => b.year === year && b.function !== 'GV');
      return xs.reduce((s, b) => s + b.score, 0) / xs.length;
    };
    // Near the group's own level: ahead of it in 2019, overtaken by 2026.
    expect(mean(2019)).toBeGreaterThan(groupScore(csf, 2019));
    expect(Math.abs(mean(2019) - groupScore(csf, 2019))).toBeLessThan(0.6);
  });

  it('is in the information security tables, answers in batches', () => {
    const tables = infosecTables(generateInfosecDataset(base));
    const names = tables.map((t) => t.table);
    expect(names.slice(-6)).toEqual([
      'csf_campaigns',
      'csf_assessments',
      'csf_answers',
      'csf_benchmarks',
      'actions',
      'obligations',
    ]);
    expect(tables.find((t) => t.table === 'actions')?.rows).toEqual(csf.actions);
    expect(tables.find((t) => t.table === 'obligations')?.rows).toEqual(csf.obligations);
    const answers = tables.find((t) => t.table === 'csf_answers');
    expect(answers?.rows.length).toBe(csf.answers.length);
    expect(answers?.batchSize).toBeGreaterThan(0);
    // The bulk loader takes its columns from the first row: every row has them all.
    for (const t of tables.filter(
      (t) => t.table.startsWith('csf_') || ['actions', 'obligations'].includes(t.table),
    )) {
      const columns = Object.keys(t.rows[0]).join();
      expect(t.rows.every((r) => Object.keys(r).join() === columns)).toBe(true);
    }
  });
});

describe("the consultants' recommendations as actions", () => {
  const today = Date.parse(`${CLOCK}T00:00:00+08:00`);
  const DAY = 86_400_000;
  const yearOf = new Map(csf.campaigns.map((c) => [c.id, c.year]));
  const assessment = new Map(csf.assessments.map((a) => [a.id, a]));
  const yearOfAction = (a: { source_id: string }) =>
    yearOf.get(assessment.get(a.source_id)?.campaign_id as string) as number;
  const actionsOf = (h: CsfHistory) => {
    const map = new Map<string, CsfHistory['actions']>();
    for (const a of h.actions) map.set(a.source_id, [...(map.get(a.source_id) ?? []), a]);
    return map;
  };
  const byAssessmentId = actionsOf(csf);
  /** The subcategory a title names, in brackets at its end. */
  const subcategoryOf = (title: string): string => {
    const m = /[(（]([A-Z]{2}\.[A-Z]{2}-\d{2})[)）]$/.exec(title);
    if (!m) throw new Error(`No subcategory in ${title}`);
    return m[1];
  };
  const userId = (prefix: string) => base.users.find((u) => u.email.startsWith(prefix))?.id;
  const done = (s: string) => s === 'done' || s === 'verified';
  const moved = (description: string) => / moved from |展延/.test(description);

  it('gives every approved assessment 1 to 4 recommendations and none to the others', () => {
    expect(csf.actions.length).toBeGreaterThan(300);
    for (const a of csf.assessments) {
      const n = byAssessmentId.get(a.id)?.length ?? 0;
      if (a.status === 'approved') {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(4);
      } else expect(n).toBe(0);
    }
    expect(new Set(csf.actions.map((a) => a.source_id)).size).toBe(
      csf.assessments.filter((a) => a.status === 'approved').length,
    );
    for (const a of csf.actions) {
      expect(a.source_type).toBe(CSF_ACTION_SOURCE);
      expect(a.source_type).toBe('infosec_csf_assessment');
      expect(a.program).toBe('infosec');
      expect(assessment.get(a.source_id)?.site_id).toBe(a.site_id);
    }
    expect(new Set(csf.actions.map((a) => a.id)).size).toBe(csf.actions.length);
    // 1 to 4 drawn, so the counts vary.
    expect(new Set([...byAssessmentId.values()].map((xs) => xs.length)).size).toBeGreaterThanOrEqual(3);
  });

  it("draws them from the assessment's weakest subcategories, corrective below level 2", () => {
    for (const [id, actions] of byAssessmentId) {
      const answers = (byAssessment.get(id) ?? []).filter((x) => !x.not_applicable);
      const gap = new Map(
        answers.map((x) => [x.subcategory, (x.target_level as number) - (x.current_level as number)]),
      );
      const level = new Map(answers.map((x) => [x.subcategory, x.current_level as number]));
      const chosen = actions.map((a) => subcategoryOf(a.title));
      expect(new Set(chosen).size).toBe(chosen.length);
      const smallest = Math.min(...chosen.map((s) => gap.get(s) as number));
      const largestLeft = Math.max(
        -Infinity,
        ...answers
          .filter((x) => !chosen.includes(x.subcategory))
          .map((x) => gap.get(x.subcategory) as number),
      );
      expect(smallest).toBeGreaterThanOrEqual(largestLeft);
      expect(smallest).toBeGreaterThan(0);
      actions.forEach((a, i) => {
        expect(a.kind).toBe((level.get(chosen[i]) as number) <= 1 ? 'corrective' : 'improvement');
      });
    }
    expect(csf.actions.some((a) => a.kind === 'corrective')).toBe(true);
    expect(csf.actions.some((a) => a.kind === 'improvement')).toBe(true);
  });

  it('names a practice of the catalogue in the language of the site, OT ones marked', () => {
    expect(Object.keys(RECOMMENDATIONS).sort()).toEqual([...CSF_SUBCATEGORIES].sort());
    const country = new Map(base.sites.map((s) => [s.id, s.country]));
    const cjk = /[\u4e00-\u9fff]/;
    for (const a of csf.actions) {
      const zh = ['TW', 'CN'].includes(country.get(a.site_id) ?? '');
      expect(cjk.test(a.title), a.title).toBe(zh);
      expect(cjk.test(a.description), a.description).toBe(zh);
      const [en, zhText] = RECOMMENDATIONS[subcategoryOf(a.title)];
      expect(a.title).toContain(zh ? zhText : en);
      expect(a.title.startsWith('OT')).toBe(assessment.get(a.source_id)?.domain === 'ot');
      expect(a.description).toContain(String(yearOfAction(a)));
    }
  });

  it("is owned by the site's officer where the demo has one, else by the CISO office", () => {
    const kh = base.sites.find((s) => s.code === 'ASE-KH')?.id;
    const spil = base.subsidiaries.find((s) => s.code === 'SPIL')?.id;
    const spilSites = new Set(base.sites.filter((s) => s.subsidiary_id === spil).map((s) => s.id));
    const owners = (pred: (siteId: string) => boolean) =>
      new Set(csf.actions.filter((a) => pred(a.site_id)).map((a) => a.owner_id));
    expect(owners((s) => s === kh)).toEqual(new Set([userId('officer.kh@')]));
    expect(owners((s) => spilSites.has(s))).toEqual(new Set([userId('officer.spil@')]));
    expect(owners((s) => s !== kh && !spilSites.has(s))).toEqual(new Set([userId('infosec.owner@')]));
  });

  it("has past years' done (most verified by the CISO office), some of last year's under way, this year's open", () => {
    const statuses = (year: number) =>
      csf.actions.filter((a) => yearOfAction(a) === year).map((a) => a.status);
    for (let year = 2019; year <= 2024; year++) {
      expect(statuses(year).every(done), String(year)).toBe(true);
      expect(statuses(year).filter((s) => s === 'verified').length).toBeGreaterThan(
        statuses(year).length / 3,
      );
    }
    const last = statuses(2025);
    expect(last.filter(done).length).toBeGreaterThan(last.length / 2);
    expect(last.filter((s) => s === 'in_progress').length).toBeGreaterThan(0);
    expect(last.filter((s) => s === 'open').length).toBeGreaterThan(0);
    expect(statuses(2026).length).toBeGreaterThan(0);
    expect(statuses(2026).every((s) => s === 'open')).toBe(true);
    const owner = userId('infosec.owner@');
    for (const a of csf.actions) {
      expect(a.done_at === null).toBe(!done(a.status));
      expect(a.verified_at === null).toBe(a.status !== 'verified');
      expect(a.verified_by).toBe(a.status === 'verified' ? owner : null);
      expect(a.effectiveness_note === null).toBe(a.status !== 'verified');
      if (a.done_at) expect(a.done_at.getTime()).toBeGreaterThanOrEqual(a.created_at.getTime());
      if (a.verified_at) expect(a.verified_at.getTime()).toBeGreaterThan((a.done_at as Date).getTime());
    }
    // Done mostly by the due date, a few a little late.
    const finished = csf.actions.filter((a) => a.done_at);
    const late = finished.filter((a) => (a.done_at as Date).toISOString().slice(0, 10) > a.due_date);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(finished.length / 3);
  });

  it('falls due 3 to 9 months after the approval, a moved due date only when under way', () => {
    const [min, max] = CSF_ACTION_DUE_DAYS;
    expect([min, max]).toEqual([90, 270]);
    for (const a of csf.actions) {
      const approved = assessment.get(a.source_id)?.approved_at?.getTime() as number;
      expect(a.created_at.getTime()).toBeGreaterThanOrEqual(approved);
      const due = Date.parse(`${a.due_date}T00:00:00+08:00`);
      expect(due).toBeGreaterThan(approved);
      if (moved(a.description)) {
        expect(done(a.status)).toBe(false);
        expect(due).toBeGreaterThan(today);
      } else {
        expect(due).toBeGreaterThanOrEqual(approved + (min - 1) * DAY);
        expect(due).toBeLessThanOrEqual(approved + (max + 1) * DAY);
      }
    }
    expect(csf.actions.filter((a) => moved(a.description)).length).toBeGreaterThan(0);
  });

  it('holds no moment after the demo clock but due dates, and opens on nothing overdue', () => {
    for (const clock of [CLOCK, '2026-12-31', '2027-01-10']) {
      const h = clock === CLOCK ? csf : small(clock).csf;
      const start = Date.parse(`${clock}T00:00:00+08:00`);
      const moments = [
        ...h.actions.flatMap((a) => [a.created_at, a.updated_at, a.done_at, a.verified_at]),
        ...h.obligations.flatMap((o) => [o.created_at, o.updated_at, o.done_at]),
      ].filter((d): d is Date => d !== null);
      expect(moments.filter((d) => d.getTime() > start)).toEqual([]);
      // The demo opens with nothing overdue: what is not done falls due after today.
      const late = h.actions.filter((a) => !done(a.status) && a.due_date <= clock);
      expect(late, clock).toEqual([]);
      expect(h.actions.some((a) => a.status === 'open')).toBe(true);
    }
  });

  it("puts each action's due date on the calendar, done with the action", () => {
    expect(csf.obligations).toHaveLength(csf.actions.length);
    const action = new Map(csf.actions.map((a) => [a.id, a]));
    for (const o of csf.obligations) {
      const a = action.get(o.source_id);
      expect(a).toBeDefined();
      if (!a) continue;
      expect(o).toMatchObject({
        kind: 'action.due',
        source_type: 'action',
        site_id: a.site_id,
        program: 'infosec',
        owner_id: a.owner_id,
        title: null,
        title_key: 'platform.action.due',
        title_params: { title: a.title },
        due_date: a.due_date,
        state: done(a.status) ? 'done' : 'open',
        done_at: a.done_at,
      });
    }
    expect(new Set(csf.obligations.map((o) => o.source_id)).size).toBe(csf.obligations.length);
  });
});

import { createHash } from 'node:crypto';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import {
  DEFAULT_ROLL_UP,
  exactMeanOfSites,
  type Hierarchy,
  rollUp,
} from '../../server/modules/infosec/csf/rules/maturity.ts';
import { generateDemoDataset } from './generate.ts';
import { generateInfosecDataset, infosecTables } from './infosec.ts';
import { CSF_CATALOGUE, type CsfAnswerRow, type CsfHistory, generateCsfHistory } from './infosec-csf.ts';

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
  const scores: (Decimal | null)[] = assessmentsOf(h, year, 'it')
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
  return (exactMeanOfSites(scores) as Decimal).toNumber();
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
    expect(names.slice(-4)).toEqual(['csf_campaigns', 'csf_assessments', 'csf_answers', 'csf_benchmarks']);
    const answers = tables.find((t) => t.table === 'csf_answers');
    expect(answers?.rows.length).toBe(csf.answers.length);
    expect(answers?.batchSize).toBeGreaterThan(0);
    // The bulk loader takes its columns from the first row: every row has them all.
    for (const t of tables.filter((t) => t.table.startsWith('csf_'))) {
      const columns = Object.keys(t.rows[0]).join();
      expect(t.rows.every((r) => Object.keys(r).join() === columns)).toBe(true);
    }
  });
});

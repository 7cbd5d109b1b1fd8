import {
  assess,
  decideBy,
  defaultScoringModel,
  type Indicators,
} from '#shared/modules/ip/reassessment/rules.ts';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { officeCalendar } from '../../server/modules/ip/rules/calendar.ts';
import { computeSchedule } from '../../server/modules/ip/rules/deadlines.ts';
import { addYears } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

const DECISIONS = ['keep', 'drop', 'license', 'keep', 'sell'] as const;
const REASONS: Record<(typeof DECISIONS)[number], [string, string]> = {
  keep: [
    'Used in current SiP and fan-out products; family covers our main markets.',
    '用於現行產品，家族涵蓋主要市場。',
  ],
  drop: ['No product uses it, no licensee, little life left.', '無產品使用、無被授權人，剩餘年限短。'],
  license: [
    'Strong claims and citations but not in our products: offer a licence.',
    '請求項與引用佳但未用於本公司產品：對外授權。',
  ],
  sell: ['Outside our technology roadmap; a buyer has asked.', '不在技術藍圖內，已有買方詢問。'],
};

/** The office calendars the demo's schedules are computed with: the USPTO's by statute, no other closures. */
function demoCalendars() {
  const calendars = new Map<Office, ReturnType<typeof officeCalendar>>();
  return (office: Office) => {
    let c = calendars.get(office);
    if (!c) {
      c = officeCalendar(
        office,
        [],
        office === 'US' ? [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028] : [],
      );
      calendars.set(office, c);
    }
    return c;
  };
}

/** A granted matter's schedule as the demo computes it. */
export function demoSchedule(m: Row, calendar = demoCalendars()) {
  return computeSchedule(
    {
      office: m.office as Office,
      kind: 'invention',
      route: 'direct',
      status: 'granted',
      filingDate: m.filing_date as string,
      priorityDate: (m.priority_date as string | null) ?? null,
      grantDate: (m.grant_date as string | null) ?? null,
      termAdjustmentDays: 0,
    },
    calendar,
  );
}

/**
 * The re-assessment indicators of a matter as the service reads them (family size, licences in force,
 * litigation, remaining life, and the facts entered on the matter), from the demo's rows on `today`.
 */
export function demoIndicators(
  today: string,
  portfolio: { matters: Row[] },
  licensing: { licenceMatters: Row[]; licenceFamilies: Row[]; cases: Row[] },
) {
  const familySize = new Map<unknown, number>();
  for (const m of portfolio.matters) familySize.set(m.family_id, (familySize.get(m.family_id) ?? 0) + 1);
  const litigation = new Map<unknown, number>();
  for (const c of licensing.cases)
    if (c.family_id && (c.kind === 'infringement' || c.kind === 'litigation'))
      litigation.set(c.family_id, (litigation.get(c.family_id) ?? 0) + 1);
  const licensed = (m: Row) =>
    licensing.licenceMatters.filter((l) => l.matter_id === m.id).length +
    licensing.licenceFamilies.filter((l) => l.family_id === m.family_id).length;
  return (m: Row, termEnd: string | null): Indicators => ({
    familySize: familySize.get(m.family_id) ?? 1,
    remainingLife: termEnd
      ? Math.round(((Date.parse(termEnd) - Date.parse(today)) / 86_400_000 / 365.25) * 10) / 10
      : null,
    claims: (m.claims as number | null) ?? null,
    forwardCitations: (m.forward_citations as number | null) ?? null,
    backwardCitations: (m.backward_citations as number | null) ?? null,
    litigation: litigation.get(m.family_id) ?? 0,
    usedInProducts: (m.used_in_products as boolean | null) ?? null,
    licences: licensed(m),
    technologyFit: (m.technology_fit as number | null) ?? null,
  });
}

/**
 * Keep or drop in the demo: granted patents with a fee due within a year, Kaohsiung's first (the demo site
 * officer's), carry the facts of their re-assessment (claims, citations, technology fit, use in products);
 * some are decided, with the re-assessment snapshot; the rest have the decision open as an obligation. Two
 * infringement or litigation cases name a family, so litigation counts.
 */
export function generateKeepDrop(
  data: DemoDataset,
  rng: Random,
  portfolio: { families: Row[]; matters: Row[] },
  licensing: { licenceMatters: Row[]; licenceFamilies: Row[]; cases: Row[] },
) {
  const today = data.clock;
  // The bulk loader takes its columns from the first row: every matter and case has the new ones.
  for (const m of portfolio.matters)
    Object.assign(m, {
      claims: null,
      forward_citations: null,
      backward_citations: null,
      technology_fit: null,
      used_in_products: null,
    });
  for (const c of licensing.cases) c.family_id = null;
  const horizon = addYears(today, 1);
  const site = (id: unknown) => data.sites.find((s) => s.id === id);
  const atKaohsiung = (m: Row) => (site(m.site_id)?.code === 'ASE-KH' ? 0 : 1);
  const calendar = demoCalendars();
  const candidates = portfolio.matters
    .filter((m) => m.status === 'granted' && ['TW', 'CN', 'US'].includes(m.office as string))
    .sort((a, b) => atKaohsiung(a) - atKaohsiung(b))
    .map((m) => {
      const s = demoSchedule(m, calendar);
      const fee = s.deadlines.find((d) => d.kind === 'annuity' && !d.atGrant && d.dueDate > today);
      return { m, s, fee };
    })
    .filter((c) => c.fee && c.fee.dueDate <= horizon)
    .slice(0, 36);

  // Two cases of infringement or litigation name a family of the candidates (Kaohsiung's first).
  const cases = licensing.cases.filter((c) => c.kind === 'infringement' || c.kind === 'litigation');
  cases.slice(0, 2).forEach((c, i) => {
    const m = candidates[i * 3]?.m;
    if (m) c.family_id = m.family_id;
  });
  const indicators = demoIndicators(today, portfolio, licensing);

  const decisions: Row[] = [];
  const obligations: Row[] = [];
  const officer = data.users.find((u) => u.email.startsWith('officer.kh@'));
  candidates.forEach(({ m, s, fee }, i) => {
    if (!fee) return;
    const used = i % 4 !== 1;
    m.claims = rng.int(6, 32);
    m.forward_citations = rng.int(0, 24);
    m.backward_citations = rng.int(3, 30);
    m.technology_fit = used ? rng.int(3, 5) : rng.int(1, 3);
    m.used_in_products = used;
    const decide = decideBy(fee.dueDate, defaultScoringModel.leadDays);
    // A third are decided, and every one whose decision fell due before today (the office keeps its
    // decisions in time), on a day before the decision was due and not after today.
    if (i % 3 === 2 || decide < today) {
      const values = indicators(m, s.termEnd);
      const assessment = assess(values, defaultScoringModel);
      const decision =
        assessment.recommendation === 'consider_drop'
          ? 'drop'
          : assessment.recommendation === 'revitalise'
            ? 'license'
            : DECISIONS[i % DECISIONS.length];
      const zh = ['TW', 'CN'].includes(site(m.site_id)?.country ?? '');
      decisions.push({
        id: rng.uuid(),
        matter_id: m.id,
        site_id: m.site_id,
        fee_year: fee.year,
        fee_due_date: fee.dueDate,
        decide_by: decide,
        decision,
        reason: REASONS[decision][zh ? 1 : 0],
        lapses_on: decision === 'drop' ? fee.actBy : null,
        assessment,
        decided_by: officer?.id ?? null,
        decided_on: decide < today ? decide : today,
      });
      return;
    }
    obligations.push({
      id: rng.uuid(),
      kind: 'ip.keep_drop',
      source_type: 'ip_matter',
      source_id: m.id,
      site_id: m.site_id,
      program: 'ip',
      owner_id: null,
      title: null,
      title_key: 'ip.obligation.keepOrDrop',
      title_params: {
        office: m.office,
        applicationNo: m.application_no,
        family: portfolio.families.find((f) => f.id === m.family_id)?.reference ?? '',
        year: fee.year ?? 0,
      },
      due_date: decide,
      due_at: null,
      state: 'open',
      done_at: null,
    });
  });
  return { decisions, obligations };
}

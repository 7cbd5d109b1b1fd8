import { type Assessment, assess, defaultScoringModel } from '#shared/modules/ip/reassessment/rules.ts';
import { grantedStatuses, type Status } from '#shared/modules/ip/rules/offices.ts';
import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { demoIndicators, demoSchedule } from './ip-keep-drop.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

const NAME = 'Fan-out patents in Taiwan: 2026 review';
const NOTES: Record<'drop' | 'sell' | 'license', [string, string]> = {
  drop: ['Superseded by the panel-level process; no product uses it.', '已由面板級製程取代，無產品使用。'],
  sell: ['Outside our technology roadmap; a buyer has asked.', '不在技術藍圖內，已有買方詢問。'],
  license: [
    'Strong claims not used in our products: offer a licence.',
    '請求項佳但未用於本公司產品：對外授權。',
  ],
};

/**
 * A portfolio review in the demo: the group IP office reviews the live granted Taiwan fan-out patents, launched
 * three weeks before the demo's day and due five weeks after it. Each item carries the re-assessment as the
 * campaign found it; Kaohsiung's officer has judged every one of the site's patents (the site's request is
 * done), the other sites about half of theirs (their requests are open).
 */
export function generateReviews(
  data: DemoDataset,
  rng: Random,
  portfolio: { families: Row[]; matters: Row[] },
  licensing: { licenceMatters: Row[]; licenceFamilies: Row[]; cases: Row[] },
) {
  const today = data.clock;
  const launchedOn = addDays(today, -21);
  const dueDate = addDays(today, 35);
  const owner = data.users.find((u) => u.email.startsWith('ip.owner@'))?.id ?? null;
  const officer = data.users.find((u) => u.email.startsWith('officer.kh@'))?.id ?? null;
  const families = new Map(portfolio.families.map((f) => [f.id, f]));
  const site = (id: unknown) => data.sites.find((s) => s.id === id);
  const indicators = demoIndicators(launchedOn, portfolio, licensing);
  const chosen = portfolio.matters.filter(
    (m) =>
      m.office === 'TW' &&
      grantedStatuses.includes(m.status as Status) &&
      families.get(m.family_id)?.technology === 'fan_out',
  );
  const campaign: Row = {
    id: rng.uuid(),
    name: NAME,
    due_date: dueDate,
    office: 'TW',
    technology: 'fan_out',
    subsidiary_id: null,
    granted_only: true,
    closed_on: null,
    created_by: owner,
    created_on: launchedOn,
    updated_by: owner,
  };
  const items: Row[] = [];
  const perSite = new Map<string, { total: number; judged: number }>();
  for (const m of chosen) {
    const a: Assessment = assess(indicators(m, demoSchedule(m).termEnd), defaultScoringModel);
    const siteId = m.site_id as string;
    const atKaohsiung = site(siteId)?.code === 'ASE-KH';
    const judged = atKaohsiung || rng.int(0, 1) === 1;
    const verdict = !judged
      ? null
      : a.recommendation === 'consider_drop'
        ? 'drop'
        : a.recommendation === 'revitalise'
          ? rng.pick(['sell', 'license'] as const)
          : 'keep';
    const zh = ['TW', 'CN'].includes(site(siteId)?.country ?? '');
    const tally = perSite.get(siteId) ?? { total: 0, judged: 0 };
    tally.total += 1;
    if (verdict) tally.judged += 1;
    perSite.set(siteId, tally);
    items.push({
      id: rng.uuid(),
      campaign_id: campaign.id,
      matter_id: m.id,
      site_id: siteId,
      assessment: a,
      score: a.overall,
      recommendation: a.recommendation,
      verdict,
      note: verdict && verdict !== 'keep' ? NOTES[verdict][zh ? 1 : 0] : null,
      // Kaohsiung's own officer; elsewhere the group IP office, which holds the program at every site.
      reviewed_by: verdict ? (atKaohsiung ? officer : owner) : null,
      reviewed_on: verdict ? addDays(launchedOn, rng.int(1, 20)) : null,
      updated_by: verdict && atKaohsiung ? officer : owner,
    });
  }
  const obligations: Row[] = [...perSite].map(([siteId, tally]) => ({
    id: rng.uuid(),
    kind: 'ip.review_campaign',
    source_type: 'ip_review_campaign',
    source_id: `${campaign.id}:${siteId}`,
    site_id: siteId,
    program: 'ip',
    owner_id: null,
    title: null,
    title_key: 'ip.obligation.reviewCampaign',
    title_params: { name: NAME, count: tally.total },
    due_date: dueDate,
    due_at: null,
    state: tally.judged === tally.total ? 'done' : 'open',
    done_at: tally.judged === tally.total ? new Date(`${addDays(launchedOn, 20)}T08:00:00Z`) : null,
  }));
  return { campaigns: chosen.length ? [campaign] : [], items, obligations };
}

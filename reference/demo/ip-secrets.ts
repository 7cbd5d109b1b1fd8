import { type Checklist, measuresScore, secretMeasures } from '#shared/modules/ip/rules/secrets.ts';
import { nextReviewDue } from '../../server/modules/ip/rules/secrets.ts';
import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

/**
 * What each manufacturing site protects as a trade secret, described without disclosing it (Traditional
 * Chinese at the Taiwanese and Chinese sites), with its category.
 */
const SECRETS: readonly [string, string, string][] = [
  ['Wire-bond parameter windows for fine-pitch copper wire', '細間距銅線打線參數窗口', 'technology'],
  ['Moulding compound formulation choices and cure profiles', '封膠材料配方選擇與固化曲線', 'technology'],
  ['Substrate supplier pricing and volume terms', '載板供應商價格與數量條件', 'cost_advantage'],
  ['Final-test yield analysis models', '終測良率分析模型', 'quality'],
  [
    'Equipment-to-MES integration design of the lights-out line',
    '關燈產線設備與 MES 整合設計',
    'smart_factory',
  ],
  ['Customer product roadmaps received under NDA', '依保密協議取得之客戶產品藍圖', 'customer'],
];

const STATES = ['yes', 'yes', 'yes', 'partial', 'no'] as const;

/** A handful of registered trade secrets per manufacturing site, owned by a person who works there. */
export function generateTradeSecrets(data: DemoDataset, rng: Random): { secrets: Row[]; obligations: Row[] } {
  const secrets: Row[] = [];
  const obligations: Row[] = [];
  const groupWide = data.roleAssignments.filter(
    (a) => a.scope_kind === 'group' && (a.role === 'group_admin' || a.program === 'ip'),
  );
  for (const site of data.sites.filter((s) => s.kind === 'manufacturing')) {
    const local = data.roleAssignments.filter(
      (a) => a.scope_kind === 'sites' && a.site_ids.includes(site.id),
    );
    const people = [...new Set((local.length ? local : groupWide).map((a) => a.user_id))];
    if (people.length === 0) continue;
    const zh = site.country === 'TW' || site.country === 'CN';
    const count = rng.int(3, 5);
    // The first `count` of a Fisher–Yates shuffle.
    const pool = [...SECRETS];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const picked = pool.slice(0, count);
    for (const [title, titleZh, category] of picked) {
      const checklist = Object.fromEntries(
        secretMeasures.map((m) => [m, { state: rng.pick(STATES), note: null }]),
      ) as Checklist;
      // Reviews spread over the last eleven months: each falls due within the coming year, and the demo opens, as
      // everywhere, on nothing overdue.
      const last = addDays(data.clock, -rng.int(20, 330));
      const due = nextReviewDue(last);
      const id = rng.uuid();
      const owner = rng.pick(people);
      const secretTitle = zh ? titleZh : title;
      secrets.push({
        id,
        site_id: site.id,
        title: secretTitle,
        category,
        owner_id: owner,
        access_user_ids: [...new Set([owner, rng.pick(people)])],
        checklist,
        score: measuresScore(checklist).score,
        last_review_date: last,
        next_review_due: due,
      });
      obligations.push({
        id: rng.uuid(),
        kind: 'ip.trade_secret_review',
        source_type: 'ip_trade_secret',
        source_id: id,
        site_id: site.id,
        program: 'ip',
        owner_id: owner,
        title: null,
        title_key: 'ip.obligation.tradeSecretReview',
        title_params: { title: secretTitle },
        due_date: due,
        due_at: null,
        state: 'open',
        done_at: null,
      });
    }
  }
  return { secrets, obligations };
}

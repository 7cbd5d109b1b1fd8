import {
  GENERAL_TEMPLATE,
  SEMI_E187_TEMPLATE,
} from '../../server/modules/infosec/suppliers/questionnaires.ts';
import {
  assessmentScore,
  followUpDue,
  type SupplierAnswer,
} from '../../shared/modules/infosec/suppliers/rules.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { writesChinese } from './organisation.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const day = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The seed's figure: the supplier cybersecurity assessments of 2022, the year the system was set up. */
export const SUPPLIER_ASSESSMENTS_2022 = 76;
/** Critical suppliers first assessed in the two years after. */
const LATER_SUPPLIERS = 14;

const NAME_PARTS = {
  first: [
    'Formosa',
    'Pacific',
    'Kaohsiung',
    'Nanzih',
    'Hsinchu',
    'Zhongli',
    'Suzhou',
    'Penang',
    'Incheon',
    'Kyushu',
  ],
  second: [
    'Precision',
    'Vacuum',
    'Wafer',
    'Bonding',
    'Fab Systems',
    'Automation',
    'Photonics',
    'Materials',
    'Data',
    'Logistics',
  ],
};
type Kind = {
  category: 'equipment' | 'materials' | 'it_services' | 'software' | 'facilities' | 'logistics';
  en: string;
  zh: string;
  country: string[];
};
const KINDS: Kind[] = [
  {
    category: 'equipment',
    en: 'Wire bonders and their field service',
    zh: '焊線機及現場維修服務',
    country: ['JP', 'US', 'SG'],
  },
  {
    category: 'equipment',
    en: 'Die attach and molding equipment',
    zh: '黏晶及封膠設備',
    country: ['JP', 'NL', 'TW'],
  },
  {
    category: 'equipment',
    en: 'Test handlers and probers',
    zh: '測試分類機及探針台',
    country: ['JP', 'TW', 'US'],
  },
  {
    category: 'equipment',
    en: 'Automated optical inspection systems',
    zh: '自動光學檢測設備',
    country: ['TW', 'KR', 'IL'],
  },
  {
    category: 'materials',
    en: 'Substrates and lead frames',
    zh: '載板及導線架',
    country: ['TW', 'JP', 'KR'],
  },
  {
    category: 'it_services',
    en: 'MES hosting and support',
    zh: '製造執行系統代管及維運',
    country: ['TW', 'IN'],
  },
  {
    category: 'software',
    en: 'Equipment automation software',
    zh: '設備自動化軟體',
    country: ['TW', 'US', 'DE'],
  },
  {
    category: 'facilities',
    en: 'Cleanroom and facility monitoring',
    zh: '無塵室及廠務監控',
    country: ['TW', 'CN', 'MY'],
  },
  {
    category: 'logistics',
    en: 'Customs brokerage and shipment tracking',
    zh: '報關及貨運追蹤',
    country: ['TW', 'SG', 'CN'],
  },
];

/** Answers that look like a supplier's: most requirements met, some in part, a few not. */
function answersFor(rng: Random, codes: string[], strength: number): Map<string, SupplierAnswer> {
  const out = new Map<string, SupplierAnswer>();
  for (const code of codes) {
    const r = rng.next();
    out.set(code, r < strength ? 'yes' : r < strength + 0.2 ? 'partial' : r < 0.97 ? 'no' : 'not_applicable');
  }
  return out;
}

/**
 * The demo's supplier cybersecurity assessments: the group's critical suppliers, each managed by a
 * manufacturing site, with a contact; the 76 assessments of 2022 (each through its four steps, confirmed in
 * the year), the suppliers first assessed in 2023 and 2024, and three years on the follow-up evaluations of
 * 2025 (most confirmed, some still open, the rest overdue as obligations).
 */
export function supplierTables(group: DemoDataset, ownerId: string | null): TableRows[] {
  const rng = new Random(`${group.seed}:infosec-suppliers`);
  const clock = group.clock;
  const plants = group.sites.filter((s) => s.kind === 'manufacturing');
  const suppliers: Row[] = [];
  const served: Row[] = [];
  const contacts: Row[] = [];
  const assessments: Row[] = [];
  const answers: Row[] = [];
  const obligations: Row[] = [];
  if (plants.length === 0) return [];
  const total = SUPPLIER_ASSESSMENTS_2022 + LATER_SUPPLIERS;
  const stamps = { created_by: ownerId, updated_by: ownerId };

  function assess(
    supplier: Row,
    template: typeof SEMI_E187_TEMPLATE,
    startedOn: string,
    previousId: string | null,
    until: 'current_situation' | 'guidance' | 'confirmed',
  ) {
    const id = rng.uuid();
    const codes = template.questions.map((q) => q.code);
    const given = answersFor(rng, codes, previousId ? 0.8 : 0.6);
    // In the current situation, the supplier is part-way through the questionnaire.
    const kept =
      until === 'current_situation' ? new Map([...given].slice(0, rng.int(0, codes.length - 1))) : given;
    const guidanceOn = until === 'current_situation' ? null : day(startedOn, rng.int(20, 40));
    const confirmedOn = until === 'confirmed' && guidanceOn ? day(guidanceOn, rng.int(30, 60)) : null;
    const score = guidanceOn ? assessmentScore(template.questions, kept).score : null;
    assessments.push({
      id,
      supplier_id: supplier.id,
      site_id: supplier.site_id,
      template_id: template.id,
      // The bulk load writes each row as JSON: the list goes in as it is.
      questions: template.questions,
      kind: previousId ? 'follow_up' : 'initial',
      previous_id: previousId,
      status: until,
      started_on: startedOn,
      guidance_on: guidanceOn,
      confirmed_on: confirmedOn,
      followed_up_on: null,
      guidance_note: null,
      result_note: null,
      score,
      ...stamps,
    });
    for (const [code, answer] of kept)
      answers.push({
        assessment_id: id,
        question_code: code,
        answer,
        note: null,
        answered_by: ownerId,
        answered_at: new Date(Date.parse(`${startedOn}T02:00:00Z`) + 7 * DAY),
      });
    return clip(assessments[assessments.length - 1]);
  }

  /** A step recorded after today has not happened yet: the assessment waits in the step before it. */
  function clip(a: Row) {
    if (a.confirmed_on && (a.confirmed_on as string) >= clock)
      Object.assign(a, { status: 'guidance', confirmed_on: null });
    if (a.guidance_on && (a.guidance_on as string) >= clock)
      Object.assign(a, { status: 'current_situation', guidance_on: null, score: null });
    return a;
  }

  function followUpObligation(a: Row, supplierName: string, state: 'open' | 'done', doneOn: string | null) {
    obligations.push({
      id: rng.uuid(),
      kind: 'infosec.supplier_follow_up_due',
      source_type: 'infosec_supplier_assessment',
      source_id: a.id,
      site_id: a.site_id,
      program: 'infosec',
      owner_id: null,
      title: null,
      title_key: 'infosec.supplier.followUpDue',
      title_params: { supplier: supplierName, confirmedOn: a.confirmed_on },
      due_date: followUpDue(a.confirmed_on as string),
      due_at: null,
      state,
      done_at: doneOn ? new Date(`${doneOn}T08:00:00Z`) : null,
    });
  }

  for (let i = 0; i < total; i++) {
    const site = plants[i % plants.length];
    const kind = KINDS[i % KINDS.length];
    const name = `${NAME_PARTS.first[i % 10]} ${NAME_PARTS.second[Math.floor(i / 10) % 10]}`;
    const supplier = {
      id: rng.uuid(),
      site_id: site.id,
      name,
      country: rng.pick(kind.country),
      supplies: writesChinese(site.country) ? kind.zh : kind.en,
      category: kind.category,
      criticality: rng.weighted([
        ['critical', 3],
        ['high', 2],
        ['medium', 1],
      ] as const),
      active: true,
      ...stamps,
    };
    suppliers.push(supplier);
    for (const other of [site, rng.pick(plants)])
      if (!served.some((s) => s.supplier_id === supplier.id && s.site_id === other.id))
        served.push({ supplier_id: supplier.id, site_id: other.id });
    const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
    contacts.push({
      id: rng.uuid(),
      supplier_id: supplier.id,
      name: rng.pick([
        'Lin Mei-Hua',
        'Tanaka Kenji',
        'Park Ji-won',
        'Chen Jia-Hao',
        'Maria Santos',
        'Tan Wei Ming',
      ]),
      email: `security@${domain}`,
      phone: null,
      position: 'Information security manager',
      user_id: null,
      ...stamps,
    });
    const template = kind.category === 'equipment' ? SEMI_E187_TEMPLATE : GENERAL_TEMPLATE;
    // The first 76 were assessed in 2022 (started by September, confirmed within the year); the others later.
    const firstYear = i < SUPPLIER_ASSESSMENTS_2022 ? 2022 : 2023 + (i % 2);
    const startedOn = day(`${firstYear}-01-10`, rng.int(0, 230));
    if (startedOn >= clock) continue;
    const first = assess(supplier, template, startedOn, null, 'confirmed');
    if (!first.confirmed_on) continue;
    // Three years on: most of 2022's suppliers had their follow-up evaluation in 2025; some are under way
    // this year, the rest are overdue.
    const dueOn = followUpDue(first.confirmed_on as string);
    const roll = rng.next();
    const followStart = day(dueOn, -rng.int(30, 90));
    if (roll < 0.6 && followStart < clock) {
      const follow = assess(supplier, template, followStart, first.id as string, 'confirmed');
      if (follow.confirmed_on) {
        first.status = 'followed_up';
        first.followed_up_on = follow.confirmed_on;
        followUpObligation(first, name, 'done', follow.confirmed_on as string);
        followUpObligation(follow, name, 'open', null);
        continue;
      }
    } else if (roll < 0.75 && followStart < clock) {
      assess(supplier, template, day(clock, -rng.int(10, 60)), first.id as string, 'current_situation');
    }
    followUpObligation(first, name, 'open', null);
  }

  return [
    { table: 'infosec_suppliers', rows: suppliers },
    { table: 'infosec_supplier_sites', rows: served },
    { table: 'infosec_supplier_contacts', rows: contacts },
    { table: 'infosec_supplier_assessments', rows: assessments },
    { table: 'infosec_supplier_answers', rows: answers },
    { table: 'obligations', rows: obligations },
  ];
}

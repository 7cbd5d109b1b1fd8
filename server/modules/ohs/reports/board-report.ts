import type { RateSet } from '#shared/modules/ohs/statistics/contract.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { renderMessage } from '../../../platform/i18n/index.ts';
import type { Block, ReportDefinition, ReportLocale } from '../../../platform/reports/definition.ts';
import { ohsWord } from '../messages.ts';

/**
 * The year's OHS report to the Board, as a report definition (rendered to PDF and XLSX by the report kit).
 * Pure: takes the figures, returns the document, in English or Traditional Chinese.
 */

type Row = {
  key: string;
  label: string;
  period: string;
  employees: RateSet;
  nonEmployees: RateSet;
  all: RateSet;
  injuryCases: number;
};
type Count = number | '<5';

export type BoardReportData = {
  year: number;
  rounding: 'truncate' | 'round-half-up';
  group: Row | null;
  previous: Row | null;
  /**
   * For the year still running: this year and last year from 1 January to the same day (MM-DD, read in
   * `timeZone`), which the comparisons use instead of the whole of last year.
   */
  toDate: { current: Row | null; previous: Row | null; through: string; timeZone: string } | null;
  bySubsidiary: Row[];
  bySite: Row[];
  monthly: Row[];
  /** null: withheld, the reader may not see health figures (said so in words, never zeros). */
  health: { peopleScreened: Count; costMinor: number; abnormal: Count; followUpsOpen: Count } | null;
  wellbeing: { kind: string; programs: number; participations: number }[];
  /** null: withheld, the reader may not see certificates. */
  certificates: { site: string; validUntil: string; status: string }[] | null;
  goals: {
    title: string;
    target: string;
    actual: string | null;
    /** What the actual covers (see goalView): the goal's scope, the reader's sites only, or withheld. */
    actualOf: 'goal' | 'reader_sites' | 'withheld';
    met: boolean | null;
  }[];
  investigations: { open: number; closed: number };
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '12-03' as "3 Dec" or "12 月 3 日". */
function dayMonth(monthDay: string, locale: ReportLocale): string {
  const [m, d] = monthDay.split('-').map(Number);
  return locale === 'en' ? `${d} ${MONTHS[m - 1]}` : `${m} 月 ${d} 日`;
}

const words = {
  en: {
    title: (y: number) => `Occupational health and safety ${y}`,
    subtitle: 'Report to the Board of Directors',
    summary: 'Summary',
    intro: (y: number, cases: number) =>
      `In ${y} there were ${cases} occupational injury cases (traffic and commuting accidents excluded), counted from the injuries recorded at every site.`,
    rounding: (r: string) =>
      `Rates follow the Ministry of Labor's definitions (FR per million hours to 2 decimals, SR an integer, FSI = √(FR × SR / 1000)), ${r === 'truncate' ? 'truncated' : 'rounded'}; group and subsidiary rates come from summed injuries and hours.`,
    cases: 'Injury cases',
    fr: 'FR',
    sr: 'SR',
    fsi: 'FSI',
    fatalities: 'Fatalities',
    hours: 'Hours worked',
    vs: (y: number) => `vs ${y}`,
    vsToDate: (y: number, through: string) => `vs 1 Jan – ${dayMonth(through, 'en')} ${y}`,
    toDateText: (y: number, through: string, zone: string) =>
      `${y} is still running: its figures to date are compared with the same days of ${y - 1}, 1 January to ${dayMonth(through, 'en')} of both years (${zone} time).`,
    bySubsidiary: 'By subsidiary',
    bySite: 'By site',
    unit: 'Unit',
    employees: 'Employees',
    others: 'Other workers',
    disabling: 'Disabling injuries',
    daysLost: 'Days lost',
    trir: 'TRIR',
    monthly: 'Monthly trend',
    month: 'Month',
    gri: 'GRI 403-9',
    griText:
      'Rates per 1,000,000 hours worked, employees and other workers apart. High-consequence injuries: those from which the worker did not, or is not expected to, recover fully within six months, as recorded on each injury; fatalities are counted apart.',
    metric: 'Indicator',
    highConsequence: 'High-consequence injuries',
    recordable: 'Recordable injuries',
    rate: 'rate',
    mainTypes: 'Main injury types',
    health: 'Health and wellbeing',
    screened: 'People screened',
    cost: 'Screening cost',
    abnormal: 'Abnormal results',
    followUps: 'Follow-ups open',
    programs: 'Programs',
    participations: 'Participations',
    kind: 'Kind',
    certificates: 'ISO 45001 certificates',
    site: 'Site',
    validUntil: 'Valid until',
    status: 'Status',
    goals: 'Goals',
    goal: 'Goal',
    target: 'Target',
    actual: 'Actual',
    met: 'Met',
    yes: 'yes',
    no: 'no',
    investigations: (o: number, c: number) => `${o} investigations open, ${c} closed.`,
    none: 'None',
    healthWithheld: 'Withheld: your access does not include health figures.',
    certificatesWithheld: 'Withheld: your access does not include certificates.',
    actualWithheld: 'withheld',
    yourSites: (v: string) => `${v} (your sites only, not the group)`,
  },
  'zh-TW': {
    title: (y: number) => `${y} 年職業安全衛生報告`,
    subtitle: '向董事會報告',
    summary: '摘要',
    intro: (y: number, cases: number) =>
      `${y} 年共發生職業傷害 ${cases} 件（不含交通及通勤事故），依各廠區登錄之傷害紀錄計算。`,
    rounding: (r: string) =>
      `各項比率依勞動部定義計算（FR 以每百萬工時計至小數第二位，SR 取整數，FSI = √(FR × SR / 1000)），採${r === 'truncate' ? '無條件捨去' : '四捨五入'}；集團及子公司比率由傷害件數與工時加總後計算。`,
    cases: '職業傷害件數',
    fr: '失能傷害頻率 FR',
    sr: '失能傷害嚴重率 SR',
    fsi: '綜合傷害指數 FSI',
    fatalities: '死亡人數',
    hours: '總經歷工時',
    vs: (y: number) => `與 ${y} 年比較`,
    vsToDate: (y: number, through: string) => `與 ${y} 年 1 月 1 日至${dayMonth(through, 'zh-TW')}比較`,
    toDateText: (y: number, through: string, zone: string) =>
      `${y} 年尚未結束：今年迄今的數字與 ${y - 1} 年同期比較，兩年皆為 1 月 1 日至${dayMonth(through, 'zh-TW')}（${zone} 時間）。`,
    bySubsidiary: '各子公司',
    bySite: '各廠區',
    unit: '單位',
    employees: '員工',
    others: '非員工工作者',
    disabling: '失能傷害件數',
    daysLost: '損失日數',
    trir: 'TRIR',
    monthly: '每月趨勢',
    month: '月份',
    gri: 'GRI 403-9',
    griText:
      '每百萬工時比率，員工與非員工工作者分列。嚴重後果職業傷害：依各傷害紀錄，工作者六個月內未或預期無法完全康復者；死亡人數另列。',
    metric: '指標',
    highConsequence: '嚴重後果職業傷害',
    recordable: '可記錄職業傷害',
    rate: '比率',
    mainTypes: '主要傷害類型',
    health: '健康與福祉',
    screened: '健康檢查人數',
    cost: '健康檢查費用',
    abnormal: '異常結果',
    followUps: '追蹤中',
    programs: '方案數',
    participations: '參與人次',
    kind: '類別',
    certificates: 'ISO 45001 驗證',
    site: '廠區',
    validUntil: '有效期限',
    status: '狀態',
    goals: '目標',
    goal: '目標',
    target: '目標值',
    actual: '實際值',
    met: '達成',
    yes: '是',
    no: '否',
    investigations: (o: number, c: number) => `調查進行中 ${o} 件，已結案 ${c} 件。`,
    none: '無',
    healthWithheld: '不予顯示：您的權限不包含健康數據。',
    certificatesWithheld: '不予顯示：您的權限不包含驗證證書。',
    actualWithheld: '不予顯示',
    yourSites: (v: string) => `${v}（僅您可見的廠區，非全集團）`,
  },
} as const;

type Words = (typeof words)[ReportLocale];

/** The year's health figures, or the words saying they are withheld from this reader. */
function healthFigures(h: BoardReportData['health'], w: Words): Block[] {
  if (h === null) return [{ kind: 'paragraph', text: w.healthWithheld }];
  return [
    {
      kind: 'figures',
      figures: [
        {
          label: w.screened,
          value: h.peopleScreened,
          format: typeof h.peopleScreened === 'number' ? 'integer' : undefined,
        },
        { label: w.cost, value: h.costMinor / 100, unit: 'NT$', format: 'integer' },
        {
          label: w.abnormal,
          value: h.abnormal,
          format: typeof h.abnormal === 'number' ? 'integer' : undefined,
        },
        {
          label: w.followUps,
          value: h.followUpsOpen,
          format: typeof h.followUpsOpen === 'number' ? 'integer' : undefined,
        },
      ],
    },
  ];
}

const num = (v: string | null) => (v === null ? null : Number(v));
const change = (now: string | null, before: string | null) =>
  now === null || before === null ? null : Number(now) - Number(before);

export function ohsBoardReport(
  d: BoardReportData,
  o: { locale: ReportLocale; generatedAt: Date; author?: string },
): ReportDefinition {
  const w = words[o.locale];
  const g = d.group;
  // Comparisons: for the year still running, the same span of both years; else the whole of both.
  const cg = d.toDate ? d.toDate.current : g;
  const p = d.toDate ? d.toDate.previous : d.previous;
  const vs = d.toDate ? w.vsToDate(d.year - 1, d.toDate.through) : w.vs(d.year - 1);
  const rateRow = (r: Row) => [
    r.label,
    Number(r.all.hours),
    r.all.disablingInjuries,
    r.all.daysLost,
    num(r.all.fr),
    num(r.all.sr),
    num(r.all.fsi),
    r.injuryCases,
  ];
  const rateColumns = [
    { header: w.unit, format: 'text' as const },
    { header: w.hours, format: 'integer' as const },
    { header: w.disabling, format: 'integer' as const },
    { header: w.daysLost, format: 'integer' as const },
    { header: w.fr, format: 'decimal' as const, decimals: 2 },
    { header: w.sr, format: 'integer' as const },
    { header: w.fsi, format: 'decimal' as const, decimals: 2 },
    { header: w.cases, format: 'integer' as const },
  ];
  const cmp = (label: string, a: string | null, b: string | null, decimals = 2) => {
    const c = change(a, b);
    return c === null
      ? undefined
      : { label, change: Number(c.toFixed(decimals)), decimals, better: 'lower' as const };
  };
  return {
    title: w.title(d.year),
    subtitle: w.subtitle,
    locale: o.locale,
    generatedAt: o.generatedAt,
    timeZone: GROUP_TIME_ZONE,
    author: o.author,
    sections: [
      {
        heading: w.summary,
        blocks: [
          { kind: 'paragraph', text: w.intro(d.year, g?.injuryCases ?? 0) },
          {
            kind: 'figures',
            figures: [
              {
                label: w.cases,
                value: g?.injuryCases ?? 0,
                format: 'integer',
                comparison:
                  p && cg
                    ? { label: vs, change: cg.injuryCases - p.injuryCases, better: 'lower' }
                    : undefined,
              },
              {
                label: w.fr,
                value: g?.all.fr ?? '—',
                comparison: cmp(vs, cg?.all.fr ?? null, p?.all.fr ?? null),
              },
              {
                label: w.sr,
                value: g?.all.sr ?? '—',
                comparison: cmp(vs, cg?.all.sr ?? null, p?.all.sr ?? null, 0),
              },
              { label: w.fsi, value: g?.all.fsi ?? '—' },
              { label: w.fatalities, value: g?.all.fatalities ?? 0, format: 'integer' },
            ],
          },
          ...(d.toDate
            ? [
                {
                  kind: 'paragraph' as const,
                  text: w.toDateText(d.year, d.toDate.through, d.toDate.timeZone),
                },
              ]
            : []),
          { kind: 'paragraph', text: w.rounding(d.rounding) },
          { kind: 'paragraph', text: w.investigations(d.investigations.open, d.investigations.closed) },
        ],
      },
      {
        heading: w.monthly,
        blocks: [
          {
            kind: 'chart',
            chart: 'stacked-bar',
            title: w.cases,
            categoryLabel: w.month,
            categories: d.monthly.map((m) => m.period),
            series: [
              { name: w.employees, values: d.monthly.map((m) => m.employees.recordable) },
              { name: w.others, values: d.monthly.map((m) => m.nonEmployees.recordable) },
            ],
          },
        ],
      },
      {
        heading: w.bySubsidiary,
        blocks: [
          {
            kind: 'table',
            title: w.bySubsidiary,
            columns: rateColumns,
            rows: d.bySubsidiary.map(rateRow),
            totals: g ? rateRow({ ...g, label: '' }).map((c, i) => (i === 0 ? null : c)) : undefined,
            emptyText: w.none,
          },
        ],
      },
      {
        heading: w.bySite,
        blocks: [
          {
            kind: 'table',
            title: w.bySite,
            columns: rateColumns,
            rows: d.bySite.map(rateRow),
            emptyText: w.none,
          },
        ],
      },
      {
        heading: w.gri,
        blocks: [
          { kind: 'paragraph', text: w.griText },
          {
            kind: 'table',
            title: w.gri,
            columns: [
              { header: w.metric, format: 'text' },
              { header: w.employees, format: 'integer' },
              { header: w.others, format: 'integer' },
            ],
            rows: g
              ? [
                  [w.fatalities, g.employees.fatalities, g.nonEmployees.fatalities],
                  [w.highConsequence, g.employees.highConsequence, g.nonEmployees.highConsequence],
                  [w.recordable, g.employees.recordable, g.nonEmployees.recordable],
                  [w.hours, Number(g.employees.hours), Number(g.nonEmployees.hours)],
                ]
              : [],
            emptyText: w.none,
          },
          {
            kind: 'table',
            title: `${w.gri} ${w.rate}`,
            columns: [
              { header: w.metric, format: 'text' },
              { header: w.employees, format: 'decimal', decimals: 2 },
              { header: w.others, format: 'decimal', decimals: 2 },
            ],
            rows: g
              ? [
                  [
                    w.fatalities,
                    num(g.employees.gri.fatalityRatePerMillion),
                    num(g.nonEmployees.gri.fatalityRatePerMillion),
                  ],
                  [
                    w.highConsequence,
                    num(g.employees.gri.highConsequenceRatePerMillion),
                    num(g.nonEmployees.gri.highConsequenceRatePerMillion),
                  ],
                  [
                    w.recordable,
                    num(g.employees.gri.recordableRatePerMillion),
                    num(g.nonEmployees.gri.recordableRatePerMillion),
                  ],
                ]
              : [],
            emptyText: w.none,
          },
          {
            kind: 'paragraph',
            text: `${w.mainTypes}: ${(g?.all.mainInjuryTypes ?? []).map((t) => `${renderMessage(o.locale, ohsWord('ohs.injuryType', t.injuryType))} (${t.count})`).join(', ') || w.none}`,
          },
        ],
      },
      {
        heading: w.health,
        blocks: [
          ...healthFigures(d.health, w),
          {
            kind: 'table',
            title: w.health,
            columns: [
              { header: w.kind, format: 'text' },
              { header: w.programs, format: 'integer' },
              { header: w.participations, format: 'integer' },
            ],
            rows: d.wellbeing
              .filter((k) => k.programs > 0)
              .map((k) => [
                renderMessage(o.locale, ohsWord('ohs.wellbeingKind', k.kind)),
                k.programs,
                k.participations,
              ]),
            emptyText: w.none,
          },
        ],
      },
      {
        heading: w.certificates,
        blocks:
          d.certificates === null
            ? [{ kind: 'paragraph', text: w.certificatesWithheld }]
            : [
                {
                  kind: 'table',
                  title: w.certificates,
                  columns: [
                    { header: w.site, format: 'text' },
                    { header: w.validUntil, format: 'text' },
                    { header: w.status, format: 'text' },
                  ],
                  rows: d.certificates.map((c) => [c.site, c.validUntil, c.status]),
                  emptyText: w.none,
                },
              ],
      },
      {
        heading: w.goals,
        blocks: [
          {
            kind: 'table',
            title: w.goals,
            columns: [
              { header: w.goal, format: 'text', maxWidth: 220 },
              { header: w.target, format: 'text' },
              { header: w.actual, format: 'text' },
              { header: w.met, format: 'text' },
            ],
            rows: d.goals.map((x) => [
              x.title,
              x.target,
              x.actualOf === 'withheld'
                ? w.actualWithheld
                : x.actualOf === 'reader_sites' && x.actual !== null
                  ? w.yourSites(x.actual)
                  : (x.actual ?? '—'),
              x.met === null ? '—' : x.met ? w.yes : w.no,
            ]),
            emptyText: w.none,
          },
        ],
      },
    ],
  };
}

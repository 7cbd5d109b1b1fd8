import type {
  AssessmentView,
  CatalogueView,
  HeatMapView,
  Scale,
  TrendView,
} from '#shared/modules/infosec/csf/contract.ts';
import type { ActionSummary } from '#shared/platform/actions/contract.ts';
import type { Block, ReportDefinition, ReportLocale, Section } from '../../../platform/reports/definition.ts';

/**
 * The NIST CSF reports as report definitions (rendered to PDF and XLSX by the report kit): one site's
 * assessment, and the group's year for the Board. Pure: they take the figures the service computed and
 * return the document, in English or Traditional Chinese. A score nobody can compute reads "not assessed".
 */

const words = {
  en: {
    siteTitle: (site: string, domain: string, year: number) =>
      `NIST CSF maturity: ${site} ${domain}, ${year}`,
    boardTitle: (year: number) => `Cybersecurity maturity (NIST CSF), ${year}`,
    revision: (n: number, status: string) => `Revision ${n}, ${status}`,
    summary: 'Summary',
    score: 'Site score',
    answered: 'Subcategories answered',
    notApplicable: 'Not applicable',
    targetMean: 'Target (mean)',
    functions: 'Functions',
    categories: 'Categories',
    function: 'Function',
    category: 'Category',
    subcategory: 'Subcategory',
    statement: 'Statement',
    current: 'Current',
    target: 'Target',
    gap: 'Gap to target',
    counted: 'Levels counted',
    level: 'Level',
    notes: 'Notes',
    answers: 'Answers',
    recommendations: 'Recommendations',
    recommendation: 'Recommendation',
    status: 'Status',
    due: 'Due',
    none: 'None recorded.',
    notAssessed: 'not assessed',
    na: 'not applicable',
    ruleText: (weights: string) =>
      `Scores are the mean of the applicable subcategory levels (0–5), "not applicable" and unanswered left out, shown to one decimal rounded half up${weights ? `; a site's score weighs functions ${weights}` : ''}. Subsidiary and group scores are the mean of their sites' scores.`,
    govern: 'Assessed on CSF 1.1: Govern (new in CSF 2.0) was not assessed this year.',
    correction: (reason: string) => `This revision corrects an approved assessment: ${reason}`,
    sitesAssessed: 'Sites assessed (IT)',
    otAssessed: 'OT assessments',
    groupScore: 'Group score',
    sharedScore: 'Group score, five shared functions',
    bySubsidiary: 'By subsidiary',
    bySite: 'By site',
    subsidiary: 'Subsidiary',
    site: 'Site',
    trend: 'Year over year',
    year: 'Year',
    basis: 'Framework',
    benchmark: 'Industry benchmark',
    trendNote:
      'Years before 2024 were assessed on CSF 1.1, without Govern: the comparison across years uses the five functions both versions share (Identify, Protect, Detect, Respond, Recover).',
    gaps: 'Largest gaps to target',
    meanGap: 'Mean gap',
    sitesBelow: 'Sites below target',
    sitesAssessedCol: 'Sites assessed',
    noApproved: 'No assessment of this year is approved yet.',
    statusWords: {
      draft: 'draft',
      in_review: 'in review at the site',
      reviewed: 'reviewed by the site',
      signed_off: 'signed off by the assessor',
      approved: 'approved',
      superseded: 'superseded by a correction',
    } as Record<string, string>,
    actionStatus: { open: 'open', in_progress: 'in progress', done: 'done', verified: 'verified' } as Record<
      string,
      string
    >,
  },
  'zh-TW': {
    siteTitle: (site: string, domain: string, year: number) =>
      `NIST CSF 成熟度：${site} ${domain}，${year} 年`,
    boardTitle: (year: number) => `資安成熟度（NIST CSF），${year} 年`,
    revision: (n: number, status: string) => `第 ${n} 版，${status}`,
    summary: '摘要',
    score: '廠區分數',
    answered: '已回答子類別',
    notApplicable: '不適用',
    targetMean: '目標（平均）',
    functions: '功能',
    categories: '類別',
    function: '功能',
    category: '類別',
    subcategory: '子類別',
    statement: '敘述',
    current: '現況',
    target: '目標',
    gap: '與目標差距',
    counted: '計入等級數',
    level: '等級',
    notes: '備註',
    answers: '評估結果',
    recommendations: '改善建議',
    recommendation: '建議',
    status: '狀態',
    due: '期限',
    none: '尚無紀錄。',
    notAssessed: '未評估',
    na: '不適用',
    ruleText: (weights: string) =>
      `分數為適用子類別等級（0–5）的平均，不適用與未回答者不計，四捨五入至小數一位${weights ? `；廠區分數依功能加權：${weights}` : ''}。子公司與集團分數為所屬廠區分數的平均。`,
    govern: '本年度依 CSF 1.1 評估：治理（CSF 2.0 新增）未評估。',
    correction: (reason: string) => `本版更正已核准的評估：${reason}`,
    sitesAssessed: '受評廠區（IT）',
    otAssessed: 'OT 評估',
    groupScore: '集團分數',
    sharedScore: '集團分數（五項共同功能）',
    bySubsidiary: '各子公司',
    bySite: '各廠區',
    subsidiary: '子公司',
    site: '廠區',
    trend: '逐年趨勢',
    year: '年度',
    basis: '框架版本',
    benchmark: '產業標竿',
    trendNote:
      '2024 年以前依 CSF 1.1 評估，不含治理：跨年度比較採兩版共有的五項功能（識別、保護、偵測、回應、復原）。',
    gaps: '與目標差距最大者',
    meanGap: '平均差距',
    sitesBelow: '未達目標廠區數',
    sitesAssessedCol: '受評廠區數',
    noApproved: '本年度尚無核准的評估。',
    statusWords: {
      draft: '草稿',
      in_review: '廠區審閱中',
      reviewed: '廠區已審閱',
      signed_off: '評估者已簽核',
      approved: '已核准',
      superseded: '已由更正版取代',
    } as Record<string, string>,
    actionStatus: { open: '未開始', in_progress: '進行中', done: '已完成', verified: '已驗證' } as Record<
      string,
      string
    >,
  },
};

type Words = (typeof words)['en'];

const domainName = (d: 'it' | 'ot') => (d === 'it' ? 'IT' : 'OT');

function ruleParagraph(w: Words, rule: { functionWeights: Record<string, number> }): Block {
  const weights = Object.entries(rule.functionWeights)
    .map(([f, x]) => `${f} × ${x}`)
    .join(', ');
  return { kind: 'paragraph', text: w.ruleText(weights) };
}

const scoreCell = (v: number | null) => v;

export type SiteReportData = {
  assessment: AssessmentView;
  catalogue: CatalogueView;
  scale: Scale;
  recommendations: ActionSummary[];
  generatedAt: Date;
};

/** One site's assessment: scores by function and category, every answer, the recommendations. */
export function csfSiteReport(d: SiteReportData, locale: ReportLocale): ReportDefinition {
  const w = words[locale];
  const a = d.assessment;
  const label = (level: number | null, na: boolean) =>
    na ? w.na : level === null ? w.notAssessed : `${level} ${d.scale.labels[level]?.[locale] ?? ''}`.trim();
  const answers = new Map(a.answers.map((x) => [x.subcategory, x]));
  const titles = new Map<string, string>();
  const statements = new Map<string, string>();
  for (const f of d.catalogue.functions) {
    titles.set(f.identifier, f.title);
    for (const c of f.categories) {
      titles.set(c.identifier, c.title);
      for (const s of c.subcategories) statements.set(s.identifier, s.statement);
    }
  }
  const answeredNa = a.answers.filter((x) => x.notApplicable).length;
  const targets = a.functions.filter((f) => f.target !== null);
  const summary: Section = {
    heading: w.summary,
    blocks: [
      { kind: 'paragraph', text: w.revision(a.revision, w.statusWords[a.status] ?? a.status) },
      ...(a.correctionReason ? [{ kind: 'paragraph', text: w.correction(a.correctionReason) } as Block] : []),
      ...(a.unassessedFunctions.includes('GV') ? [{ kind: 'paragraph', text: w.govern } as Block] : []),
      {
        kind: 'figures',
        figures: [
          { label: w.score, value: a.score ?? w.notAssessed, decimals: 1 },
          { label: w.answered, value: `${a.answered} / ${a.toAnswer}` },
          { label: w.notApplicable, value: answeredNa },
          ...(targets.length
            ? [
                {
                  label: w.targetMean,
                  value:
                    Math.round((targets.reduce((s, f) => s + (f.target ?? 0), 0) / targets.length) * 10) / 10,
                  decimals: 1,
                },
              ]
            : []),
        ],
      },
      ruleParagraph(w, a.rule),
    ],
  };
  const functions: Section = {
    heading: w.functions,
    blocks: [
      {
        kind: 'chart',
        chart: 'bar',
        title: w.functions,
        categoryLabel: w.function,
        categories: a.functions.map((f) => `${f.identifier} ${titles.get(f.identifier) ?? ''}`),
        series: [
          { name: w.current, values: a.functions.map((f) => f.score) },
          { name: w.target, values: a.functions.map((f) => f.target) },
        ],
        decimals: 1,
      },
      {
        kind: 'table',
        sheetName: w.functions,
        columns: [
          { header: w.function, format: 'text' },
          { header: w.current, format: 'decimal', decimals: 1 },
          { header: w.target, format: 'decimal', decimals: 1 },
          { header: w.gap, format: 'decimal', decimals: 1 },
          { header: w.counted, format: 'integer' },
          { header: w.notApplicable, format: 'integer' },
        ],
        rows: a.functions.map((f) => [
          `${f.identifier} ${titles.get(f.identifier) ?? ''}`,
          f.score === null ? w.notAssessed : scoreCell(f.score),
          f.target,
          f.score !== null && f.target !== null ? Math.round((f.target - f.score) * 10) / 10 : null,
          f.counted,
          f.notApplicable,
        ]),
      },
      {
        kind: 'table',
        title: w.categories,
        sheetName: w.categories,
        columns: [
          { header: w.category, format: 'text', maxWidth: 220 },
          { header: w.current, format: 'decimal', decimals: 1 },
          { header: w.target, format: 'decimal', decimals: 1 },
          { header: w.counted, format: 'integer' },
          { header: w.notApplicable, format: 'integer' },
        ],
        rows: a.categories.map((c) => [
          `${c.identifier} ${titles.get(c.identifier) ?? ''}`,
          c.score === null ? w.notAssessed : c.score,
          c.target,
          c.counted,
          c.notApplicable,
        ]),
      },
    ],
  };
  const subcategories = d.catalogue.functions.flatMap((f) =>
    f.categories.flatMap((c) => c.subcategories.map((s) => s.identifier)),
  );
  const answerRows: Section = {
    heading: w.answers,
    blocks: [
      {
        kind: 'table',
        sheetName: w.answers,
        columns: [
          { header: w.subcategory, format: 'text' },
          { header: w.statement, format: 'text', maxWidth: 220 },
          { header: w.level, format: 'text' },
          { header: w.target, format: 'integer' },
          { header: w.notes, format: 'text', maxWidth: 160 },
        ],
        rows: subcategories
          .filter((s) => !a.unassessedFunctions.includes(s.slice(0, 2)))
          .map((s) => {
            const x = answers.get(s);
            return [
              s,
              statements.get(s) ?? '',
              label(x?.level ?? null, x?.notApplicable ?? false),
              x?.target ?? null,
              x?.notes ?? null,
            ];
          }),
      },
    ],
  };
  const recommendations: Section = {
    heading: w.recommendations,
    blocks: [
      {
        kind: 'table',
        sheetName: w.recommendations,
        columns: [
          { header: w.recommendation, format: 'text', maxWidth: 260 },
          { header: w.status, format: 'text' },
          { header: w.due, format: 'text' },
        ],
        rows: d.recommendations.map((r) => [r.title, w.actionStatus[r.status] ?? r.status, r.dueDate]),
        emptyText: w.none,
      },
    ],
  };
  return {
    title: w.siteTitle(a.siteCode, domainName(a.domain), a.year),
    subtitle: a.siteName,
    locale,
    generatedAt: d.generatedAt,
    sections: [summary, functions, answerRows, recommendations],
  };
}

export type BoardReportData = {
  year: number;
  it: HeatMapView;
  ot: HeatMapView;
  trend: TrendView;
  gaps: {
    subcategory: string;
    statement: string;
    meanGap: number;
    sitesBelowTarget: number;
    sitesAssessed: number;
  }[];
  generatedAt: Date;
};

/** The group's year for the Board: sites assessed, group and subsidiary scores, the trend, the largest gaps. */
export function csfBoardReport(d: BoardReportData, locale: ReportLocale): ReportDefinition {
  const w = words[locale];
  const fnIds = d.it.functions.map((f) => f.identifier);
  const fnTitle = new Map(d.it.functions.map((f) => [f.identifier, `${f.identifier} ${f.title}`]));
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? w.notAssessed : v);
  const ofYear = d.trend.years.find((y) => y.year === d.year);
  const before = d.trend.years.filter((y) => y.year < d.year).at(-1);
  const summary: Section = {
    heading: w.summary,
    blocks: [
      ...(d.it.unassessedFunctions.includes('GV') ? [{ kind: 'paragraph', text: w.govern } as Block] : []),
      ...(d.it.sites.length === 0 ? [{ kind: 'paragraph', text: w.noApproved } as Block] : []),
      {
        kind: 'figures',
        figures: [
          { label: w.sitesAssessed, value: d.it.sites.length },
          { label: w.otAssessed, value: d.ot.sites.length },
          { label: w.groupScore, value: d.it.group.score ?? w.notAssessed, decimals: 1 },
          {
            label: w.sharedScore,
            value: ofYear?.sharedScore ?? w.notAssessed,
            decimals: 1,
            ...(ofYear?.sharedScore != null && before?.sharedScore != null
              ? {
                  comparison: {
                    label: `${before.year}`,
                    change: Math.round((ofYear.sharedScore - before.sharedScore) * 10) / 10,
                    decimals: 1,
                    better: 'higher' as const,
                  },
                }
              : {}),
          },
        ],
      },
      ruleParagraph(w, d.it.rule),
    ],
  };
  const scoreColumns = [
    ...fnIds.map((f) => ({ header: f, format: 'decimal' as const, decimals: 1 })),
    { header: w.score, format: 'decimal' as const, decimals: 1 },
  ];
  const bySubsidiary: Section = {
    heading: w.bySubsidiary,
    blocks: [
      {
        kind: 'table',
        sheetName: w.bySubsidiary,
        columns: [{ header: w.subsidiary, format: 'text' }, ...scoreColumns],
        rows: [
          ...d.it.subsidiaries.map((s) => [
            s.subsidiaryName,
            ...fnIds.map((f) => cell(s.functions[f])),
            cell(s.score),
          ]),
          [w.groupScore, ...fnIds.map((f) => cell(d.it.group.functions[f])), cell(d.it.group.score)],
          [w.benchmark, ...fnIds.map((f) => cell(d.it.benchmark[f])), null],
        ],
        emptyText: w.noApproved,
      },
    ],
  };
  const bySite: Section = {
    heading: w.bySite,
    blocks: [
      {
        kind: 'table',
        sheetName: w.bySite,
        columns: [
          { header: w.site, format: 'text' },
          { header: w.subsidiary, format: 'text' },
          ...scoreColumns,
        ],
        rows: d.it.sites.map((s) => [
          `${s.siteCode} ${s.siteName}`,
          s.subsidiaryName,
          ...fnIds.map((f) => cell(s.functions[f])),
          cell(s.score),
        ]),
        emptyText: w.noApproved,
      },
    ],
  };
  const trend: Section = {
    heading: w.trend,
    blocks: [
      { kind: 'paragraph', text: w.trendNote },
      {
        kind: 'chart',
        chart: 'line',
        title: w.trend,
        categoryLabel: w.year,
        categories: d.trend.years.map((y) => String(y.year)),
        series: [
          { name: w.sharedScore, values: d.trend.years.map((y) => y.sharedScore) },
          ...d.trend.sharedFunctions.map((f) => ({
            name: fnTitle.get(f) ?? f,
            values: d.trend.years.map((y) => y.functions[f] ?? null),
          })),
        ],
        decimals: 1,
      },
      {
        kind: 'table',
        sheetName: w.trend,
        columns: [
          { header: w.year, format: 'text' },
          { header: w.basis, format: 'text' },
          { header: w.sitesAssessed, format: 'integer' },
          { header: w.sharedScore, format: 'decimal', decimals: 1 },
          ...fnIds.map((f) => ({ header: f, format: 'decimal' as const, decimals: 1 })),
          ...fnIds.map((f) => ({ header: `${w.benchmark} ${f}`, format: 'decimal' as const, decimals: 1 })),
        ],
        rows: d.trend.years.map((y) => [
          String(y.year),
          `CSF ${y.basis}`,
          y.sites,
          cell(y.sharedScore),
          ...fnIds.map((f) => cell(y.functions[f])),
          ...fnIds.map((f) => y.benchmark[f] ?? null),
        ]),
      },
    ],
  };
  const gaps: Section = {
    heading: w.gaps,
    blocks: [
      {
        kind: 'table',
        sheetName: w.gaps,
        columns: [
          { header: w.subcategory, format: 'text' },
          { header: w.statement, format: 'text', maxWidth: 240 },
          { header: w.meanGap, format: 'decimal', decimals: 1 },
          { header: w.sitesBelow, format: 'integer' },
          { header: w.sitesAssessedCol, format: 'integer' },
        ],
        rows: d.gaps.map((g) => [g.subcategory, g.statement, g.meanGap, g.sitesBelowTarget, g.sitesAssessed]),
        emptyText: w.none,
      },
    ],
  };
  return {
    title: w.boardTitle(d.year),
    locale,
    generatedAt: d.generatedAt,
    sections: [summary, bySubsidiary, bySite, trend, gaps],
  };
}

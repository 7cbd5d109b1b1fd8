import type { Cell, ReportDefinition, ReportLocale, Section } from './definition.ts';

/**
 * "Organisation overview": the sites the reader may see, by subsidiary and by country, with their active
 * employees. The platform's own report, and the example every module's Board report follows: gather the
 * data in scope, then build a definition in the reader's language; the kit renders it to PDF and XLSX.
 */

export type OverviewSite = {
  code: string;
  name: string;
  nameZh: string | null;
  country: string;
  kind: 'manufacturing' | 'materials' | 'office' | 'warehouse' | 'research';
  active: boolean;
  timeZone: string;
  employeeCount: number;
};

export type OverviewData = {
  holding: { name: string; nameZh: string | null } | null;
  /** The reader sees every site of the group. */
  wholeGroup: boolean;
  subsidiaries: { code: string; name: string; nameZh: string | null; sites: OverviewSite[] }[];
  /** Active employees by subsidiary code and year of hire. */
  hireYears: { subsidiaryCode: string; year: number; count: number }[];
  /** Employees employed on `yearAgo`. */
  employedYearAgo: number;
  /** The day a year before the report, YYYY-MM-DD. */
  yearAgo: string;
};

const text = {
  en: {
    title: 'Organisation overview',
    allSites: 'all sites',
    yourSites: (codes: string) => `sites in your scope: ${codes}`,
    more: (n: number) => `and ${n} more`,
    listJoin: ', ',
    theGroup: 'the group',
    summary: 'Summary',
    intro: (holding: string, sites: number) =>
      `The ${sites === 1 ? 'site' : `${sites} sites`} of ${holding} that you may see, by subsidiary and by country, ` +
      'with the number of active employees at each: people employed today, with no leaving date.',
    yearAgoNote: (day: string) => `The comparison is with the employees who were employed on ${day}.`,
    subsidiaries: 'Subsidiaries',
    sites: 'Sites',
    subsidiaryCount: 'Subsidiaries',
    siteCount: 'Sites',
    countryCount: 'Countries',
    sitesInOperation: 'Sites in operation',
    countries: 'Countries',
    activeEmployees: 'Active employees',
    people: 'people',
    vsYearAgo: 'vs a year ago',
    bySubsidiary: 'Sites by subsidiary',
    employeesBySubsidiaryChart: 'Active employees by subsidiary and country',
    subsidiary: 'Subsidiary',
    code: 'Code',
    site: 'Site',
    country: 'Country',
    kind: 'Kind',
    status: 'Status',
    inOperation: 'In operation',
    inactive: 'Inactive',
    byCountry: 'Countries',
    employeesByCountryChart: 'Active employees by country',
    share: 'Share',
    byHireYear: 'Workforce by year of hire',
    hireYearIntro:
      'Active employees by the year they joined, for each subsidiary: how long the present workforce has served.',
    hireYearChart: 'Active employees by year of hire',
    year: 'Year of hire',
    total: 'Total',
    employeesUnit: 'employees',
    noSites: 'No sites in your scope.',
    kinds: {
      manufacturing: 'Manufacturing',
      materials: 'Materials',
      office: 'Office',
      warehouse: 'Warehouse',
      research: 'Research',
    },
  },
  'zh-TW': {
    title: '組織概覽',
    allSites: '全部廠區',
    yourSites: (codes: string) => `您可查看的廠區：${codes}`,
    more: (n: number) => `等 ${n} 個`,
    listJoin: '、',
    theGroup: '本集團',
    summary: '摘要',
    intro: (holding: string, sites: number) =>
      `本報告列出您可查看的${spaced(holding)}廠區（共 ${sites} 個），依子公司與國家分組，並列出各廠區的在職員工人數，` +
      '即目前在職、未登記離職日期的人員。',
    yearAgoNote: (day: string) => `比較基準為 ${day} 當日在職的員工人數。`,
    subsidiaries: '子公司',
    sites: '廠區',
    subsidiaryCount: '子公司數',
    siteCount: '廠區數',
    countryCount: '國家數',
    sitesInOperation: '營運中廠區',
    countries: '國家',
    activeEmployees: '在職員工',
    people: '人',
    vsYearAgo: '較一年前',
    bySubsidiary: '各子公司廠區',
    employeesBySubsidiaryChart: '各子公司在職員工（依國家）',
    subsidiary: '子公司',
    code: '代碼',
    site: '廠區',
    country: '國家',
    kind: '類型',
    status: '狀態',
    inOperation: '營運中',
    inactive: '已停用',
    byCountry: '各國分布',
    employeesByCountryChart: '各國在職員工',
    share: '占比',
    byHireYear: '依到職年度之在職員工',
    hireYearIntro: '各子公司在職員工依到職年度分布，呈現現有人力的年資結構。',
    hireYearChart: '在職員工（依到職年度）',
    year: '到職年度',
    total: '合計',
    employeesUnit: '人',
    noSites: '您的範圍內沒有廠區。',
    kinds: {
      manufacturing: '製造',
      materials: '材料',
      office: '辦公室',
      warehouse: '倉庫',
      research: '研發',
    },
  },
} as const;

/** A Latin name inside Chinese text takes a space on each side; a Chinese one none. */
function spaced(name: string): string {
  return /^[\x20-\x7e]/.test(name) ? ` ${name} ` : name;
}

/** The name in the reader's language: the Chinese name in zh-TW when there is one. */
function localName(x: { name: string; nameZh: string | null }, locale: ReportLocale): string {
  return locale === 'zh-TW' && x.nameZh ? x.nameZh : x.name;
}

export function countryName(code: string, locale: ReportLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The subtitle: the holding and which sites the report covers. */
function scopeLine(data: OverviewData, locale: ReportLocale): string {
  const t = text[locale];
  const holding = data.holding ? localName(data.holding, locale) : t.theGroup;
  if (data.wholeGroup) return `${holding} — ${t.allSites}`;
  const codes = data.subsidiaries.flatMap((s) => s.sites.map((x) => x.code));
  const shown = codes.slice(0, 6).join(t.listJoin);
  const list = codes.length > 6 ? `${shown} ${t.more(codes.length - 6)}` : shown;
  return `${holding} — ${t.yourSites(list)}`;
}

export function organisationOverview(
  data: OverviewData,
  o: { locale: ReportLocale; generatedAt: Date; timeZone?: string; author?: string },
): ReportDefinition {
  const { locale } = o;
  const t = text[locale];
  const sites = data.subsidiaries.flatMap((s) => s.sites.map((site) => ({ ...site, subsidiary: s })));
  const totalEmployees = sites.reduce((n, s) => n + s.employeeCount, 0);
  const countries = [...new Set(sites.map((s) => s.country))];
  const holding = data.holding ? localName(data.holding, locale) : t.theGroup;

  // Countries by active employees, most first.
  const byCountry = countries
    .map((code) => {
      const here = sites.filter((s) => s.country === code);
      return {
        code,
        name: countryName(code, locale),
        subsidiaries: new Set(here.map((s) => s.subsidiary.code)).size,
        sites: here.length,
        employees: here.reduce((n, s) => n + s.employeeCount, 0),
      };
    })
    .sort((a, b) => b.employees - a.employees || a.name.localeCompare(b.name, locale));

  const subsidiaryLabels = data.subsidiaries.map((s) => s.code);

  const summary: Section = {
    heading: t.summary,
    blocks: [
      {
        kind: 'paragraph',
        text: [t.intro(holding, sites.length), t.yearAgoNote(data.yearAgo)].join(
          locale === 'zh-TW' ? '' : ' ',
        ),
      },
      {
        kind: 'figures',
        figures: [
          { label: t.subsidiaryCount, value: data.subsidiaries.length },
          { label: t.sitesInOperation, value: sites.filter((s) => s.active).length },
          { label: t.countryCount, value: countries.length },
          {
            label: t.activeEmployees,
            value: totalEmployees,
            unit: t.people,
            comparison: {
              label: t.vsYearAgo,
              change: totalEmployees - data.employedYearAgo,
              better: 'higher',
            },
          },
        ],
      },
    ],
  };

  const siteRows: Cell[][] = sites.map((s) => [
    s.subsidiary.code,
    s.code,
    localName(s, locale),
    countryName(s.country, locale),
    t.kinds[s.kind],
    s.active ? t.inOperation : t.inactive,
    s.employeeCount,
  ]);
  const subsidiaryRows: Cell[][] = data.subsidiaries.map((s) => {
    const employees = s.sites.reduce((n, x) => n + x.employeeCount, 0);
    return [
      localName(s, locale),
      s.code,
      s.sites.length,
      new Set(s.sites.map((x) => x.country)).size,
      employees,
      totalEmployees ? employees / totalEmployees : null,
    ];
  });
  const bySubsidiary: Section = {
    heading: t.bySubsidiary,
    blocks: [
      {
        kind: 'chart',
        chart: 'stacked-bar',
        title: t.employeesBySubsidiaryChart,
        categoryLabel: t.subsidiary,
        categories: subsidiaryLabels,
        unit: t.employeesUnit,
        series: byCountry.map((c) => ({
          name: c.name,
          values: data.subsidiaries.map((s) =>
            s.sites.filter((x) => x.country === c.code).reduce((n, x) => n + x.employeeCount, 0),
          ),
        })),
      },
      {
        kind: 'table',
        title: t.subsidiaries,
        sheetName: t.subsidiaries,
        columns: [
          { header: t.subsidiary },
          { header: t.code },
          { header: t.siteCount, format: 'integer' },
          { header: t.countryCount, format: 'integer' },
          { header: t.activeEmployees, format: 'integer' },
          { header: t.share, format: 'percent' },
        ],
        rows: subsidiaryRows,
        totals: [t.total, null, sites.length, countries.length, totalEmployees, totalEmployees ? 1 : null],
        emptyText: t.noSites,
      },
      {
        kind: 'table',
        title: t.sites,
        sheetName: t.sites,
        columns: [
          { header: t.subsidiary },
          { header: t.code },
          { header: t.site },
          { header: t.country },
          { header: t.kind },
          { header: t.status },
          { header: t.activeEmployees, format: 'integer' },
        ],
        rows: siteRows,
        totals: [t.total, null, null, null, null, null, totalEmployees],
        emptyText: t.noSites,
      },
    ],
  };

  const countrySection: Section = {
    heading: t.byCountry,
    blocks: [
      {
        kind: 'chart',
        chart: 'bar',
        title: t.employeesByCountryChart,
        categoryLabel: t.country,
        categories: byCountry.map((c) => c.name),
        unit: t.employeesUnit,
        height: 180,
        series: [{ name: t.activeEmployees, values: byCountry.map((c) => c.employees) }],
      },
      {
        kind: 'table',
        title: t.countries,
        sheetName: t.countries,
        columns: [
          { header: t.country },
          { header: t.subsidiaryCount, format: 'integer' },
          { header: t.siteCount, format: 'integer' },
          { header: t.activeEmployees, format: 'integer' },
          { header: t.share, format: 'percent' },
        ],
        rows: byCountry.map((c) => [
          c.name,
          c.subsidiaries,
          c.sites,
          c.employees,
          totalEmployees ? c.employees / totalEmployees : null,
        ]),
        totals: [t.total, data.subsidiaries.length, sites.length, totalEmployees, totalEmployees ? 1 : null],
        emptyText: t.noSites,
      },
    ],
  };

  const sections = [summary, bySubsidiary, countrySection];

  if (data.hireYears.length > 0) {
    const first = Math.min(...data.hireYears.map((h) => h.year));
    const last = Math.max(...data.hireYears.map((h) => h.year));
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    sections.push({
      heading: t.byHireYear,
      blocks: [
        { kind: 'paragraph', text: t.hireYearIntro },
        {
          kind: 'chart',
          chart: 'line',
          title: t.hireYearChart,
          categoryLabel: t.year,
          categories: years.map(String),
          unit: t.employeesUnit,
          series: data.subsidiaries.map((s) => ({
            name: s.code,
            values: years.map((y) =>
              data.hireYears
                .filter((h) => h.subsidiaryCode === s.code && h.year === y)
                .reduce((n, h) => n + h.count, 0),
            ),
          })),
        },
      ],
    });
  }

  return {
    title: t.title,
    subtitle: scopeLine(data, locale),
    locale,
    generatedAt: o.generatedAt,
    timeZone: o.timeZone,
    author: o.author,
    sections,
  };
}

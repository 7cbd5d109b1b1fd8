import type { BoardTable } from '#shared/platform/reports/board.ts';
import { figure, missing, type Words } from '../../../../platform/reports/board.ts';
import { REPORT_CURRENCIES } from '../../contribution.ts';
import { type AcademiaBoardSection, countryName, currencyLabel, missingRate, units } from '../section.ts';

const words: Words<{
  heading: string;
  total: (c: string) => string;
  payments: string;
  byCategory: string;
  byCountry: string;
  byPartner: string;
  category: string;
  country: string;
  partner: string;
  partners: string;
  amount: (c: string) => string;
  none: string;
  categories: Record<string, string>;
  counted: string;
}> = {
  en: {
    heading: "The year's contribution",
    total: (c) => `Total contribution (${c})`,
    payments: 'Payments',
    byCategory: 'By category',
    byCountry: 'By country',
    byPartner: 'By school or institute',
    category: 'Category',
    country: 'Country',
    partner: 'School or institute',
    partners: 'Schools paid',
    amount: (c) => c,
    none: 'No payment in the year at the sites you see.',
    categories: {
      research: 'Research collaborations',
      scholarship: 'Scholarships',
      college: 'Colleges',
      course: 'Courses',
      internship: 'Internships',
      other: 'Other',
    },
    counted:
      "Every payment of the year at the sites you see, converted through the US dollar at the exchange rate in force on the day it was paid (the program's dated rates).",
  },
  'zh-TW': {
    heading: '年度投入',
    total: (c) => `投入總額（${c}）`,
    payments: '付款筆數',
    byCategory: '依類別',
    byCountry: '依國家',
    byPartner: '依學校或研究機構',
    category: '類別',
    country: '國家',
    partner: '學校或研究機構',
    partners: '受款學校數',
    amount: (c) => c,
    none: '您可見之廠區本年度無付款紀錄。',
    categories: {
      research: '產學研究合作',
      scholarship: '獎學金',
      college: '產業學院',
      course: '課程',
      internship: '實習',
      other: '其他',
    },
    counted: '您可見廠區本年度之每筆付款，依付款日適用之匯率（本計畫之日期匯率）經美元換算。',
  },
};

/** The year's contribution in US and New Taiwan dollars: by category, by country and by school, from payments. */
export const contributionSection: AcademiaBoardSection = {
  key: 'contribution',
  async build(ctx) {
    const w = words[ctx.locale];
    const a = await ctx.contribution.amounts(ctx.actor, ctx.year);
    const figures = REPORT_CURRENCIES.map((cur) => {
      const s = a.sums[cur];
      return s.state === 'computed'
        ? figure(`total_${cur.toLowerCase()}`, w.total(currencyLabel[cur]), units(s.total), { decimals: 2 })
        : missing(
            `total_${cur.toLowerCase()}`,
            w.total(currencyLabel[cur]),
            missingRate[ctx.locale](s.currency, s.on),
          );
    });
    figures.push(
      figure(
        'payments',
        w.payments,
        [...a.payments.values()].reduce((n, x) => n + x, 0),
      ),
    );
    const sum = (
      cur: (typeof REPORT_CURRENCIES)[number],
      pick: (m: { byCategory: Map<string, number>; byPartner: Map<string, number> }) => number,
    ) => {
      const s = a.sums[cur];
      return s.state === 'computed' ? units(pick(s)) : null;
    };
    const money = REPORT_CURRENCIES.map((cur) => ({
      header: w.amount(currencyLabel[cur]),
      format: 'decimal' as const,
      decimals: 2,
    }));
    const byCategory: BoardTable = {
      key: 'by_category',
      title: w.byCategory,
      columns: [{ header: w.category, format: 'text' }, { header: w.payments, format: 'integer' }, ...money],
      rows: [...a.payments.entries()]
        .filter(([, n]) => n > 0)
        .map(([cat, n]) => [
          w.categories[cat],
          n,
          ...REPORT_CURRENCIES.map((cur) => sum(cur, (s) => s.byCategory.get(cat) ?? 0)),
        ]),
      emptyText: w.none,
    };
    const countries = [...new Set(a.partners.map((p) => p.country))].sort();
    const byCountry: BoardTable = {
      key: 'by_country',
      title: w.byCountry,
      columns: [{ header: w.country, format: 'text' }, { header: w.partners, format: 'integer' }, ...money],
      rows: countries.map((country) => {
        const ids = a.partners.filter((p) => p.country === country).map((p) => p.id);
        return [
          countryName(country, ctx.locale),
          ids.length,
          ...REPORT_CURRENCIES.map((cur) =>
            sum(cur, (s) => ids.reduce((n, id) => n + (s.byPartner.get(id) ?? 0), 0)),
          ),
        ];
      }),
      emptyText: w.none,
    };
    const name = (p: { name: string; nameZh: string | null }) =>
      ctx.locale === 'zh-TW' && p.nameZh ? p.nameZh : p.name;
    const byPartner: BoardTable = {
      key: 'by_partner',
      title: w.byPartner,
      columns: [{ header: w.partner, format: 'text' }, { header: w.country, format: 'text' }, ...money],
      rows: [...a.partners]
        .sort((x, y) => name(x).localeCompare(name(y), ctx.locale))
        .map((p) => [
          name(p),
          countryName(p.country, ctx.locale),
          ...REPORT_CURRENCIES.map((cur) => sum(cur, (s) => s.byPartner.get(p.id) ?? 0)),
        ]),
      emptyText: w.none,
    };
    return {
      key: this.key,
      heading: w.heading,
      figures,
      tables: [byCategory, byCountry, byPartner],
      notes: [w.counted],
    };
  },
};

import { figure, missing, type Words } from '../../../../platform/reports/board.ts';
import { REPORT_CURRENCIES } from '../../contribution.ts';
import { type AcademiaBoardSection, currencyLabel, missingRate, units } from '../section.ts';

const words: Words<{
  heading: string;
  awards: string;
  schools: string;
  amount: (c: string) => string;
  counted: string;
}> = {
  en: {
    heading: 'Scholarships',
    awards: 'Scholarships awarded',
    schools: 'Schools whose students were awarded',
    amount: (c) => `Amount awarded (${c})`,
    counted:
      'Scholarship awards dated in the year at the sites you see, their amounts converted at the rate in force on the award’s day; the payments against them count in the contribution by category.',
  },
  'zh-TW': {
    heading: '獎學金',
    awards: '頒發獎學金數',
    schools: '受獎學生之學校數',
    amount: (c) => `頒發金額（${c}）`,
    counted: '您可見廠區本年度頒發之獎學金，金額依頒發日適用之匯率換算；其付款計入依類別之年度投入。',
  },
};

/** Scholarships awarded in the year, and their amounts in US and New Taiwan dollars. */
export const scholarshipsSection: AcademiaBoardSection = {
  key: 'scholarships',
  async build(ctx) {
    const w = words[ctx.locale];
    const s = await ctx.yearFigures.scholarships(ctx.actor, ctx.year);
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('awards', w.awards, s.awards),
        figure('schools', w.schools, s.schools),
        ...REPORT_CURRENCIES.map((cur) => {
          const a = s.amounts[cur];
          const key = `amount_${cur.toLowerCase()}`;
          return a.state === 'computed'
            ? figure(key, w.amount(currencyLabel[cur]), units(a.amount), { decimals: 2 })
            : missing(key, w.amount(currencyLabel[cur]), missingRate[ctx.locale](a.currency, a.on));
        }),
      ],
      notes: [w.counted],
    };
  },
};

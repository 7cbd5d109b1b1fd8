import { figure, missing, type Words } from '../../../../platform/reports/board.ts';
import type { AcademiaBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  recruited: string;
  completed: string;
  hired: string;
  rate: string;
  noneCompleted: string;
  bySubsidiary: string;
  subsidiary: string;
  interns: string;
  none: string;
  counted: string;
}> = {
  en: {
    heading: 'Interns',
    recruited: 'Interns recruited (started in the year)',
    completed: 'Internships completed in the year',
    hired: 'Of those, hired',
    rate: 'Intern-to-hire conversion',
    noneCompleted: 'Cannot be computed: no internship was completed in the year at the sites you see.',
    bySubsidiary: 'Interns recruited by subsidiary',
    subsidiary: 'Subsidiary',
    interns: 'Interns',
    none: 'No intern started in the year at the sites you see.',
    counted:
      'Interns at the sites you see: recruited in the year their internship started; the conversion is, of the internships completed in the year, the share of interns later hired.',
  },
  'zh-TW': {
    heading: '實習生',
    recruited: '招募實習生（本年度開始實習）',
    completed: '本年度完成實習',
    hired: '其中獲聘用',
    rate: '實習生轉任率',
    noneCompleted: '無法計算：您可見之廠區本年度無完成之實習。',
    bySubsidiary: '各子公司招募實習生',
    subsidiary: '子公司',
    interns: '實習生',
    none: '您可見之廠區本年度無開始實習之實習生。',
    counted: '您可見廠區之實習生：依實習開始年度計招募；轉任率為本年度完成實習者中其後獲聘用之比例。',
  },
};

/** Interns recruited in the year, by subsidiary, and the intern-to-hire conversion. */
export const internsSection: AcademiaBoardSection = {
  key: 'interns',
  async build(ctx) {
    const w = words[ctx.locale];
    const i = await ctx.contribution.interns(ctx.actor, ctx.year);
    const rate = i.conversion.ratePercent;
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('recruited', w.recruited, i.internsRecruited),
        figure('completed', w.completed, i.conversion.completed),
        figure('hired', w.hired, i.conversion.hired),
        rate === null
          ? missing('conversion', w.rate, w.noneCompleted)
          : figure('conversion', w.rate, Number(rate), { unit: '%', decimals: 1 }),
      ],
      tables: [
        {
          key: 'by_subsidiary',
          title: w.bySubsidiary,
          columns: [
            { header: w.subsidiary, format: 'text' },
            { header: w.interns, format: 'integer' },
          ],
          rows: i.internsBySubsidiary.map((s) => [s.subsidiaryCode, s.interns]),
          emptyText: w.none,
        },
      ],
      notes: [w.counted],
    };
  },
};

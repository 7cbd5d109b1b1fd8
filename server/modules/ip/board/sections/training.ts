import { scopeIsEmpty, sitesWith } from '../../../../platform/access/actor.ts';
import { figure, missing, type Words, withheld } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  trainees: string;
  people: string;
  hours: string;
  what: string;
  none: string;
  counted: string;
  hoursUnit: string;
}> = {
  en: {
    heading: 'Intellectual property training',
    trainees: 'People trained (counted per course completed)',
    people: 'Different people trained',
    hours: 'Training hours',
    what: 'training records',
    none: 'Cannot be counted: no completion of an intellectual property course is recorded for the year at the sites you see.',
    counted:
      'From the platform training completions of the intellectual property courses in the year (failed attempts excluded): people trained counts a person once for each course completed, different people once, hours are summed over the completions.',
    hoursUnit: 'h',
  },
  'zh-TW': {
    heading: '智慧財產教育訓練',
    trainees: '受訓人次（依完訓課程計）',
    people: '受訓人數（每人計一次）',
    hours: '訓練時數',
    what: '訓練紀錄',
    none: '無法計算：您可見之廠區本年度無任何智慧財產課程完訓紀錄。',
    counted:
      '依平台訓練系統本年度智慧財產課程之完訓紀錄（不含未通過者）計算：受訓人次依完訓課程計，人數每人計一次，時數為各次完訓時數加總。',
    hoursUnit: '小時',
  },
};

/** People trained and hours in the intellectual property courses, from the platform's training completions. */
export const trainingSection: IpBoardSection = {
  key: 'training',
  async build(ctx) {
    const w = words[ctx.locale];
    const out = { key: this.key, heading: w.heading, notes: [w.counted] };
    const none = (why: string) => ({
      ...out,
      figures: [
        missing('trainees', w.trainees, why),
        missing('people', w.people, why),
        missing('hours', w.hours, why),
      ],
    });
    if (scopeIsEmpty(sitesWith(ctx.actor, 'training.read'))) return none(withheld[ctx.locale](w.what));
    const year = await ctx.training.yearlyFigures(ctx.actor, ctx.year);
    const ip = year.domains.find((d) => d.domain === 'intellectual_property');
    if (!ip || ip.completions === 0) return none(w.none);
    const hours = Number(ip.hours);
    return {
      ...out,
      figures: [
        figure('trainees', w.trainees, ip.completions),
        figure('people', w.people, ip.individuals),
        figure('hours', w.hours, hours, { unit: w.hoursUnit, decimals: Number.isInteger(hours) ? 0 : 1 }),
      ],
    };
  },
};

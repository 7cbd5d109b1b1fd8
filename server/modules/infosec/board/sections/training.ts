import { scopeIsEmpty, sitesWith } from '../../../../platform/access/actor.ts';
import { type BoardSection, figure, missing, type Words, withheld } from '../section.ts';

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
    heading: 'Cybersecurity training',
    trainees: 'People trained (counted per course completed)',
    people: 'Different people trained',
    hours: 'Training hours',
    what: 'training records',
    none: 'Cannot be counted: no completion of a cybersecurity course is recorded for the year at the sites you see.',
    counted:
      'From the platform training completions of the cybersecurity courses in the year (failed attempts excluded): people trained counts a person once for each course completed (as the sustainability report counts them), different people once, hours are summed over the completions.',
    hoursUnit: 'h',
  },
  'zh-TW': {
    heading: '資安教育訓練',
    trainees: '受訓人次（依完訓課程計）',
    people: '受訓人數（每人計一次）',
    hours: '訓練時數',
    what: '訓練紀錄',
    none: '無法計算：您可見之廠區本年度無任何資安課程完訓紀錄。',
    counted:
      '依平台訓練系統本年度資安課程之完訓紀錄（不含未通過者）計算：每人計一次，時數為各次完訓時數加總。',
    hoursUnit: '小時',
  },
};

/** People trained and hours in the cybersecurity courses, from the platform's training completions. */
export const trainingSection: BoardSection = {
  key: 'training',
  async build(ctx) {
    const w = words[ctx.locale];
    const out = { key: this.key, heading: w.heading, notes: [w.counted] };
    if (scopeIsEmpty(sitesWith(ctx.actor, 'training.read'))) {
      const why = withheld[ctx.locale](w.what);
      return {
        ...out,
        figures: [
          missing('trainees', w.trainees, why),
          missing('people', w.people, why),
          missing('hours', w.hours, why),
        ],
      };
    }
    const year = await ctx.training.yearlyFigures(ctx.actor, ctx.year);
    const cyber = year.domains.find((d) => d.domain === 'cybersecurity');
    if (!cyber || cyber.completions === 0)
      return {
        ...out,
        figures: [
          missing('trainees', w.trainees, w.none),
          missing('people', w.people, w.none),
          missing('hours', w.hours, w.none),
        ],
      };
    const hours = Number(cyber.hours);
    return {
      ...out,
      figures: [
        figure('trainees', w.trainees, cyber.completions),
        figure('people', w.people, cyber.individuals),
        figure('hours', w.hours, hours, { unit: w.hoursUnit, decimals: Number.isInteger(hours) ? 0 : 1 }),
      ],
    };
  },
};

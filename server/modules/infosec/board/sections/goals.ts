import { type BoardSection, figure, type Words } from '../section.ts';

/** How many years ahead the report lists the goals set: the seed's 2023 report names its goals for 2025. */
const YEARS_AHEAD = [1, 2] as const;

const words: Words<{ heading: string; goals: (year: number) => string; counted: string }> = {
  en: {
    heading: 'Cybersecurity goals',
    goals: (year) => `Goals set for ${year}`,
    counted:
      "Counted from the program's goals register: the group's goals and those of the sites you see, by the year each is set for. None set is a zero.",
  },
  'zh-TW': {
    heading: '資安目標',
    goals: (year) => `${year} 年目標數`,
    counted: '依本計畫目標登錄計算：集團目標及您可見廠區之目標，按其目標年度計。未訂定者為零。',
  },
};

/** The security goals already set for the coming years (the seed: three goals for 2025 in the 2023 report). */
export const goalsSection: BoardSection = {
  key: 'goals',
  async build(ctx) {
    const w = words[ctx.locale];
    const figures = [];
    for (const ahead of YEARS_AHEAD) {
      const year = ctx.year + ahead;
      const counted = await ctx.goals.count(ctx.actor, year);
      figures.push(figure(`goals_${year}`, w.goals(year), counted.goals));
    }
    return { key: this.key, heading: w.heading, notes: [w.counted], figures };
  },
};

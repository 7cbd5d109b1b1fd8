import { keepDropDecisions } from '#shared/modules/ip/reassessment/contract.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  decision: Record<(typeof keepDropDecisions)[number], string>;
  counted: string;
}> = {
  en: {
    heading: 'Keep-or-drop decisions',
    decision: { keep: 'Kept', drop: 'Dropped', sell: 'To be sold', license: 'To be licensed' },
    counted:
      'Decisions taken before an annuity at the sites you see, counted by the day each was decided in the year. None taken is a zero.',
  },
  'zh-TW': {
    heading: '維護或放棄決定',
    decision: { keep: '維持', drop: '放棄', sell: '出售', license: '授權' },
    counted: '依您可見廠區於年費前所作之決定，按決定日落於本年度者計算。未作決定者為零。',
  },
};

/** The keep, drop, sell and license decisions taken in the year. */
export const keepDropSection: IpBoardSection = {
  key: 'keep_drop',
  async build(ctx) {
    const w = words[ctx.locale];
    const counts = await ctx.keepDrop.decidedInYear(ctx.actor, ctx.year);
    return {
      key: this.key,
      heading: w.heading,
      figures: keepDropDecisions.map((d) => figure(d, w.decision[d], counts[d])),
      notes: [w.counted],
    };
  },
};

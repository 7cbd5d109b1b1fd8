import { keepDropDecisions } from '#shared/modules/ip/reassessment/contract.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  verdict: Record<(typeof keepDropDecisions)[number], string>;
  counted: string;
}> = {
  en: {
    heading: 'Portfolio reviews',
    verdict: { keep: 'Keep', drop: 'Drop', sell: 'Sell', license: 'License' },
    counted:
      'Patents the sites you see judged in portfolio reviews in the year, each counted once by its latest verdict of the year; sell and license are the revitalisation candidates. None judged is a zero.',
  },
  'zh-TW': {
    heading: '專利盤點',
    verdict: { keep: '維持', drop: '放棄', sell: '讓與', license: '授權' },
    counted:
      '您可見廠區於專利盤點中給出的審查結論，按給出日落於本年度者計算；讓與與授權即為活化候選。未給出者為零。',
  },
};

/** The verdicts the portfolio reviews gave in the year: keep, drop, sell, license. */
export const reviewsSection: IpBoardSection = {
  key: 'reviews',
  async build(ctx) {
    const w = words[ctx.locale];
    const counts = await ctx.reviews.verdictsInYear(ctx.actor, ctx.year);
    return {
      key: this.key,
      heading: w.heading,
      figures: keepDropDecisions.map((d) => figure(d, w.verdict[d], counts[d])),
      notes: [w.counted],
    };
  },
};

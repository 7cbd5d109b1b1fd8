import { everyItem } from '#shared/platform/http/list.ts';
import { figure, missing, type Words } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{ heading: string; registered: string; score: string; none: string; counted: string }> = {
  en: {
    heading: 'Trade secrets',
    registered: 'Trade secrets registered',
    score: 'Reasonable-measures score, mean (0–100)',
    none: 'Cannot be computed: no trade secret is registered at the sites you see.',
    counted:
      "The trade secret register at the sites you see, today; the score is the mean of each entry's reasonable-measures score.",
  },
  'zh-TW': {
    heading: '營業秘密',
    registered: '已登錄營業秘密數',
    score: '合理保密措施分數平均（0–100）',
    none: '無法計算：您可見之廠區未登錄任何營業秘密。',
    counted: '依您可見廠區目前之營業秘密登錄計算；分數為各筆合理保密措施分數之平均。',
  },
};

/** The trade secrets registered and the mean of their reasonable-measures scores. */
export const secretsSection: IpBoardSection = {
  key: 'trade_secrets',
  async build(ctx) {
    const w = words[ctx.locale];
    const secrets = await everyItem((at) =>
      ctx.secrets.list(ctx.actor, { ...at, sort: 'title', order: 'asc' }),
    );
    const mean = secrets.reduce((a, s) => a + s.score, 0) / secrets.length;
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('registered', w.registered, secrets.length),
        secrets.length === 0
          ? missing('score', w.score, w.none)
          : figure('score', w.score, Math.round(mean * 10) / 10, { decimals: 1 }),
      ],
      notes: [w.counted],
    };
  },
};

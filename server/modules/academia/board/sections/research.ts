import { figure, type Words } from '../../../../platform/reports/board.ts';
import type { AcademiaBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  active: string;
  started: string;
  completed: string;
  outcomes: Record<string, string>;
  counted: string;
}> = {
  en: {
    heading: 'Research collaborations',
    active: 'Research projects active in the year',
    started: 'Started in the year',
    completed: 'Completed in the year',
    outcomes: {
      paper: 'Papers published',
      patent: 'Patents',
      prototype: 'Prototypes',
      adoption: 'Results adopted in production',
    },
    counted:
      'Research projects at the sites you see: active if started by the year’s end and not ended before its start (cancelled ones left out), completed if marked completed with an end in the year; outcomes by the day each was recorded as achieved. None is a zero.',
  },
  'zh-TW': {
    heading: '產學研究合作',
    active: '本年度執行中之研究計畫',
    started: '本年度開始',
    completed: '本年度完成',
    outcomes: {
      paper: '發表論文',
      patent: '專利',
      prototype: '原型',
      adoption: '成果導入生產',
    },
    counted:
      '您可見廠區之研究計畫：於年底前開始且未於年初前結束者為執行中（不含已取消者），標示完成且結束日在本年度者為完成；成果依其達成日計。無者為零。',
  },
};

/** Research projects active, started and completed in the year, and their outcomes by kind. */
export const researchSection: AcademiaBoardSection = {
  key: 'research',
  async build(ctx) {
    const w = words[ctx.locale];
    const r = await ctx.yearFigures.research(ctx.actor, ctx.year);
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('active', w.active, r.active),
        figure('started', w.started, r.started),
        figure('completed', w.completed, r.completed),
        ...[...r.outcomes.entries()].map(([kind, n]) => figure(`outcomes_${kind}`, w.outcomes[kind], n)),
      ],
      notes: [w.counted],
    };
  },
};

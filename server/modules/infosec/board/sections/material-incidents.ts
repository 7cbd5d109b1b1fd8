import { type BoardSection, figure, missing, type Words } from '../section.ts';

const words: Words<{
  heading: string;
  material: string;
  notMaterial: string;
  incidents: string;
  undecided: (n: number, of: number) => string;
  counted: string;
}> = {
  en: {
    heading: 'Material incidents',
    material: 'Material security incidents',
    notMaterial: 'Incidents decided not material',
    incidents: 'Security incidents of the year',
    undecided: (n, of) =>
      `Cannot be counted yet: ${n} of the year's ${of} incidents have no material-incident decision.`,
    counted:
      "Counted from the incidents noticed in the year and each one's standing material-incident decision by the security team or the program owner.",
  },
  'zh-TW': {
    heading: '重大資安事件',
    material: '重大資安事件',
    notMaterial: '判定非重大之事件',
    incidents: '本年度資安事件',
    undecided: (n, of) => `尚無法計算：本年度 ${of} 件事件中有 ${n} 件尚未判定是否重大。`,
    counted: '依本年度知悉之資安事件及資安團隊或計畫負責人對各事件之最新重大性判定計算。',
  },
};

/** Material incidents: the year's incidents by their standing decision; any undecided one withholds the count. */
export const materialIncidentsSection: BoardSection = {
  key: 'material_incidents',
  async build(ctx) {
    const w = words[ctx.locale];
    const c = await ctx.material.yearCounts(ctx.actor, ctx.year, ctx.timeZone);
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        c.undecided > 0
          ? missing('material', w.material, w.undecided(c.undecided, c.incidents))
          : figure('material', w.material, c.material),
        figure('notMaterial', w.notMaterial, c.notMaterial),
        figure('incidents', w.incidents, c.incidents),
      ],
      notes: [w.counted],
    };
  },
};

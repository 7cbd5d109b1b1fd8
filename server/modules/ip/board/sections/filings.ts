import { everyItem } from '#shared/platform/http/list.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import { type IpBoardSection, inYear } from '../section.ts';

const words: Words<{ heading: string; filed: string; granted: string; counted: string }> = {
  en: {
    heading: 'New filings and grants',
    filed: 'Applications filed in the year',
    granted: 'Patents granted in the year',
    counted:
      'Counted from the matters at the sites you see: filed by the filing date, granted by the grant date, each in the year (every office and kind).',
  },
  'zh-TW': {
    heading: '本年度新申請及核准',
    filed: '本年度申請案件數',
    granted: '本年度核准專利數',
    counted: '依您可見廠區之案件計算：申請依申請日、核准依核准日落於本年度者（含各專利局及各類別）。',
  },
};

/** Applications filed and patents granted in the year, from the matters' own dates. */
export const filingsSection: IpBoardSection = {
  key: 'filings',
  async build(ctx) {
    const w = words[ctx.locale];
    const matters = await everyItem((at) =>
      ctx.matters.list(ctx.actor, { ...at, sort: 'filingDate', order: 'asc' }),
    );
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('filed', w.filed, matters.filter((m) => inYear(m.filingDate, ctx.year)).length),
        figure('granted', w.granted, matters.filter((m) => inYear(m.grantDate, ctx.year)).length),
      ],
      notes: [w.counted],
    };
  },
};

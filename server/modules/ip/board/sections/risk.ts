import { everyItem } from '#shared/platform/http/list.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import { hundredths, type IpBoardSection } from '../section.ts';

const words: Words<{ heading: string; open: string; costs: (currency: string) => string; counted: string }> =
  {
    en: {
      heading: 'IP risk cases',
      open: 'Open cases',
      costs: (c) => `Costs of the open cases (${c})`,
      counted:
        'Infringement, trade-secret and other IP risk cases at the sites you see that are neither closed nor decided, today; their costs so far are summed in each currency as recorded, never converted.',
    },
    'zh-TW': {
      heading: '智財風險案件',
      open: '進行中案件數',
      costs: (c) => `進行中案件費用（${c}）`,
      counted:
        '依您可見廠區目前尚未結案或定案之侵權、營業秘密及其他智財風險案件計算；費用依登錄幣別分別加總，不作換算。',
    },
  };

/** The open IP risk cases and their costs so far, per currency. */
export const riskSection: IpBoardSection = {
  key: 'risk_cases',
  async build(ctx) {
    const w = words[ctx.locale];
    const cases = await everyItem((at) =>
      ctx.riskCases.list(ctx.actor, { ...at, sort: 'stepOn', order: 'desc', open: 'true' }),
    );
    const byCurrency = new Map<string, number>();
    for (const c of cases)
      for (const cost of c.costs)
        byCurrency.set(cost.currency, (byCurrency.get(cost.currency) ?? 0) + hundredths(cost.amount));
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('open', w.open, cases.length),
        ...[...byCurrency.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, cents]) =>
            figure(`costs_${currency}`, w.costs(currency), cents / 100, { unit: currency, decimals: 2 }),
          ),
      ],
      notes: [w.counted],
    };
  },
};

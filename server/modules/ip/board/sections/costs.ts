import { missing, type Words } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{ heading: string; paid: string; why: string }> = {
  en: {
    heading: 'Fees paid',
    paid: 'Official fees paid in the year, by office',
    why: 'Cannot be computed: no payment of an official fee is recorded in Steward. The fee forecast prices the fees still to fall due, not those paid.',
  },
  'zh-TW': {
    heading: '已繳規費',
    paid: '本年度已繳官方規費（依專利局）',
    why: '無法計算：Steward 未記錄官方規費之繳納。規費預估僅計算未來到期之規費，並非已繳金額。',
  },
};

/**
 * Fees paid in the year by office. The module keeps the fees due (deadline rules) and prices those to come
 * (the forecast), but records no payment, so the section says so rather than passing a forecast off as paid.
 */
export const costsSection: IpBoardSection = {
  key: 'costs',
  async build(ctx) {
    const w = words[ctx.locale];
    return { key: this.key, heading: w.heading, figures: [missing('paid', w.paid, w.why)], notes: [] };
  },
};

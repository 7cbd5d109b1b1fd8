import { figure, type Words } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  granted: string;
  pending: string;
  grantedAt: (office: string) => string;
  pendingAt: (office: string) => string;
  counted: (asOf: string) => string;
}> = {
  en: {
    heading: 'Patent portfolio',
    granted: 'Patents in force',
    pending: 'Applications pending',
    grantedAt: (o) => `In force, ${o}`,
    pendingAt: (o) => `Pending, ${o}`,
    counted: (asOf) =>
      `Matters at the sites you see by the status each had on ${asOf} (from the dated history of its statuses): in force are granted, opposed or in litigation; pending are filed, published, under examination or allowed. Offices without a matter in either are left out.`,
  },
  'zh-TW': {
    heading: '專利組合',
    granted: '有效專利',
    pending: '審查中申請案',
    grantedAt: (o) => `有效專利（${o}）`,
    pendingAt: (o) => `審查中（${o}）`,
    counted: (asOf) =>
      `依您可見廠區各案件於 ${asOf} 之狀態（取自其狀態異動紀錄）計算：有效專利含已核准、異議中及訴訟中；審查中含已申請、已公開、審查中及核准待領證。兩者皆無案件之專利局不列出。`,
  },
};

/** The portfolio as it stood on the year's last day, by office: in force and pending. */
export const portfolioSection: IpBoardSection = {
  key: 'portfolio',
  async build(ctx) {
    const w = words[ctx.locale];
    const counts = await ctx.portfolio.counts(ctx.actor, { asOf: ctx.asOf });
    const figures = [
      figure('granted', w.granted, counts.granted),
      figure('pending', w.pending, counts.pending),
    ];
    for (const o of counts.offices) {
      if (o.granted === 0 && o.pending === 0) continue;
      figures.push(figure(`granted_${o.office}`, w.grantedAt(o.office), o.granted));
      figures.push(figure(`pending_${o.office}`, w.pendingAt(o.office), o.pending));
    }
    return { key: this.key, heading: w.heading, figures, notes: [w.counted(counts.asOf)] };
  },
};

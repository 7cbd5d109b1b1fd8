import { everyItem } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import { hundredths, type IpBoardSection, inYear } from '../section.ts';

const words: Words<{
  heading: string;
  submitted: string;
  decided: string;
  toFile: string;
  rewardsPaid: string;
  rewardsAmount: string;
  counted: string;
}> = {
  en: {
    heading: 'Invention disclosures and rewards',
    submitted: 'Disclosures submitted in the year',
    decided: 'Disclosures decided in the year',
    toFile: 'Decided in the year to be filed',
    rewardsPaid: 'Inventor rewards paid in the year',
    rewardsAmount: 'Amount of those rewards',
    counted:
      "Disclosures at the sites you see, by the day each was submitted and decided in the group's time zone; rewards (on filing and on grant, split by the inventors' shares) by the day each was recorded as paid.",
  },
  'zh-TW': {
    heading: '發明揭露及獎勵',
    submitted: '本年度提出之發明揭露',
    decided: '本年度已決定之發明揭露',
    toFile: '本年度決定提出申請者',
    rewardsPaid: '本年度已發放發明人獎勵筆數',
    rewardsAmount: '已發放獎勵金額',
    counted:
      '依您可見廠區之發明揭露，按集團時區之提出日及決定日計算；獎勵（申請及核准時，依發明人比例分配）按登錄之發放日計算。',
  },
};

/** Invention disclosures submitted and decided in the year, and the inventors' rewards paid in it. */
export const inventionsSection: IpBoardSection = {
  key: 'inventions',
  async build(ctx) {
    const w = words[ctx.locale];
    const disclosures = await everyItem((at) =>
      ctx.inventions.list(ctx.actor, { ...at, sort: 'submittedAt', order: 'asc' }),
    );
    const day = (at: string | null) => (at ? localDate(new Date(at), ctx.timeZone) : null);
    const decided = disclosures.filter((d) => inYear(day(d.decidedAt), ctx.year));
    // Rewards exist once a disclosure is filed (its family created); only those are read in detail.
    let paid = 0;
    let amount = 0;
    for (const d of disclosures.filter((x) => x.familyId !== null)) {
      const detail = await ctx.inventions.get(ctx.actor, d.id);
      for (const r of detail.rewards)
        if (inYear(r.paidOn, ctx.year)) {
          paid += 1;
          amount += hundredths(r.amount);
        }
    }
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure(
          'submitted',
          w.submitted,
          disclosures.filter((d) => inYear(day(d.submittedAt), ctx.year)).length,
        ),
        figure('decided', w.decided, decided.length),
        figure('to_file', w.toFile, decided.filter((d) => d.decision === 'file').length),
        figure('rewards_paid', w.rewardsPaid, paid),
        figure('rewards_amount', w.rewardsAmount, amount / 100, { unit: 'NT$', decimals: 0 }),
      ],
      notes: [w.counted],
    };
  },
};

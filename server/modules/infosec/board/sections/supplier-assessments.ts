import { type BoardSection, figure, missing, type Words } from '../section.ts';

const words: Words<{
  heading: string;
  assessments: string;
  suppliers: string;
  followUps: string;
  none: string;
  counted: string;
}> = {
  en: {
    heading: 'Supplier cybersecurity assessments',
    assessments: 'Supplier cybersecurity assessments',
    suppliers: 'Critical suppliers assessed',
    followUps: 'Of which follow-up evaluations',
    none: 'Cannot be counted: no critical supplier is registered at the sites you see.',
    counted:
      'An assessment counts in the year its results were confirmed (the third of its four steps); the follow-up evaluation falls due three years after.',
  },
  'zh-TW': {
    heading: '供應商資安評鑑',
    assessments: '供應商資安評鑑',
    suppliers: '受評鑑之關鍵供應商',
    followUps: '其中追蹤評鑑',
    none: '無法計算：您可見之廠區尚未登錄任何關鍵供應商。',
    counted: '評鑑於結果確認（四步驟之第三步）之年度計入；追蹤評鑑於三年後到期。',
  },
};

/** The year's supplier cybersecurity assessments (the seed: 76 in 2022), from the assessments' rows. */
export const supplierAssessmentsSection: BoardSection = {
  key: 'supplier_assessments',
  async build(ctx) {
    const w = words[ctx.locale];
    const out = { key: this.key, heading: w.heading, notes: [w.counted] };
    // No register, no figure: a zero is given only where the program keeps its suppliers.
    const registered = await ctx.suppliers.list(ctx.actor, {
      page: 1,
      pageSize: 1,
      sort: 'name',
      order: 'asc',
    });
    const f = await ctx.supplierAssessments.figures(ctx.actor, { year: ctx.year });
    if (registered.items.length === 0)
      return {
        ...out,
        figures: [
          missing('assessments', w.assessments, w.none),
          missing('suppliers', w.suppliers, w.none),
          missing('followUps', w.followUps, w.none),
        ],
      };
    return {
      ...out,
      figures: [
        figure('assessments', w.assessments, f.assessments),
        figure('suppliers', w.suppliers, f.suppliers),
        figure('followUps', w.followUps, f.followUps),
      ],
    };
  },
};

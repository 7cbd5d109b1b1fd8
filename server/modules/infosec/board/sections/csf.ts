import { type BoardSection, figure, missing, type Words } from '../section.ts';

const words: Words<{ heading: string; it: string; ot: string; none: string; counted: string }> = {
  en: {
    heading: 'NIST CSF maturity assessment',
    it: 'Sites assessed (NIST CSF maturity)',
    ot: 'OT sites assessed',
    none: 'Cannot be counted: no NIST CSF assessment campaign was run in the year.',
    counted:
      "Sites whose assessment of the year's campaign is approved, IT and OT apart (the NIST CSF maturity assessment).",
  },
  'zh-TW': {
    heading: 'NIST CSF 成熟度評估',
    it: '完成 NIST CSF 成熟度評估之廠區',
    ot: '完成 OT 評估之廠區',
    none: '無法計算：本年度未辦理 NIST CSF 評估。',
    counted: '本年度評估活動中評估已核定之廠區數，IT 與 OT 分列（NIST CSF 成熟度評估）。',
  },
};

/** Sites assessed in the year's NIST CSF campaign, IT and OT apart, from the assessment records. */
export const csfSection: BoardSection = {
  key: 'csf',
  async build(ctx) {
    const w = words[ctx.locale];
    const [it, ot] = await Promise.all([
      ctx.csf.heatMap(ctx.actor, { year: ctx.year, domain: 'it' }),
      ctx.csf.heatMap(ctx.actor, { year: ctx.year, domain: 'ot' }),
    ]);
    const ran = it.years.includes(ctx.year);
    return {
      key: this.key,
      heading: w.heading,
      figures: ran
        ? [figure('itSites', w.it, it.sites.length), figure('otSites', w.ot, ot.sites.length)]
        : [missing('itSites', w.it, w.none), missing('otSites', w.ot, w.none)],
      notes: [w.counted],
    };
  },
};

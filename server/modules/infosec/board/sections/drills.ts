import { type BoardSection, figure, missing, type Words } from '../section.ts';

const words: Words<{
  heading: string;
  recovery: string;
  incidentResponse: string;
  none: string;
  counted: string;
}> = {
  en: {
    heading: 'Drills',
    recovery: 'Incident drills (recovery drills held)',
    incidentResponse: 'Incident-response drill',
    none: 'Cannot be counted: no drill was planned or held in the year at the sites you see.',
    counted:
      "The year's incident drills are the recovery drills of the critical systems held in the year (one every six months); the yearly incident-response drill is reported on its own line.",
  },
  'zh-TW': {
    heading: '演練',
    recovery: '資安事件演練（已執行之復原演練）',
    incidentResponse: '資安事件應變演練',
    none: '無法計算：您可見之廠區本年度未規劃或執行任何演練。',
    counted: '本年度資安事件演練為已執行之關鍵系統復原演練（每六個月一次）；年度資安事件應變演練另列。',
  },
};

/** Recovery drills held (the report's "incident drills") and the incident-response drill apart. */
export const drillsSection: BoardSection = {
  key: 'drills',
  async build(ctx) {
    const w = words[ctx.locale];
    const f = await ctx.drills.figures(ctx.actor, { year: ctx.year });
    const none = f.planned === 0 && f.incidentDrills === 0 && f.incidentResponseDrills === 0;
    return {
      key: this.key,
      heading: w.heading,
      figures: none
        ? [
            missing('incidentDrills', w.recovery, w.none),
            missing('incidentResponseDrills', w.incidentResponse, w.none),
          ]
        : [
            figure('incidentDrills', w.recovery, f.incidentDrills),
            figure('incidentResponseDrills', w.incidentResponse, f.incidentResponseDrills),
          ],
      notes: [w.counted],
    };
  },
};

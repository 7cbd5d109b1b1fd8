import type { PermitType } from '#shared/modules/ohs/rules/permits.ts';
import type { Context } from './ohs-context.ts';
import { allocate, type Random } from './random.ts';

// What the permits to work are for: the planned ones that the demo's walk-through shows (closed ones, a
// rejected one, one active now and a request that overlaps it), and a year of routine work at every plant.

/** The trades that do each type of permit work. */
export const PERMIT_TRADES: Record<PermitType, readonly string[]> = {
  pipeline: ['Pipefitter', 'Gas technician'],
  hot_work: ['Welder', 'Pipefitter'],
  confined_space: ['Confined space worker', 'Wastewater operator'],
  live_line_electrical: ['Live-line electrician', 'Electrician'],
  crane: ['Crane operator', 'Rigger', 'Signaller'],
  elevated_work: ['Scaffolder'],
  chemical_filling: ['Chemical filling operator', 'Chemical handler'],
  roof_work: ['Roof worker', 'Construction worker'],
};
export const ROOF_TRADES = new Set(PERMIT_TRADES.roof_work);

export type PermitPlan = {
  site: string;
  type: PermitType;
  status: 'closed' | 'rejected' | 'active' | 'requested' | 'approved' | 'cancelled';
  area: 'WWT' | 'CHEM' | 'GAS' | 'WH' | 'floor' | 'building';
  /** A routine permit's area, drawn beforehand (not the planned active permit's). */
  areaId?: string;
  /** Start, in days from the demo clock's day. */
  start: number;
  days: number;
  description: string;
  descriptionZh?: string;
  /** The demo contractor's company and the demo contractor among the workers. */
  demoCrew?: boolean;
  overlapsActive?: boolean;
};

export const PERMITS: readonly PermitPlan[] = [
  {
    site: 'ASE-KH',
    type: 'hot_work',
    status: 'closed',
    area: 'floor',
    start: -150,
    days: 1,
    description: 'Welding of supports for a new exhaust duct',
    descriptionZh: '新設排氣風管支架焊接',
  },
  {
    site: 'ASE-KH',
    type: 'confined_space',
    status: 'closed',
    area: 'WWT',
    start: -95,
    days: 2,
    description: 'Cleaning of the equalisation tank of the wastewater plant',
    descriptionZh: '廢水處理場調勻池清理',
  },
  {
    site: 'ASE-KH',
    type: 'chemical_filling',
    status: 'closed',
    area: 'CHEM',
    start: -40,
    days: 1,
    description: 'Filling of the sulphuric acid bulk tank from a tanker',
    descriptionZh: '硫酸儲槽槽車灌充作業',
  },
  {
    site: 'SPIL-DF',
    type: 'crane',
    status: 'closed',
    area: 'WH',
    start: -70,
    days: 1,
    description: 'Lifting a chiller onto the roof of the warehouse',
    descriptionZh: '冰水主機吊掛至倉庫屋頂',
  },
  {
    site: 'USI-ZJ',
    type: 'live_line_electrical',
    status: 'closed',
    area: 'floor',
    start: -55,
    days: 1,
    description: 'Connection of a new SMT line to a live busway',
    descriptionZh: '新 SMT 產線接駁帶電匯流排',
  },
  {
    site: 'SPIL-ZK',
    type: 'pipeline',
    status: 'closed',
    area: 'GAS',
    start: -20,
    days: 1,
    description: 'Replacement of a nitrogen line valve at the bulk gas yard',
    descriptionZh: '大宗氣體區氮氣管線閥件更換',
  },
  {
    site: 'ASE-KH',
    type: 'roof_work',
    status: 'rejected',
    area: 'building',
    start: 3,
    days: 1,
    description: 'Replacement of damaged roof sheets above the K11 warehouse',
    descriptionZh: 'K11 倉庫屋頂破損浪板更換',
  },
  {
    site: 'ASE-KH',
    type: 'elevated_work',
    status: 'active',
    area: 'floor',
    start: -1,
    days: 4,
    description: 'Scaffolding for the cable tray extension above the bumping line',
    descriptionZh: '凸塊產線上方電纜架延伸工程施工架搭設',
    demoCrew: true,
  },
  {
    site: 'ASE-KH',
    type: 'hot_work',
    status: 'requested',
    area: 'floor',
    start: 1,
    days: 1,
    description: 'Cutting of old cable tray brackets',
    descriptionZh: '舊電纜架托架切割拆除',
    overlapsActive: true,
  },
];

/** What routine permits are for, by type: [English, Traditional Chinese]. */
const PERMIT_WORK: Record<PermitType, readonly (readonly [string, string])[]> = {
  pipeline: [
    ['Replacement of a valve on the process cooling water line', '製程冷卻水管線閥件更換'],
    ['Tie-in of a new nitrogen branch line', '新設氮氣分支管線接駁'],
    ['Repair of a leaking flange on the compressed dry air header', '壓縮乾燥空氣主管洩漏法蘭修繕'],
  ],
  hot_work: [
    ['Welding of supports for an exhaust duct', '排氣風管支架焊接'],
    ['Cutting of disused pipe brackets', '廢棄管架切割拆除'],
    ['Welding repair of a handrail on the mezzanine', '夾層平台扶手焊接修補'],
  ],
  confined_space: [
    ['Cleaning of a wastewater neutralisation tank', '廢水中和槽清理'],
    ['Inspection inside a cooling tower basin', '冷卻水塔水槽內部檢查'],
    ['Sludge removal from a collection pit', '集水井污泥清除'],
  ],
  live_line_electrical: [
    ['Connection of a new test handler to a live busway', '新測試機台接駁帶電匯流排'],
    ['Thermographic inspection of a live switchboard', '帶電配電盤紅外線熱影像檢測'],
    ['Replacement of a breaker in a live distribution panel', '帶電配電箱斷路器更換'],
  ],
  crane: [
    ['Lifting a chiller onto the roof', '冰水主機吊掛至屋頂'],
    ['Hoisting a new scrubber into the facility yard', '新洗滌塔吊裝至廠務區'],
    ['Lifting equipment through the roof hatch', '機台經屋頂吊口吊運'],
  ],
  elevated_work: [
    ['Scaffolding for a cable tray extension', '電纜架延伸工程施工架搭設'],
    ['Replacement of ceiling lights above a production line', '產線上方天花板燈具更換'],
    ['Installation of an exhaust duct at ceiling height', '天花板高度排氣風管安裝'],
  ],
  chemical_filling: [
    ['Filling of the sulphuric acid bulk tank from a tanker', '硫酸儲槽槽車灌充作業'],
    ['Filling of the developer supply tank', '顯影液供應槽灌充'],
    ['Transfer of IPA into the solvent supply system', '異丙醇灌充至溶劑供應系統'],
  ],
  roof_work: [
    ['Repair of roof sheets above the warehouse', '倉庫屋頂浪板修繕'],
    ['Cleaning of roof gutters before the typhoon season', '颱風季前屋頂排水溝清理'],
    ['Maintenance of the roof exhaust fans', '屋頂排風機保養'],
  ],
};

/** Where each type of routine work is done. */
const PERMIT_AREA: Record<PermitType, PermitPlan['area']> = {
  pipeline: 'GAS',
  hot_work: 'floor',
  confined_space: 'WWT',
  live_line_electrical: 'floor',
  crane: 'WH',
  elevated_work: 'floor',
  chemical_filling: 'CHEM',
  roof_work: 'building',
};

/** Routine permits of the group per year, in proportion to the plants' workforce. */
const ROUTINE_PERMITS_PER_YEAR = 420;

/**
 * The year's routine permits at every plant (closed, a few rejected or cancelled), those running now and
 * those requested or approved for the coming days. Never in the area of the planned active permit, whose
 * overlapping request is the one to flag.
 */
export function routinePermitPlans(ctx: Context, rng: Random, reserved: string | null): PermitPlan[] {
  const plants = ctx.sites.filter((s) => s.demo.kind !== 'office' && s.workers.length > 0);
  const counts = allocate(
    ROUTINE_PERMITS_PER_YEAR,
    plants.map((s) => s.demo.employees),
  );
  const types = Object.keys(PERMIT_WORK) as PermitType[];
  const out: PermitPlan[] = [];
  plants.forEach((s, i) => {
    for (let k = 0; k < counts[i]; k++) {
      const type = rng.weighted(types.map((t) => [t, t === 'roof_work' || t === 'crane' ? 1 : 3] as const));
      const start = -365 + rng.int(0, 378);
      const days = rng.int(1, 3);
      const end = start + days - 1;
      const status: PermitPlan['status'] =
        end < 0
          ? rng.weighted([
              ['closed', 94],
              ['rejected', 3],
              ['cancelled', 3],
            ] as const)
          : start < 0
            ? 'active'
            : rng.chance(0.5)
              ? 'requested'
              : 'approved';
      const kind = PERMIT_AREA[type];
      const candidates =
        kind === 'floor'
          ? s.areas.filter((a) => a.kind === 'floor' || a.kind === 'line')
          : kind === 'building'
            ? s.areas.filter((a) => a.kind === 'building')
            : s.areas.filter((a) => a.code === kind);
      const areas = (candidates.length ? candidates : s.areas.filter((a) => a.kind === 'floor')).filter(
        (a) => a.id !== reserved,
      );
      if (areas.length === 0) continue;
      const [description, descriptionZh] = rng.pick(PERMIT_WORK[type]);
      out.push({
        site: s.row.code,
        type,
        status,
        area: kind,
        areaId: rng.pick(areas).id,
        start,
        days,
        description,
        descriptionZh,
      });
    }
  });
  return out;
}

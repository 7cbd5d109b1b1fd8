/** Pure rules of permits to work for the eight high-risk contractor operations of the seed. */

export const permitTypes = [
  'pipeline',
  'hot_work',
  'confined_space',
  'live_line_electrical',
  'crane',
  'elevated_work',
  'chemical_filling',
  'roof_work',
] as const;
export type PermitType = (typeof permitTypes)[number];

export const permitStatuses = [
  'requested',
  'approved',
  'isolations_verified',
  'gas_test_passed',
  'issued',
  'active',
  'suspended',
  'completed',
  'closed',
  'rejected',
  'expired',
  'cancelled',
] as const;
export type PermitStatus = (typeof permitStatuses)[number];

/** Types whose atmosphere must be tested before work starts. */
export const needsGasTest: ReadonlySet<PermitType> = new Set([
  'confined_space',
  'hot_work',
  'pipeline',
  'chemical_filling',
]);

export const permitTransitions = [
  'approve',
  'verify_isolations',
  'record_gas_test',
  'issue',
  'start',
  'suspend',
  'resume',
  'extend',
  'complete',
  'close',
  'reject',
  'expire',
  'cancel',
] as const;
export type PermitTransition = (typeof permitTransitions)[number];

/** Where a transition may start from and where it leads (gas test: only for the types that need it). */
export function nextStatus(type: PermitType, status: PermitStatus, t: PermitTransition): PermitStatus | null {
  const gas = needsGasTest.has(type);
  switch (t) {
    case 'approve':
      return status === 'requested' ? 'approved' : null;
    case 'verify_isolations':
      return status === 'approved' ? 'isolations_verified' : null;
    case 'record_gas_test':
      return gas && status === 'isolations_verified' ? 'gas_test_passed' : null;
    case 'issue':
      return status === (gas ? 'gas_test_passed' : 'isolations_verified') ? 'issued' : null;
    case 'start':
      return status === 'issued' ? 'active' : null;
    case 'suspend':
      return status === 'active' ? 'suspended' : null;
    case 'resume':
      // After a suspension the atmosphere is tested again before work resumes.
      return status === 'suspended' ? (gas ? 'isolations_verified' : 'active') : null;
    case 'extend':
      return status === 'active' || status === 'issued' ? status : null;
    case 'complete':
      return status === 'active' ? 'completed' : null;
    case 'close':
      return status === 'completed' ? 'closed' : null;
    case 'reject':
      return status === 'requested' || status === 'approved' ? 'rejected' : null;
    case 'expire':
      return ['issued', 'active', 'suspended'].includes(status) ? 'expired' : null;
    case 'cancel':
      return ['requested', 'approved', 'isolations_verified', 'gas_test_passed', 'issued'].includes(status)
        ? 'cancelled'
        : null;
  }
}

export type GasTest = { oxygenPercent: number; lelPercent: number; toxicPpm?: number | null };

/** A passing atmosphere: oxygen at least 18% (and not enriched above 23.5%), flammables under 10% of the LEL. */
export function gasTestProblems(g: GasTest): string[] {
  const problems: string[] = [];
  if (g.oxygenPercent < 18) problems.push(`Oxygen ${g.oxygenPercent}% is below 18%.`);
  if (g.oxygenPercent > 23.5) problems.push(`Oxygen ${g.oxygenPercent}% is above 23.5% (enriched).`);
  if (g.lelPercent >= 10) problems.push(`Flammables at ${g.lelPercent}% of the LEL: must be under 10%.`);
  return problems;
}

/** Statuses in which a permit holds its area (for overlap warnings). */
export const liveStatuses: ReadonlySet<PermitStatus> = new Set([
  'requested',
  'approved',
  'isolations_verified',
  'gas_test_passed',
  'issued',
  'active',
  'suspended',
]);

export function periodsOverlap(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The qualification a worker needs for each type of work. */
export const requiredQualification: Record<PermitType, string> = {
  pipeline: 'pipeline_work',
  hot_work: 'hot_work',
  confined_space: 'confined_space',
  live_line_electrical: 'electrical',
  crane: 'crane_operation',
  elevated_work: 'elevated_work',
  chemical_filling: 'chemical_handling',
  roof_work: 'elevated_work',
};

/** Each type's checklist (English and Traditional Chinese), ticked before the permit is issued. */
export const checklists: Record<PermitType, { key: string; en: string; zh: string }[]> = {
  pipeline: [
    { key: 'line_drained', en: 'Line drained, purged and depressurised', zh: '管線已排空、吹驅並洩壓' },
    { key: 'blinds', en: 'Blinds or double block and bleed installed', zh: '已加盲板或雙重隔離' },
    { key: 'contents_known', en: 'Line contents and hazards briefed', zh: '已說明管內物質與危害' },
  ],
  hot_work: [
    {
      key: 'combustibles_removed',
      en: 'Combustibles removed within 11 m or covered',
      zh: '11 公尺內可燃物已移除或覆蓋',
    },
    { key: 'extinguisher', en: 'Fire extinguisher at hand', zh: '滅火器就位' },
    {
      key: 'fire_watch',
      en: 'Fire watch assigned, 30 minutes after work',
      zh: '指派火警監視人員，作業後留守 30 分鐘',
    },
    {
      key: 'detectors',
      en: 'Smoke detectors in the zone isolated with the fire control room',
      zh: '區域偵煙器已與消防中心協調隔離',
    },
  ],
  confined_space: [
    { key: 'attendant', en: 'Attendant stationed at the entry', zh: '入口處設置監視人員' },
    { key: 'ventilation', en: 'Forced ventilation running', zh: '強制通風運轉中' },
    { key: 'rescue', en: 'Rescue equipment and plan ready', zh: '救援設備與計畫就緒' },
    { key: 'entry_log', en: 'Entry and exit log in use', zh: '進出人員紀錄' },
  ],
  live_line_electrical: [
    { key: 'qualified', en: 'Qualified electricians only', zh: '僅限合格電氣人員' },
    { key: 'insulated_ppe', en: 'Insulated gloves, mats and tools checked', zh: '絕緣手套、墊及工具已檢查' },
    { key: 'second_person', en: 'A second person present', zh: '有第二人在場' },
  ],
  crane: [
    { key: 'lift_plan', en: 'Lift plan and load chart checked', zh: '吊掛計畫與荷重表已確認' },
    { key: 'exclusion_zone', en: 'Exclusion zone barricaded', zh: '吊掛區域已設置管制' },
    { key: 'rigging_inspected', en: 'Slings and rigging inspected', zh: '吊索具已檢查' },
  ],
  elevated_work: [
    { key: 'harness', en: 'Full-body harness and anchor points checked', zh: '全身式安全帶與錨定點已檢查' },
    {
      key: 'scaffold_tagged',
      en: 'Scaffold or platform inspected and tagged',
      zh: '施工架或平台已檢查並掛牌',
    },
    { key: 'below_barricaded', en: 'Area below barricaded', zh: '下方區域已管制' },
  ],
  chemical_filling: [
    { key: 'sds', en: 'Safety data sheet reviewed', zh: '已閱讀安全資料表' },
    { key: 'ppe', en: 'Chemical PPE worn', zh: '已穿戴化學防護具' },
    { key: 'spill_kit', en: 'Spill kit and eyewash at hand', zh: '洩漏處理組與洗眼器就位' },
    {
      key: 'compatibility',
      en: 'Tank label and chemical compatibility checked',
      zh: '已確認槽體標示與化學相容性',
    },
  ],
  roof_work: [
    { key: 'fragile_marked', en: 'Fragile roof areas marked or covered', zh: '易碎屋頂區域已標示或覆蓋' },
    { key: 'edge_protection', en: 'Edge protection or lifelines in place', zh: '設置護欄或救命索' },
    { key: 'weather', en: 'Weather checked (no rain or strong wind)', zh: '已確認天候（無雨、無強風）' },
  ],
};

/**
 * The words of the demo's OHS records: how injuries happen on a semiconductor packaging, test and EMS
 * floor, what is done on the spot, what investigations find and what is changed afterwards, the hazards of
 * the risk registers and the wellbeing programs. Plain data for ohs.ts; English, as the group's OHS
 * officers write their reports.
 */

export type InjuryType =
  | 'cut'
  | 'bruise'
  | 'fracture'
  | 'sprain'
  | 'burn'
  | 'chemical_burn'
  | 'crush'
  | 'amputation'
  | 'electric_shock'
  | 'inhalation'
  | 'eye_injury'
  | 'hearing_loss'
  | 'fall'
  | 'struck_by'
  | 'caught_in'
  | 'other';

/** What kind of root cause a scenario leads an investigation to. */
export type CauseGroup = 'machine' | 'slip' | 'chemical' | 'traffic' | 'heat' | 'handling' | 'electrical';

/** One way an injury of a kind happens: what, how, what was done on the spot, and what lay behind it. */
export type Case = {
  title: string;
  detail: string;
  immediate: string;
  cause: CauseGroup;
  /** The same in Traditional Chinese, as the Taiwanese and Chinese sites write their reports. */
  zh: { title: string; detail: string; immediate: string };
};

export type Scenario = {
  type: InjuryType;
  /** Share among recordable injuries (beyond first aid). */
  weight: number;
  /** Share among first-aid cases (0: never only first aid). */
  firstAidWeight: number;
  parts: readonly (readonly [string, number])[];
  /** Weights of medical treatment, temporary total disability and permanent partial disability. */
  classes: readonly [number, number, number];
  /** Mean days away from work of a temporary total disability. */
  lostDaysMean: number;
  /** A temporary disability of this kind may keep the person in hospital. */
  mayHospitalise: boolean;
  cases: readonly Case[];
  /** What first aid was given. */
  firstAid: string;
  firstAidZh: string;
  /** What medical treatment (beyond first aid) was given. */
  treatment: readonly string[];
  treatmentZh: readonly string[];
};

export const SCENARIOS: readonly Scenario[] = [
  {
    type: 'cut',
    weight: 14,
    firstAidWeight: 35,
    parts: [
      ['finger', 6],
      ['hand', 3],
      ['arm', 1],
    ],
    classes: [70, 30, 0],
    lostDaysMean: 5,
    mayHospitalise: false,
    cases: [
      {
        title: 'Cut while changing a dicing saw blade',
        detail:
          'The blade was handled without the changing tool and a thin nitrile glove gave no protection.',
        immediate: 'First aid given; blade changes paused until the procedure and the gloves were checked.',
        zh: {
          title: '更換切割刀片時割傷',
          detail: '未使用換刀工具徒手拿取刀片，薄型丁腈手套無法提供防護。',
          immediate: '已施予急救；暫停換刀作業，待作業程序及手套檢討完成後恢復。',
        },
        cause: 'handling',
      },
      {
        title: 'Cut on the sharp edge of a lead frame magazine',
        detail: 'The magazine was bent and its edge had become sharp; it had not been taken out of use.',
        immediate: 'First aid given; the damaged magazines of the line were taken out of use.',
        zh: {
          title: '遭導線架彈匣銳利邊緣割傷',
          detail: '彈匣變形致邊緣銳利，但未停止使用。',
          immediate: '已施予急救；產線上受損之彈匣全數停用。',
        },
        cause: 'handling',
      },
      {
        title: 'Cut while opening a carton with a utility knife',
        detail: 'The carton was opened towards the body with a fixed-blade knife instead of a safety cutter.',
        immediate: 'Wound cleaned and dressed; safety cutters issued to the receiving area.',
        zh: {
          title: '以美工刀拆箱時割傷',
          detail: '使用固定式刀片朝身體方向拆箱，未使用安全刀具。',
          immediate: '傷口清潔包紮；收料區改配發安全刀具。',
        },
        cause: 'handling',
      },
      {
        title: 'Cut by a burr on a fixture during set-up',
        detail: 'The fixture had been modified in the workshop and not deburred.',
        immediate: 'First aid given; the fixture was sent back to the workshop for deburring.',
        zh: {
          title: '架機時遭治具毛邊割傷',
          detail: '治具經工務課改造後未去除毛邊。',
          immediate: '已施予急救；治具送回工務課去毛邊。',
        },
        cause: 'machine',
      },
    ],
    firstAid: 'Cleaned and dressed at the first-aid room',
    treatment: [
      'Sutured at the hospital; back to work the next shift',
      'Wound closed with strips by the occupational physician',
    ],
    firstAidZh: '於急救室清潔包紮',
    treatmentZh: ['至醫院縫合；下一班次返回工作', '由職業醫學科醫師以免縫膠帶閉合傷口'],
  },
  {
    type: 'bruise',
    weight: 6,
    firstAidWeight: 20,
    parts: [
      ['leg', 3],
      ['arm', 2],
      ['hip', 1],
      ['foot', 1],
      ['knee', 1],
    ],
    classes: [60, 40, 0],
    lostDaysMean: 4,
    mayHospitalise: false,
    cases: [
      {
        title: 'Knocked a leg against a trolley in the aisle',
        detail: 'The aisle was narrowed by carts waiting for the next lot.',
        immediate: 'Cold compress applied; the waiting carts were moved to the marked parking area.',
        zh: {
          title: '腿部撞及走道上之推車',
          detail: '等待下一批貨之推車佔用走道致通道變窄。',
          immediate: '已冰敷；待料推車移至標示之停放區。',
        },
        cause: 'slip',
      },
      {
        title: 'Bumped into an open cabinet door',
        detail: 'The door had been left open during a material count.',
        immediate: 'Cold compress applied; the cabinet door closer was adjusted.',
        zh: {
          title: '撞到未關之櫃門',
          detail: '盤點物料時櫃門未關上。',
          immediate: '已冰敷；櫃門自動關門器已調整。',
        },
        cause: 'slip',
      },
      {
        title: 'Foot bumped by a tool cart pushed from behind',
        detail: 'The cart was loaded above eye level and the person in front was not seen.',
        immediate: 'Cold compress applied; cart loads limited to the height of the rail.',
        zh: {
          title: '腳部遭後方推來之工具車撞擊',
          detail: '推車堆放高度超過視線，看不到前方人員。',
          immediate: '已冰敷；推車堆放高度限制不得超過扶手。',
        },
        cause: 'traffic',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital, no fracture; back to work',
      'Seen by the occupational physician; painkillers prescribed',
    ],
    firstAidZh: '於急救室冰敷',
    treatmentZh: ['至醫院照 X 光，無骨折；返回工作', '經職業醫學科醫師診治，開立止痛藥'],
  },
  {
    type: 'sprain',
    weight: 14,
    firstAidWeight: 8,
    parts: [
      ['ankle', 3],
      ['back', 3],
      ['wrist', 2],
      ['knee', 2],
      ['shoulder', 1],
    ],
    classes: [40, 60, 0],
    lostDaysMean: 10,
    mayHospitalise: false,
    cases: [
      {
        title: 'Twisted an ankle on the stairs',
        detail: 'The stair nosing was worn and the stairs were taken carrying a tray box with both hands.',
        immediate: 'Cold compress and rest; the worn nosing was taped until it could be replaced.',
        zh: {
          title: '於樓梯扭傷腳踝',
          detail: '樓梯止滑條磨損，且當事人雙手搬運料盤箱上下樓梯。',
          immediate: '冰敷並休息；磨損之止滑條先以膠帶貼覆，待更換。',
        },
        cause: 'slip',
      },
      {
        title: 'Back strain while lifting a box of substrates',
        detail: 'The box weighed about 22 kg and was lifted alone from the floor.',
        immediate: 'Seen by the occupational nurse; boxes over 20 kg marked for a two-person lift.',
        zh: {
          title: '搬運基板箱時拉傷背部',
          detail: '箱重約 22 公斤，由一人自地面抬起。',
          immediate: '經職護診視；超過 20 公斤之箱子標示須兩人搬運。',
        },
        cause: 'handling',
      },
      {
        title: 'Wrist strain from repetitive tray loading',
        detail: 'Trays were loaded for a full shift without rotation.',
        immediate: 'Seen by the occupational nurse; the task was added to the job rotation.',
        zh: {
          title: '重複裝載料盤致手腕拉傷',
          detail: '整個班次持續裝載料盤，未輪調作業。',
          immediate: '經職護診視；該作業納入工作輪調。',
        },
        cause: 'handling',
      },
      {
        title: 'Knee sprain stepping down from a platform',
        detail: 'The last step of the platform is higher than the others and was not marked.',
        immediate: 'Seen by the clinic; the step was marked with yellow tape.',
        zh: {
          title: '步下平台時膝部扭傷',
          detail: '平台最後一階較其他階高，且未加標示。',
          immediate: '經醫務室診視；該階梯已貼黃色警示膠帶。',
        },
        cause: 'slip',
      },
    ],
    firstAid: 'Cold compress and rest at the first-aid room',
    treatment: [
      'Seen by the occupational physician; physiotherapy prescribed',
      'X-ray at the hospital, no fracture; restricted duties',
    ],
    firstAidZh: '於急救室冰敷休息',
    treatmentZh: ['經職業醫學科醫師診治，安排物理治療', '至醫院照 X 光，無骨折；調整為限制性工作'],
  },
  {
    type: 'fracture',
    weight: 9,
    firstAidWeight: 0,
    parts: [
      ['wrist', 3],
      ['finger', 3],
      ['ankle', 2],
      ['foot', 1],
      ['leg', 1],
      ['arm', 1],
    ],
    classes: [5, 95, 0],
    lostDaysMean: 40,
    mayHospitalise: true,
    cases: [
      {
        title: 'Slipped on a wet floor and fractured a wrist',
        detail: 'The floor was wet from condensate dripping from a duct, and no sign had been put out.',
        immediate: 'Taken to hospital; the area was cordoned off and dried, and the duct reported.',
        zh: {
          title: '於濕滑地面滑倒致手腕骨折',
          detail: '風管冷凝水滴落致地面濕滑，且未放置警示牌。',
          immediate: '送醫；現場圍離並擦乾，風管已報修。',
        },
        cause: 'slip',
      },
      {
        title: 'Finger fractured in a closing equipment door',
        detail: 'The door of the handler closed under its own weight: its gas strut had failed.',
        immediate: 'Taken to hospital; the handler was locked out and the struts of the line checked.',
        zh: {
          title: '手指遭關閉中之機台門夾傷骨折',
          detail: '測試機機門因氣壓支撐桿失效而因自重關閉。',
          immediate: '送醫；測試機上鎖停機，並檢查產線各機台門之支撐桿。',
        },
        cause: 'machine',
      },
      {
        title: 'Fell from a step stool and fractured an ankle',
        detail: 'A step stool was used instead of the platform ladder kept in the next bay.',
        immediate: 'Taken to hospital by the site ambulance; step stools removed from the bay.',
        zh: {
          title: '自踏凳跌落致腳踝骨折',
          detail: '未使用隔壁區域之平台梯，而以踏凳代替。',
          immediate: '由廠內救護車送醫；該區踏凳全數移除。',
        },
        cause: 'slip',
      },
      {
        title: 'Foot fracture from a dropped gas cylinder cap',
        detail:
          'The cylinder cap slipped from the hand while the cylinder was being changed; safety shoes do not cover the instep.',
        immediate: 'Taken to hospital; cylinder changes done with the trolley and two people until reviewed.',
        zh: {
          title: '鋼瓶護蓋掉落砸傷腳部致骨折',
          detail: '更換鋼瓶時護蓋自手中滑落；安全鞋未能保護腳背。',
          immediate: '送醫；檢討完成前，鋼瓶更換須使用推車並由兩人執行。',
        },
        cause: 'handling',
      },
    ],
    firstAid: 'Splint at the first-aid room',
    treatment: ['Splinted at the emergency department; back to restricted duties'],
    firstAidZh: '於急救室以夾板固定',
    treatmentZh: ['於急診以夾板固定；返回從事限制性工作'],
  },
  {
    type: 'burn',
    weight: 8,
    firstAidWeight: 12,
    parts: [
      ['hand', 4],
      ['arm', 3],
      ['finger', 2],
      ['face', 0.5],
    ],
    classes: [55, 45, 0],
    lostDaysMean: 10,
    mayHospitalise: true,
    cases: [
      {
        title: 'Contact burn from the heater block of a wire bonder',
        detail: 'The heater cover had been removed for maintenance and not refitted.',
        immediate: 'Burn cooled under running water and dressed; the cover was refitted before restart.',
        zh: {
          title: '接觸打線機加熱塊燙傷',
          detail: '保養時拆下加熱器護蓋後未裝回。',
          immediate: '以流動清水沖洗降溫並包紮；復機前已裝回護蓋。',
        },
        cause: 'heat',
      },
      {
        title: 'Burn from a reflow oven conveyor',
        detail: 'A jam was cleared while the conveyor was still above 150 °C.',
        immediate: 'Burn cooled and dressed; the oven was cooled down before the jam was cleared.',
        zh: {
          title: '遭回焊爐輸送帶燙傷',
          detail: '輸送帶溫度仍高於 150 °C 時即排除卡料。',
          immediate: '燙傷處降溫並包紮；改為爐體降溫後再排除卡料。',
        },
        cause: 'heat',
      },
      {
        title: 'Burn from hot solder during rework',
        detail: 'The soldering iron was laid on the bench instead of its stand.',
        immediate: 'Burn cooled and dressed; iron stands checked at every rework station.',
        zh: {
          title: '重工時遭熱焊錫燙傷',
          detail: '烙鐵未放回烙鐵架，直接放置於工作台上。',
          immediate: '燙傷處降溫並包紮；全面檢查各重工站之烙鐵架。',
        },
        cause: 'heat',
      },
    ],
    firstAid: 'Burn cooled under running water and dressed',
    treatment: [
      'Burn dressing at the hospital; follow-up at the clinic',
      'Treated at the burns unit and released',
    ],
    firstAidZh: '以流動清水沖洗降溫並包紮',
    treatmentZh: ['至醫院燙傷換藥；後續於醫務室追蹤', '於燒燙傷中心治療後返家'],
  },
  {
    type: 'chemical_burn',
    weight: 6,
    firstAidWeight: 4,
    parts: [
      ['hand', 4],
      ['arm', 3],
      ['face', 1],
      ['eye', 1],
    ],
    classes: [50, 50, 0],
    lostDaysMean: 12,
    mayHospitalise: true,
    cases: [
      {
        title: 'Splash of etching solution while changing a drum',
        detail: 'The coupling released under pressure when it was disconnected.',
        immediate:
          'Rinsed at the safety shower for 15 minutes; the spill was neutralised and the drum area closed.',
        zh: {
          title: '更換桶槽時蝕刻液噴濺',
          detail: '拆卸快速接頭時管內仍有壓力致液體噴出。',
          immediate: '於緊急沖淋設備沖洗 15 分鐘；洩漏液已中和，桶槽區封閉。',
        },
        cause: 'chemical',
      },
      {
        title: 'Acid splash during chemical filling',
        detail: 'The face shield was hanging at the station but was not worn.',
        immediate:
          'Rinsed at the eyewash station and taken to hospital; chemical filling stopped until reviewed.',
        zh: {
          title: '化學品灌充時酸液噴濺',
          detail: '面罩掛在工作站旁但未配戴。',
          immediate: '於洗眼器沖洗後送醫；化學品灌充作業暫停，待檢討完成。',
        },
        cause: 'chemical',
      },
      {
        title: 'Contact with flux remover through a torn glove',
        detail: 'The glove had a small tear that was not noticed before the task.',
        immediate: 'Skin rinsed for 15 minutes; gloves now checked at the start of each task.',
        zh: {
          title: '手套破損致接觸助焊劑清洗液',
          detail: '手套有小破洞，作業前未察覺。',
          immediate: '皮膚沖洗 15 分鐘；改為每次作業前檢查手套。',
        },
        cause: 'chemical',
      },
    ],
    firstAid: 'Rinsed at the safety shower',
    treatment: [
      'Treated at the emergency department and released',
      'Eye examined and treated at the hospital',
    ],
    firstAidZh: '於緊急沖淋設備沖洗',
    treatmentZh: ['於急診治療後返家', '至醫院眼科檢查治療'],
  },
  {
    type: 'crush',
    weight: 10,
    firstAidWeight: 0,
    parts: [
      ['finger', 6],
      ['hand', 3],
      ['foot', 2],
    ],
    classes: [30, 62, 8],
    lostDaysMean: 18,
    mayHospitalise: true,
    cases: [
      {
        title: 'Finger caught between a magazine and the loader',
        detail: 'A jam was cleared with the loader in automatic mode.',
        immediate: 'Loader locked out; maintenance checked the interlock before restart.',
        zh: {
          title: '手指夾於彈匣與上料機之間',
          detail: '上料機於自動模式下排除卡料。',
          immediate: '上料機上鎖停機；復機前由設備保養人員檢查連鎖裝置。',
        },
        cause: 'machine',
      },
      {
        title: 'Hand caught in a closing mold press guard',
        detail: 'The guard interlock had been bypassed to speed up jam clearing.',
        immediate: 'Taken to hospital; all bypass keys of the line were collected.',
        zh: {
          title: '手部遭閉合中之封膠機護罩夾傷',
          detail: '為加快排除卡料，護罩連鎖裝置遭旁通。',
          immediate: '送醫；產線所有旁通鑰匙全數收回。',
        },
        cause: 'machine',
      },
      {
        title: 'Foot run over by a pallet jack',
        detail: 'The pallet jack was pulled backwards in a narrow aisle.',
        immediate: 'Seen by the clinic; the aisle was cleared and marked.',
        zh: {
          title: '腳部遭油壓拖板車輾壓',
          detail: '於狹窄走道倒拉油壓拖板車。',
          immediate: '經醫務室診視；走道已清空並劃線標示。',
        },
        cause: 'traffic',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital; dressed and splinted',
      'Treated at the emergency department and released',
    ],
    firstAidZh: '於急救室冰敷',
    treatmentZh: ['至醫院照 X 光；包紮並以夾板固定', '於急診治療後返家'],
  },
  {
    type: 'amputation',
    weight: 1.2,
    firstAidWeight: 0,
    parts: [['finger', 1]],
    classes: [0, 0, 100],
    lostDaysMean: 40,
    mayHospitalise: true,
    cases: [
      {
        title: 'Fingertip amputated in a trim-and-form press',
        detail:
          'The press was cycled while a hand was inside the die area: the light curtain had been muted.',
        immediate:
          'Taken to hospital by ambulance; the press was locked out and the area kept for the investigation.',
        zh: {
          title: '遭切彎腳成型機壓斷指尖',
          detail: '手部仍在模具區內時機台動作：光柵已被遮蔽失效。',
          immediate: '以救護車送醫；機台上鎖停機，現場保留供調查。',
        },
        cause: 'machine',
      },
      {
        title: 'Finger injured in a cutting die while clearing a jam',
        detail: 'The jam was cleared without a lockout, and the die closed.',
        immediate:
          'Taken to hospital by ambulance; all cutting dies of the line stopped for a guarding check.',
        zh: {
          title: '排除卡料時手指遭切刀模具壓傷',
          detail: '排除卡料前未上鎖掛牌，模具閉合。',
          immediate: '以救護車送醫；產線所有切刀模具停機檢查防護設施。',
        },
        cause: 'machine',
      },
    ],
    firstAid: 'Bleeding controlled',
    treatment: ['Surgery at the hospital'],
    firstAidZh: '已止血',
    treatmentZh: ['於醫院接受手術'],
  },
  {
    type: 'electric_shock',
    weight: 1,
    firstAidWeight: 0,
    parts: [
      ['hand', 2],
      ['multiple', 1],
    ],
    classes: [50, 50, 0],
    lostDaysMean: 6,
    mayHospitalise: true,
    cases: [
      {
        title: 'Electric shock from a damaged extension cord',
        detail: 'The cord insulation had been crushed under a cart wheel.',
        immediate: 'Power isolated; the person was checked by the clinic and an ECG taken.',
        zh: {
          title: '因延長線破損而感電',
          detail: '延長線絕緣層遭推車輪壓壞。',
          immediate: '已切斷電源；當事人經醫務室檢查並做心電圖。',
        },
        cause: 'electrical',
      },
      {
        title: 'Shock while replacing a heater on a live panel',
        detail: 'The panel was not isolated because the task was considered minor.',
        immediate: 'Power isolated; the person was taken to hospital for observation.',
        zh: {
          title: '於帶電配電盤更換加熱器時感電',
          detail: '因認為作業簡單，未將配電盤斷電隔離。',
          immediate: '已切斷電源；當事人送醫觀察。',
        },
        cause: 'electrical',
      },
    ],
    firstAid: 'Checked at the clinic',
    treatment: ['ECG and observation at the hospital; released the same day'],
    firstAidZh: '於醫務室檢查',
    treatmentZh: ['至醫院做心電圖並觀察；當日返家'],
  },
  {
    type: 'inhalation',
    weight: 3,
    firstAidWeight: 0,
    parts: [['internal', 1]],
    classes: [60, 40, 0],
    lostDaysMean: 4,
    mayHospitalise: true,
    cases: [
      {
        title: 'Solvent vapour inhaled during tank cleaning',
        detail: 'The local exhaust had been switched off for maintenance.',
        immediate: 'Area evacuated and ventilated; the person was checked at the clinic.',
        zh: {
          title: '清洗槽體時吸入溶劑蒸氣',
          detail: '局部排氣裝置因保養而關閉。',
          immediate: '現場人員疏散並通風；當事人於醫務室檢查。',
        },
        cause: 'chemical',
      },
      {
        title: 'Exposure to ammonia at the bulk gas yard',
        detail: 'A fitting on the ammonia line was leaking.',
        immediate: 'Line isolated and the yard ventilated; the person was taken to the clinic.',
        zh: {
          title: '於大宗氣體區暴露於氨氣',
          detail: '氨氣管線接頭洩漏。',
          immediate: '管線隔離並將氣體區通風；當事人送醫務室。',
        },
        cause: 'chemical',
      },
    ],
    firstAid: 'Fresh air and observation',
    treatment: ['Oxygen and observation at the hospital; released the same day'],
    firstAidZh: '移至新鮮空氣處並觀察',
    treatmentZh: ['於醫院給氧並觀察；當日返家'],
  },
  {
    type: 'eye_injury',
    weight: 6,
    firstAidWeight: 12,
    parts: [['eye', 1]],
    classes: [75, 25, 0],
    lostDaysMean: 4,
    mayHospitalise: false,
    cases: [
      {
        title: 'Particle in the eye while grinding',
        detail: 'Safety glasses were pushed up on the forehead during the task.',
        immediate: 'Eye rinsed at the eyewash station; safety glasses made compulsory at the grinder.',
        zh: {
          title: '研磨時異物入眼',
          detail: '作業時安全眼鏡推至額頭上未配戴。',
          immediate: '於洗眼器沖洗眼睛；研磨機作業強制配戴安全眼鏡。',
        },
        cause: 'handling',
      },
      {
        title: 'Eye irritation from a flux spray',
        detail: 'The spray nozzle was pointed upwards while being cleared.',
        immediate: 'Eye rinsed at the eyewash station; nozzle clearing added to the maintenance procedure.',
        zh: {
          title: '助焊劑噴霧刺激眼睛',
          detail: '疏通噴嘴時噴嘴朝上。',
          immediate: '於洗眼器沖洗眼睛；噴嘴疏通納入保養程序。',
        },
        cause: 'chemical',
      },
    ],
    firstAid: 'Eye rinsed at the eyewash station',
    treatment: ['Foreign body removed by an ophthalmologist', 'Eye drops prescribed by the hospital'],
    firstAidZh: '於洗眼器沖洗眼睛',
    treatmentZh: ['由眼科醫師取出異物', '醫院開立眼藥水'],
  },
  {
    type: 'fall',
    weight: 12,
    firstAidWeight: 3,
    parts: [
      ['knee', 2],
      ['back', 2],
      ['ankle', 2],
      ['hip', 1],
      ['multiple', 1],
      ['head', 0.5],
    ],
    classes: [35, 65, 0],
    lostDaysMean: 14,
    mayHospitalise: true,
    cases: [
      {
        title: 'Slipped on a wet floor in the gowning area',
        detail: 'The floor was wet from a leaking drain and no warning sign had been put out.',
        immediate: 'Seen by the clinic; the floor was dried and a sign put out.',
        zh: {
          title: '於更衣區濕滑地面滑倒',
          detail: '排水管漏水致地面濕滑，且未放置警示牌。',
          immediate: '經醫務室診視；地面已擦乾並放置警示牌。',
        },
        cause: 'slip',
      },
      {
        title: 'Fell from a step ladder while changing a filter',
        detail: 'The ladder was not held and stood on an uneven floor.',
        immediate: 'Seen by the clinic; filter changes now done from the platform ladder.',
        zh: {
          title: '更換濾網時自合梯跌落',
          detail: '合梯無人扶持且置於不平地面。',
          immediate: '經醫務室診視；更換濾網改用平台梯。',
        },
        cause: 'slip',
      },
      {
        title: 'Tripped over a hose at the wastewater plant',
        detail: 'The hose had been left across the walkway after cleaning.',
        immediate: 'Seen by the clinic; the walkway was cleared and a hose reel requested.',
        zh: {
          title: '於廢水處理場被水管絆倒',
          detail: '清洗後水管橫放於走道上未收。',
          immediate: '經醫務室診視；走道已清空，並申請水管捲盤。',
        },
        cause: 'slip',
      },
    ],
    firstAid: 'Checked and cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital; physiotherapy prescribed',
      'Seen by the occupational physician; restricted duties',
    ],
    firstAidZh: '於急救室檢查並冰敷',
    treatmentZh: ['至醫院照 X 光；安排物理治療', '經職業醫學科醫師診治；調整為限制性工作'],
  },
  {
    type: 'struck_by',
    weight: 8,
    firstAidWeight: 6,
    parts: [
      ['head', 2],
      ['shoulder', 2],
      ['foot', 2],
      ['arm', 1],
    ],
    classes: [45, 55, 0],
    lostDaysMean: 9,
    mayHospitalise: true,
    cases: [
      {
        title: 'Struck by a tool falling from a shelf',
        detail: 'Tools were stored on the top shelf, which has no lip.',
        immediate: 'Seen by the clinic; the top shelf was emptied.',
        zh: {
          title: '遭層架掉落之工具擊中',
          detail: '工具放在無擋邊之最上層層架。',
          immediate: '經醫務室診視；最上層層架已清空。',
        },
        cause: 'handling',
      },
      {
        title: 'Hit by a forklift load at the warehouse',
        detail: 'The pedestrian route crosses the forklift route without a barrier.',
        immediate: 'Seen by the clinic; forklift traffic stopped until the crossing was marked.',
        zh: {
          title: '於倉庫遭堆高機貨物撞擊',
          detail: '人行動線與堆高機動線交叉且無護欄。',
          immediate: '經醫務室診視；交叉口劃設標線前堆高機暫停通行。',
        },
        cause: 'traffic',
      },
      {
        title: 'Head struck on a low pipe in the subfab',
        detail: 'The pipe is below head height and was not padded or marked.',
        immediate: 'Seen by the clinic; the pipe was padded and marked.',
        zh: {
          title: '於下層廠務區頭部撞到低矮管線',
          detail: '管線低於頭部高度，未包覆緩衝材亦未標示。',
          immediate: '經醫務室診視；管線已包覆緩衝材並標示。',
        },
        cause: 'slip',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: ['Checked at the emergency department and released', 'X-ray at the hospital, no fracture'],
    firstAidZh: '於急救室冰敷',
    treatmentZh: ['於急診檢查後返家', '至醫院照 X 光，無骨折'],
  },
  {
    type: 'caught_in',
    weight: 4,
    firstAidWeight: 0,
    parts: [
      ['finger', 3],
      ['hand', 3],
      ['arm', 1],
    ],
    classes: [35, 55, 10],
    lostDaysMean: 15,
    mayHospitalise: true,
    cases: [
      {
        title: 'Glove caught in a rotating spindle',
        detail: 'Gloves are not allowed near rotating parts, but were worn.',
        immediate: 'Emergency stop; the machine was locked out for a guarding review.',
        zh: {
          title: '手套遭旋轉主軸捲入',
          detail: '旋轉部件附近禁止戴手套，但仍配戴。',
          immediate: '按下緊急停止；機台上鎖停機檢討防護設施。',
        },
        cause: 'machine',
      },
      {
        title: 'Hand drawn into a tape-and-reel machine',
        detail: 'The emergency stop was out of reach from the operator position.',
        immediate: 'Emergency stop pressed by a colleague; the machine was locked out for a guarding review.',
        zh: {
          title: '手部遭捲帶包裝機捲入',
          detail: '緊急停止開關不在操作位置可觸及範圍內。',
          immediate: '同事按下緊急停止；機台上鎖停機檢討防護設施。',
        },
        cause: 'machine',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: ['X-ray and dressing at the hospital', 'Treated at the emergency department and released'],
    firstAidZh: '於急救室冰敷',
    treatmentZh: ['至醫院照 X 光並包紮', '於急診治療後返家'],
  },
];

/** Occupational illnesses: recorded like injuries, counted among the recordable cases. */
export const ILLNESSES = [
  {
    type: 'hearing_loss' as InjuryType,
    part: 'ear',
    title: 'Noise-induced hearing loss confirmed after the special screening',
    detail:
      'A hearing threshold shift found at the noise screening was confirmed by audiometry as work-related.',
    immediate: 'Moved to a quieter area; the hearing protection program of the test floor was reviewed.',
    zh: {
      title: '特殊健康檢查後確診噪音引起之聽力損失',
      detail: '噪音特殊健檢發現之聽力閾值偏移，經聽力檢查確認與工作相關。',
      immediate: '調至低噪音區域；檢討測試區聽力保護計畫。',
    },
  },
  {
    type: 'other' as InjuryType,
    part: 'shoulder',
    title: 'Work-related shoulder disorder of an operator',
    detail:
      'Repeated reaching to a high magazine rack over several months; diagnosed by the occupational physician.',
    immediate: 'Job transfer to a bench task; the rack height was lowered.',
    zh: {
      title: '作業員職業性肩部疾病',
      detail: '數月來重複伸手取放高處彈匣架；經職業醫學科醫師診斷。',
      immediate: '調任桌上作業；彈匣架高度已降低。',
    },
  },
];

export const COMMUTING = {
  titles: [
    'Scooter accident on the way to work',
    'Hit by a car crossing the road on the way home',
    'Fell from a bicycle on the way to work',
    'Traffic accident of the company shuttle bus',
    'Scooter skidded on a wet road after the night shift',
  ],
  titlesZh: [
    '上班途中機車事故',
    '下班返家途中過馬路遭汽車撞擊',
    '上班途中騎自行車跌倒',
    '公司交通車發生交通事故',
    '夜班下班後機車於濕滑路面打滑',
  ],
  details: [
    'Reported by the employee; a traffic accident on a public road, outside the site.',
    'The police report was attached by the employee when returning to work.',
  ],
  detailsZh: ['員工自行通報；發生於廠外公共道路之交通事故。', '員工復工時檢附警方事故證明。'],
  types: [
    ['fracture', 3],
    ['bruise', 4],
    ['sprain', 3],
    ['cut', 2],
  ] as const,
  parts: [
    ['leg', 3],
    ['knee', 3],
    ['arm', 2],
    ['wrist', 2],
    ['multiple', 1],
    ['head', 0.5],
  ] as const,
};

export const NEAR_MISSES = [
  [
    'Forklift nearly struck a pedestrian at the warehouse crossing',
    'Crossing marked and a convex mirror installed.',
    '倉庫交叉口堆高機險些撞到行人',
    '交叉口已劃設標線並加裝凸面鏡。',
  ],
  [
    'Gas cylinder found unchained in the gas cabinet room',
    'Cylinder secured; all cabinets checked on the shift.',
    '氣瓶櫃室發現鋼瓶未以鏈條固定',
    '鋼瓶已固定；當班全面檢查各氣瓶櫃。',
  ],
  [
    'Wafer cassette fell from a stocker shelf, nobody nearby',
    'Stocker shelf latch repaired.',
    '晶圓盒自倉儲架掉落，附近無人',
    '倉儲架卡榫已修復。',
  ],
  [
    'Chemical line leak found by the leak detector before anyone was exposed',
    'Line isolated and the fitting replaced.',
    '洩漏偵測器於人員暴露前發現化學品管線洩漏',
    '管線已隔離並更換接頭。',
  ],
  [
    'Ladder slipped while nobody was on it',
    'Ladder removed; anti-slip feet fitted to the others.',
    '梯子滑動，當時無人在梯上',
    '該梯已移除；其他梯子加裝防滑腳墊。',
  ],
  [
    'Spark from hot work landed near cardboard',
    'Work stopped; combustibles removed and a fire watch assigned.',
    '動火作業火花掉落於紙箱附近',
    '作業暫停；移除可燃物並指派火警監視人員。',
  ],
  [
    'Hoist load swung towards a worker during a lift',
    'Lift stopped; tag lines made compulsory.',
    '吊掛作業時吊物擺盪朝向作業人員',
    '吊掛暫停；強制使用導引繩。',
  ],
  [
    'Robot arm moved while a technician was inside the cell',
    'Cell locked out; the door interlock was repaired.',
    '技術員位於機械手臂作業區內時手臂動作',
    '作業區上鎖；門連鎖裝置已修復。',
  ],
  [
    'Hot plate left on after the end of the shift',
    'Hot plate switched off; an automatic timer was requested.',
    '下班後加熱板未關閉',
    '加熱板已關閉；已申請加裝自動定時器。',
  ],
] as const;

export const UNSAFE_CONDITIONS = [
  [
    'Emergency exit blocked by pallets',
    'Pallets moved; the exit route added to the daily walk.',
    '緊急出口遭棧板阻擋',
    '棧板已移開；逃生路線納入每日巡檢。',
  ],
  [
    'Missing guard on a conveyor drive',
    'Conveyor locked out until the guard was refitted.',
    '輸送帶驅動裝置缺少護罩',
    '護罩裝回前輸送帶上鎖停機。',
  ],
  [
    'Eyewash station with no water flow',
    'Valve repaired; weekly flushing added to the checklist.',
    '洗眼器無水流出',
    '閥門已修復；每週沖洗納入點檢表。',
  ],
  [
    'Frayed cable on a test handler',
    'Handler isolated; cable replaced.',
    '測試機電纜磨損',
    '測試機已斷電隔離；電纜已更換。',
  ],
  [
    'Wet floor without a warning sign',
    'Floor dried and a sign put out.',
    '地面濕滑未放置警示牌',
    '地面已擦乾並放置警示牌。',
  ],
  [
    'Fire extinguisher inspection overdue',
    'Extinguisher inspected and tagged.',
    '滅火器逾期未檢查',
    '滅火器已檢查並掛上檢查卡。',
  ],
  [
    'Oil leak under a compressor',
    'Leak contained; the compressor was serviced.',
    '空壓機下方漏油',
    '漏油已圍堵；空壓機已保養。',
  ],
  [
    'Chemical container without a label',
    'Container labelled; the area was audited.',
    '化學品容器未標示',
    '容器已貼標示；該區已稽核。',
  ],
  [
    'Handrail loose on the mezzanine stairs',
    'Stairs closed until the handrail was fixed.',
    '夾層樓梯扶手鬆動',
    '扶手修復前樓梯封閉。',
  ],
] as const;

type Cause = {
  category: 'people' | 'machine' | 'method' | 'material' | 'measurement' | 'environment' | 'management';
  statement: string;
  actions: readonly (readonly ['corrective' | 'preventive', string])[];
  /** The statement and the actions' titles (in the same order) in Traditional Chinese. */
  zh: { statement: string; actions: readonly string[] };
};

/**
 * What investigations find behind each kind of event: a 5-whys chain (its first whys are the incident's own:
 * what happened and how) ending in a root cause, and a fishbone cause; each with the actions agreed.
 */
export const ROOT_CAUSES: Record<
  CauseGroup,
  { whys: readonly string[]; whysZh: readonly string[]; fiveWhys: Cause; fishbone: Cause }
> = {
  machine: {
    whys: [
      'Why could a hand reach the moving parts? The guard or its interlock did not stop the machine.',
      'Why? Guards and interlocks are not part of the equipment inspection.',
    ],
    whysZh: [
      '為何手能伸入運動部件？護罩或其連鎖裝置未能使機台停止。',
      '為何如此？護罩與連鎖裝置未列入設備點檢項目。',
    ],
    fiveWhys: {
      category: 'machine',
      statement: 'Guarding and interlocks allowed hands into moving parts',
      actions: [
        ['corrective', 'Fit tamper-proof interlocks and fixed guards on the machines of the line'],
        ['preventive', 'Add guard and interlock checks to the monthly equipment inspection'],
      ],
      zh: {
        statement: '護罩與連鎖裝置未能防止手部進入運動部件',
        actions: ['產線機台加裝防拆式連鎖裝置及固定式護罩', '每月設備點檢增列護罩與連鎖裝置檢查'],
      },
    },
    fishbone: {
      category: 'method',
      statement: 'Jam clearing and set-up were done without a lockout',
      actions: [['corrective', 'Rewrite the jam-clearing procedure with a lockout and brief every shift']],
      zh: {
        statement: '排除卡料及架機作業未執行上鎖掛牌',
        actions: ['修訂排除卡料程序納入上鎖掛牌，並向各班宣導'],
      },
    },
  },
  slip: {
    whys: [
      'Why was the condition there? It had been there for some time and nobody had corrected it.',
      'Why was it not corrected? The housekeeping walk did not cover the area.',
    ],
    whysZh: ['為何該狀況存在？已存在一段時間且無人改善。', '為何未改善？環境巡檢未涵蓋該區域。'],
    fiveWhys: {
      category: 'environment',
      statement: 'Walkways and floors were not kept clear, dry and marked',
      actions: [
        ['corrective', 'Correct the condition at its source and mark the spot'],
        ['preventive', 'Add the area to the daily 5S walk of the shift leaders'],
      ],
      zh: {
        statement: '走道及地面未保持淨空、乾燥並標示',
        actions: ['自源頭改善該狀況並標示該處', '該區納入班長每日 5S 巡檢'],
      },
    },
    fishbone: {
      category: 'management',
      statement: 'Hazards of the area were not in its risk assessment',
      actions: [['preventive', 'Review the risk assessment of the area with the facility team']],
      zh: { statement: '該區危害未列入風險評估', actions: ['會同廠務檢討該區風險評估'] },
    },
  },
  chemical: {
    whys: [
      'Why did the chemical reach the person? It escaped at the point of work.',
      "Why? The transfer is open and relies on the handler's care and protective equipment.",
    ],
    whysZh: [
      '為何化學品會接觸人員？於作業點逸散。',
      '為何如此？輸送作業為開放式，仰賴操作人員小心及防護具。',
    ],
    fiveWhys: {
      category: 'material',
      statement: 'Chemical transfers relied on protective equipment rather than closed connections',
      actions: [
        ['corrective', 'Replace open transfers and couplings with dry-break connectors'],
        ['preventive', 'Add the face shield and glove check to the two-person check of chemical tasks'],
      ],
      zh: {
        statement: '化學品輸送仰賴防護具而非密閉式接頭',
        actions: ['開放式輸送及接頭更換為乾式快速接頭', '化學品作業雙人確認增列面罩及手套檢查'],
      },
    },
    fishbone: {
      category: 'people',
      statement: 'Chemical handlers had not been refreshed on the procedure',
      actions: [['corrective', 'Refresher training for the chemical handlers of all shifts']],
      zh: { statement: '化學品操作人員未接受程序複訓', actions: ['各班化學品操作人員複訓'] },
    },
  },
  traffic: {
    whys: [
      'Why did the vehicle and the person meet? The route crosses the walkway.',
      'Why is there no separation? The layout predates the present traffic.',
    ],
    whysZh: ['為何車輛與人員會相遇？車行路線穿越人行道。', '為何未區隔？廠區配置早於現行交通流量。'],
    fiveWhys: {
      category: 'environment',
      statement: 'Pedestrians and vehicles share routes without separation',
      actions: [
        ['corrective', 'Install barriers, a marked crossing and mirrors'],
        ['preventive', 'Limit loads to one pallet height and drive loaded in reverse'],
      ],
      zh: {
        statement: '行人與車輛共用路線且未區隔',
        actions: ['設置護欄、行人穿越線及凸面鏡', '載貨高度限一個棧板並倒車行駛'],
      },
    },
    fishbone: {
      category: 'management',
      statement: 'Traffic rules of the area were not enforced',
      actions: [['preventive', 'Monthly traffic audit of the warehouse by the OHS office']],
      zh: { statement: '該區交通規則未落實執行', actions: ['職安室每月稽核倉庫交通'] },
    },
  },
  heat: {
    whys: [
      'Why was the surface exposed? A cover was off or the equipment was still hot.',
      'Why? Cool-down and cover refitting are not in the checklists.',
    ],
    whysZh: ['為何表面外露？護蓋未裝或設備仍處高溫。', '為何如此？點檢表未列降溫及護蓋復原。'],
    fiveWhys: {
      category: 'method',
      statement: 'Hot surfaces were exposed during operation and maintenance',
      actions: [
        ['corrective', 'Add cool-down and cover refitting with sign-off to the maintenance checklist'],
      ],
      zh: { statement: '運轉及保養期間高溫表面外露', actions: ['保養點檢表增列降溫及護蓋復原並簽核'] },
    },
    fishbone: {
      category: 'machine',
      statement: 'Exposed heaters have no permanent insulation',
      actions: [['corrective', 'Fit insulated covers on the exposed heaters']],
      zh: { statement: '外露加熱器未設永久隔熱', actions: ['外露加熱器加裝隔熱護蓋'] },
    },
  },
  handling: {
    whys: [
      'Why? The right tool or protection was not at hand at the station.',
      'Why? The job safety analysis of the task did not list it.',
    ],
    whysZh: ['為何如此？工作站未備妥適當工具或防護具。', '為何如此？該作業之工作安全分析未列出。'],
    fiveWhys: {
      category: 'method',
      statement: 'The task was done without the tool or protection it needs',
      actions: [
        ['corrective', 'Stock the tools and protective equipment of the task at every station'],
        ['preventive', 'Update the job safety analysis and brief all shifts'],
      ],
      zh: {
        statement: '作業未使用所需之工具或防護具',
        actions: ['各工作站備妥該作業之工具及防護具', '更新工作安全分析並向各班宣導'],
      },
    },
    fishbone: {
      category: 'management',
      statement: 'Job safety analyses of the line were out of date',
      actions: [['preventive', 'Review every job safety analysis of the line']],
      zh: { statement: '產線工作安全分析未更新', actions: ['全面檢討產線各項工作安全分析'] },
    },
  },
  electrical: {
    whys: [
      'Why was it live? It was not isolated: the task was considered too small for a lockout.',
      'Why? The lockout rule had exceptions in practice.',
    ],
    whysZh: ['為何帶電？未隔離：作業被認為太簡單不需上鎖。', '為何如此？上鎖規定實務上有例外。'],
    fiveWhys: {
      category: 'method',
      statement: 'Electrical work was done without isolation',
      actions: [['corrective', 'Require a lockout for every task inside an electrical panel']],
      zh: { statement: '電氣作業未斷電隔離', actions: ['配電盤內任何作業均須上鎖掛牌'] },
    },
    fishbone: {
      category: 'material',
      statement: 'Damaged cords and tools stayed in use',
      actions: [['preventive', 'Inspect extension cords monthly and remove damaged ones']],
      zh: { statement: '破損電線及工具持續使用', actions: ['每月檢查延長線並移除破損者'] },
    },
  },
};

/** The root causes of the fall from a roof of a contractor's worker: the one fatality of the history. */
export const FATALITY = {
  title: "Contractor's worker fell through a skylight during roof work",
  description:
    'A worker of a roofing contractor replacing roof sheets stepped on a skylight, which gave way; he fell 9 metres to the warehouse floor and died in hospital the same day. The roof work permit required a lifeline, which had not been installed.',
  immediate:
    'Emergency response and ambulance; all roof work of the group stopped; the labour authority notified.',
  zh: {
    title: '承攬商作業人員於屋頂作業時踏穿採光罩墜落',
    description:
      '屋頂承攬商作業人員更換屋頂浪板時踩踏採光罩，採光罩破裂，自 9 公尺高處墜落至倉庫地面，當日於醫院不治。屋頂作業許可要求設置安全母索，但未設置。',
    immediate: '啟動緊急應變並叫救護車；集團所有屋頂作業停工；已通報勞動檢查機構。',
  },
  causes: [
    {
      method: 'five_whys' as const,
      category: 'method' as const,
      statement: 'The lifeline was not installed before the roof work started',
      zh: {
        statement: '屋頂作業開始前未設置安全母索',
        whys: [
          '為何墜落？踩到易碎之採光罩。',
          '為何未被拉住？未設置安全母索。',
          '為何如此？施工人員於錨定點安裝前即開工。',
          '為何會發生？開工時無人確認許可條件。',
        ],
        actions: ['核發屋頂作業許可前確認屋頂錨定點及安全母索', '集團所有屋頂採光罩加設護網或標示'],
      },
      whys: [
        'Why did the worker fall? He stepped on a fragile skylight.',
        'Why was he not held? No lifeline was installed.',
        'Why? The crew started before the anchor was fitted.',
        'Why was that possible? Nobody verified the permit conditions at the start of work.',
      ],
      actions: [
        ['corrective', 'Verify the anchors and lifelines on the roof before any roof work permit is issued'],
        ['preventive', 'Cover or mark every skylight of the group’s roofs'],
      ] as const,
    },
    {
      method: 'fishbone' as const,
      category: 'management' as const,
      statement: "The contractor's supervision of high-risk work was insufficient",
      zh: {
        statement: '承攬商對高風險作業之監督不足',
        whys: [] as string[],
        actions: ['八大高風險作業均須承攬商安全衛生管理人員在場'],
      },
      whys: [],
      actions: [
        ['preventive', 'Require a contractor safety supervisor on site for all eight high-risk operations'],
      ] as const,
    },
  ],
};

export type HazardTemplate = {
  /** Which area of the site it belongs to: a zone code, or 'line' for a production line. */
  area: 'CHEM' | 'GAS' | 'WWT' | 'WH' | 'CLINIC' | 'line' | 'floor';
  activity: string;
  hazard: string;
  consequence: string;
  likelihood: number;
  severity: number;
  controls: readonly (readonly [
    'elimination' | 'substitution' | 'engineering' | 'administrative' | 'ppe',
    string,
    boolean,
  ])[];
  residual: readonly [number, number];
  /** The same in Traditional Chinese (controls in the same order), for the Taiwanese and Chinese sites. */
  zh: { activity: string; hazard: string; consequence: string; controls: readonly string[] };
};

export const HAZARDS: readonly HazardTemplate[] = [
  {
    area: 'CHEM',
    activity: 'Chemical drum change-over',
    hazard: 'Splash of acid or alkaline solution',
    consequence: 'Chemical burns to skin and eyes',
    likelihood: 3,
    severity: 4,
    controls: [
      ['engineering', 'Closed transfer with dry-break couplings', true],
      ['administrative', 'Two-person drum change procedure', true],
      ['ppe', 'Face shield, chemical apron and gloves', true],
    ],
    residual: [2, 3],
    zh: {
      activity: '化學品桶槽更換作業',
      hazard: '酸鹼溶液噴濺',
      consequence: '皮膚及眼睛化學性灼傷',
      controls: ['乾式快速接頭密閉輸送', '兩人一組桶槽更換程序', '面罩、防化學圍裙及手套'],
    },
  },
  {
    area: 'WH',
    activity: 'Forklift operation in the warehouse',
    hazard: 'Collision between a forklift and a pedestrian',
    consequence: 'Crushing injuries or fractures',
    likelihood: 3,
    severity: 4,
    controls: [
      ['engineering', 'Walkways separated by barriers', true],
      ['administrative', 'Speed limit of 8 km/h; licensed drivers only', true],
      ['engineering', 'Blue spot warning lights on every forklift', false],
    ],
    residual: [2, 3],
    zh: {
      activity: '倉庫堆高機作業',
      hazard: '堆高機與行人碰撞',
      consequence: '壓傷或骨折',
      controls: ['以護欄區隔人行通道', '限速每小時 8 公里；僅限持證人員操作', '每台堆高機加裝藍光警示燈'],
    },
  },
  {
    area: 'GAS',
    activity: 'Maintenance of the bulk gas yard',
    hazard: 'Leak of silane or ammonia',
    consequence: 'Fire, explosion or toxic exposure',
    likelihood: 2,
    severity: 5,
    controls: [
      ['engineering', 'Gas detection interlocked with automatic shut-off valves', true],
      ['administrative', 'Permit to work for any line break', true],
      ['ppe', 'Self-contained breathing apparatus for emergency response', true],
    ],
    residual: [1, 5],
    zh: {
      activity: '大宗氣體區維修作業',
      hazard: '矽甲烷或氨氣洩漏',
      consequence: '火災、爆炸或中毒',
      controls: [
        '氣體偵測器連動自動緊急遮斷閥',
        '管線開口須申請危險作業許可',
        '緊急應變配備自給式空氣呼吸器',
      ],
    },
  },
  {
    area: 'line',
    activity: 'Saw blade and tool replacement',
    hazard: 'Contact with a sharp blade',
    consequence: 'Cuts to the fingers and hands',
    likelihood: 4,
    severity: 2,
    controls: [
      ['engineering', 'Blade guard with interlock', true],
      ['administrative', 'Lockout before every blade change', true],
      ['ppe', 'Cut-resistant gloves', true],
    ],
    residual: [2, 2],
    zh: {
      activity: '切割刀片及治具更換',
      hazard: '接觸銳利刀片',
      consequence: '手指及手部割傷',
      controls: ['刀片護罩附連鎖裝置', '每次換刀前執行上鎖掛牌', '防割手套'],
    },
  },
  {
    area: 'floor',
    activity: 'Work at height on the mezzanine and cable trays',
    hazard: 'Fall from height',
    consequence: 'Serious injury or death',
    likelihood: 2,
    severity: 5,
    controls: [
      ['elimination', 'Valves of routine tasks moved to floor level', false],
      ['engineering', 'Guardrails and certified anchor points', true],
      ['administrative', 'Elevated work permit', true],
      ['ppe', 'Full-body harness with double lanyard', true],
    ],
    residual: [1, 5],
    zh: {
      activity: '夾層平台及電纜架高處作業',
      hazard: '高處墜落',
      consequence: '重傷或死亡',
      controls: ['例行操作閥件移至地面高度', '護欄及經認證之錨定點', '高架作業許可', '雙掛鉤全身式安全帶'],
    },
  },
  {
    area: 'WWT',
    activity: 'Cleaning of the wastewater treatment tanks',
    hazard: 'Oxygen-deficient or toxic atmosphere in the tank',
    consequence: 'Asphyxiation',
    likelihood: 2,
    severity: 5,
    controls: [
      ['engineering', 'Forced ventilation during the whole entry', true],
      ['administrative', 'Confined space permit with gas test and attendant', true],
    ],
    residual: [1, 4],
    zh: {
      activity: '廢水處理槽清理',
      hazard: '槽內缺氧或有毒氣體',
      consequence: '窒息',
      controls: ['進入期間全程強制通風', '局限空間作業許可、氣體測定及監視人員'],
    },
  },
  {
    area: 'line',
    activity: 'Operation of test handlers',
    hazard: 'Noise above 85 dB(A)',
    consequence: 'Noise-induced hearing loss',
    likelihood: 4,
    severity: 3,
    controls: [
      ['engineering', 'Acoustic enclosures on the loudest handlers', false],
      ['administrative', 'Hearing conservation program with yearly audiometry', true],
      ['ppe', 'Ear plugs', true],
    ],
    residual: [3, 3],
    zh: {
      activity: '測試機台操作',
      hazard: '噪音超過 85 分貝',
      consequence: '噪音引起之聽力損失',
      controls: ['高噪音機台加裝隔音罩', '聽力保護計畫及每年聽力檢查', '耳塞'],
    },
  },
  {
    area: 'line',
    activity: 'Operation of reflow and curing ovens',
    hazard: 'Hot surfaces',
    consequence: 'Contact burns',
    likelihood: 3,
    severity: 2,
    controls: [
      ['engineering', 'Insulated covers on exposed heaters', true],
      ['ppe', 'Heat-resistant gloves for jam clearing', true],
    ],
    residual: [2, 2],
    zh: {
      activity: '回焊爐及烘烤爐操作',
      hazard: '高溫表面',
      consequence: '接觸性燙傷',
      controls: ['外露加熱器加裝隔熱護蓋', '排除卡料時戴耐熱手套'],
    },
  },
  {
    area: 'WH',
    activity: 'Manual handling of substrate and tray boxes',
    hazard: 'Lifting loads over 20 kg',
    consequence: 'Back injury',
    likelihood: 4,
    severity: 2,
    controls: [
      ['engineering', 'Lift assists and height-adjustable trolleys', true],
      ['administrative', 'Two-person lift above 20 kg', true],
    ],
    residual: [2, 2],
    zh: {
      activity: '基板及料盤箱人工搬運',
      hazard: '搬運超過 20 公斤之物品',
      consequence: '下背傷害',
      controls: ['搬運輔助器及可調高度推車', '超過 20 公斤須兩人搬運'],
    },
  },
  {
    area: 'CLINIC',
    activity: 'Injections, blood sampling and clinical waste',
    hazard: 'Needlestick injury',
    consequence: 'Blood-borne infection',
    likelihood: 2,
    severity: 3,
    controls: [
      ['engineering', 'Safety-engineered needles and sharps containers', true],
      ['administrative', 'Needlestick procedure and hepatitis B vaccination of the staff', true],
      ['ppe', 'Disposable gloves', true],
    ],
    residual: [1, 3],
    zh: {
      activity: '注射、抽血及醫療廢棄物處理',
      hazard: '針扎',
      consequence: '血液傳染性感染',
      controls: ['安全針具及尖銳物收集盒', '針扎處理程序及醫護人員 B 型肝炎疫苗接種', '拋棄式手套'],
    },
  },
];

/** Findings of screenings, by kind (general) or by special hazard. */
export const FINDINGS = {
  general: [
    ['Blood pressure 152/96 mmHg', 'Recheck blood pressure in 4 weeks; lifestyle advice'],
    ['Fasting glucose 132 mg/dL', 'HbA1c test and consultation with the occupational physician'],
    ['ALT 86 U/L', 'Liver function recheck in 3 months; reduce alcohol'],
    ['LDL cholesterol 196 mg/dL', 'Diet advice; recheck in 6 months'],
    ['Chest X-ray: small nodule in the right upper lobe', 'Low-dose CT at the partner hospital'],
    ['Haemoglobin 10.2 g/dL', 'Blood count recheck and dietary advice'],
    ['BMI 32 and waist 98 cm', 'Referral to the weight management clinic'],
  ],
  noise: ['Hearing threshold shift of 30 dB at 4 kHz', 'Audiometry recheck; hearing protection fit test'],
  dust: ['Reduced FEV1/FVC ratio (68%)', 'Spirometry recheck; respirator fit test'],
  organic_solvents: ['ALT 72 U/L with solvent exposure', 'Exposure review and liver function recheck'],
  lead: ['Blood lead 24 µg/dL', 'Exposure review; recheck in 3 months'],
  ionizing_radiation: ['White cell count below the reference range', 'Dosimeter review; blood count recheck'],
  heavy_metals: ['Urine nickel above the reference value', 'Exposure review at the plating line; recheck'],
  night_work: [
    'Sleep disorder and blood pressure 148/94 mmHg',
    'Consultation on shift pattern; blood pressure recheck',
  ],
  high_temperature: ['Signs of heat strain at work', 'Hydration plan and work–rest schedule'],
} as const;

export const FOLLOWUP_NOTES = [
  'Consulted; advice given and a recheck booked.',
  'Consulted; referred to a specialist at the partner hospital.',
  'Consulted; recheck normal, no further action.',
  'Consulted; work adjustment agreed with the supervisor.',
] as const;

/** The hospital or screening centre a site's campaign goes to, by the site's city. */
export const PROVIDERS: Record<string, string> = {
  Kaohsiung: 'Kaohsiung Medical University Chung-Ho Memorial Hospital',
  Taoyuan: 'Landseed International Hospital',
  Taipei: 'Taiwan Adventist Hospital',
  Taichung: 'China Medical University Hospital',
  Hsinchu: 'National Taiwan University Hospital Hsinchu Branch',
  Changhua: 'Changhua Christian Hospital',
  Nantou: 'Nantou Christian Hospital',
  Shanghai: 'Ruijin Hospital Health Check Centre',
  Paju: 'Korea Medical Institute',
  Yishun: 'Raffles Medical',
  'Bayan Lepas': 'Island Hospital Penang',
  Yamagata: 'Yamagata Prefectural Central Hospital',
  Guadalajara: 'Hospital San Javier Guadalajara',
};
/** Where there is no hospital of the list: the screening chain of the country. */
export const PROVIDER_OF_COUNTRY: Record<string, string> = {
  CN: 'Meinian Onehealth',
  TW: 'Taiwan Adventist Hospital',
};

export const WELLBEING = {
  gyms: [
    ['ASE-KH', 'K7 fitness centre', 'K7 健身中心', '2012-05-01'],
    ['ASE-KH', 'K11 gym', 'K11 健身房', '2016-09-01'],
    ['ASE-CL', 'Chungli gym', '中壢廠健身房', '2014-03-01'],
    ['SPIL-DF', 'Da Fong fitness room', '大豐廠健身室', '2015-07-01'],
    ['USI-ZJ', 'Zhangjiang staff gym', '張江員工健身房', '2018-04-01'],
  ],
  courses: [
    ['ASE-KH', 'Spinning class', '飛輪課程'],
    ['ASE-KH', 'Yoga class', '瑜珈課程'],
    ['ASE-KH', 'Zumba class', '尊巴舞課程'],
    ['ASE-CL', 'Pilates class', '皮拉提斯課程'],
    ['SPIL-DF', 'Core training class', '核心訓練課程'],
    ['USI-ZJ', 'Aerobics class', '有氧課程'],
  ],
  clubs: [
    ['ASE-KH', 'Foreign employee club', '外籍員工社'],
    ['ASE-KH', 'Basketball club', '籃球社'],
    ['ASE-KH', 'Badminton club', '羽球社'],
    ['ASE-KH', 'Hiking club', '登山社'],
    ['ASE-KH', 'Photography club', '攝影社'],
    ['ASE-KH', 'Community service club', '志工社'],
    ['ASE-KH', 'Arts and crafts club', '手作社'],
    ['ASE-CL', 'Running club', '路跑社'],
    ['ASE-CL', 'Table tennis club', '桌球社'],
    ['ASE-CL', 'Guitar club', '吉他社'],
    ['SPIL-DF', 'Cycling club', '單車社'],
    ['SPIL-DF', 'Softball club', '壘球社'],
    ['SPIL-CS', 'Badminton club', '羽球社'],
    ['SPIL-CS', 'Outdoor club', '戶外活動社'],
    ['SPIL-ZK', 'Basketball club', '籃球社'],
    ['SPIL-ZK', 'Dance club', '熱舞社'],
    ['SPIL-HC', 'Hiking club', '登山社'],
    ['SPIL-CH', 'Volunteer club', '志工社'],
    ['USI-NT', 'Tea culture club', '茶藝社'],
    ['USI-ZJ', 'Football club', '足球社'],
    ['USI-ZJ', 'Calligraphy club', '書法社'],
    ['USI-KS', 'Badminton club', '羽毛球社'],
    ['USI-JQ', 'Running club', '跑步社'],
    ['USI-MX', 'Soccer club', '足球社'],
  ],
  /** Clubs that closed before the seed's year or opened after it. */
  formerClubs: [
    ['ASE-CL', 'Bowling club', '保齡球社', '2013-03-01', '2020-06-30'],
    ['SPIL-HC', 'Chess club', '棋藝社', '2015-09-01', '2021-12-31'],
  ],
  laterClubs: [['ASE-KH', 'Pickleball club', '匹克球社', '2024-03-01']],
} as const;

/** Treatments written by the generator itself (not a scenario's), in Traditional Chinese. */
export const TREATMENTS_ZH: Readonly<Record<string, string>> = {
  'Seen at the first-aid room': '於急救室處置',
  'Seen by the occupational physician; prescription medication': '經職業醫學科醫師診治，開立處方藥',
  'Admitted to hospital; sick leave until recovered': '住院治療；病假至康復',
  'Treated at the hospital; sick leave until recovered': '於醫院治療；病假至康復',
  'Surgery at the hospital; permanent partial loss of use': '於醫院接受手術；部分機能永久喪失',
  'Emergency response; died of the injuries': '緊急救護；因傷重不治',
  'Kept in hospital overnight for observation': '留院觀察一晚',
  'Minor injury seen at the first-aid room on arrival': '到廠後於急救室處置輕傷',
};

/** Body parts (and sides) as a Chinese report names them. */
export const BODY_PARTS_ZH: Readonly<Record<string, string>> = {
  left: '左',
  right: '右',
  finger: '手指',
  hand: '手',
  arm: '手臂',
  leg: '腿',
  hip: '髖部',
  foot: '腳',
  knee: '膝蓋',
  head: '頭部',
  eye: '眼睛',
  ear: '耳朵',
  back: '背部',
  wrist: '手腕',
  shoulder: '肩膀',
  ankle: '腳踝',
  face: '臉部',
  neck: '頸部',
  chest: '胸部',
  torso: '軀幹',
  lungs: '肺部',
  skin: '皮膚',
  multiple: '多處',
  internal: '體內',
};

/** Investigation steps of the timeline: [English, Traditional Chinese]. */
export const INVESTIGATION_STEPS = {
  secured: ['Scene secured, photographs taken and the equipment locked out', '現場管制、拍照並將設備上鎖'],
  interviews: [
    'Interviews with the injured person, the witnesses and the supervisor',
    '訪談受傷人員、目擊者及主管',
  ],
  workshop: [
    'Root cause workshop with the line, maintenance and the OHS office',
    '會同產線、設備保養及職安室召開根本原因分析會議',
  ],
  agreed: [
    'Corrective and preventive actions agreed with the site management',
    '與廠區管理階層議定矯正及預防措施',
  ],
  closed: ['Actions verified; investigation closed', '改善措施經確認有效；調查結案'],
  effective: [
    'Checked on the floor: the change is in place and used on every shift.',
    '現場確認：改善措施已落實並於各班次執行。',
  ],
} as const;

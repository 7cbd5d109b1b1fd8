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
export type Case = { title: string; detail: string; immediate: string; cause: CauseGroup };

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
  /** What medical treatment (beyond first aid) was given. */
  treatment: readonly string[];
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
        cause: 'handling',
      },
      {
        title: 'Cut on the sharp edge of a lead frame magazine',
        detail: 'The magazine was bent and its edge had become sharp; it had not been taken out of use.',
        immediate: 'First aid given; the damaged magazines of the line were taken out of use.',
        cause: 'handling',
      },
      {
        title: 'Cut while opening a carton with a utility knife',
        detail: 'The carton was opened towards the body with a fixed-blade knife instead of a safety cutter.',
        immediate: 'Wound cleaned and dressed; safety cutters issued to the receiving area.',
        cause: 'handling',
      },
      {
        title: 'Cut by a burr on a fixture during set-up',
        detail: 'The fixture had been modified in the workshop and not deburred.',
        immediate: 'First aid given; the fixture was sent back to the workshop for deburring.',
        cause: 'machine',
      },
    ],
    firstAid: 'Cleaned and dressed at the first-aid room',
    treatment: [
      'Sutured at the hospital; back to work the next shift',
      'Wound closed with strips by the occupational physician',
    ],
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
        cause: 'slip',
      },
      {
        title: 'Bumped into an open cabinet door',
        detail: 'The door had been left open during a material count.',
        immediate: 'Cold compress applied; the cabinet door closer was adjusted.',
        cause: 'slip',
      },
      {
        title: 'Foot bumped by a tool cart pushed from behind',
        detail: 'The cart was loaded above eye level and the person in front was not seen.',
        immediate: 'Cold compress applied; cart loads limited to the height of the rail.',
        cause: 'traffic',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital, no fracture; back to work',
      'Seen by the occupational physician; painkillers prescribed',
    ],
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
        cause: 'slip',
      },
      {
        title: 'Back strain while lifting a box of substrates',
        detail: 'The box weighed about 22 kg and was lifted alone from the floor.',
        immediate: 'Seen by the occupational nurse; boxes over 20 kg marked for a two-person lift.',
        cause: 'handling',
      },
      {
        title: 'Wrist strain from repetitive tray loading',
        detail: 'Trays were loaded for a full shift without rotation.',
        immediate: 'Seen by the occupational nurse; the task was added to the job rotation.',
        cause: 'handling',
      },
      {
        title: 'Knee sprain stepping down from a platform',
        detail: 'The last step of the platform is higher than the others and was not marked.',
        immediate: 'Seen by the clinic; the step was marked with yellow tape.',
        cause: 'slip',
      },
    ],
    firstAid: 'Cold compress and rest at the first-aid room',
    treatment: [
      'Seen by the occupational physician; physiotherapy prescribed',
      'X-ray at the hospital, no fracture; restricted duties',
    ],
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
        cause: 'slip',
      },
      {
        title: 'Finger fractured in a closing equipment door',
        detail: 'The door of the handler closed under its own weight: its gas strut had failed.',
        immediate: 'Taken to hospital; the handler was locked out and the struts of the line checked.',
        cause: 'machine',
      },
      {
        title: 'Fell from a step stool and fractured an ankle',
        detail: 'A step stool was used instead of the platform ladder kept in the next bay.',
        immediate: 'Taken to hospital by the site ambulance; step stools removed from the bay.',
        cause: 'slip',
      },
      {
        title: 'Foot fracture from a dropped gas cylinder cap',
        detail:
          'The cylinder cap slipped from the hand while the cylinder was being changed; safety shoes do not cover the instep.',
        immediate: 'Taken to hospital; cylinder changes done with the trolley and two people until reviewed.',
        cause: 'handling',
      },
    ],
    firstAid: 'Splint at the first-aid room',
    treatment: ['Splinted at the emergency department; back to restricted duties'],
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
        cause: 'heat',
      },
      {
        title: 'Burn from a reflow oven conveyor',
        detail: 'A jam was cleared while the conveyor was still above 150 °C.',
        immediate: 'Burn cooled and dressed; the oven was cooled down before the jam was cleared.',
        cause: 'heat',
      },
      {
        title: 'Burn from hot solder during rework',
        detail: 'The soldering iron was laid on the bench instead of its stand.',
        immediate: 'Burn cooled and dressed; iron stands checked at every rework station.',
        cause: 'heat',
      },
    ],
    firstAid: 'Burn cooled under running water and dressed',
    treatment: [
      'Burn dressing at the hospital; follow-up at the clinic',
      'Treated at the burns unit and released',
    ],
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
        cause: 'chemical',
      },
      {
        title: 'Acid splash during chemical filling',
        detail: 'The face shield was hanging at the station but was not worn.',
        immediate:
          'Rinsed at the eyewash station and taken to hospital; chemical filling stopped until reviewed.',
        cause: 'chemical',
      },
      {
        title: 'Contact with flux remover through a torn glove',
        detail: 'The glove had a small tear that was not noticed before the task.',
        immediate: 'Skin rinsed for 15 minutes; gloves now checked at the start of each task.',
        cause: 'chemical',
      },
    ],
    firstAid: 'Rinsed at the safety shower',
    treatment: [
      'Treated at the emergency department and released',
      'Eye examined and treated at the hospital',
    ],
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
        cause: 'machine',
      },
      {
        title: 'Hand caught in a closing mold press guard',
        detail: 'The guard interlock had been bypassed to speed up jam clearing.',
        immediate: 'Taken to hospital; all bypass keys of the line were collected.',
        cause: 'machine',
      },
      {
        title: 'Foot run over by a pallet jack',
        detail: 'The pallet jack was pulled backwards in a narrow aisle.',
        immediate: 'Seen by the clinic; the aisle was cleared and marked.',
        cause: 'traffic',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital; dressed and splinted',
      'Treated at the emergency department and released',
    ],
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
        cause: 'machine',
      },
      {
        title: 'Finger injured in a cutting die while clearing a jam',
        detail: 'The jam was cleared without a lockout, and the die closed.',
        immediate:
          'Taken to hospital by ambulance; all cutting dies of the line stopped for a guarding check.',
        cause: 'machine',
      },
    ],
    firstAid: 'Bleeding controlled',
    treatment: ['Surgery at the hospital'],
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
        cause: 'electrical',
      },
      {
        title: 'Shock while replacing a heater on a live panel',
        detail: 'The panel was not isolated because the task was considered minor.',
        immediate: 'Power isolated; the person was taken to hospital for observation.',
        cause: 'electrical',
      },
    ],
    firstAid: 'Checked at the clinic',
    treatment: ['ECG and observation at the hospital; released the same day'],
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
        cause: 'chemical',
      },
      {
        title: 'Exposure to ammonia at the bulk gas yard',
        detail: 'A fitting on the ammonia line was leaking.',
        immediate: 'Line isolated and the yard ventilated; the person was taken to the clinic.',
        cause: 'chemical',
      },
    ],
    firstAid: 'Fresh air and observation',
    treatment: ['Oxygen and observation at the hospital; released the same day'],
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
        cause: 'handling',
      },
      {
        title: 'Eye irritation from a flux spray',
        detail: 'The spray nozzle was pointed upwards while being cleared.',
        immediate: 'Eye rinsed at the eyewash station; nozzle clearing added to the maintenance procedure.',
        cause: 'chemical',
      },
    ],
    firstAid: 'Eye rinsed at the eyewash station',
    treatment: ['Foreign body removed by an ophthalmologist', 'Eye drops prescribed by the hospital'],
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
        cause: 'slip',
      },
      {
        title: 'Fell from a step ladder while changing a filter',
        detail: 'The ladder was not held and stood on an uneven floor.',
        immediate: 'Seen by the clinic; filter changes now done from the platform ladder.',
        cause: 'slip',
      },
      {
        title: 'Tripped over a hose at the wastewater plant',
        detail: 'The hose had been left across the walkway after cleaning.',
        immediate: 'Seen by the clinic; the walkway was cleared and a hose reel requested.',
        cause: 'slip',
      },
    ],
    firstAid: 'Checked and cold compress at the first-aid room',
    treatment: [
      'X-ray at the hospital; physiotherapy prescribed',
      'Seen by the occupational physician; restricted duties',
    ],
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
        cause: 'handling',
      },
      {
        title: 'Hit by a forklift load at the warehouse',
        detail: 'The pedestrian route crosses the forklift route without a barrier.',
        immediate: 'Seen by the clinic; forklift traffic stopped until the crossing was marked.',
        cause: 'traffic',
      },
      {
        title: 'Head struck on a low pipe in the subfab',
        detail: 'The pipe is below head height and was not padded or marked.',
        immediate: 'Seen by the clinic; the pipe was padded and marked.',
        cause: 'slip',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: ['Checked at the emergency department and released', 'X-ray at the hospital, no fracture'],
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
        cause: 'machine',
      },
      {
        title: 'Hand drawn into a tape-and-reel machine',
        detail: 'The emergency stop was out of reach from the operator position.',
        immediate: 'Emergency stop pressed by a colleague; the machine was locked out for a guarding review.',
        cause: 'machine',
      },
    ],
    firstAid: 'Cold compress at the first-aid room',
    treatment: ['X-ray and dressing at the hospital', 'Treated at the emergency department and released'],
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
  },
  {
    type: 'other' as InjuryType,
    part: 'shoulder',
    title: 'Work-related shoulder disorder of an operator',
    detail:
      'Repeated reaching to a high magazine rack over several months; diagnosed by the occupational physician.',
    immediate: 'Job transfer to a bench task; the rack height was lowered.',
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
  details: [
    'Reported by the employee; a traffic accident on a public road, outside the site.',
    'The police report was attached by the employee when returning to work.',
  ],
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
  ],
  [
    'Gas cylinder found unchained in the gas cabinet room',
    'Cylinder secured; all cabinets checked on the shift.',
  ],
  ['Wafer cassette fell from a stocker shelf, nobody nearby', 'Stocker shelf latch repaired.'],
  [
    'Chemical line leak found by the leak detector before anyone was exposed',
    'Line isolated and the fitting replaced.',
  ],
  ['Ladder slipped while nobody was on it', 'Ladder removed; anti-slip feet fitted to the others.'],
  [
    'Spark from hot work landed near cardboard',
    'Work stopped; combustibles removed and a fire watch assigned.',
  ],
  ['Hoist load swung towards a worker during a lift', 'Lift stopped; tag lines made compulsory.'],
  [
    'Robot arm moved while a technician was inside the cell',
    'Cell locked out; the door interlock was repaired.',
  ],
  [
    'Hot plate left on after the end of the shift',
    'Hot plate switched off; an automatic timer was requested.',
  ],
] as const;

export const UNSAFE_CONDITIONS = [
  ['Emergency exit blocked by pallets', 'Pallets moved; the exit route added to the daily walk.'],
  ['Missing guard on a conveyor drive', 'Conveyor locked out until the guard was refitted.'],
  ['Eyewash station with no water flow', 'Valve repaired; weekly flushing added to the checklist.'],
  ['Frayed cable on a test handler', 'Handler isolated; cable replaced.'],
  ['Wet floor without a warning sign', 'Floor dried and a sign put out.'],
  ['Fire extinguisher inspection overdue', 'Extinguisher inspected and tagged.'],
  ['Oil leak under a compressor', 'Leak contained; the compressor was serviced.'],
  ['Chemical container without a label', 'Container labelled; the area was audited.'],
  ['Handrail loose on the mezzanine stairs', 'Stairs closed until the handrail was fixed.'],
] as const;

type Cause = {
  category: 'people' | 'machine' | 'method' | 'material' | 'measurement' | 'environment' | 'management';
  statement: string;
  actions: readonly (readonly ['corrective' | 'preventive', string])[];
};

/**
 * What investigations find behind each kind of event: a 5-whys chain (its first whys are the incident's own:
 * what happened and how) ending in a root cause, and a fishbone cause; each with the actions agreed.
 */
export const ROOT_CAUSES: Record<CauseGroup, { whys: readonly string[]; fiveWhys: Cause; fishbone: Cause }> =
  {
    machine: {
      whys: [
        'Why could a hand reach the moving parts? The guard or its interlock did not stop the machine.',
        'Why? Guards and interlocks are not part of the equipment inspection.',
      ],
      fiveWhys: {
        category: 'machine',
        statement: 'Guarding and interlocks allowed hands into moving parts',
        actions: [
          ['corrective', 'Fit tamper-proof interlocks and fixed guards on the machines of the line'],
          ['preventive', 'Add guard and interlock checks to the monthly equipment inspection'],
        ],
      },
      fishbone: {
        category: 'method',
        statement: 'Jam clearing and set-up were done without a lockout',
        actions: [['corrective', 'Rewrite the jam-clearing procedure with a lockout and brief every shift']],
      },
    },
    slip: {
      whys: [
        'Why was the condition there? It had been there for some time and nobody had corrected it.',
        'Why was it not corrected? The housekeeping walk did not cover the area.',
      ],
      fiveWhys: {
        category: 'environment',
        statement: 'Walkways and floors were not kept clear, dry and marked',
        actions: [
          ['corrective', 'Correct the condition at its source and mark the spot'],
          ['preventive', 'Add the area to the daily 5S walk of the shift leaders'],
        ],
      },
      fishbone: {
        category: 'management',
        statement: 'Hazards of the area were not in its risk assessment',
        actions: [['preventive', 'Review the risk assessment of the area with the facility team']],
      },
    },
    chemical: {
      whys: [
        'Why did the chemical reach the person? It escaped at the point of work.',
        "Why? The transfer is open and relies on the handler's care and protective equipment.",
      ],
      fiveWhys: {
        category: 'material',
        statement: 'Chemical transfers relied on protective equipment rather than closed connections',
        actions: [
          ['corrective', 'Replace open transfers and couplings with dry-break connectors'],
          ['preventive', 'Add the face shield and glove check to the two-person check of chemical tasks'],
        ],
      },
      fishbone: {
        category: 'people',
        statement: 'Chemical handlers had not been refreshed on the procedure',
        actions: [['corrective', 'Refresher training for the chemical handlers of all shifts']],
      },
    },
    traffic: {
      whys: [
        'Why did the vehicle and the person meet? The route crosses the walkway.',
        'Why is there no separation? The layout predates the present traffic.',
      ],
      fiveWhys: {
        category: 'environment',
        statement: 'Pedestrians and vehicles share routes without separation',
        actions: [
          ['corrective', 'Install barriers, a marked crossing and mirrors'],
          ['preventive', 'Limit loads to one pallet height and drive loaded in reverse'],
        ],
      },
      fishbone: {
        category: 'management',
        statement: 'Traffic rules of the area were not enforced',
        actions: [['preventive', 'Monthly traffic audit of the warehouse by the OHS office']],
      },
    },
    heat: {
      whys: [
        'Why was the surface exposed? A cover was off or the equipment was still hot.',
        'Why? Cool-down and cover refitting are not in the checklists.',
      ],
      fiveWhys: {
        category: 'method',
        statement: 'Hot surfaces were exposed during operation and maintenance',
        actions: [
          ['corrective', 'Add cool-down and cover refitting with sign-off to the maintenance checklist'],
        ],
      },
      fishbone: {
        category: 'machine',
        statement: 'Exposed heaters have no permanent insulation',
        actions: [['corrective', 'Fit insulated covers on the exposed heaters']],
      },
    },
    handling: {
      whys: [
        'Why? The right tool or protection was not at hand at the station.',
        'Why? The job safety analysis of the task did not list it.',
      ],
      fiveWhys: {
        category: 'method',
        statement: 'The task was done without the tool or protection it needs',
        actions: [
          ['corrective', 'Stock the tools and protective equipment of the task at every station'],
          ['preventive', 'Update the job safety analysis and brief all shifts'],
        ],
      },
      fishbone: {
        category: 'management',
        statement: 'Job safety analyses of the line were out of date',
        actions: [['preventive', 'Review every job safety analysis of the line']],
      },
    },
    electrical: {
      whys: [
        'Why was it live? It was not isolated: the task was considered too small for a lockout.',
        'Why? The lockout rule had exceptions in practice.',
      ],
      fiveWhys: {
        category: 'method',
        statement: 'Electrical work was done without isolation',
        actions: [['corrective', 'Require a lockout for every task inside an electrical panel']],
      },
      fishbone: {
        category: 'material',
        statement: 'Damaged cords and tools stayed in use',
        actions: [['preventive', 'Inspect extension cords monthly and remove damaged ones']],
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
  causes: [
    {
      method: 'five_whys' as const,
      category: 'method' as const,
      statement: 'The lifeline was not installed before the roof work started',
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
      whys: [],
      actions: [
        ['preventive', 'Require a contractor safety supervisor on site for all eight high-risk operations'],
      ] as const,
    },
  ],
};

export type HazardTemplate = {
  /** Which area of the site it belongs to: a zone code, or 'line' for a production line. */
  area: 'CHEM' | 'GAS' | 'WWT' | 'WH' | 'line' | 'floor';
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

/** Sites whose records are written in Chinese (Taiwan, and mainland China, Traditional characters). */
export function writesChinese(country: string): boolean {
  return country === 'TW' || country === 'CN';
}

import { dayNumber, isoDate, zonedInstant } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * What the information security Board report of 2023 counts, as rows (the security seed's figures):
 * - the Information Security Management Committee (a group committee of the program) meeting every quarter
 *   since 2019: "four team meetings" a year, the next quarter's planned;
 * - the 2023 cybersecurity courses of the platform's training: 110,123 completions ("110,123 individuals",
 *   counted per course completed) of 53,862 hours at full scale, by the employees employed in 2023;
 * - the program's certificates per site: ISO 27001 at 11 sites, ISO 22301 at 3, IEC 62443-2-1 at 1 and
 *   ISO 15408 (EAL6) at 3, each renewed before it lapses;
 * - a material-incident decision on every past incident (none material: the seed reports no material
 *   incident in 2023), those of the last month still to be decided;
 * - the years the report was presented to the Board, each in the last quarter;
 * - the group's cyber insurance policy of each year.
 */

/** Completions of 2023 by course: hours per completion, and how many at full scale (53,862 hours in all). */
export const TRAINING_2023 = [
  {
    code: 'SEC-PIP-2023',
    title: 'Cybersecurity policy and personal information protection (e-learning)',
    titleZh: '資安政策與個人資料保護數位課程',
    hours: '0.5',
    completions: 55_822,
  },
  {
    code: 'SEC-SE-2023',
    title: 'Social-engineering email awareness',
    titleZh: '社交工程郵件防範認知',
    hours: '0.5',
    completions: 49_503,
  },
  {
    code: 'SEC-LBL-2023',
    title: 'Labelling confidential files (micro-course)',
    titleZh: '機密文件標示微課程',
    hours: '0.25',
    completions: 4_798,
  },
] as const;

/** The seed's certified sites, by standard, in the order of the demo's sites. */
export const CERTIFIED_SITES: Record<string, readonly string[]> = {
  'ISO 27001': [
    'ASE-KH',
    'ASE-CL',
    'ASE-SHM',
    'ASE-WX',
    'ASE-KR',
    'ASE-SG',
    'SPIL-DF',
    'SPIL-CS',
    'SPIL-TZ',
    'USI-NT',
    'USI-ZJ',
  ],
  'ISO 22301': ['ASE-KH', 'SPIL-TZ', 'USI-NT'],
  'IEC 62443-2-1': ['ASE-KH'],
  'ISO 15408': ['ASE-KH', 'ASE-CL', 'SPIL-DF'],
};

const ISSUERS: Record<string, string> = {
  'ISO 27001': 'BSI',
  'ISO 22301': 'BSI',
  'IEC 62443-2-1': 'TÜV SÜD',
  'ISO 15408': 'atsec information security',
};

type Row = Record<string, unknown>;

const QUARTER_MONTHS = [3, 6, 9, 12];
const pad = (n: number) => String(n).padStart(2, '0');

export function generateBoardRows(
  data: DemoDataset,
  incidents: readonly Row[],
  ownerId: string | null,
): TableRows[] {
  const rng = new Random(`${data.seed}/infosec-board`);
  const today = dayNumber(data.clock);
  const lastYear = Number(data.clock.slice(0, 4));
  const tz = 'Asia/Taipei';
  const site = new Map(data.sites.map((s) => [s.code, s]));

  // The committee and its quarterly meetings since 2019.
  const committeeId = rng.uuid();
  const committees = [
    {
      id: committeeId,
      level: 'group',
      site_id: null,
      subsidiary_id: null,
      program: 'infosec',
      name: 'Information Security Management Committee',
      name_zh: '資訊安全管理委員會',
      charter:
        'Sets the strategic plans of information security across the subsidiaries, the benchmarks of the maturity assessments, and coordinates internal and external resources; reports to the Board in the last quarter of each year.',
      frequency: 'quarterly',
      quorum_percent: 50,
      created_at: zonedInstant(dayNumber('2018-11-20'), 10 * 60, tz).toISOString(),
      created_by: ownerId,
    },
  ];
  const members = ownerId
    ? [
        {
          id: rng.uuid(),
          committee_id: committeeId,
          site_id: null,
          user_id: ownerId,
          role: 'secretary',
          title: 'Chief Information Security Officer',
          created_at: committees[0].created_at,
        },
      ]
    : [];
  const meetings: Row[] = [];
  for (let year = 2019; year <= lastYear + 1; year++)
    for (const month of QUARTER_MONTHS) {
      const day = dayNumber(`${year}-${pad(month)}-${pad(12 + rng.int(0, 10))}`);
      const held = day < today;
      if (!held && meetings.some((m) => m.status === 'planned')) continue;
      const start = zonedInstant(day, 14 * 60, tz);
      const quarter = QUARTER_MONTHS.indexOf(month) + 1;
      meetings.push({
        id: rng.uuid(),
        committee_id: committeeId,
        site_id: null,
        title: `Information Security Management Committee, Q${quarter} ${year}`,
        scheduled_at: start.toISOString(),
        duration_minutes: 120,
        time_zone: tz,
        location: 'Board room, Kaohsiung headquarters',
        status: held ? 'minutes_approved' : 'planned',
        minutes: held
          ? 'The CISO reported the quarter’s incidents, drills, findings and training; an invited external expert presented the trends of the quarter.'
          : null,
        held_at: held ? new Date(start.getTime() + 120 * 60_000).toISOString() : null,
        minutes_approved_at: held ? new Date(start.getTime() + 7 * 86_400_000).toISOString() : null,
        minutes_approved_by: held ? ownerId : null,
        created_at: zonedInstant(day - 30, 9 * 60, tz).toISOString(),
        created_by: ownerId,
        updated_at: zonedInstant(day - 30, 9 * 60, tz).toISOString(),
      });
    }

  // The 2023 cybersecurity courses and their completions by the people employed that year.
  const courses = TRAINING_2023.map((c) => ({
    id: rng.uuid(),
    code: c.code,
    title: c.title,
    title_zh: c.titleZh,
    domain: 'cybersecurity',
    audience: 'selected',
    recurrence_months: null,
    hours: c.hours,
    site_id: null,
    created_at: '2022-12-15T02:00:00.000Z',
    created_by: ownerId,
  }));
  const from = dayNumber('2023-01-01');
  const to = dayNumber('2023-12-31');
  const employed = data.employees.filter(
    (e) => e.hire_date <= '2023-12-31' && (e.leave_date === null || e.leave_date >= '2023-01-01'),
  );
  const completions: Row[] = [];
  TRAINING_2023.forEach((c, i) => {
    const want = Math.min(Math.round(c.completions * data.scale), employed.length);
    // A fresh draw of people per course: shuffle the employed and take the first.
    const pick = rng.fork(c.code);
    const order = employed.map((e, k) => [pick.next(), k] as const).sort((a, b) => a[0] - b[0]);
    for (const [, k] of order.slice(0, want)) {
      const e = employed[k];
      const first = Math.max(from, dayNumber(e.hire_date));
      const last = Math.min(to, e.leave_date ? dayNumber(e.leave_date) : to);
      completions.push({
        course_id: courses[i].id,
        person_type: 'employee',
        person_id: e.id,
        site_id: e.site_id,
        completed_on: isoDate(first + pick.int(0, Math.max(0, last - first))),
        hours: c.hours,
        result: 'passed',
      });
    }
  });

  // The certificates, each renewed for three years before it lapses.
  const certifications: Row[] = [];
  for (const [standard, codes] of Object.entries(CERTIFIED_SITES))
    for (const code of codes) {
      const s = site.get(code);
      if (!s) continue;
      let issued = `${2021 + rng.int(0, 1)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      let previous: string | null = null;
      for (;;) {
        const until = isoDate(dayNumber(`${Number(issued.slice(0, 4)) + 3}${issued.slice(4)}`) - 1);
        const id = rng.uuid();
        certifications.push({
          id,
          standard,
          site_id: s.id,
          subsidiary_id: null,
          certificate_no: `${standard.replace(/\W+/g, '')}-${rng.digits(6)}`,
          issuer: ISSUERS[standard],
          scope:
            standard === 'ISO 15408'
              ? 'Secure element packaging and test site, EAL6 (ALC)'
              : 'Information security management of the site’s manufacturing and business systems',
          issued_on: issued,
          valid_until: until,
          renewal_in_progress: false,
          owner_id: ownerId,
          previous_id: previous,
          created_at: zonedInstant(dayNumber(issued), 10 * 60, s.time_zone).toISOString(),
        });
        if (dayNumber(until) >= today) break;
        previous = id;
        issued = isoDate(dayNumber(until) - rng.int(10, 40));
      }
    }

  // Every incident decided, not material, within days of its awareness; those of the last month still open.
  const decisions: Row[] = [];
  for (const i of incidents) {
    const aware = new Date(i.aware_at as string | Date);
    const decidedAt = new Date(aware.getTime() + rng.int(2, 10) * 86_400_000);
    if (decidedAt.getTime() > zonedInstant(today - 30, 0, tz).getTime()) continue;
    decisions.push({
      id: rng.uuid(),
      incident_id: i.id,
      site_id: i.site_id,
      material: false,
      reason:
        'Level 1–2: no critical system interrupted, no personal or customer data disclosed, contained within the site; no effect on operations or finances that a reasonable investor would weigh.',
      decided_at: decidedAt.toISOString(),
      decided_by: ownerId,
      created_at: decidedAt.toISOString(),
    });
  }

  // Presented to the Board in the last quarter of every past year.
  const presentations: Row[] = [];
  for (let year = 2019; year < lastYear; year++)
    presentations.push({
      id: rng.uuid(),
      year,
      presented_on: `${year}-11-${pad(rng.int(5, 25))}`,
      created_at: `${year}-11-28T02:00:00.000Z`,
      created_by: ownerId,
    });

  // Each presentation opened the next year's obligation; the last one's is open (done when this year's is given).
  const obligations: Row[] = presentations.map((p, i) => ({
    id: rng.uuid(),
    kind: 'infosec.board_report',
    source_type: 'infosec_board_presentation',
    source_id: p.id,
    site_id: null,
    program: 'infosec',
    owner_id: ownerId,
    title: null,
    title_key: 'infosec.board.obligation',
    title_params: { year: String((p.year as number) + 1) },
    due_date: `${(p.year as number) + 1}-12-31`,
    due_at: null,
    state: i < presentations.length - 1 ? 'done' : 'open',
    done_at: i < presentations.length - 1 ? presentations[i + 1].created_at : null,
    done_by: i < presentations.length - 1 ? ownerId : null,
    created_at: p.created_at,
    created_by: ownerId,
    updated_at: p.created_at,
    updated_by: ownerId,
  }));

  // The group's cyber insurance ("ASEH purchased cybersecurity insurance"), renewed each 1 July since 2022.
  const policies: Row[] = [];
  for (let year = 2022; `${year}-07-01` <= data.clock; year++)
    policies.push({
      id: rng.uuid(),
      insurer: 'Formosa Mutual Cyber Insurance',
      policy_number: `FMC-${year}-${rng.digits(5)}`,
      covers: [
        'incident_response',
        'business_interruption',
        'data_restoration',
        'cyber_extortion',
        'third_party_liability',
        'regulatory',
      ],
      limit_minor: 3_000_000_000,
      retention_minor: 50_000_000,
      currency: 'USD',
      notice_hours: 72,
      starts_on: `${year}-07-01`,
      ends_on: `${year + 1}-06-30`,
      created_at: `${year}-06-20T02:00:00.000Z`,
      created_by: ownerId,
      updated_by: ownerId,
    });

  return [
    { table: 'infosec_insurance_policies', rows: policies },
    { table: 'committees', rows: committees },
    { table: 'committee_members', rows: members },
    { table: 'meetings', rows: meetings },
    { table: 'training_courses', rows: courses },
    { table: 'training_completions', rows: completions, batchSize: 10_000 },
    { table: 'certifications', rows: certifications },
    { table: 'infosec_material_decisions', rows: decisions },
    { table: 'infosec_board_presentations', rows: presentations },
    { table: 'obligations', rows: obligations },
  ];
}

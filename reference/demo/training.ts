import { addDays, dayNumber } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The demo's training records: the group's yearly courses (safety and health, information security,
 * trade secrets and intellectual property), the induction of contractors' workers, and at every plant its
 * own courses (fire drill, chemical safety). Each course has its campaign: the people it concerns complete
 * it in the months after the campaign starts at their site, most of them by the demo clock, a few not yet.
 * Completions are of the last twelve months (what a yearly course's campaign counts), as the training
 * import writes them: one row per person, course and day, with the course's hours.
 */

export type TrainingCourseRow = {
  id: string;
  code: string;
  title: string;
  title_zh: string;
  domain: 'intellectual_property' | 'cybersecurity' | 'safety' | 'other';
  audience: 'all_employees' | 'new_hires' | 'site_officers' | 'contractors' | 'selected';
  recurrence_months: number | null;
  hours: string;
  site_id: string | null;
  created_at: string;
  created_by: string | null;
};

export type TrainingCompletionRow = {
  course_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  site_id: string;
  completed_on: string;
  hours: string;
  result: 'passed' | 'failed' | 'attended';
};

export type TrainingDataset = { courses: TrainingCourseRow[]; completions: TrainingCompletionRow[] };

type CourseSpec = {
  code: string;
  title: string;
  titleZh: string;
  domain: TrainingCourseRow['domain'];
  audience: TrainingCourseRow['audience'];
  recurrence: number | null;
  hours: string;
  /** Share of the people concerned who complete it in a campaign (before those still to come). */
  share: number;
};

/** The group's courses: every employee's yearly ones, new hires' orientation and contractors' induction. */
export const GROUP_COURSES: readonly CourseSpec[] = [
  {
    code: 'SAF-101',
    title: 'Annual occupational safety and health refresher',
    titleZh: '年度職業安全衛生在職教育訓練',
    domain: 'safety',
    audience: 'all_employees',
    recurrence: 12,
    hours: '3',
    share: 0.95,
  },
  {
    code: 'SEC-201',
    title: 'Information security awareness',
    titleZh: '資訊安全認知教育訓練',
    domain: 'cybersecurity',
    audience: 'all_employees',
    recurrence: 12,
    hours: '1',
    share: 0.93,
  },
  {
    code: 'IP-301',
    title: 'Trade secrets and intellectual property protection',
    titleZh: '營業秘密與智慧財產權保護',
    domain: 'intellectual_property',
    audience: 'all_employees',
    // Every other year: half of the people take it in a year.
    recurrence: 24,
    hours: '1.5',
    share: 0.47,
  },
  {
    code: 'OTH-410',
    title: 'New hire orientation',
    titleZh: '新進人員職前訓練',
    domain: 'other',
    audience: 'new_hires',
    recurrence: null,
    hours: '8',
    share: 0.97,
  },
  {
    code: 'SAF-150',
    title: "Contractors' safety induction",
    titleZh: '承攬商入廠安全衛生教育',
    domain: 'safety',
    audience: 'contractors',
    recurrence: 12,
    hours: '3',
    share: 0.96,
  },
];

/** Each plant's own courses (code suffixed with the site's). */
export const SITE_COURSES: readonly CourseSpec[] = [
  {
    code: 'ERT',
    title: 'Emergency response team drill',
    titleZh: '緊急應變小組演練',
    domain: 'safety',
    audience: 'selected',
    recurrence: 12,
    hours: '4',
    share: 0.05,
  },
  {
    code: 'CHEM',
    title: 'Chemical safety and spill response',
    titleZh: '化學品安全與洩漏應變',
    domain: 'safety',
    audience: 'selected',
    recurrence: 36,
    hours: '6',
    share: 0.12,
  },
];

const DAY = 86_400_000;

export function generateTraining(data: DemoDataset): TrainingDataset {
  const rng = new Random(`${data.seed}/training`);
  const today = dayNumber(data.clock);
  const first = today - 364;
  const admin = data.users.find((u) => u.email === 'admin@steward.demo')?.id ?? null;
  const courses: TrainingCourseRow[] = [];
  const course = (spec: CourseSpec, code: string, siteId: string | null, createdDay: number) => {
    const row: TrainingCourseRow = {
      id: rng.uuid(),
      code,
      title: spec.title,
      title_zh: spec.titleZh,
      domain: spec.domain,
      audience: spec.audience,
      recurrence_months: spec.recurrence,
      hours: spec.hours,
      site_id: siteId,
      created_at: new Date(createdDay * DAY + 2 * 3_600_000).toISOString(),
      created_by: admin,
    };
    courses.push(row);
    return row;
  };
  const group = GROUP_COURSES.map((spec) => ({ spec, row: course(spec, spec.code, null, today - 2200) }));
  const plants = data.sites.filter((s) => s.kind !== 'office');
  const local = plants.flatMap((s) =>
    SITE_COURSES.map((spec) => ({
      spec,
      site: s.id,
      row: course(spec, `${spec.code}-${s.code}`, s.id, today - 1500 - rng.int(0, 600)),
    })),
  );

  const completions: TrainingCompletionRow[] = [];
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let d = dates.get(day);
    if (d === undefined) {
      d = addDays(data.clock, day - today);
      dates.set(day, d);
    }
    return d;
  };
  // The day each site's campaign of each yearly course started, within the last twelve months.
  const campaignStart = new Map<string, number>();
  const startOf = (courseId: string, siteId: string) => {
    const key = `${courseId}|${siteId}`;
    let day = campaignStart.get(key);
    if (day === undefined) {
      day = first + rng.int(0, 300);
      campaignStart.set(key, day);
    }
    return day;
  };
  const complete = (
    spec: CourseSpec,
    row: TrainingCourseRow,
    personType: TrainingCompletionRow['person_type'],
    personId: string,
    siteId: string,
    from: number,
    until: number,
  ) => {
    const start = Math.max(from, startOf(row.id, siteId));
    const day = start + Math.round(rng.exponential(18));
    if (day > until || day >= today) return;
    // A few fail the test and take it again a week or two later.
    const failed = spec.domain !== 'other' && rng.chance(0.015);
    const result =
      spec.audience === 'all_employees' || spec.audience === 'contractors' ? 'passed' : 'attended';
    const push = (d: number, r: TrainingCompletionRow['result']) =>
      completions.push({
        course_id: row.id,
        person_type: personType,
        person_id: personId,
        site_id: siteId,
        completed_on: dateOf(d),
        hours: spec.hours,
        result: r,
      });
    push(day, failed ? 'failed' : result);
    if (failed && day + 10 < Math.min(until, today)) push(day + 10, result);
  };

  for (const e of data.employees) {
    const hire = dayNumber(e.hire_date);
    const until = e.leave_date ? dayNumber(e.leave_date) : today;
    if (hire >= today || until < first) continue;
    const from = Math.max(first, hire);
    for (const { spec, row } of group) {
      if (spec.audience === 'contractors') continue;
      if (spec.audience === 'new_hires') {
        if (hire >= first && rng.chance(spec.share))
          complete(spec, row, 'employee', e.id, e.site_id, hire, until);
        continue;
      }
      // New hires take the yearly courses with their orientation.
      if (rng.chance(spec.share)) complete(spec, row, 'employee', e.id, e.site_id, from, until);
    }
    for (const { spec, site, row } of local) {
      if (site !== e.site_id || !rng.chance(spec.share)) continue;
      complete(spec, row, 'employee', e.id, e.site_id, from, until);
    }
  }
  const induction = group.find((g) => g.spec.audience === 'contractors');
  if (induction) {
    for (const w of data.contractorWorkers) {
      const start = w.start_date ? dayNumber(w.start_date) : first;
      const until = w.end_date ? dayNumber(w.end_date) : today;
      if (start >= today || until < first || !rng.chance(induction.spec.share)) continue;
      // Inducted before the first day on site (or at the campaign, for the long-running ones).
      const day =
        start >= first ? start - rng.int(1, 5) : startOf(induction.row.id, w.site_id) + rng.int(0, 40);
      if (day < first || day >= today) continue;
      completions.push({
        course_id: induction.row.id,
        person_type: 'contractor_worker',
        person_id: w.id,
        site_id: w.site_id,
        completed_on: dateOf(day),
        hours: induction.spec.hours,
        result: 'passed',
      });
    }
  }
  return { courses, completions };
}

/** The training tables in load order. */
export function trainingTables(t: TrainingDataset): TableRows[] {
  return [
    { table: 'training_courses', rows: t.courses },
    { table: 'training_completions', rows: t.completions, batchSize: 10_000 },
  ];
}

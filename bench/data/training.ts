import { addDays, dayNumber } from '../../reference/demo/clock.ts';
import { Random } from '../../reference/demo/random.ts';
import type { EmployeeRow } from '../../reference/demo/rows.ts';

/**
 * Training records for the benchmarks: the group's mandatory courses and a year of completions by every
 * employee on the books, so that the training lists and figures read tables of a real group's size (the demo
 * itself starts with an empty training catalogue). Deterministic for a seed, like the demo.
 */

export type CourseRow = {
  id: string;
  code: string;
  title: string;
  title_zh: string;
  domain: 'intellectual_property' | 'cybersecurity' | 'safety' | 'other';
  audience: 'all_employees' | 'new_hires' | 'site_officers' | 'contractors' | 'selected';
  recurrence_months: number | null;
  hours: string;
};

/** A completion as the columns of training_completions (the identity id and timestamps are the table's). */
export type CompletionRow = {
  course_id: string;
  person_type: 'employee';
  person_id: string;
  site_id: string;
  completed_on: string;
  hours: string;
  result: 'passed' | 'failed' | 'attended';
};

/** [code, title, 中文, domain, audience, recurrence in months, hours, share of employees who take it yearly] */
const CATALOGUE = [
  ['SAF-101', 'Annual safety refresher', '年度安全衛生在職教育', 'safety', 'all_employees', 12, '3', 0.97],
  ['SAF-110', 'Chemical handling', '化學品安全操作', 'safety', 'selected', 36, '6', 0.12],
  ['SAF-120', 'Fire drill and evacuation', '消防演練與疏散', 'safety', 'all_employees', 12, '2', 0.55],
  [
    'SEC-201',
    'Information security awareness',
    '資訊安全意識',
    'cybersecurity',
    'all_employees',
    12,
    '1',
    0.95,
  ],
  [
    'SEC-210',
    'Phishing and social engineering',
    '釣魚郵件與社交工程',
    'cybersecurity',
    'all_employees',
    12,
    '1',
    0.6,
  ],
  [
    'IP-301',
    'Trade secrets and confidentiality',
    '營業秘密保護',
    'intellectual_property',
    'all_employees',
    24,
    '2',
    0.45,
  ],
  [
    'IP-310',
    'Patent basics for engineers',
    '工程師專利基礎',
    'intellectual_property',
    'selected',
    null,
    '4',
    0.08,
  ],
  ['IP-320', 'Invention disclosure', '發明揭露實務', 'intellectual_property', 'selected', null, '2', 0.05],
  ['OTH-401', 'Ethics and integrity', '誠信經營', 'other', 'all_employees', 24, '1', 0.4],
  ['OTH-410', 'New hire orientation', '新進人員訓練', 'other', 'new_hires', null, '8', 0.1],
  ['SAF-130', 'First aid', '急救人員訓練', 'safety', 'selected', 36, '18', 0.03],
  ['SEC-220', 'Secure coding', '安全程式開發', 'cybersecurity', 'selected', 24, '6', 0.04],
] as const;

export function trainingCourses(seed: string): CourseRow[] {
  const rng = new Random(`${seed}/bench-training-courses`);
  return CATALOGUE.map(([code, title, titleZh, domain, audience, recurrence, hours]) => ({
    id: rng.uuid(),
    code,
    title,
    title_zh: titleZh,
    domain,
    audience,
    recurrence_months: recurrence,
    hours,
  }));
}

/** Completions of the year up to the clock (365 days): each course taken at most once by a person. */
export function* trainingCompletions(
  seed: string,
  clock: string,
  courses: readonly CourseRow[],
  employees: readonly EmployeeRow[],
): Generator<CompletionRow> {
  const rng = new Random(`${seed}/bench-training-completions`);
  const today = dayNumber(clock);
  const first = today - 364;
  const share = new Map<string, number>(CATALOGUE.map((c) => [c[0], c[7]]));
  for (const e of employees) {
    const from = Math.max(first, dayNumber(e.hire_date));
    const to = Math.min(today, e.leave_date ? dayNumber(e.leave_date) : today);
    if (to < from) continue;
    for (const course of courses) {
      if (!rng.chance(share.get(course.code) ?? 0)) continue;
      const failed = rng.chance(0.02);
      yield {
        course_id: course.id,
        person_type: 'employee',
        person_id: e.id,
        site_id: e.site_id,
        completed_on: addDays(clock, from + rng.int(0, to - from) - today),
        hours: course.hours,
        result: failed ? 'failed' : course.audience === 'all_employees' ? 'passed' : 'attended',
      };
    }
  }
}

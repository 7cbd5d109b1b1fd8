import type { Level } from './level.ts';

/**
 * The clocks of a security incident, as the group applies Taiwan's 資通安全事件通報應變及演練辦法 inside itself
 * (the group CISO office plays the competent authority's part):
 *
 * - `report`: report to the group CISO office within 1 hour of becoming aware of the incident (Art. 4: 知悉資通
 *   安全事件後，應於一小時內…通報);
 * - `level_review`: the reported level reviewed within 8 hours (levels 1–2) or 2 hours (levels 3–4) of the report
 *   (Art. 5: 第一級或第二級…於接獲後八小時內；第三級或第四級…於接獲後二小時內);
 * - `recovery`: damage controlled or service recovered within 72 hours (levels 1–2) or 36 hours (levels 3–4) of
 *   awareness (Art. 6: 第一級或第二級…七十二小時內；第三級或第四級…三十六小時內);
 * - `investigation_report`: the investigation, handling and improvement report within one month after damage
 *   control or recovery is complete (Art. 6: 完成損害控制或復原作業後一個月內).
 *
 * The hours live in a rules table that the group administrator may change (`ClockRules`); these are its defaults.
 */

export const clockNames = ['report', 'level_review', 'recovery', 'investigation_report'] as const;
export type ClockName = (typeof clockNames)[number];
export const startEvents = ['awareness', 'ciso_report', 'recovery_complete'] as const;
export type StartEvent = (typeof startEvents)[number];

export type LevelClockRule = { level: Level; levelReviewHours: number; recoveryHours: number };
export type ClockRules = {
  reportHours: number;
  investigationReportMonths: number;
  levels: LevelClockRule[];
};

export const defaultClockRules: ClockRules = {
  reportHours: 1,
  investigationReportMonths: 1,
  levels: [
    { level: 1, levelReviewHours: 8, recoveryHours: 72 },
    { level: 2, levelReviewHours: 8, recoveryHours: 72 },
    { level: 3, levelReviewHours: 2, recoveryHours: 36 },
    { level: 4, levelReviewHours: 2, recoveryHours: 36 },
  ],
};

/** The events an incident's clocks start and stop at (timestamps, null until they happen). */
export type IncidentEvents = {
  level: Level | null;
  awareAt: Date;
  cisoReportedAt: Date | null;
  levelReviewedAt: Date | null;
  recoveredAt: Date | null;
  investigationReportedAt: Date | null;
};

export type Clock = {
  clock: ClockName;
  startEvent: StartEvent;
  /** Null while the start event has not happened: the clock is not running yet. */
  startAt: Date | null;
  dueAt: Date | null;
  doneAt: Date | null;
  /** The level whose hours set the due time: the stricter of levels 3–4 while unclassified. */
  hoursFromLevel: Level | null;
};

const HOUR_MS = 3_600_000;

function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** Calendar months later at the same time of day (UTC), the day kept or clamped to the month's last day. */
export function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(at.getUTCDate(), lastDay),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}

/**
 * The rule of a level. An incident not yet classified runs on the strictest level's hours, so that a clock
 * never runs long because nobody has classified the incident yet.
 */
export function levelRule(rules: ClockRules, level: Level | null): LevelClockRule {
  const found = level === null ? undefined : rules.levels.find((r) => r.level === level);
  if (found) return found;
  if (level !== null) throw new Error(`The clock rules have no row for level ${level}`);
  return rules.levels.reduce((a, b) =>
    b.recoveryHours < a.recoveryHours || (b.recoveryHours === a.recoveryHours && b.level > a.level) ? b : a,
  );
}

/** The four clocks of an incident from its events: each from its own start event, so a level change recomputes. */
export function incidentClocks(e: IncidentEvents, rules: ClockRules): Clock[] {
  const rule = levelRule(rules, e.level);
  const hoursFromLevel = e.level ?? rule.level;
  return [
    {
      clock: 'report',
      startEvent: 'awareness',
      startAt: e.awareAt,
      dueAt: addHours(e.awareAt, rules.reportHours),
      doneAt: e.cisoReportedAt,
      hoursFromLevel: null,
    },
    {
      clock: 'level_review',
      startEvent: 'ciso_report',
      startAt: e.cisoReportedAt,
      dueAt: e.cisoReportedAt ? addHours(e.cisoReportedAt, rule.levelReviewHours) : null,
      doneAt: e.levelReviewedAt,
      hoursFromLevel,
    },
    {
      clock: 'recovery',
      startEvent: 'awareness',
      startAt: e.awareAt,
      dueAt: addHours(e.awareAt, rule.recoveryHours),
      doneAt: e.recoveredAt,
      hoursFromLevel,
    },
    {
      clock: 'investigation_report',
      startEvent: 'recovery_complete',
      startAt: e.recoveredAt,
      dueAt: e.recoveredAt ? addMonths(e.recoveredAt, rules.investigationReportMonths) : null,
      doneAt: e.investigationReportedAt,
      hoursFromLevel: null,
    },
  ];
}

export type ClockState = 'waiting' | 'running' | 'overdue' | 'met' | 'missed';

/** Where a clock stands at `now`: overdue from the first instant past its due time (61 minutes into a 1-hour clock). */
export function clockState(clock: Clock, now: Date): ClockState {
  if (!clock.startAt || !clock.dueAt) return 'waiting';
  if (clock.doneAt) return clock.doneAt.getTime() <= clock.dueAt.getTime() ? 'met' : 'missed';
  return now.getTime() > clock.dueAt.getTime() ? 'overdue' : 'running';
}

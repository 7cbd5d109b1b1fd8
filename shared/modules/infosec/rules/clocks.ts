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
 * - `breach_notification`: when the incident touches personal data, the notice to the data-protection authority of
 *   the site's country, by that country's law (a row of `breachNotification`; a country without a fixed period
 *   has no row and no clock): a number of hours, or of calendar days counted after the start day and ending at
 *   the end of the last day in the site's time zone, from awareness or from the assessment that the breach must
 *   be notified.
 *
 * The hours live in a rules table that the group administrator may change (`ClockRules`); these are its defaults.
 */

export const clockNames = [
  'report',
  'level_review',
  'recovery',
  'investigation_report',
  'breach_notification',
] as const;
export type ClockName = (typeof clockNames)[number];
export const startEvents = ['awareness', 'ciso_report', 'recovery_complete', 'breach_assessed'] as const;
export type StartEvent = (typeof startEvents)[number];

export type LevelClockRule = { level: Level; levelReviewHours: number; recoveryHours: number };
/** A country's period for notifying its data-protection authority of a personal-data breach. */
export type BreachNotificationRule = {
  /** ISO 3166-1 alpha-2, as sites record their country. */
  country: string;
  authority: string;
  /** The article that sets the period. */
  provision?: string;
  period: number;
  unit: 'hours' | 'calendar_days';
  from: 'awareness' | 'breach_assessed';
};
export type ClockRules = {
  reportHours: number;
  investigationReportMonths: number;
  levels: LevelClockRule[];
  breachNotification: BreachNotificationRule[];
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
  // Countries whose law sets a period; Taiwan (PDPA art. 12: after the facts are ascertained), China (PIPL art.
  // 57: immediately) and Mexico set none in hours or days, so their sites have no row until the group sets one.
  breachNotification: [
    // Korea: PIPA art. 34(3) and Enforcement Decree art. 40, as amended in force 2023-09-15: within 72 hours.
    {
      country: 'KR',
      authority: 'PIPC / KISA',
      provision: 'PIPA art. 34(3); Enforcement Decree art. 40',
      period: 72,
      unit: 'hours',
      from: 'awareness',
    },
    // Malaysia: PDPA 2010 s. 12B (Amendment Act 2024) and the Commissioner's guideline: within 72 hours.
    {
      country: 'MY',
      authority: 'JPDP',
      provision: 'PDPA 2010 s. 12B',
      period: 72,
      unit: 'hours',
      from: 'awareness',
    },
    // Singapore: PDPA 2012 s. 26D(1): no later than 3 calendar days after the day of the assessment.
    {
      country: 'SG',
      authority: 'PDPC',
      provision: 'PDPA 2012 s. 26D(1)',
      period: 3,
      unit: 'calendar_days',
      from: 'breach_assessed',
    },
    // Japan: APPI art. 26(1), PPC Rules art. 8(2): the report within 30 days of becoming aware (60 for a breach
    // with an unlawful purpose, which the group may set as its own rule).
    {
      country: 'JP',
      authority: 'PPC',
      provision: 'APPI art. 26(1); PPC Rules art. 8(2)',
      period: 30,
      unit: 'calendar_days',
      from: 'awareness',
    },
  ],
};

/** The events an incident's clocks start and stop at (timestamps, null until they happen). */
export type IncidentEvents = {
  level: Level | null;
  /** Whether personal data is involved (information impact "privacy"), with the site's country and time zone. */
  personalData?: { country: string; timeZone: string };
  breachAssessedAt?: Date | null;
  authorityNotifiedAt?: Date | null;
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

/** The offset in ms of a time zone at an instant (positive east of UTC). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The end of the `days`-th calendar day after the day of `at` in `timeZone`: the last instant before midnight.
 * "No later than 3 calendar days after the day" of a Monday assessment is the end of Thursday.
 */
export function endOfCalendarDaysAfter(at: Date, days: number, timeZone: string): Date {
  const local = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
  const nextMidnightLocal = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + days + 1,
  );
  // The zone's offset at that midnight (a change of offset in between moves it).
  const guess = new Date(nextMidnightLocal - zoneOffsetMs(at, timeZone));
  return new Date(nextMidnightLocal - zoneOffsetMs(guess, timeZone) - 1);
}

/** The breach-notification clock, when personal data is involved and the site's country has a period. */
function breachClock(e: IncidentEvents, rules: ClockRules): Clock | null {
  if (!e.personalData) return null;
  const rule = (rules.breachNotification ?? []).find((r) => r.country === e.personalData?.country);
  if (!rule) return null;
  const startAt = rule.from === 'awareness' ? e.awareAt : (e.breachAssessedAt ?? null);
  const dueAt = !startAt
    ? null
    : rule.unit === 'hours'
      ? addHours(startAt, rule.period)
      : endOfCalendarDaysAfter(startAt, rule.period, e.personalData.timeZone);
  return {
    clock: 'breach_notification',
    startEvent: rule.from === 'awareness' ? 'awareness' : 'breach_assessed',
    startAt,
    dueAt,
    doneAt: e.authorityNotifiedAt ?? null,
    hoursFromLevel: null,
  };
}

/** The clocks of an incident from its events: each from its own start event, so a level change recomputes. */
export function incidentClocks(e: IncidentEvents, rules: ClockRules): Clock[] {
  const breach = breachClock(e, rules);
  return breach ? [...levelClocks(e, rules), breach] : levelClocks(e, rules);
}

function levelClocks(e: IncidentEvents, rules: ClockRules): Clock[] {
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

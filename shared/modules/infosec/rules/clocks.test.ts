import { describe, expect, it } from 'vitest';
import {
  addMonths,
  type Clock,
  clockState,
  defaultClockRules,
  endOfCalendarDaysAfter,
  type IncidentEvents,
  incidentClocks,
} from './clocks.ts';

/**
 * Worked examples of the clocks of 資通安全事件通報及應變辦法 Art. 4 (report within 1 hour of awareness),
 * Art. 5 (level reviewed within 8 h for levels 1–2, 2 h for levels 3–4) and Art. 6 (damage controlled or
 * recovered within 72 h / 36 h of awareness; the investigation report within one month after recovery).
 */
const aware = new Date('2026-03-02T01:00:00Z');
const base: IncidentEvents = {
  level: null,
  awareAt: aware,
  cisoReportedAt: null,
  levelReviewedAt: null,
  recoveredAt: null,
  investigationReportedAt: null,
};
const minutes = (n: number) => new Date(aware.getTime() + n * 60_000);
const byName = (events: IncidentEvents) =>
  Object.fromEntries(incidentClocks(events, defaultClockRules).map((c) => [c.clock, c]));

describe('incident clocks', () => {
  it('the 1-hour report clock is running at 60 minutes and overdue at 61 (Art. 4)', () => {
    const report = byName(base).report;
    expect(report.startEvent).toBe('awareness');
    expect(report.dueAt).toEqual(minutes(60));
    expect(clockState(report, minutes(60))).toBe('running');
    expect(clockState(report, minutes(61))).toBe('overdue');
  });

  it('a level-3 incident must be recovered 36 hours after awareness (Art. 6)', () => {
    const recovery = byName({ ...base, level: 3 }).recovery;
    expect(recovery.startEvent).toBe('awareness');
    expect(recovery.dueAt).toEqual(new Date('2026-03-03T13:00:00Z'));
    expect(clockState(recovery, minutes(36 * 60))).toBe('running');
    expect(clockState(recovery, minutes(36 * 60 + 1))).toBe('overdue');
  });

  it('a level change from 2 to 3 recomputes the running clocks from the same start events', () => {
    const reported = new Date('2026-03-02T01:40:00Z');
    const two = byName({ ...base, level: 2, cisoReportedAt: reported });
    expect(two.level_review.dueAt).toEqual(new Date('2026-03-02T09:40:00Z')); // 8 h after the report
    expect(two.recovery.dueAt).toEqual(new Date('2026-03-05T01:00:00Z')); // 72 h after awareness
    const three = byName({ ...base, level: 3, cisoReportedAt: reported });
    expect(three.level_review.startAt).toEqual(reported);
    expect(three.level_review.dueAt).toEqual(new Date('2026-03-02T03:40:00Z')); // 2 h after the report
    expect(three.recovery.startAt).toEqual(aware);
    expect(three.recovery.dueAt).toEqual(new Date('2026-03-03T13:00:00Z')); // 36 h after awareness
    expect(three.report.dueAt).toEqual(two.report.dueAt); // the report clock does not depend on the level
  });

  it('an unclassified incident runs on the strict hours of levels 3–4', () => {
    const clocks = byName({ ...base, cisoReportedAt: minutes(30) });
    expect(clocks.recovery.dueAt).toEqual(minutes(36 * 60));
    expect(clocks.level_review.dueAt).toEqual(minutes(150));
  });

  it('the level review and investigation report wait for their start events', () => {
    const clocks = byName(base);
    expect(clockState(clocks.level_review, minutes(500))).toBe('waiting');
    expect(clockState(clocks.investigation_report, minutes(500))).toBe('waiting');
  });

  it('the investigation report is due one calendar month after recovery, clamped to the month end', () => {
    const recovered = new Date('2026-01-31T08:00:00Z');
    const clocks = byName({ ...base, level: 1, recoveredAt: recovered });
    expect(clocks.investigation_report.dueAt).toEqual(new Date('2026-02-28T08:00:00Z'));
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1)).toEqual(new Date('2028-02-29T00:00:00Z'));
  });

  it('a clock stopped after its due time was missed, before it met', () => {
    const late = byName({ ...base, cisoReportedAt: minutes(75) }).report;
    expect(clockState(late, minutes(100))).toBe('missed');
    const onTime = byName({ ...base, cisoReportedAt: minutes(59) }).report;
    expect(clockState(onTime, minutes(100))).toBe('met');
  });
});

describe('the personal-data breach notification clock, by the site country’s law', () => {
  const privacy = (country: string, timeZone: string, more: Partial<IncidentEvents> = {}) =>
    incidentClocks({ ...base, personalData: { country, timeZone }, ...more }, defaultClockRules).find(
      (c) => c.clock === 'breach_notification',
    );

  it('runs 72 hours from awareness in Korea (PIPA art. 34(3), Enforcement Decree art. 40, from 2023-09-15)', () => {
    const clock = privacy('KR', 'Asia/Seoul');
    expect(clock).toMatchObject({ startEvent: 'awareness', startAt: aware });
    expect(clock?.dueAt).toEqual(new Date('2026-03-05T01:00:00Z'));
  });

  it('runs to the end of the third calendar day after the assessment in Singapore (PDPA s. 26D(1))', () => {
    expect(clockState(privacy('SG', 'Asia/Singapore') as Clock, aware)).toBe('waiting');
    // Assessed on Monday 2 March 2026 at 10:00 in Singapore: due by the end of Thursday 5 March there.
    const clock = privacy('SG', 'Asia/Singapore', { breachAssessedAt: new Date('2026-03-02T02:00:00Z') });
    expect(clock).toMatchObject({ startEvent: 'breach_assessed' });
    expect(clock?.dueAt).toEqual(new Date('2026-03-05T15:59:59.999Z'));
  });

  it('runs 30 days from the day of awareness in Japan (APPI art. 26, PPC Rules art. 8(2)), month ends counted through', () => {
    // Aware on 31 January at 09:00 in Tokyo: 30 days after is 2 March, due by its end.
    const clock = privacy('JP', 'Asia/Tokyo', { awareAt: new Date('2026-01-31T00:00:00Z') });
    expect(clock?.dueAt).toEqual(new Date('2026-03-02T14:59:59.999Z'));
  });

  it('counts calendar days in the site’s zone across a change of its offset', () => {
    // 7 March 2026, noon in New York (EST); three days after ends at the end of 10 March, by then on EDT.
    expect(endOfCalendarDaysAfter(new Date('2026-03-07T17:00:00Z'), 3, 'America/New_York')).toEqual(
      new Date('2026-03-11T03:59:59.999Z'),
    );
  });

  it('stops when the authority is notified; no clock without personal data or without a period for the country', () => {
    const notified = privacy('KR', 'Asia/Seoul', { authorityNotifiedAt: new Date('2026-03-04T01:00:00Z') });
    expect(clockState(notified as Clock, new Date('2026-03-06T00:00:00Z'))).toBe('met');
    // Taiwan's PDPA (art. 12) and China's PIPL (art. 57) set no period in hours or days: no default row.
    expect(privacy('TW', 'Asia/Taipei')).toBeUndefined();
    expect(incidentClocks(base, defaultClockRules).map((c) => c.clock)).not.toContain('breach_notification');
  });
});

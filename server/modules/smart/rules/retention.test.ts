import { describe, expect, it } from 'vitest';
import {
  defaultRetention,
  droppablePartitions,
  hourRollupCutoff,
  minuteRollupCutoff,
  monthOfPartition,
  rawCutoff,
  rawCutoffs,
} from './retention.ts';

const at = (iso: string) => new Date(iso);

describe('retention of readings', () => {
  it('removes raw readings older than the period in whole days, a kind with its own period apart', () => {
    const settings = { ...defaultRetention, rawDays: 90, rawDaysByKind: { vibration: 30 } };
    const now = at('2026-03-01T06:00:00Z');
    expect(rawCutoff(settings, 'temperature', now).toISOString()).toBe('2025-12-01T06:00:00.000Z');
    expect(rawCutoff(settings, 'vibration', now).toISOString()).toBe('2026-01-30T06:00:00.000Z');
    const groups = rawCutoffs(settings, now);
    expect(groups).toHaveLength(2);
    expect(groups[1].kinds).toEqual(['vibration']);
    expect(groups[0].kinds).toContain('temperature');
  });

  it('counts a leap year’s 29 February among the days', () => {
    // 2024 is a leap year: 60 days before 1 March 2024 is 1 January, not 31 December.
    const settings = { ...defaultRetention, rawDays: 60 };
    expect(rawCutoff(settings, 'oxygen', at('2024-03-01T00:00:00Z')).toISOString()).toBe(
      '2024-01-01T00:00:00.000Z',
    );
    // 2024 has 366 days: 366 days before its last day is the last day of 2023.
    expect(
      minuteRollupCutoff(
        { ...defaultRetention, minuteRollupDays: 366 },
        at('2024-12-31T00:00:00Z'),
      ).toISOString(),
    ).toBe('2023-12-31T00:00:00.000Z');
  });

  it('keeps hourly roll-ups for calendar years, from 29 February to the 28th', () => {
    const settings = { ...defaultRetention, hourRollupYears: 10 };
    expect(hourRollupCutoff(settings, at('2026-07-15T10:30:00Z')).toISOString()).toBe(
      '2016-07-15T10:30:00.000Z',
    );
    expect(
      hourRollupCutoff({ ...settings, hourRollupYears: 1 }, at('2024-02-29T12:00:00Z')).toISOString(),
    ).toBe('2023-02-28T12:00:00.000Z');
    expect(
      hourRollupCutoff({ ...settings, hourRollupYears: 4 }, at('2024-02-29T12:00:00Z')).toISOString(),
    ).toBe('2020-02-29T12:00:00.000Z');
  });

  it('reads the month of a partition from its name, and nothing from another table', () => {
    expect(monthOfPartition('smart_readings_202412')).toEqual({
      from: at('2024-12-01T00:00:00Z'),
      to: at('2025-01-01T00:00:00Z'),
    });
    expect(monthOfPartition('smart_readings_default')).toBeNull();
    expect(monthOfPartition('smart_readings_202413')).toBeNull();
  });

  it('drops a month whole only when all of it is older than the kind kept longest', () => {
    const names = [
      'smart_readings_202510',
      'smart_readings_202511',
      'smart_readings_202512',
      'smart_readings_default',
    ];
    const now = at('2026-03-01T00:00:00Z');
    // 90 days back is 1 December 2025: November ends at that instant and goes; December stays.
    expect(droppablePartitions(names, { ...defaultRetention, rawDays: 90 }, now)).toEqual([
      'smart_readings_202510',
      'smart_readings_202511',
    ]);
    // One kind kept for 150 days holds October and November back; the others lose their rows one by one.
    expect(
      droppablePartitions(names, { ...defaultRetention, rawDays: 90, rawDaysByKind: { noise: 150 } }, now),
    ).toEqual([]);
  });
});

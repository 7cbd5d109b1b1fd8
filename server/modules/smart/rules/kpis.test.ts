import { describe, expect, it } from 'vitest';
import { alarmKpis, defaultKpiThresholds, floodsOf, type KpiAlarm } from './kpis.ts';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
let n = 0;
/** An alarm raised at `raised` (ISO), by its own sensor unless one is named. */
function alarm(raised: string, more: Partial<KpiAlarm> = {}): KpiAlarm {
  n++;
  return {
    id: `a${n}`,
    sensorId: `s${n}`,
    condition: 'h',
    position: 'A',
    raisedAt: at(raised),
    clearedAt: at(raised) + MIN,
    ...more,
  };
}
const th = defaultKpiThresholds;

describe('alarm rate per operator position and 10-minute window', () => {
  it('answers zero and empty lists for a period without alarms, never a made-up figure', () => {
    const r = alarmKpis([], at('2026-01-31T23:00Z'), at('2026-02-01T01:00Z'), th);
    expect(r.total).toBe(0);
    // Two hours: 12 windows, each empty.
    expect(r.windows).toHaveLength(12);
    expect(r.windows.every((w) => w.count === 0)).toBe(true);
    expect(r).toMatchObject({
      positions: [],
      floods: [],
      floodTimeShare: 0,
      chattering: [],
      stale: [],
      badActors: [],
      badActorsShare: 0,
    });
  });

  it('counts windows across midnight at a month end, per area', () => {
    // 23:40 → 00:20 on 31 January / 1 February: windows 23:40, 23:50, 00:00, 00:10.
    // Area A: 23:41 | 23:59:59 | 00:00:00, 00:05, 00:09:59.999 | —  → 1, 1, 3, 0
    // No area: 00:15 → 0, 0, 0, 1
    const alarms = [
      alarm('2026-01-31T23:41:00Z'),
      alarm('2026-01-31T23:59:59Z'),
      alarm('2026-02-01T00:00:00Z'),
      alarm('2026-02-01T00:05:00Z'),
      alarm('2026-02-01T00:09:59.999Z'),
      alarm('2026-02-01T00:15:00Z', { position: null }),
      alarm('2026-02-01T00:20:00Z'), // at the end of the period: outside it
    ];
    const r = alarmKpis(alarms, at('2026-01-31T23:40Z'), at('2026-02-01T00:20Z'), th);
    expect(r.total).toBe(6);
    expect(r.windows.map((w) => [new Date(w.start).toISOString().slice(11, 16), w.count])).toEqual([
      ['23:40', 1],
      ['23:50', 1],
      ['00:00', 3],
      ['00:10', 1],
    ]);
    // A: 5 alarms over 4 windows = 1.25 a window; the 00:00 window (3) is above 1 and above 2: 1 of 4.
    // No area: 1 over 4 = 0.25, never above.
    expect(r.positions).toEqual([
      {
        position: 'A',
        alarms: 5,
        averagePerWindow: 1.25,
        peakPerWindow: 3,
        aboveAcceptable: 0.25,
        aboveManageable: 0.25,
      },
      {
        position: null,
        alarms: 1,
        averagePerWindow: 0.25,
        peakPerWindow: 1,
        aboveAcceptable: 0,
        aboveManageable: 0,
      },
    ]);
  });

  it('aligns windows on the clock, a partial window at either end counting for its length in the average', () => {
    // 23:45 → 00:05: windows 23:40 (half), 23:50, 00:00 (half); 20 minutes are 2 windows' worth.
    const r = alarmKpis(
      [alarm('2026-03-31T23:46:00Z'), alarm('2026-04-01T00:01:00Z')],
      at('2026-03-31T23:45Z'),
      at('2026-04-01T00:05Z'),
      th,
    );
    expect(r.windows.map((w) => w.count)).toEqual([1, 0, 1]);
    expect(r.positions[0]).toMatchObject({ averagePerWindow: 1, peakPerWindow: 1, aboveAcceptable: 0 });
  });
});

describe('alarm floods (more than 10 within 10 minutes, until fewer than 5 in the last 10)', () => {
  const minute = (m: number, s = 0) => at('2026-05-04T08:00Z') + m * MIN + s * 1000;

  it('does not call 11 alarms one a minute a flood: at most 10 fall within any 10 minutes', () => {
    const times = Array.from({ length: 11 }, (_, i) => minute(i)); // 08:00 … 08:10
    expect(floodsOf(times, 10 * MIN, 10, 5, minute(120))).toEqual([]);
  });

  it('starts at the first of 11 within 10 minutes and ends when fewer than 5 remain in the last 10', () => {
    // 08:00 … 08:10 one a minute, plus 08:09:30: at 08:09:30 the last 10 minutes hold 08:00 … 08:09 and
    // 08:09:30, 11 alarms: the flood starts at 08:00. Then one alarm leaves the window each minute from 08:10
    // (08:00 leaves as 08:10 arrives: still 11); at 08:10 + j it holds 11 − j, first below 5 at j = 7: 08:17,
    // when (08:07, 08:17] holds 08:08, 08:09, 08:09:30 and 08:10. 12 alarms were raised in [08:00, 08:17).
    const times = [...Array.from({ length: 11 }, (_, i) => minute(i)), minute(9, 30)].sort((a, b) => a - b);
    expect(floodsOf(times, 10 * MIN, 10, 5, minute(120))).toEqual([
      { start: minute(0), end: minute(17), alarms: 12 },
    ]);
  });

  it('takes alarms raised at the same instant together, and a flood still on at the end has no end', () => {
    // 11 at 08:00:00: a flood; all leave the window at 08:10 (0 < 5). 12 from 09:55:00 every 5 s: a flood
    // that would last until 10:05, past the end of the period (10:00).
    const times = [
      ...Array.from({ length: 11 }, () => minute(0)),
      ...Array.from({ length: 12 }, (_, i) => minute(115, i * 5)),
    ];
    expect(floodsOf(times, 10 * MIN, 10, 5, minute(120))).toEqual([
      { start: minute(0), end: minute(10), alarms: 11 },
      { start: minute(115), end: null, alarms: 12 },
    ]);
  });

  it('reports floods per position with the share of the period spent in flood', () => {
    // The 08:00–08:17 flood of area A and the 09:55–10:00 one of area B: 22 of 120 minutes (18.3 %),
    // far above the 1 % target. Floods of two positions at once would be counted once.
    const a = [...Array.from({ length: 11 }, (_, i) => minute(i)), minute(9, 30)].map((t) =>
      alarm(new Date(t).toISOString(), { position: 'A' }),
    );
    const b = Array.from({ length: 12 }, (_, i) =>
      alarm(new Date(minute(115, i * 5)).toISOString(), { position: 'B' }),
    );
    const c = Array.from({ length: 11 }, () => alarm(new Date(minute(5)).toISOString(), { position: 'C' }));
    const r = alarmKpis([...a, ...b], minute(0), minute(120), th);
    expect(r.floods).toEqual([
      { position: 'A', start: minute(0), end: minute(17), alarms: 12 },
      { position: 'B', start: minute(115), end: null, alarms: 12 },
    ]);
    expect(r.floodTimeShare).toBeCloseTo(22 / 120, 10);
    // Area C floods 08:05–08:15 inside A's 08:00–08:17: the time in flood stays 22 minutes.
    const withC = alarmKpis([...a, ...b, ...c], minute(0), minute(120), th);
    expect(withC.floods).toHaveLength(3);
    expect(withC.floodTimeShare).toBeCloseTo(22 / 120, 10);
  });
});

describe('chattering, stale alarms and bad actors', () => {
  it('finds the alarms raised 3 or more times within 60 seconds, by sensor and condition', () => {
    const X = { sensorId: 'X', condition: 'h' };
    const Y = { sensorId: 'Y', condition: 'h' };
    const Z = { sensorId: 'Z', condition: 'l' };
    const alarms = [
      // X high: 0 s, 30 s, 59 s: three within 60 s. X high-high once: another alarm.
      alarm('2026-06-30T23:59:30Z', X),
      alarm('2026-07-01T00:00:00Z', X),
      alarm('2026-07-01T00:00:29Z', X),
      alarm('2026-07-01T00:00:10Z', { sensorId: 'X', condition: 'hh' }),
      // Y: 0 s, 30 s, 60 s: the first and the third are a full minute apart, so not chattering.
      alarm('2026-07-01T01:00:00Z', Y),
      alarm('2026-07-01T01:00:30Z', Y),
      alarm('2026-07-01T01:01:00Z', Y),
      // Z low: four within 50 s, and once more five minutes later: 5 alarms, at most 4 within 60 s.
      alarm('2026-07-01T02:00:00Z', Z),
      alarm('2026-07-01T02:00:20Z', Z),
      alarm('2026-07-01T02:00:40Z', Z),
      alarm('2026-07-01T02:00:50Z', Z),
      alarm('2026-07-01T02:05:50Z', Z),
    ];
    const r = alarmKpis(alarms, at('2026-06-30T23:00Z'), at('2026-07-01T03:00Z'), th);
    expect(r.chattering).toEqual([
      { sensorId: 'Z', condition: 'l', alarms: 5, mostWithin: 4, firstAt: at('2026-07-01T02:00:00Z') },
      { sensorId: 'X', condition: 'h', alarms: 3, mostWithin: 3, firstAt: at('2026-06-30T23:59:30Z') },
    ]);
  });

  it('counts every raise of an alarm for chattering, not its records: one alarm re-activated twice chatters', () => {
    // One alarm record (never acknowledged, so each return re-activated it), raised at 0 s, 20 s and 40 s.
    const one = alarm('2026-07-01T00:00:00Z', { sensorId: 'R', clearedAt: null });
    const raises = ['2026-07-01T00:00:00Z', '2026-07-01T00:00:20Z', '2026-07-01T00:00:40Z'].map((t) => ({
      sensorId: 'R',
      condition: 'h',
      position: 'A',
      at: at(t),
    }));
    const period = [at('2026-06-30T23:00Z'), at('2026-07-01T01:00Z')] as const;
    expect(alarmKpis([one], ...period, th).chattering).toEqual([]);
    const r = alarmKpis([one], ...period, th, raises);
    expect(r.chattering).toEqual([
      { sensorId: 'R', condition: 'h', alarms: 3, mostWithin: 3, firstAt: at('2026-07-01T00:00:00Z') },
    ]);
    // The rate counts each annunciation too: three raises, not one record.
    expect(r.total).toBe(3);
    expect(r.positions[0]).toMatchObject({ position: 'A', alarms: 3 });
    // Raises before the period do not count in it: two inside the period are not three.
    const later = alarmKpis([one], at('2026-07-01T00:00:10Z'), at('2026-07-01T01:00Z'), th, raises);
    expect(later.chattering).toEqual([]);
    // Three raises a full minute from first to last are not within 60 seconds.
    const slow = raises.map((x, i) => ({ ...x, at: at('2026-07-01T00:00:00Z') + i * 30_000 }));
    expect(alarmKpis([one], ...period, th, slow).chattering).toEqual([]);
  });

  it('lists as stale the alarms active at the end of the period for more than 24 hours', () => {
    // The period: 28 February 2026 (not a leap year) until 1 March 00:00.
    const end = '2026-03-01T00:00:00Z';
    const alarms = [
      // Raised 24 h and 1 s before the end, still active: stale (raised before the period, not counted in it).
      alarm('2026-02-27T23:59:59Z', { id: 'old', clearedAt: null }),
      // Exactly 24 h: not more than 24 h.
      alarm('2026-02-28T00:00:00Z', { id: 'day', clearedAt: null }),
      // Cleared after the end: active at the end, for 8 days and 14 hours.
      alarm('2026-02-20T10:00:00Z', { id: 'cleared-later', clearedAt: at('2026-03-01T00:00:01Z') }),
      // Cleared before the end: not stale.
      alarm('2026-02-20T10:00:00Z', { id: 'cleared', clearedAt: at('2026-02-28T12:00:00Z') }),
    ];
    const r = alarmKpis(alarms, at('2026-02-28T00:00Z'), at(end), th);
    expect(r.total).toBe(1);
    expect(r.stale.map((s) => s.id)).toEqual(['cleared-later', 'old']);
    expect(r.stale[0].activeHours).toBe(8 * 24 + 14);
    expect(r.stale[1].activeHours).toBeCloseTo(24 + 1 / 3600, 10);
  });

  it('names the 10 most frequent alarms with their shares, which sum to at most all alarms', () => {
    // Sensors S1 … S12 raise 12, 11, … 1 alarms (78 in all); the top 10 raise 12 + … + 3 = 75.
    const alarms: KpiAlarm[] = [];
    for (let s = 1; s <= 12; s++)
      for (let i = 0; i < 13 - s; i++)
        alarms.push(
          alarm(new Date(at('2026-08-01T00:00Z') + (s * 13 + i) * 5 * MIN).toISOString(), {
            sensorId: `S${s}`,
          }),
        );
    const r = alarmKpis(alarms, at('2026-08-01T00:00Z'), at('2026-08-02T00:00Z'), th);
    expect(r.total).toBe(78);
    expect(r.badActors.map((b) => [b.sensorId, b.alarms])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`S${i + 1}`, 12 - i]),
    );
    expect(r.badActors[0].share).toBeCloseTo(12 / 78, 10);
    expect(r.badActorsShare).toBeCloseTo(75 / 78, 10);
  });

  it('refuses a period that does not end after it starts', () => {
    expect(() => alarmKpis([], at('2026-01-01Z'), at('2026-01-01Z'), th)).toThrow(RangeError);
  });
});

describe('every figure counts annunciations (raises), not alarm records', () => {
  const t = (hhmmss: string) => at(`2026-09-14T${hhmmss}Z`);
  const raise = (sensorId: string, hhmmss: string, position = 'A') => ({
    sensorId,
    condition: 'h',
    position,
    at: t(hhmmss),
  });

  /**
   * A worked example built from the definitions: ISA-18.2 §16.9 states the alarm rate as annunciated alarms per
   * operator position and time, in 10-minute periods (EEMUA 191 Table 9: 1 very likely acceptable, 2
   * manageable); a flood starts when more than 10 alarms are annunciated within 10 minutes and ends when fewer
   * than 5 were in the last 10 (§16.9.5); ISA-TR18.2.5: 3 raises within 60 s are chattering; the top 10 alarms'
   * share of the load (EEMUA 191 "bad actors"); stale: active more than 24 hours.
   *
   * Period 08:00–09:00 (six windows). Area A: sensor X's high alarm, one record never acknowledged, annunciated
   * 8 times 20 s apart (08:02:00 … 08:04:20), and four other alarms once each at 08:06, 08:07, 08:08, 08:09.
   * Area B: one alarm at 08:30. Area B also holds an alarm raised two days before and still active.
   *
   * Rate: window 08:00 holds 8 + 4 = 12 annunciations of A, window 08:30 one of B; 13 in all. A: 12 over six
   * windows = 2 a window, peak 12, one window of six above 1 and above 2; B: 1/6, peak 1.
   * Flood (A): the 11th annunciation, 08:08, has all 11 within (07:58, 08:08]: more than 10, so a flood from
   * the first of them, 08:02:00. After 08:09 none arrives; each leaves the window 10 minutes after it came:
   * 12 at 08:09, 11 at 08:12:00, 10 at 08:12:20, … 5 at 08:14:00, 4 at 08:14:20: the flood ends at 08:14:20,
   * 12 annunciations and 12 min 20 s (740 s) long, 740/3600 of the period. Counted by records, A had 5 alarms
   * within those 10 minutes: no flood at all.
   * Chattering: X's raises 20 s apart put 3 within any 60 s (the 4th is a full minute after the 1st).
   * Bad actors: X 8 of 13, each other 1 of 13; the top 2 (X, then the 08:06 alarm, the earlier of the ties)
   * 9 of 13. Stale: the record raised two days before, not counted in the rate (raised before the period).
   */
  const raises = [
    ...['08:02:00', '08:02:20', '08:02:40', '08:03:00', '08:03:20', '08:03:40', '08:04:00', '08:04:20'].map(
      (hhmmss) => raise('X', hhmmss),
    ),
    raise('Y1', '08:06:00'),
    raise('Y2', '08:07:00'),
    raise('Y3', '08:08:00'),
    raise('Y4', '08:09:00'),
    raise('Z', '08:30:00', 'B'),
  ];
  const records: KpiAlarm[] = [
    alarm('2026-09-14T08:02:00Z', { id: 'x', sensorId: 'X', clearedAt: null }),
    ...['Y1', 'Y2', 'Y3', 'Y4'].map((sensorId, i) => alarm(`2026-09-14T08:0${6 + i}:00Z`, { sensorId })),
    alarm('2026-09-14T08:30:00Z', { sensorId: 'Z', position: 'B' }),
    alarm('2026-09-12T08:00:00Z', { id: 'standing', sensorId: 'S', position: 'B', clearedAt: null }),
  ];
  const period = [t('08:00:00'), t('09:00:00')] as const;

  it('weighs a chattering alarm in the rate, the floods and the bad actors as often as it was annunciated', () => {
    const r = alarmKpis(records, ...period, th, raises);
    expect(r.total).toBe(13);
    expect(r.windows.map((w) => w.count)).toEqual([12, 0, 0, 1, 0, 0]);
    expect(r.positions).toEqual([
      {
        position: 'A',
        alarms: 12,
        averagePerWindow: 2,
        peakPerWindow: 12,
        aboveAcceptable: 1 / 6,
        aboveManageable: 1 / 6,
      },
      {
        position: 'B',
        alarms: 1,
        averagePerWindow: 1 / 6,
        peakPerWindow: 1,
        aboveAcceptable: 0,
        aboveManageable: 0,
      },
    ]);
    expect(r.floods).toEqual([{ position: 'A', start: t('08:02:00'), end: t('08:14:20'), alarms: 12 }]);
    expect(r.floodTimeShare).toBeCloseTo(740 / 3600, 12);
    expect(r.chattering).toEqual([
      { sensorId: 'X', condition: 'h', alarms: 8, mostWithin: 3, firstAt: t('08:02:00') },
    ]);
    expect(r.badActors.map((b) => [b.sensorId, b.alarms])).toEqual([
      ['X', 8],
      ['Y1', 1],
      ['Y2', 1],
      ['Y3', 1],
      ['Y4', 1],
      ['Z', 1],
    ]);
    expect(r.badActors[0].share).toBeCloseTo(8 / 13, 12);
    expect(r.badActorsShare).toBe(1);
    const top2 = alarmKpis(records, ...period, { ...th, badActors: 2 }, raises);
    expect(top2.badActors.map((b) => b.sensorId)).toEqual(['X', 'Y1']);
    expect(top2.badActorsShare).toBeCloseTo(9 / 13, 12);
    // Stale alarms stay on the records: the standing one, active 49 hours at the end of the period.
    expect(r.stale).toEqual([expect.objectContaining({ id: 'standing', activeHours: 49 })]);
  });

  it('keeps every part within its whole: positions and windows sum to the total, bad actors at most all', () => {
    const r = alarmKpis(records, ...period, th, raises);
    const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
    expect(sum(r.positions.map((p) => p.alarms))).toBe(r.total);
    expect(sum(r.windows.map((w) => w.count))).toBe(r.total);
    expect(sum(r.badActors.map((b) => b.alarms))).toBeLessThanOrEqual(r.total);
    expect(r.badActorsShare).toBeLessThanOrEqual(1);
    for (const f of r.floods) expect(f.alarms).toBeLessThanOrEqual(r.total);
    for (const c of r.chattering) expect(c.alarms).toBeLessThanOrEqual(r.total);
  });

  it('finds no flood in the same period counted by records, which hides what the operator was shown', () => {
    const byRecords = alarmKpis(records, ...period, th);
    expect(byRecords.total).toBe(6);
    expect(byRecords.floods).toEqual([]);
    expect(byRecords.chattering).toEqual([]);
  });
});

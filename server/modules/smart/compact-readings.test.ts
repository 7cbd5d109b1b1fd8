import { describe, expect, it } from 'vitest';
import { compactReadings } from './repo.ts';

describe('readings as the insert statement takes them', () => {
  it('lists each sensor once and keeps every reading’s place, time, value and late mark in step', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const site = '00000000-0000-4000-8000-0000000000aa';
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 7, 8, 0, 0, ms));
    const input = compactReadings([
      { sensorId: a, siteId: site, at: at(1), value: 1.5, late: false },
      { sensorId: b, siteId: site, at: at(2), value: -2, late: true },
      { sensorId: a, siteId: site, at: at(3), value: 1e-7, late: false },
    ]);
    expect(input).toEqual({
      sensorIds: [a, b],
      siteIds: [site, site],
      sensorOf: [1, 2, 1],
      ms: [at(1).getTime(), at(2).getTime(), at(3).getTime()],
      values: [1.5, -2, 1e-7],
      late: [0, 1, 0],
    });
  });
});

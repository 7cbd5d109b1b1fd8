import { describe, expect, it } from 'vitest';
import { createSensorMemories } from './sensor-memories.ts';

const saved = (sensorId: string, judgedAt: number, value: number) => ({
  sensorId,
  judgedAt: new Date(judgedAt),
  state: { last: { at: judgedAt, value } },
});

describe('sensor memories held between batches', () => {
  it('uses the memory held only while the database says it was judged at the same time', () => {
    const memories = createSensorMemories(10);
    memories.remember([saved('a', 1_000, 1)]);
    expect(memories.judgedTimes(['a', 'b'])).toEqual(new Map([['a', 1_000]]));
    // The database returned no state: the one held is current.
    expect(memories.of('a', { judgedAt: 1_000, state: null })).toEqual({ last: { at: 1_000, value: 1 } });
    // Another process judged since: its state wins.
    expect(memories.of('a', { judgedAt: 2_000, state: { last: { at: 2_000, value: 2 } } })).toEqual({
      last: { at: 2_000, value: 2 },
    });
    // Never judged, nothing held: an empty memory.
    expect(memories.of('b', { judgedAt: null, state: {} })).toEqual({});
  });

  it('drops the least recently saved past its bound, and forgets on request', () => {
    const memories = createSensorMemories(2);
    memories.remember([saved('a', 1, 1), saved('b', 1, 1)]);
    memories.remember([saved('a', 2, 2), saved('c', 2, 2)]);
    expect(memories.size).toBe(2);
    expect([...memories.judgedTimes(['a', 'b', 'c']).keys()]).toEqual(['a', 'c']);
    memories.forget(['a']);
    expect([...memories.judgedTimes(['a', 'b', 'c']).keys()]).toEqual(['c']);
  });
});

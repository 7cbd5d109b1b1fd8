import { describe, expect, it } from 'vitest';
import { createSensorMemories, judgedTimes, memoryOf } from './sensor-memories.ts';

const saved = (sensorId: string, judgedAt: number, value: number) => ({
  sensorId,
  judgedAt: new Date(judgedAt),
  state: { last: { at: judgedAt, value } },
});

describe('sensor memories held between batches', () => {
  it('judges on the memory held only where the database says it was judged at the same time', () => {
    const memories = createSensorMemories(10);
    memories.remember([saved('a', 1_000, 1)]);
    const held = memories.held(['a', 'b']);
    expect(judgedTimes(held)).toEqual(new Map([['a', 1_000]]));
    // The database returned no state: the one held is current.
    expect(memoryOf(held, 'a', { judgedAt: 1_000, state: null })).toEqual({
      last: { at: 1_000, value: 1 },
    });
    // Another process judged since: its state wins.
    const newer = { last: { at: 2_000, value: 2 } };
    expect(memoryOf(held, 'a', { judgedAt: 2_000, state: newer })).toEqual(newer);
    // Never judged, nothing held: the stored (empty) memory.
    expect(memoryOf(held, 'b', { judgedAt: null, state: {} })).toEqual({});
    // No state and nothing held at that time: a fault, not an empty memory.
    expect(() => memoryOf(held, 'a', { judgedAt: 3_000, state: null })).toThrow(/No memory/);
  });

  it('keeps what a batch took when it began, whatever a failing batch forgets meanwhile', () => {
    const memories = createSensorMemories(10);
    memories.remember([saved('a', 1_000, 1)]);
    const held = memories.held(['a']);
    memories.forget(['a']);
    expect(memories.held(['a']).size).toBe(0);
    expect(memoryOf(held, 'a', { judgedAt: 1_000, state: null })).toEqual({
      last: { at: 1_000, value: 1 },
    });
  });

  it('drops the least recently saved past its bound', () => {
    const memories = createSensorMemories(2);
    memories.remember([saved('a', 1, 1), saved('b', 1, 1)]);
    memories.remember([saved('a', 2, 2), saved('c', 2, 2)]);
    expect(memories.size).toBe(2);
    expect([...memories.held(['a', 'b', 'c']).keys()]).toEqual(['a', 'c']);
  });
});

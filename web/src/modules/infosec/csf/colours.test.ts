import { describe, expect, it } from 'vitest';
import { levelColour } from './colours.ts';

describe('the colour of a maturity score', () => {
  it('is the level colour on a whole level and between two levels in between', () => {
    expect(levelColour(0)).toBe('rgb(201,42,42)');
    expect(levelColour(5)).toBe('rgb(43,138,62)');
    // Halfway between #f59f00 (2) and #94d82d (3).
    expect(levelColour(2.5)).toBe('rgb(197,188,23)');
  });
  it('keeps scores outside 0–5 at the ends of the scale', () => {
    expect(levelColour(-1)).toBe(levelColour(0));
    expect(levelColour(7)).toBe(levelColour(5));
  });
});

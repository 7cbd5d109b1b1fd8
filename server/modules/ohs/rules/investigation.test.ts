import { describe, expect, it } from 'vitest';
import { canMove, closeBlockers } from './investigation.ts';

describe('investigation status', () => {
  it('moves draft → investigating → review → closed, and back from review or closed', () => {
    expect(canMove('draft', 'investigating')).toBe(true);
    expect(canMove('investigating', 'review')).toBe(true);
    expect(canMove('review', 'closed')).toBe(true);
    expect(canMove('review', 'investigating')).toBe(true);
    expect(canMove('closed', 'investigating')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(false);
    expect(canMove('investigating', 'closed')).toBe(false);
  });
});

describe('closing an investigation', () => {
  it('needs a root cause, and an action for each', () => {
    expect(closeBlockers([])).toEqual(['Record at least one root cause.']);
    expect(
      closeBlockers([
        { statement: 'Guard removed for cleaning', actionCount: 1 },
        { statement: 'No lockout procedure', actionCount: 0 },
      ]),
    ).toEqual(['Root cause "No lockout procedure" has no action.']);
    expect(closeBlockers([{ statement: 'Guard removed for cleaning', actionCount: 2 }])).toEqual([]);
  });
});

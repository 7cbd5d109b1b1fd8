import { describe, expect, it } from 'vitest';
import { percent, phishingStepOf, ratesOf } from './phishing.ts';

describe('phishing results', () => {
  it('reads GoPhish’s statuses as the furthest step reached', () => {
    expect(phishingStepOf('Email Sent')).toBe('sent');
    expect(phishingStepOf('Email Opened')).toBe('opened');
    expect(phishingStepOf('Clicked Link')).toBe('clicked');
    expect(phishingStepOf(' submitted  DATA ')).toBe('submitted');
    expect(phishingStepOf('Scheduled')).toBeNull();
    expect(phishingStepOf('Error')).toBeNull();
  });
  it('gives shares in per cent to one decimal, and none of nobody', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
    expect(ratesOf({ targets: 8, opened: 6, clicked: 3, submitted: 1, reported: 2 })).toMatchObject({
      openedRate: 75,
      clickedRate: 37.5,
      submittedRate: 12.5,
      reportedRate: 25,
    });
  });
});

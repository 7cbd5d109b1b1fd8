import { describe, expect, it } from 'vitest';
import { incidentLevel } from './level.ts';

/**
 * Vectors read off Article 2 of 資通安全事件通報及應變辦法 (2021-08-23 text; the four levels are kept in the
 * 2026-01-05 資通安全事件通報應變及演練辦法): paragraph 1 (level 1) to paragraph 4 (level 4), each item in turn.
 */
describe('incident level (資通安全事件通報及應變辦法 Art. 2)', () => {
  const none = { confidentiality: null, integrity: null, availability: null };

  it('level 1: non-core information slightly leaked (Art. 2 ¶1 item 1)', () => {
    expect(incidentLevel({ ...none, confidentiality: { kind: 'general', severity: 'minor' } })).toBe(1);
  });
  it('level 1: non-core operation stopped but restored within the tolerable outage (¶1 item 3)', () => {
    expect(incidentLevel({ ...none, availability: { kind: 'general', withinTolerableOutage: true } })).toBe(
      1,
    );
  });
  it('level 2: non-core information seriously tampered with, or core information slightly (¶2 item 2)', () => {
    expect(incidentLevel({ ...none, integrity: { kind: 'general', severity: 'serious' } })).toBe(2);
    expect(incidentLevel({ ...none, integrity: { kind: 'core', severity: 'minor' } })).toBe(2);
  });
  it('level 2: a core system down but back within its tolerable outage (¶2 item 3)', () => {
    expect(incidentLevel({ ...none, availability: { kind: 'core', withinTolerableOutage: true } })).toBe(2);
  });
  it('level 3: core information seriously leaked, or sensitive information slightly (¶3 item 1)', () => {
    expect(incidentLevel({ ...none, confidentiality: { kind: 'core', severity: 'serious' } })).toBe(3);
    expect(incidentLevel({ ...none, confidentiality: { kind: 'sensitive', severity: 'minor' } })).toBe(3);
  });
  it('level 3: a core system not restored within its tolerable outage (¶3 item 3)', () => {
    expect(incidentLevel({ ...none, availability: { kind: 'core', withinTolerableOutage: false } })).toBe(3);
  });
  it('level 4: sensitive information seriously leaked, or any state secret (¶4 item 1)', () => {
    expect(incidentLevel({ ...none, confidentiality: { kind: 'sensitive', severity: 'serious' } })).toBe(4);
    expect(incidentLevel({ ...none, confidentiality: { kind: 'state_secret', severity: 'minor' } })).toBe(4);
  });
  it('level 4: a critical-infrastructure system not restored within its tolerable outage (¶4 item 3)', () => {
    expect(
      incidentLevel({ ...none, availability: { kind: 'core_infrastructure', withinTolerableOutage: false } }),
    ).toBe(4);
  });
  it('takes the highest level any dimension reaches', () => {
    expect(
      incidentLevel({
        confidentiality: { kind: 'general', severity: 'minor' },
        integrity: null,
        availability: { kind: 'core', withinTolerableOutage: false },
      }),
    ).toBe(3);
  });
  it('gives no level (not level 1) when nothing was affected', () => {
    expect(incidentLevel(none)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { unitaryStatesOn, validationProblems } from './offices.ts';

describe('where a European patent takes effect (EPC art. 141; Regulation (EU) 1257/2012 arts. 4, 11, 18)', () => {
  it('covers the 17 states of the start, and Romania from 2024-09-01', () => {
    expect(unitaryStatesOn('2023-06-01')).toHaveLength(17);
    expect(unitaryStatesOn('2024-08-31')).not.toContain('RO');
    expect(unitaryStatesOn('2024-09-01')).toContain('RO');
    expect(unitaryStatesOn('2024-09-01')).not.toContain('ES');
  });

  it('refuses a national fee in a state the unitary effect covers, and unitary effect before grant or the start', () => {
    const ep = { office: 'EP' as const, grantDate: '2023-07-05', validationStates: [], unitaryEffect: true };
    expect(validationProblems({ ...ep, validationStates: ['GB', 'CH', 'ES'] })).toEqual([]);
    expect(validationProblems({ ...ep, validationStates: ['GB', 'DE', 'FR'] })).toEqual([
      { field: 'validationStates', problem: 'coveredByUnitary', states: ['DE', 'FR'] },
    ]);
    // Romania joined after this grant: validated there nationally, not by the unitary effect.
    expect(validationProblems({ ...ep, validationStates: ['RO'] })).toEqual([]);
    expect(validationProblems({ ...ep, grantDate: '2024-10-01', validationStates: ['RO'] })).toHaveLength(1);
    expect(validationProblems({ ...ep, grantDate: null })).toEqual([
      { field: 'unitaryEffect', problem: 'afterGrant' },
    ]);
    expect(validationProblems({ ...ep, grantDate: '2023-05-31' })).toEqual([
      { field: 'unitaryEffect', problem: 'beforeStart' },
    ]);
    expect(validationProblems({ ...ep, office: 'US', validationStates: ['DE'] })).toEqual([
      { field: 'validationStates', problem: 'epOnly' },
      { field: 'unitaryEffect', problem: 'epOnly' },
    ]);
    // Without unitary effect any state may be recorded, also before grant (the instructions given at grant).
    expect(
      validationProblems({ ...ep, unitaryEffect: false, grantDate: null, validationStates: ['DE'] }),
    ).toEqual([]);
  });
});

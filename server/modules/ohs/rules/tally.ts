import type { RateSet } from '#shared/modules/ohs/statistics/contract.ts';
import {
  formatDecimal,
  frequencyRate,
  frequencySeverityIndex,
  parseDecimal,
  per200k,
  perMillion,
  type RoundingMode,
  severityRate,
  sumFixed,
} from './rates.ts';

/**
 * The counts and hours of a group of rows (a site's month, a subsidiary's year, the group's history) and the
 * rates computed from them. A subsidiary's or the group's rates come from its parts' summed counts and hours
 * (`mergeTallies`), never from averaged rates.
 */
export type Tally = {
  hours: string[];
  disabling: number;
  daysLost: number;
  fatalities: number;
  highConsequence: number;
  recordable: number;
  dart: number;
  lostTime: number;
  types: Map<string, number>;
};
export const emptyTally = (): Tally => ({
  hours: [],
  disabling: 0,
  daysLost: 0,
  fatalities: 0,
  highConsequence: 0,
  recordable: 0,
  dart: 0,
  lostTime: 0,
  types: new Map(),
});

export function mergeTallies(a: Tally, b: Tally): Tally {
  const types = new Map(a.types);
  for (const [k, v] of b.types) types.set(k, (types.get(k) ?? 0) + v);
  return {
    hours: [...a.hours, ...b.hours],
    disabling: a.disabling + b.disabling,
    daysLost: a.daysLost + b.daysLost,
    fatalities: a.fatalities + b.fatalities,
    highConsequence: a.highConsequence + b.highConsequence,
    recordable: a.recordable + b.recordable,
    dart: a.dart + b.dart,
    lostTime: a.lostTime + b.lostTime,
    types,
  };
}

/** Rates always from the summed counts and hours of the group of rows, never from averaged rates. */
export function tallyRates(t: Tally, rounding: RoundingMode): RateSet {
  // Parsed once for the dozen rates below.
  const hours = sumFixed(t.hours.map(parseDecimal));
  const fr = frequencyRate(t.disabling, hours, rounding);
  const sr = severityRate(t.daysLost, hours, rounding);
  return {
    hours: formatDecimal(hours),
    disablingInjuries: t.disabling,
    daysLost: t.daysLost,
    fatalities: t.fatalities,
    highConsequence: t.highConsequence,
    recordable: t.recordable,
    dart: t.dart,
    lostTime: t.lostTime,
    fr,
    sr,
    fsi: frequencySeverityIndex(fr, sr, rounding),
    trir: per200k(t.recordable, hours),
    dartRate: per200k(t.dart, hours),
    ltir: per200k(t.lostTime, hours),
    gri: {
      fatalityRatePerMillion: perMillion(t.fatalities, hours),
      highConsequenceRatePerMillion: perMillion(t.highConsequence, hours),
      recordableRatePerMillion: perMillion(t.recordable, hours),
      fatalityRatePer200k: per200k(t.fatalities, hours),
      highConsequenceRatePer200k: per200k(t.highConsequence, hours),
      recordableRatePer200k: per200k(t.recordable, hours),
    },
    mainInjuryTypes: [...t.types.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([injuryType, count]) => ({ injuryType, count })),
  };
}

import type { ClockName } from './rules/clocks.ts';

/**
 * Every text the program writes on its own (obligation titles), in one place, so that they become message keys
 * (`infosec.clock.<name>` with the reference as a parameter) when the platform's message catalogue lands.
 */
const CLOCK_TITLES: Record<ClockName, (reference: string) => string> = {
  report: (r) => `Report security incident ${r} to the group CISO office`,
  level_review: (r) => `Review the level of security incident ${r}`,
  recovery: (r) => `Control the damage of security incident ${r} or recover service`,
  investigation_report: (r) => `Submit the investigation and improvement report of security incident ${r}`,
};

export function clockTitle(clock: ClockName, reference: string): string {
  return CLOCK_TITLES[clock](reference);
}
